import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { badRequest } from '../../../platform/http/problems.ts';
import { sampleMetricsFromVcfHeader } from '../calls/sampleMetricsVcf.ts';
import { VcfError } from '../vcf/errors.ts';
import type { VariantAllele, VcfHeader } from '../vcf/model.ts';
import { openVcf } from '../vcf/reader.ts';
import { type ReferenceGenome, UnknownSequenceError } from '../vrs/reference.ts';
import { type AlleleIdentity, referenceIdentity, trimmedIdentity } from './identity.ts';
import { insertMetrics } from './ingestCalls.ts';
import { SampleQc } from './qc.ts';
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
} from './resultFile.ts';
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
};

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
    }
  | AlreadyIngested;

export async function ingestVcf(
  db: Kysely<DB>,
  request: IngestRequest,
  progress: (records: number) => void = () => {},
): Promise<IngestResult> {
  const { patientId } = await specimenOnOrder(db, request.orderId, request.specimenId);
  const sha256 = await sha256Of(request.file);
  const existing = await alreadyIngested(db, request.specimenId, sha256);
  if (existing) return existing;

  const vcf = await openVcf(request.file, { name: request.fileName ?? request.file });
  const roles = sampleRoles(vcf.header, request);
  return oneAtATime(() =>
    db.transaction().execute(async (tx) => {
      // Our turn has come (a job shows as running from here).
      progress(0);
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
      const qc = new Map([...sampleIds.keys()].map((name) => [name, new SampleQc()]));
      const writer = new AlleleWriter(tx, fileId, vcf.header.assembly, sampleIds, qc);
      const counts = { records: 0, alleles: 0, observations: 0, annotations: 0 };
      let lastLine = 0;
      for await (const batch of vcf.alleleBatches()) {
        const identities = await identifyBatch(request, batch, vcf.header.assembly);
        const written = await writer.write(identities);
        counts.alleles += batch.length;
        counts.observations += written.observations;
        counts.annotations += written.annotations;
        // A multi-allelic record yields several alleles on one line: count lines, not alleles.
        for (const allele of batch) {
          if (allele.line === lastLine) continue;
          counts.records++;
          lastLine = allele.line;
        }
        progress(counts.records);
      }
      await writer.finish();
      for (const [name, sampleId] of sampleIds) {
        const summary = (qc.get(name) as SampleQc).summary();
        await tx
          .insertInto('sample_qc')
          .values({
            sample_id: sampleId,
            records: summary.records,
            pass_fraction: summary.passFraction,
            ti_tv: summary.tiTv,
            depth_quantiles: JSON.stringify(summary.depthQuantiles),
          })
          .execute();
      }
      const variants = Number(
        (
          await tx
            .selectFrom('variant_record')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('file_id', '=', fileId)
            .executeTakeFirstOrThrow()
        ).n,
      );
      await finishResultFile(tx, request, { id: fileId, sha256, records: counts.records, patientId });
      return { status: 'ingested' as const, fileId, drsId: fileId, sha256, ...counts, variants };
    }),
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

async function identifyBatch(
  request: IngestRequest,
  batch: VariantAllele[],
  assembly: string | null,
): Promise<Map<VariantAllele, AlleleIdentity>> {
  const identities = new Map<VariantAllele, AlleleIdentity>();
  for (const allele of batch) {
    let identity: AlleleIdentity | null;
    try {
      identity = request.reference
        ? await referenceIdentity(request.reference, allele, assembly)
        : trimmedIdentity(allele, assembly);
    } catch (error) {
      const field = error instanceof UnknownSequenceError ? 'CHROM' : 'REF';
      throw new VcfError(request.fileName ?? request.file, allele.line, field, (error as Error).message);
    }
    if (identity) identities.set(allele, identity);
  }
  return identities;
}

/** Header metrics (purity, TMB, MSI) describe the tumour when the header does not name a sample. */
function tumourSample(roles: Record<string, SampleRole>): string | undefined {
  const tumours = Object.entries(roles).filter(([, role]) => role === 'tumor');
  return tumours.length === 1 ? tumours[0]?.[0] : undefined;
}
