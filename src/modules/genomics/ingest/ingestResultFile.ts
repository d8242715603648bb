import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { ingestCopyNumber, ingestFusions, ingestMetrics } from './ingestCalls.ts';
import { type IngestRequest, ingestVcf } from './ingestVcf.ts';

/** The result files a pipeline hands over, each ingested all-or-nothing into an order's specimen. */
export const INGEST_KINDS = ['vcf', 'copy-number', 'fusions', 'metrics'] as const;
export type IngestKind = (typeof INGEST_KINDS)[number];

export async function ingestResultFile(
  db: Kysely<DB>,
  kind: IngestKind,
  request: IngestRequest,
  progress: (records: number) => void = () => {},
): Promise<Record<string, unknown>> {
  switch (kind) {
    case 'vcf':
      return ingestVcf(db, request, progress);
    case 'copy-number':
      return ingestCopyNumber(db, request, progress);
    case 'fusions':
      return ingestFusions(db, request, progress);
    case 'metrics':
      return ingestMetrics(db, request);
  }
}

/** A kind from a file's name, for the CLI: `.cna.tsv`/`.cnv.tsv`, `.fusions.tsv`, `.json`, else VCF. */
export function kindFromFileName(name: string): IngestKind {
  const lower = name.toLowerCase();
  if (/\.(cna|cnv|copy-?number|segments?)\.tsv$/.test(lower)) return 'copy-number';
  if (/\.fusions?\.tsv$/.test(lower)) return 'fusions';
  if (lower.endsWith('.json')) return 'metrics';
  return 'vcf';
}
