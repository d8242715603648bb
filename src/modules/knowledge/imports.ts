import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { sha256Of } from '../genomics/ingest/resultFile.ts';
import { normaliseByTrimming } from '../genomics/vrs/normalise.ts';
import { shortProteinChange } from '../interpretation/hotspots.ts';
import { parseCivicAssertions, parseCivicEvidence } from './sources/civic.ts';
import { openClinVar } from './sources/clinvar.ts';
import type { CivicAssertion, CivicEvidenceItem, ClinVarRecord } from './sources/model.ts';

/**
 * Knowledge sources the operator supplies as files: CIViC's nightly TSVs and ClinVar's VCF. Each
 * import is one transaction (a bad line leaves the database as it was) and is known by its
 * checksum, so importing the same file again changes nothing.
 */
type Db = Kysely<DB>;
export type ImportSummary = { status: 'imported' | 'already-imported'; release: string; records: number };

async function alreadyImported(db: Db, source: 'civic' | 'clinvar', sha256: string) {
  return db
    .selectFrom('knowledge_release')
    .select(['release', 'records'])
    .where('source', '=', source)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
}

function civicRow(
  releaseId: string,
  kind: 'evidence' | 'assertion',
  item: CivicEvidenceItem | CivicAssertion,
) {
  const assertion = kind === 'assertion' ? (item as CivicAssertion) : null;
  const evidence = kind === 'evidence' ? (item as CivicEvidenceItem) : null;
  return {
    release_id: releaseId,
    evidence_id: item.id,
    kind,
    gene: item.molecularProfile.gene,
    variant: item.molecularProfile.variant,
    protein_change: item.molecularProfile.proteinChange,
    disease: item.disease?.name ?? null,
    doid: item.disease?.doid ?? null,
    therapies: item.therapies,
    evidence_type: item.type,
    direction: item.direction,
    level: evidence?.level ?? null,
    significance: item.significance,
    amp_tier: assertion?.ampCategory?.tier ?? null,
    amp_level: assertion?.ampCategory?.level ?? null,
    statement: evidence?.statement ?? assertion?.summary ?? null,
    citation: evidence?.source.citation ?? null,
    pubmed_id: evidence?.source.type === 'PubMed' ? evidence.source.citationId : null,
  };
}

export async function importCivic(
  db: Db,
  files: { evidence: string; assertions?: string; release?: string },
  progress: (records: number) => void = () => {},
): Promise<ImportSummary> {
  const sha256 = await sha256Of(files.evidence);
  const release = files.release ?? path.basename(files.evidence);
  const existing = await alreadyImported(db, 'civic', sha256);
  if (existing) return { status: 'already-imported', release: existing.release, records: existing.records };
  return db.transaction().execute(async (tx) => {
    const releaseId = randomUUID();
    await tx
      .insertInto('knowledge_release')
      .values({ id: releaseId, source: 'civic', release, sha256, records: 0 })
      .execute();
    let records = 0;
    for await (const batch of parseCivicEvidence(files.evidence)) {
      if (batch.length)
        await tx
          .insertInto('civic_evidence')
          .values(batch.map((e) => civicRow(releaseId, 'evidence', e)))
          .execute();
      records += batch.length;
      progress(records);
    }
    if (files.assertions) {
      for await (const batch of parseCivicAssertions(files.assertions)) {
        if (batch.length)
          await tx
            .insertInto('civic_evidence')
            .values(batch.map((a) => civicRow(releaseId, 'assertion', a)))
            .execute();
        records += batch.length;
        progress(records);
      }
    }
    await tx.updateTable('knowledge_release').set({ records }).where('id', '=', releaseId).execute();
    return { status: 'imported' as const, release, records };
  });
}

/** ClinVar's position as genvei keys variants: trimmed, 0-based, on `chr` names, GRCh38. */
export function clinvarIdentityKey(record: Pick<ClinVarRecord, 'chrom' | 'pos' | 'ref' | 'alt'>): string {
  const chrom = record.chrom === 'MT' ? 'chrM' : `chr${record.chrom}`;
  const start = record.pos - 1;
  const { allele } = normaliseByTrimming({
    start,
    end: start + record.ref.length,
    reference: record.ref.toUpperCase(),
    alternate: record.alt.toUpperCase(),
  });
  return `GRCh38:${chrom}:${allele.start}:${allele.reference}:${allele.alternate}`;
}

export async function importClinVar(
  db: Db,
  file: string,
  progress: (records: number) => void = () => {},
): Promise<ImportSummary> {
  const sha256 = await sha256Of(file);
  const existing = await alreadyImported(db, 'clinvar', sha256);
  if (existing) return { status: 'already-imported', release: existing.release, records: existing.records };
  const clinvar = await openClinVar(file);
  const release = clinvar.fileDate ?? path.basename(file);
  return db.transaction().execute(async (tx) => {
    const releaseId = randomUUID();
    await tx
      .insertInto('knowledge_release')
      .values({ id: releaseId, source: 'clinvar', release, sha256, records: 0 })
      .execute();
    let records = 0;
    for await (const batch of clinvar.batches()) {
      const literal = batch.filter((r) => /^[ACGTN]+$/i.test(r.ref) && /^[ACGTN]+$/i.test(r.alt));
      if (literal.length)
        await tx
          .insertInto('clinvar_record')
          .values(
            literal.map((r) => ({
              release_id: releaseId,
              chrom: r.chrom,
              pos: r.pos,
              ref: r.ref,
              alt: r.alt,
              variation_id: String(r.variationId),
              genes: r.genes.map((g) => g.symbol),
              significance: r.significance?.classes ?? [],
              significance_raw: r.significance?.raw ?? null,
              review_status: r.reviewStatus,
              stars: r.stars,
              conditions: r.conditions,
              identity_key: clinvarIdentityKey(r),
            })),
          )
          .onConflict((oc) => oc.doNothing())
          .execute();
      records += batch.length;
      progress(records);
    }
    await tx.updateTable('knowledge_release').set({ records }).where('id', '=', releaseId).execute();
    return { status: 'imported' as const, release, records };
  });
}

/** CIViC evidence for a variant's gene and protein change, from the latest CIViC release. */
export async function civicEvidenceFor(db: Db, variantId: number) {
  const annotations = await db
    .selectFrom('variant_annotation')
    .select(['gene_symbol', 'hgvsp'])
    .where('variant_id', '=', variantId)
    .execute();
  const keys = [
    ...new Set(
      annotations.flatMap((a) => {
        const change = shortProteinChange(a.hgvsp);
        return a.gene_symbol && change ? [`${a.gene_symbol}|${change}`] : [];
      }),
    ),
  ];
  const latest = await db
    .selectFrom('knowledge_release')
    .select('id')
    .where('source', '=', 'civic')
    .orderBy('imported_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latest || keys.length === 0) return [];
  return db
    .selectFrom('civic_evidence')
    .selectAll()
    .where('release_id', '=', latest.id)
    .where((eb) =>
      eb.or(
        keys.map((k) => {
          const [gene, change] = k.split('|') as [string, string];
          return eb.and([eb('gene', '=', gene), eb('protein_change', '=', change)]);
        }),
      ),
    )
    .orderBy('level')
    .execute();
}
