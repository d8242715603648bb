import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { ingestCopyNumber, ingestFusions, ingestMetrics } from './ingestCalls.ts';
import { type IngestRequest, ingestVcf } from './ingestVcf.ts';
import type { IngestKind, IngestProgress } from './kinds.ts';

export { INGEST_KINDS, type IngestKind, kindFromFileName } from './kinds.ts';

export async function ingestResultFile(
  db: Kysely<DB>,
  kind: IngestKind,
  request: IngestRequest,
  progress: IngestProgress = () => {},
): Promise<Record<string, unknown>> {
  // Only VCF ingests wait for one another; ingestVcf says when its turn has come.
  if (kind !== 'vcf') progress(0);
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
