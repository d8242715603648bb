/**
 * Each filter definition compiled once per run into a test over one variant: null when the variant
 * passes, the reason (a code and its params; reasonText words it) when the filter would remove it.
 * Lists become sets and maps here so the per-variant work is a few comparisons; reasons are built
 * only for variants that fail.
 */
import type { FilterDefinition, GenePanelSnapshot, PanelConfidence } from './chain.ts';
import { type CaseVariant, IMPACTS, type Impact, type MissingDataPolicy } from './model.ts';
import type { FilterReason } from './reasons.ts';
import { indexRegions, normaliseChrom, variantSpan } from './regions.ts';

export type VariantTest = (variant: CaseVariant) => FilterReason | null;

/** PASS and the missing value '.' mean the caller filtered nothing, as PCGR reads them. */
const UNFILTERED = ['PASS', '.'];

const IMPACT_RANK = new Map<Impact, number>(IMPACTS.map((impact, index) => [impact, index]));
const CONFIDENCE_RANK: Record<PanelConfidence, number> = { green: 0, amber: 1, red: 2 };

export class UnboundPanelError extends Error {
  constructor(readonly filter: string) {
    super(`filter "${filter}" has no gene panel; bind the case's panel version with bindPanel`);
    this.name = 'UnboundPanelError';
  }
}

export function compileFilter(filter: FilterDefinition): VariantTest {
  switch (filter.kind) {
    case 'population-frequency': {
      const { maxAf } = filter;
      return missingAware(
        filter.whenMissing,
        'gnomAD AF',
        (v) => v.populationAf,
        (af) =>
          af > maxAf
            ? { code: 'population-af-above', params: { value: compared(af, maxAf), limit: maxAf } }
            : null,
      );
    }
    case 'consequence':
      return consequenceTest(filter.include, filter.exclude, filter.whenMissing ?? 'keep');
    case 'impact': {
      const minRank = IMPACT_RANK.get(filter.minImpact) ?? 0;
      return missingAware(
        filter.whenMissing,
        'impact',
        (v) => v.impact,
        (impact) =>
          (IMPACT_RANK.get(impact) ?? 0) > minRank
            ? { code: 'impact-below', params: { impact, minImpact: filter.minImpact } }
            : null,
      );
    }
    case 'gene-panel': {
      if (filter.panel === undefined) throw new UnboundPanelError(filter.name);
      return genePanelTest(filter.panel, filter.minConfidence, filter.whenMissing ?? 'keep');
    }
    case 'region': {
      const index = indexRegions(filter.regions);
      const keepInside = filter.mode === 'keep-inside';
      return (v) => {
        const { start, end } = variantSpan(v);
        const inside = index.overlaps(normaliseChrom(v.chrom), start, end);
        if (inside === keepInside) return null;
        return {
          code: inside ? 'inside-removed-region' : 'outside-kept-regions',
          params: { chrom: v.chrom, pos: v.pos },
        };
      };
    }
    case 'vaf': {
      const { min, max } = filter;
      return missingAware(
        filter.whenMissing,
        'VAF',
        (v) => v.vaf,
        (vaf) => {
          if (vaf < min) return { code: 'vaf-below', params: { value: compared(vaf, min), limit: min } };
          if (max !== undefined && vaf > max)
            return { code: 'vaf-above', params: { value: compared(vaf, max), limit: max } };
          return null;
        },
      );
    }
    case 'depth': {
      const { min } = filter;
      return missingAware(
        filter.whenMissing,
        'depth',
        (v) => v.depth,
        (depth) => (depth < min ? { code: 'depth-below', params: { value: depth, limit: min } } : null),
      );
    }
    case 'vcf-filter': {
      const allowed = new Set([...UNFILTERED, ...filter.allowed]);
      return (v) => {
        for (const value of v.filters) {
          if (!allowed.has(value)) {
            const filters = v.filters.filter((f) => !allowed.has(f)).join(';');
            return { code: 'filter-not-allowed', params: { filters } };
          }
        }
        return null;
      };
    }
    case 'quality': {
      const { min } = filter;
      return missingAware(
        filter.whenMissing,
        'QUAL',
        (v) => v.qual,
        (qual) =>
          qual < min ? { code: 'quality-below', params: { value: compared(qual, min), limit: min } } : null,
      );
    }
    case 'origin': {
      const keep = new Set<string>(filter.keep);
      const kept = filter.keep.join(', ');
      return missingAware(
        filter.whenMissing,
        'origin',
        (v) => (v.origin === 'unknown' ? null : v.origin),
        (origin) => (keep.has(origin) ? null : { code: 'origin-not-kept', params: { origin, keep: kept } }),
      );
    }
  }
}

/**
 * Runs `test` on the value when it is known; otherwise applies the filter's missing-data policy
 * and says so, since "removed for lack of data" reads very differently from "removed for its data".
 */
function missingAware<T>(
  policy: MissingDataPolicy | undefined,
  label: string,
  read: (variant: CaseVariant) => T | null,
  test: (value: T) => FilterReason | null,
): VariantTest {
  const remove = policy === 'remove';
  return (variant) => {
    const value = read(variant);
    if (value !== null) return test(value);
    return remove ? { code: 'missing-value', params: { label } } : null;
  };
}

function consequenceTest(
  include: readonly string[] | undefined,
  exclude: readonly string[] | undefined,
  policy: MissingDataPolicy,
): VariantTest {
  const remove = policy === 'remove';
  const missing = (): FilterReason | null => (remove ? { code: 'consequence-missing', params: {} } : null);
  if (include !== undefined) {
    const included = new Set(include);
    return (v) => {
      if (v.consequences.length === 0) return missing();
      for (const term of v.consequences) if (included.has(term)) return null;
      return { code: 'consequence-not-included', params: { consequences: v.consequences.join('&') } };
    };
  }
  const excluded = new Set(exclude);
  return (v) => {
    if (v.consequences.length === 0) return missing();
    // One term outside the excluded set is enough to keep it (e.g. splice_region_variant on an intron).
    for (const term of v.consequences) if (!excluded.has(term)) return null;
    return { code: 'consequence-excluded', params: { consequences: v.consequences.join('&') } };
  };
}

function genePanelTest(
  panel: GenePanelSnapshot,
  minConfidence: PanelConfidence,
  policy: MissingDataPolicy,
): VariantTest {
  const confidence = new Map(panel.genes.map((gene) => [gene.symbol, gene.confidence]));
  const minRank = CONFIDENCE_RANK[minConfidence];
  const name = `${panel.name === undefined ? '' : `${panel.name} `}v${panel.version}`;
  const remove = policy === 'remove';
  return (v) => {
    const gene = v.gene;
    if (gene === null) return remove ? { code: 'missing-value', params: { label: 'gene' } } : null;
    const found = confidence.get(gene);
    if (found === undefined) return { code: 'gene-not-in-panel', params: { gene, panel: name } };
    if (CONFIDENCE_RANK[found] > minRank)
      return {
        code: 'gene-confidence-below',
        params: { gene, confidence: found, panel: name, minConfidence },
      };
    return null;
  };
}

/** A measured value to 3 significant digits, unless rounding would make it look equal to the limit. */
function compared(value: number, limit: number): number {
  const rounded = Number(value.toPrecision(3));
  return rounded === limit ? value : rounded;
}
