import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { appendAudit } from '../../../platform/audit/auditLog.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { badRequest, notFound } from '../../../platform/http/problems.ts';
import { VcfError } from '../vcf/errors.ts';
import type { VariantAllele, VcfHeader } from '../vcf/model.ts';
import { openVcf } from '../vcf/reader.ts';
import { type ReferenceGenome, UnknownSequenceError } from '../vrs/reference.ts';
import { type AlleleIdentity, referenceIdentity, trimmedIdentity } from './identity.ts';
import { SampleQc } from './qc.ts';
import { writeAlleles } from './writeAlleles.ts';

/**
 * Ingests a VCF into an order's specimen: one transaction for the file record, its samples,
 * variants, observations, annotations and QC, and the audit entry — a file that fails at any
 * line, or a process killed half-way, leaves nothing, and the ingest can simply run again. The
 * same file (by sha256) for the same specimen again is a no-op that says so.
 */
export type SampleRole = 'tumor' | 'normal' | 'germline';

export type IngestRequest = {
  file: string;
  orderId: string;
  specimenId: string;
  /** Sample name in the file → role; a single-sample file may give just `role`. */
  samples?: Record<string, SampleRole>;
  role?: SampleRole;
  /** When given (GENVEI_REFERENCE), alleles are justified and get VRS ids; REF is checked against it. */
  reference?: ReferenceGenome | null;
  pipeline?: string | null;
  pipelineVersion?: string | null;
  actor: { userId: string | null; username: string };
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
  | { status: 'already-ingested'; fileId: string; sha256: string };

export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function ingestVcf(
  db: Kysely<DB>,
  request: IngestRequest,
  progress: (records: number) => void = () => {},
): Promise<IngestResult> {
  const specimen = await db
    .selectFrom('specimen as s')
    .innerJoin('clinical_order as o', 'o.id', 's.order_id')
    .select(['s.id', 's.order_id', 'o.patient_id'])
    .where('s.id', '=', request.specimenId)
    .executeTakeFirst();
  if (!specimen || specimen.order_id !== request.orderId)
    throw notFound(`specimen ${request.specimenId} on order ${request.orderId}`);

  const sha256 = await sha256Of(request.file);
  const existing = await db
    .selectFrom('sequencing_file')
    .select('id')
    .where('specimen_id', '=', request.specimenId)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  if (existing) return { status: 'already-ingested', fileId: existing.id, sha256 };

  const vcf = await openVcf(request.file);
  const roles = sampleRoles(vcf.header, request);
  return db.transaction().execute(async (tx) => {
    const fileId = randomUUID();
    await tx
      .insertInto('sequencing_file')
      .values({
        id: fileId,
        order_id: request.orderId,
        specimen_id: request.specimenId,
        file_name: path.basename(request.file),
        format: 'vcf',
        size_bytes: statSync(request.file).size,
        sha256,
        drs_id: fileId,
        pipeline: request.pipeline ?? metaValue(vcf.header, 'source'),
        pipeline_version: request.pipelineVersion ?? null,
        reference_build: vcf.header.assembly,
        caller: metaValue(vcf.header, 'source'),
        annotation_source: vcf.header.annotations.map((a) => a.source).join('+') || null,
        records: 0,
        ingested_by: request.actor.userId,
      })
      .execute();
    const sampleIds = new Map<string, string>();
    for (const [name, role] of Object.entries(roles)) {
      const id = randomUUID();
      sampleIds.set(name, id);
      await tx
        .insertInto('sequenced_sample')
        .values({ id, file_id: fileId, specimen_id: request.specimenId, name_in_file: name, role })
        .execute();
    }
    const qc = new Map([...sampleIds.keys()].map((name) => [name, new SampleQc()]));
    const counts = { records: 0, alleles: 0, observations: 0, annotations: 0 };
    let lastLine = 0;
    for await (const batch of vcf.alleleBatches()) {
      const identities = await identifyBatch(request, batch, vcf.header.assembly);
      const written = await writeAlleles(tx, fileId, identities, vcf.header.assembly, sampleIds, qc);
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
    await tx
      .updateTable('sequencing_file')
      .set({ records: counts.records })
      .where('id', '=', fileId)
      .execute();
    const variants = Number(
      (
        await tx
          .selectFrom('observation as o')
          .innerJoin('sequenced_sample as s', 's.id', 'o.sample_id')
          .select((eb) => eb.fn.count('o.variant_id').distinct().as('n'))
          .where('s.file_id', '=', fileId)
          .executeTakeFirstOrThrow()
      ).n,
    );
    await appendAudit(tx, {
      userId: request.actor.userId,
      username: request.actor.username,
      organisationId: null,
      role: null,
      purpose: 'care',
      action: 'ingest',
      resourceType: 'sequencing-file',
      resourceId: fileId,
      patientId: specimen.patient_id,
      outcome: 'allow',
      reason: `${path.basename(request.file)} sha256 ${sha256}`,
      requestId: null,
    });
    return { status: 'ingested' as const, fileId, drsId: fileId, sha256, ...counts, variants };
  });
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
      throw new VcfError(request.file, allele.line, field, (error as Error).message);
    }
    if (identity) identities.set(allele, identity);
  }
  return identities;
}
