import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { CaseVariant, Impact, Origin, VariantKind } from './filters/model.ts';
import { isHotspot, shortProteinChange } from './hotspots.ts';

/**
 * The work-list of a case as it is built: for each variant the tumour (or germline) sample
 * carries, the row the filters read, annotated on one transcript — MANE Select first, then the
 * canonical one, then the most severe. Built once when the case is made, so opening it is a read.
 */
export type CaseRow = CaseVariant & {
  id: number;
  identityKey: string;
  vrsId: string | null;
  genotype: string | null;
  /** `BRAF p.V600E` or `BRAF c.1799T>A`: how people name the variant on screen. */
  label: string;
  proteinChange: string | null;
};

const IMPACT_RANK: Record<string, number> = { HIGH: 0, MODERATE: 1, LOW: 2, MODIFIER: 3 };

type Annotation = {
  variant_id: number;
  transcript: string;
  gene_symbol: string | null;
  hgvsc: string | null;
  hgvsp: string | null;
  consequences: string[];
  impact: string | null;
  mane_select: string | null;
  canonical: boolean;
  population_frequencies: Record<string, number>;
};

function chosenTranscript(annotations: Annotation[]): Annotation | undefined {
  return [...annotations].sort(
    (a, b) =>
      Number(Boolean(b.mane_select)) - Number(Boolean(a.mane_select)) ||
      Number(b.canonical) - Number(a.canonical) ||
      (IMPACT_RANK[a.impact ?? 'MODIFIER'] ?? 3) - (IMPACT_RANK[b.impact ?? 'MODIFIER'] ?? 3),
  )[0];
}

/** The highest frequency in any population the annotation gives (gnomAD's per-population AFs). */
function highestFrequency(annotations: Annotation[]): number | null {
  let highest: number | null = null;
  for (const a of annotations)
    for (const value of Object.values(a.population_frequencies ?? {}))
      if (typeof value === 'number' && (highest === null || value > highest)) highest = value;
  return highest;
}

const short = (hgvs: string | null) => (hgvs?.includes(':') ? hgvs.slice(hgvs.indexOf(':') + 1) : hgvs);

export async function buildCaseRows(
  db: Kysely<DB>,
  samples: { tumour: string; normal: string | null; origin: 'somatic' | 'germline' },
): Promise<CaseRow[]> {
  const observations = await db
    .selectFrom('observation as o')
    .innerJoin('variant as v', 'v.id', 'o.variant_id')
    .innerJoin('sequenced_sample as s', 's.id', 'o.sample_id')
    .select([
      'v.id',
      'v.identity_key',
      'v.vrs_id',
      'v.chrom',
      'v.start_pos',
      'v.ref',
      'v.alt',
      'v.kind',
      's.file_id',
      'o.genotype',
      'o.depth',
      'o.alt_depth',
      'o.vaf',
      'o.filters',
      'o.qual',
    ])
    .where('o.sample_id', '=', samples.tumour)
    .orderBy('v.chrom')
    .orderBy('v.start_pos')
    .execute();
  const carried = observations.filter((o) => !o.genotype || /[1-9]/.test(o.genotype));
  if (carried.length === 0) return [];
  const fileId = carried[0]?.file_id as string;
  const annotations = (await db
    .selectFrom('variant_annotation')
    .select([
      'variant_id',
      'transcript',
      'gene_symbol',
      'hgvsc',
      'hgvsp',
      'consequences',
      'impact',
      'mane_select',
      'canonical',
      'population_frequencies',
    ])
    .where('file_id', '=', fileId)
    .execute()) as Annotation[];
  const byVariant = new Map<number, Annotation[]>();
  for (const a of annotations) byVariant.set(a.variant_id, [...(byVariant.get(a.variant_id) ?? []), a]);
  const inNormal = samples.normal ? await variantsCarried(db, samples.normal) : null;

  return carried.map((o) => {
    const all = byVariant.get(o.id) ?? [];
    const chosen = chosenTranscript(all);
    const gene = chosen?.gene_symbol ?? null;
    const hgvsp = chosen?.hgvsp ?? null;
    const origin: Origin =
      samples.origin === 'germline'
        ? 'germline'
        : inNormal
          ? inNormal.has(o.id)
            ? 'germline'
            : 'somatic'
          : 'unknown';
    const proteinChange = shortProteinChange(hgvsp);
    const name = proteinChange ? `p.${proteinChange}` : (short(chosen?.hgvsc ?? null) ?? `${o.ref}>${o.alt}`);
    return {
      id: o.id,
      identityKey: o.identity_key,
      vrsId: o.vrs_id,
      gene,
      chrom: o.chrom,
      // Stored 0-based and trimmed; the filters and people read VCF-style 1-based positions.
      pos: o.start_pos + 1,
      ref: o.ref,
      alt: o.alt,
      kind: o.kind as VariantKind,
      consequences: chosen?.consequences ?? [],
      impact: (chosen?.impact as Impact | null) ?? null,
      transcript: chosen?.mane_select ?? chosen?.transcript ?? null,
      hgvsc: chosen?.hgvsc ?? null,
      hgvsp,
      populationAf: highestFrequency(all),
      vaf: o.vaf,
      depth: o.depth,
      altDepth: o.alt_depth,
      filters: o.filters,
      qual: o.qual,
      origin,
      hotspot: isHotspot(gene, hgvsp),
      priorClass: null,
      genotype: o.genotype,
      label: `${gene ?? o.chrom} ${name}`,
      proteinChange,
    };
  });
}

async function variantsCarried(db: Kysely<DB>, sampleId: string): Promise<Set<number>> {
  const rows = await db
    .selectFrom('observation')
    .select(['variant_id', 'genotype', 'alt_depth'])
    .where('sample_id', '=', sampleId)
    .execute();
  return new Set(
    rows
      .filter((r) => (r.genotype ? /[1-9]/.test(r.genotype) : (r.alt_depth ?? 0) > 0))
      .map((r) => r.variant_id),
  );
}
