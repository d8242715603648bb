import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { IngestKind } from '../../src/modules/genomics/ingest/kinds.ts';
import type { SampleRole } from '../../src/modules/genomics/ingest/resultFile.ts';
import type { ApiSession } from './apiSession.ts';

/** A result file as the upload form sends it: the bytes, and what the lab says about them. */
export type ResultUpload = {
  kind: IngestKind;
  name: string;
  bytes: Buffer | string;
  /** A multi-sample VCF's sample names and their roles. */
  samples?: Record<string, SampleRole>;
  pipeline?: string;
  pipelineVersion?: string;
};

/** A file under test/fixtures/vcf, as an upload of the given kind. */
export const fixtureUpload = (
  kind: IngestKind,
  name: string,
  more: Omit<ResultUpload, 'kind' | 'name' | 'bytes'> = {},
): ResultUpload => ({
  kind,
  name,
  bytes: readFileSync(fileURLToPath(new URL(`../fixtures/vcf/${name}`, import.meta.url))),
  ...more,
});

/** The tumour/normal VCF fixture with its two samples' roles: the calls most browser tests need. */
export const tumourNormalVcf = (more: Omit<ResultUpload, 'kind' | 'name' | 'bytes' | 'samples'> = {}) =>
  fixtureUpload('vcf', 'tumour-normal.vep.vcf', { samples: { TUMOR: 'tumor', NORMAL: 'normal' }, ...more });

/**
 * A result file sent the way the lab's upload sends it — the bytes as application/octet-stream to
 * POST /api/specimens/:id/results — and its background ingest followed to the end, for a browser
 * test that needs sequencing data in place before the page it is about. Returns the job's result.
 */
export async function ingestOverHttp(
  session: ApiSession,
  specimenId: string,
  file: ResultUpload,
): Promise<Record<string, unknown>> {
  const query = new URLSearchParams({ kind: file.kind, fileName: file.name });
  for (const [name, role] of Object.entries(file.samples ?? {})) query.append('sample', `${name}=${role}`);
  if (file.pipeline) query.set('pipeline', file.pipeline);
  if (file.pipelineVersion) query.set('pipelineVersion', file.pipelineVersion);
  const bytes = typeof file.bytes === 'string' ? Buffer.from(file.bytes) : file.bytes;
  const job = await session.request<{ id: string }>(
    'POST',
    `/api/specimens/${specimenId}/results?${query}`,
    bytes,
  );
  for (let attempt = 0; attempt < 600; attempt++) {
    const state = await session.request<{ status: string; result: Record<string, unknown>; error: unknown }>(
      'GET',
      `/api/ingest-jobs/${job.id}`,
    );
    if (state.status === 'done') return state.result;
    if (state.status === 'failed')
      throw new Error(`ingest of ${file.name} failed: ${JSON.stringify(state.error)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`ingest of ${file.name} did not finish in a minute`);
}
