import type { Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { VariantAllele } from '../vcf/model.ts';
import type { AlleleIdentity } from './identity.ts';
import type { SampleQc } from './qc.ts';

/**
 * The write path of an ingest: one batch of identified alleles becomes variants (unique by
 * identity), observations per sample and per-transcript annotations, inside the caller's
 * transaction. Per-sample QC is gathered on the way.
 */
export async function writeAlleles(
  tx: Transaction<DB>,
  fileId: string,
  identities: Map<VariantAllele, AlleleIdentity>,
  assembly: string | null,
  sampleIds: Map<string, string>,
  qc: Map<string, SampleQc>,
) {
  const unique = [...new Map([...identities.values()].map((i) => [i.key, i])).values()];
  if (unique.length === 0) return { observations: 0, annotations: 0 };
  await tx
    .insertInto('variant')
    .values(
      unique.map((i) => ({
        identity_key: i.key,
        vrs_id: i.vrsId,
        assembly,
        chrom: i.chrom,
        start_pos: i.start,
        ref: i.ref,
        alt: i.alt,
        kind: i.kind,
        fully_normalised: i.fullyNormalised,
      })),
    )
    // A variant first stored without a reference gains its VRS id when a later file brings one.
    .onConflict((oc) =>
      oc.column('identity_key').doUpdateSet((eb) => ({
        vrs_id: eb.fn.coalesce('variant.vrs_id', 'excluded.vrs_id'),
      })),
    )
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
