import { stat } from 'node:fs/promises';
import { setImmediate } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { serverConnectionOf } from '../../../platform/db/connect.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { badRequest } from '../../../platform/http/problems.ts';
import { sampleMetricsFromVcfHeader } from '../calls/sampleMetricsVcf.ts';
import type { VcfHeader } from '../vcf/model.ts';
import { openVcf } from '../vcf/reader.ts';
import type { ReferenceGenome } from '../vrs/reference.ts';
import { insertMetrics } from './ingestCalls.ts';
import { type IngestProgress, MERGED_LINES_SHOWN } from './kinds.ts';
import { type RowStream, readRows } from './readRows.ts';
import {
  type AlreadyIngested,
  alreadyIngested,
  finishResultFile,
  insertResultFile,
  insertSamples,
  type ResultFileRequest,
  type SampleRole,
  sha256Of,
  specimenOnOrder,
  unlessIngestedMeanwhile,
} from './resultFile.ts';
import { BATCH_RECORDS } from './rowBuilder.ts';
import { ParseWorker, readRowsInWorker } from './workerRows.ts';
import { AlleleWriter, prepareIngest } from './writeAlleles.ts';

/**
 * Ingests a VCF into an order's specimen: one transaction for the file record, its samples,
 * variants, observations, annotations and QC, and the audit entry — a file that fails at any
 * line, or a process killed half-way, leaves nothing, and the ingest can simply run again. The
 * same file (by sha256) for the same specimen again is a no-op that says so.
 */
export type { SampleRole };
export { sha256Of };

export type IngestRequest = ResultFileRequest & {
  /** Sample name in the file → role; a single-sample file may give just `role`. */
  samples?: Record<string, SampleRole>;
  role?: SampleRole;
  /** When given (GENVEI_REFERENCE), alleles are justified and get VRS ids; REF is checked against it. */
  reference?: ReferenceGenome | null;
  /**
   * Whether the file is read in a worker thread (workerRows.ts), beside the database work; by
   * default a file of WORKER_MIN_BYTES or more is. Never with a reference genome (see below).
   */
  inWorker?: boolean;
  /** Records per batch; by default BATCH_RECORDS for the engine. Tests make files cross batches with fewer. */
  batchRecords?: number;
};

/**
 * From this size (on disk, compressed or not) a VCF is read in a worker thread. Starting one
 * costs about a quarter of a second; a file this size takes seconds to ingest, a panel's far less.
 * With a reference genome the file is read here: its sequences' refget digests are computed once
 * per process and kept (FastaReference), and a worker would have to compute them again.
 */
export const WORKER_MIN_BYTES = 4 << 20;

export type IngestResult =
  | {
      status: 'ingested';
      fileId: string;
      drsId: string;
      sha256: string;
      records: number;
      alleles: number;
      variants: number;
      observations: number;
      annotations: number;
      /** Alleles that were the same variant as an earlier record of the file (see merged_allele). */
      merged: number;
      /** The first lines of those alleles: MERGED_LINES_SHOWN, and one more when there are more. */
      mergedLines: number[];
    }
  | AlreadyIngested;

export async function ingestVcf(
  db: Kysely<DB>,
  request: IngestRequest,
  progress: IngestProgress = () => {},
): Promise<IngestResult> {
  const { patientId } = await specimenOnOrder(db, request.orderId, request.specimenId);
  const { size } = await stat(request.file);
  const inWorker = !request.reference && (request.inWorker ?? size >= WORKER_MIN_BYTES);
  // The worker thread loads its modules while the file is hashed and the transaction begins,
  // unless another ingest is under way: then this one waits its turn, and so can the thread.
  const worker = inWorker && ingestsUnderWay === 0 ? new ParseWorker() : null;
  ingestsUnderWay++;
  try {
    return await ingestFile(db, request, { patientId, size, inWorker, worker }, progress);
  } finally {
    ingestsUnderWay--;
    await worker?.terminate();
  }
}

/** VCF ingests begun in this process and not yet ended (queued ones included). */
let ingestsUnderWay = 0;

async function ingestFile(
  db: Kysely<DB>,
  request: IngestRequest,
  file: { patientId: string; size: number; inWorker: boolean; worker: ParseWorker | null },
  progress: IngestProgress,
): Promise<IngestResult> {
  const { patientId, size, inWorker } = file;
  const sha256 = await sha256Of(request.file);
  const existing = await alreadyIngested(db, request.specimenId, sha256);
  if (existing) return existing;

  const vcf = await openVcf(request.file, { name: request.fileName ?? request.file });
  // How far the file has been read, by its (compressed) bytes.
  const share = (bytesRead: number) => (size > 0 ? Math.min(1, bytesRead / size) : 1);
  const roles = sampleRoles(vcf.header, request);
  // The check above is repeated by the unique key: another ingest of this file may commit while
  // this one waits its turn.
  return oneAtATime(() =>
    unlessIngestedMeanwhile(db, { specimenId: request.specimenId, sha256 }, () =>
      db.transaction().execute(async (tx) => {
        // Our turn has come (a job shows as running from here).
        progress(0, 0);
        const fileId = await insertResultFile(tx, request, {
          format: 'vcf',
          sha256,
          pipeline: metaValue(vcf.header, 'source'),
          referenceBuild: vcf.header.assembly,
          caller: metaValue(vcf.header, 'source'),
          annotationSource: vcf.header.annotations.map((a) => a.source).join('+') || null,
        });
        const sampleIds = await insertSamples(tx, fileId, request.specimenId, roles);
        const metrics = sampleMetricsFromVcfHeader(vcf.header, { file: request.fileName ?? request.file });
        const measured = metrics && sampleIds.get(metrics.sample ?? tumourSample(roles) ?? '');
        if (metrics && measured) await insertMetrics(tx, fileId, measured, metrics);
        await prepareIngest(tx);
        const copyClient = await serverConnectionOf(db, tx);
        const writer = new AlleleWriter(tx, fileId, vcf.header.assembly, sampleIds.size, copyClient);
        const samples = [...sampleIds.keys()];
        const batchRecords =
          request.batchRecords ?? (copyClient ? BATCH_RECORDS.copy : BATCH_RECORDS.statement);
        // On a server the rows are built as the bytes of its COPYs (copyRows.ts).
        const copy = copyClient ? { fileId, assembly: vcf.header.assembly } : null;
        let stream: RowStream;
        if (inWorker) {
          await vcf.close();
          stream = readRowsInWorker(
            request.file,
            { name: vcf.name, samples, batchRecords, copy },
            file.worker,
          );
        } else {
          stream = readRows(vcf, { samples, reference: request.reference ?? null, batchRecords, copy });
        }
        const counts = { records: 0, alleles: 0 };
        try {
          for await (const batch of stream.batches()) {
            counts.records += batch.records;
            counts.alleles += batch.alleles;
            await writer.write(batch.rows);
            progress(counts.records, share(batch.bytesRead));
            // A turn of the event loop between batches. On PGlite a batch is stored without any
            // I/O to wait for, and a worker's batches are always there to take: without this the
            // whole ingest ran in one turn, and a server doing an upload's ingest answered nothing
            // else (its health, the job's progress) until the end.
            await setImmediate();
          }
          await writer.finish();
        } catch (error) {
          // The batch in flight finishes inside the transaction before the error rolls it back.
          await writer.settle();
          throw error;
        }
        for (const [name, summary] of Object.entries(stream.qc())) {
          await tx
            .insertInto('sample_qc')
            .values({
              sample_id: sampleIds.get(name) as string,
              records: summary.records,
              pass_fraction: summary.passFraction,
              ti_tv: summary.tiTv,
              depth_quantiles: JSON.stringify(summary.depthQuantiles),
            })
            .execute();
        }
        const mergedLines = await tx
          .selectFrom('merged_allele')
          .select('line')
          .distinct()
          .where('file_id', '=', fileId)
          .orderBy('line')
          .limit(MERGED_LINES_SHOWN + 1)
          .execute();
        await finishResultFile(tx, request, { id: fileId, sha256, records: counts.records, patientId });
        return {
          status: 'ingested' as const,
          fileId,
          drsId: fileId,
          sha256,
          ...counts,
          variants: writer.stored.records,
          observations: writer.stored.observations,
          annotations: writer.stored.annotations,
          merged: writer.stored.merged,
          mergedLines: mergedLines.map((row) => row.line),
        };
      }),
    ),
  );
}

/**
 * VCF ingests in this process queue here, before they take a database connection: they would
 * otherwise each hold one of the pool's connections while waiting for the variant lock (see
 * prepareIngest), and a few queued uploads could starve every other request.
 */
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const turn = queue.then(work, work);
  queue = turn.catch(() => {});
  return turn;
}

function metaValue(header: VcfHeader, key: string): string | null {
  return header.meta.find((m) => m.key === key)?.value ?? null;
}

function sampleRoles(header: VcfHeader, request: IngestRequest): Record<string, SampleRole> {
  if (request.samples) {
    const unknown = Object.keys(request.samples).filter((name) => !header.samples.includes(name));
    if (unknown.length > 0)
      throw badRequest([
        {
          path: '/samples',
          rule: 'unknown-sample',
          message: `${unknown.join(', ')} not in the file (it has ${header.samples.join(', ') || 'no samples'})`,
        },
      ]);
    return request.samples;
  }
  if (header.samples.length === 1 && request.role) return { [header.samples[0] as string]: request.role };
  throw badRequest([
    {
      path: '/samples',
      rule: 'roles-required',
      message: `give each sample its role (tumor, normal, germline); the file has ${header.samples.join(', ') || 'no samples'}`,
    },
  ]);
}

/** Header metrics (purity, TMB, MSI) describe the tumour when the header does not name a sample. */
function tumourSample(roles: Record<string, SampleRole>): string | undefined {
  const tumours = Object.entries(roles).filter(([, role]) => role === 'tumor');
  return tumours.length === 1 ? tumours[0]?.[0] : undefined;
}
