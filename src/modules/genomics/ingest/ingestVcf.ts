import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import { appendAudit } from '../../../platform/audit/auditLog.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { badRequest, notFound } from '../../../platform/http/problems.ts';
import type { VariantAllele, VcfHeader } from '../vcf/model.ts';
import { openVcf } from '../vcf/reader.ts';
import { type TrimmedIdentity, trimmedIdentity } from './identity.ts';
import { SampleQc } from './qc.ts';

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
      const written = await writeBatch(tx, fileId, batch, vcf.header.assembly, sampleIds, qc);
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

async function writeBatch(
  tx: Transaction<DB>,
  fileId: string,
  batch: VariantAllele[],
  assembly: string | null,
  sampleIds: Map<string, string>,
  qc: Map<string, SampleQc>,
) {
  const identities = new Map<VariantAllele, TrimmedIdentity>();
  for (const allele of batch) {
    const identity = trimmedIdentity(allele, assembly);
    if (identity) identities.set(allele, identity);
  }
  const unique = [...new Map([...identities.values()].map((i) => [i.key, i])).values()];
  if (unique.length === 0) return { observations: 0, annotations: 0 };
  await tx
    .insertInto('variant')
    .values(
      unique.map((i) => ({
        identity_key: i.key,
        vrs_id: null,
        assembly,
        chrom: i.chrom,
        start_pos: i.start,
        ref: i.ref,
        alt: i.alt,
        kind: i.kind,
        fully_normalised: i.fullyNormalised,
      })),
    )
    .onConflict((oc) => oc.column('identity_key').doNothing())
    .execute();
  const ids = new Map(
    (
      await tx
        .selectFrom('variant')
        .select(['id', 'identity_key'])
        .where(
          'identity_key',
          'in',
          unique.map((i) => i.key),
        )
        .execute()
    ).map((v) => [v.identity_key, v.id]),
  );

  const observations = [];
  const annotations = [];
  for (const [allele, identity] of identities) {
    const variantId = ids.get(identity.key) as number;
    for (const call of allele.calls) {
      const sampleId = sampleIds.get(call.sample);
      if (!sampleId) continue;
      const genotype = call.genotype
        ? call.genotype.alleles
            .map((a) => (a === null ? '.' : String(a)))
            .join(call.genotype.phased ? '|' : '/')
        : null;
      observations.push({
        sample_id: sampleId,
        variant_id: variantId,
        line: allele.line,
        genotype,
        depth: call.depth,
        ref_depth: call.alleleDepths?.[0] ?? null,
        alt_depth: call.alleleDepths?.[1] ?? null,
        vaf: call.alleleFraction,
        filters: allele.filters,
        qual: allele.qual,
      });
      if (call.genotype?.alleles.some((a) => a !== null && a > 0) ?? true) {
        (qc.get(call.sample) as SampleQc).add({
          filters: allele.filters,
          ref: identity.ref,
          alt: identity.alt,
          kind: identity.kind,
          depth: call.depth,
        });
      }
    }
    for (const c of allele.consequences) {
      if (!c.transcriptId) continue;
      annotations.push({
        file_id: fileId,
        variant_id: variantId,
        source: c.source,
        transcript: c.transcriptId,
        gene_symbol: c.geneSymbol,
        gene_id: c.geneId,
        hgvsc: c.hgvsc,
        hgvsp: c.hgvsp,
        consequences: c.consequences,
        impact: c.impact,
        mane_select: c.maneSelect,
        canonical: c.canonical,
        existing_variation: c.existingVariation,
        population_frequencies: JSON.stringify(c.populationFrequencies),
      });
    }
  }
  for (let i = 0; i < observations.length; i += 1000) {
    await tx
      .insertInto('observation')
      .values(observations.slice(i, i + 1000))
      .onConflict((oc) => oc.columns(['sample_id', 'variant_id']).doNothing())
      .execute();
  }
  for (let i = 0; i < annotations.length; i += 1000) {
    await tx
      .insertInto('variant_annotation')
      .values(annotations.slice(i, i + 1000))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  return { observations: observations.length, annotations: annotations.length };
}
