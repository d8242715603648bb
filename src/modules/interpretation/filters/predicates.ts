/**
 * Each filter definition compiled once per run into a test over one variant: null when the variant
 * passes, the reason in words when the filter would remove it. Lists become sets and maps here so
 * the per-variant work is a few comparisons; reasons are built only for variants that fail.
 */
import type { FilterDefinition, GenePanelSnapshot, PanelConfidence } from './chain.ts';
import { type CaseVariant, IMPACTS, type Impact, type MissingDataPolicy } from './model.ts';
import { indexRegions, normaliseChrom, variantSpan } from './regions.ts';

export type VariantTest = (variant: CaseVariant) => string | null;

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
        (af) => (af > maxAf ? `gnomAD AF ${compared(af, maxAf)} > ${maxAf}` : null),
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
          (IMPACT_RANK.get(impact) ?? 0) > minRank ? `impact ${impact} below ${filter.minImpact}` : null,
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
        return `${v.chrom}:${v.pos} ${inside ? 'inside a removed region' : 'outside the regions kept'}`;
      };
    }
    case 'vaf': {
      const { min, max } = filter;
      return missingAware(
        filter.whenMissing,
        'VAF',
        (v) => v.vaf,
        (vaf) => {
          if (vaf < min) return `VAF ${compared(vaf, min)} < ${min}`;
          if (max !== undefined && vaf > max) return `VAF ${compared(vaf, max)} > ${max}`;
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
        (depth) => (depth < min ? `depth ${depth} < ${min}` : null),
      );
    }
    case 'vcf-filter': {
      const allowed = new Set([...UNFILTERED, ...filter.allowed]);
      return (v) => {
        for (const value of v.filters) {
          if (!allowed.has(value)) {
            return `FILTER ${v.filters.filter((f) => !allowed.has(f)).join(';')} not allowed`;
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
        (qual) => (qual < min ? `QUAL ${compared(qual, min)} < ${min}` : null),
      );
    }
    case 'origin': {
      const keep = new Set<string>(filter.keep);
      const kept = filter.keep.join(', ');
      return missingAware(
        filter.whenMissing,
        'origin',
        (v) => (v.origin === 'unknown' ? null : v.origin),
        (origin) => (keep.has(origin) ? null : `origin ${origin}; keeps ${kept}`),
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
  test: (value: T) => string | null,
): VariantTest {
  const missing =
    policy === 'remove' ? `${label} unknown; this filter removes variants with missing data` : null;
  return (variant) => {
    const value = read(variant);
    return value === null ? missing : test(value);
  };
}

function consequenceTest(
  include: readonly string[] | undefined,
  exclude: readonly string[] | undefined,
  policy: MissingDataPolicy,
): VariantTest {
  const missing =
    policy === 'remove' ? 'no consequence; this filter removes variants with missing data' : null;
  if (include !== undefined) {
    const included = new Set(include);
    return (v) => {
      if (v.consequences.length === 0) return missing;
      for (const term of v.consequences) if (included.has(term)) return null;
      return `consequence ${v.consequences.join('&')} not among those included`;
    };
  }
  const excluded = new Set(exclude);
  return (v) => {
    if (v.consequences.length === 0) return missing;
    // One term outside the excluded set is enough to keep it (e.g. splice_region_variant on an intron).
    for (const term of v.consequences) if (!excluded.has(term)) return null;
    return `consequence ${v.consequences.join('&')} excluded`;
  };
}

function genePanelTest(
  panel: GenePanelSnapshot,
  minConfidence: PanelConfidence,
  policy: MissingDataPolicy,
): VariantTest {
  const confidence = new Map(panel.genes.map((gene) => [gene.symbol, gene.confidence]));
  const minRank = CONFIDENCE_RANK[minConfidence];
  const label = `panel ${panel.name === undefined ? '' : `${panel.name} `}v${panel.version}`;
  const missing = policy === 'remove' ? 'gene unknown; this filter removes variants with missing data' : null;
  return (v) => {
    if (v.gene === null) return missing;
    const found = confidence.get(v.gene);
    if (found === undefined) return `${v.gene} not in ${label}`;
    if (CONFIDENCE_RANK[found] > minRank) return `${v.gene} is ${found} in ${label}, below ${minConfidence}`;
    return null;
  };
}

/** A measured value to 3 significant digits, unless rounding would make it look equal to the limit. */
function compared(value: number, limit: number): string {
  const rounded = Number(value.toPrecision(3));
  return String(rounded === limit ? value : rounded);
}
