import path from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import type { ResultFileFormat } from '../../../platform/db/genomicsSchema.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { readCopyNumber } from '../calls/copyNumber.ts';
import type { DragenMetricsOptions } from '../calls/dragenMetrics.ts';
import { readFusions } from '../calls/fusions.ts';
import type { SampleMetrics } from '../calls/model.ts';
import { readSampleMetrics } from '../calls/sampleMetrics.ts';
import type { IngestRequest } from './ingestVcf.ts';
import type { IngestProgress } from './kinds.ts';
import {
  type AlreadyIngested,
  alreadyIngested,
  finishResultFile,
  insertResultFile,
  insertSamples,
  type SampleRole,
  sha256Of,
  specimenOnOrder,
  unlessIngestedMeanwhile,
} from './resultFile.ts';

/**
 * Copy-number segments, fusion calls and sample metrics: the results beside the VCF. Each file is
 * parsed whole before anything is written (they are small: segments and fusions number in the
 * thousands at most), then stored in one transaction with its provenance and audit entry.
 */
export type CallsIngested = {
  status: 'ingested';
  fileId: string;
  drsId: string;
  sha256: string;
  records: number;
};

type Rows = {
  records: number;
  write: (tx: Transaction<DB>, fileId: string, sampleId: string) => Promise<void>;
};

async function ingestCalls(
  db: Kysely<DB>,
  request: IngestRequest,
  format: ResultFileFormat,
  parse: () => Promise<Rows & { sample?: string | null }>,
): Promise<CallsIngested | AlreadyIngested> {
  const { patientId } = await specimenOnOrder(db, request.orderId, request.specimenId);
  const sha256 = await sha256Of(request.file);
  const existing = await alreadyIngested(db, request.specimenId, sha256);
  if (existing) return existing;
  const rows = await parse();
  const role: SampleRole = request.role ?? 'tumor';
  const name =
    Object.keys(request.samples ?? {})[0] ??
    rows.sample ??
    (await sampleNameOnSpecimen(db, request.specimenId, role)) ??
    role.toUpperCase();
  return unlessIngestedMeanwhile(db, { specimenId: request.specimenId, sha256 }, () =>
    db.transaction().execute(async (tx) => {
      const fileId = await insertResultFile(tx, request, {
        format,
        sha256,
        pipeline: null,
        referenceBuild: null,
        caller: null,
        annotationSource: null,
      });
      const samples = await insertSamples(tx, fileId, request.specimenId, {
        [name]: request.samples?.[name] ?? role,
      });
      await rows.write(tx, fileId, samples.get(name) as string);
      await finishResultFile(tx, request, { id: fileId, sha256, records: rows.records, patientId });
      return { status: 'ingested' as const, fileId, drsId: fileId, sha256, records: rows.records };
    }),
  );
}

/** The same sample seen in the specimen's VCF, so that its calls and metrics line up with its variants. */
async function sampleNameOnSpecimen(db: Kysely<DB>, specimenId: string, role: SampleRole) {
  const sample = await db
    .selectFrom('sequenced_sample')
    .select('name_in_file')
    .where('specimen_id', '=', specimenId)
    .where('role', '=', role)
    .orderBy('name_in_file')
    .executeTakeFirst();
  return sample?.name_in_file;
}

/**
 * The order's analysis says which of DRAGEN's TMB figures the lab reports and its MSI-H cut-off
 * (catalogue settings); either may be unset, and the reader then asks for it there by name.
 */
async function dragenChoicesOfOrder(db: Kysely<DB>, orderId: string): Promise<DragenMetricsOptions> {
  const analysis = await db
    .selectFrom('clinical_order as o')
    .innerJoin('analysis as a', 'a.id', 'o.analysis_id')
    .select(['a.slug', 'a.tmb_figure', 'a.msi_high_at_percent'])
    .where('o.id', '=', orderId)
    .executeTakeFirstOrThrow();
  return {
    tmbKey: analysis.tmb_figure ?? undefined,
    msiHighAtPercent: analysis.msi_high_at_percent ?? undefined,
    choicesIn: `analysis ${analysis.slug} in the catalogue`,
  };
}

const displayName = (request: IngestRequest) => request.fileName ?? path.basename(request.file);

export function ingestCopyNumber(db: Kysely<DB>, request: IngestRequest, progress: IngestProgress) {
  return ingestCalls(db, request, 'copy-number-tsv', async () => {
    // Only the file's own calls are stored; the others are derived as segments are read
    // (migration 0012), against whatever ploidy the metrics give then.
    const segments = await readCopyNumber(request.file, { file: displayName(request) });
    return {
      records: segments.length,
      write: async (tx, fileId, sampleId) => {
        for (let i = 0; i < segments.length; i += 500) {
          await tx
            .insertInto('copy_number_segment')
            .values(
              segments.slice(i, i + 500).map((s) => ({
                file_id: fileId,
                sample_id: sampleId,
                line: s.line,
                chrom: s.chrom,
                start_pos: s.start,
                end_pos: s.end,
                log2_ratio: s.log2Ratio,
                copy_number: s.copyNumber,
                minor_copy_number: s.minorCopyNumber,
                genes: s.genes,
                file_call: s.callBasis === 'file' ? s.call : null,
              })),
            )
            .execute();
          const done = Math.min(i + 500, segments.length);
          progress(done, done / segments.length);
        }
      },
    };
  });
}

export function ingestFusions(db: Kysely<DB>, request: IngestRequest, progress: IngestProgress) {
  return ingestCalls(db, request, 'fusion-tsv', async () => {
    const fusions = await readFusions(request.file, { file: displayName(request) });
    return {
      records: fusions.length,
      write: async (tx, fileId, sampleId) => {
        for (let i = 0; i < fusions.length; i += 500) {
          await tx
            .insertInto('fusion_call')
            .values(
              fusions.slice(i, i + 500).map((f) => ({
                file_id: fileId,
                sample_id: sampleId,
                line: f.line,
                name: f.name,
                gene5: f.gene5,
                gene3: f.gene3,
                chrom5: f.breakpoint5.chrom,
                pos5: f.breakpoint5.pos,
                strand5: f.breakpoint5.strand,
                chrom3: f.breakpoint3.chrom,
                pos3: f.breakpoint3.pos,
                strand3: f.breakpoint3.strand,
                transcript5: f.transcript5,
                transcript3: f.transcript3,
                spanning_reads: f.spanningReads,
                junction_reads: f.junctionReads,
                frame: f.frame,
                confidence: f.confidence,
                caller: f.caller,
              })),
            )
            .execute();
          const done = Math.min(i + 500, fusions.length);
          progress(done, done / fusions.length);
        }
      },
    };
  });
}

export function ingestMetrics(db: Kysely<DB>, request: IngestRequest) {
  return ingestCalls(db, request, 'metrics-json', async () => {
    const metrics = await readSampleMetrics(request.file, {
      file: displayName(request),
      dragen: await dragenChoicesOfOrder(db, request.orderId),
    });
    return {
      records: 1,
      sample: metrics.sample,
      write: (tx, fileId, sampleId) => insertMetrics(tx, fileId, sampleId, metrics),
    };
  });
}

export async function insertMetrics(
  tx: Transaction<DB>,
  fileId: string,
  sampleId: string,
  metrics: SampleMetrics,
) {
  await tx
    .insertInto('sample_metrics')
    .values({
      sample_id: sampleId,
      file_id: fileId,
      source: metrics.source,
      tmb: metrics.tmb?.value ?? null,
      tmb_unit: metrics.tmb?.unit ?? null,
      tmb_method: metrics.tmb?.method ?? null,
      tmb_callable_mb: metrics.tmb?.callableMb ?? null,
      msi_status: metrics.msi?.status ?? null,
      msi_score: metrics.msi?.score ?? null,
      msi_method: metrics.msi?.method ?? null,
      purity: metrics.purity,
      ploidy: metrics.ploidy,
    })
    .execute();
}
