/**
 * Why a filter removes a variant, as data: a code and the values the sentence is made of. The API
 * gives the code and params next to the English sentence (reasonText), so the web app can word the
 * reason in the reader's language. Numbers stay numbers; lists are joined as the English sentence
 * joins them (consequence terms with '&', VCF FILTER values with ';', origins with ', ').
 */

/** The params of each reason code. */
export interface FilterReasonParams {
  /** gnomAD AF above the filter's maxAf; `value` rounded as the sentence shows it. */
  'population-af-above': { value: number; limit: number };
  /** `consequences`: the variant's terms joined with '&'. */
  'consequence-not-included': { consequences: string };
  'consequence-excluded': { consequences: string };
  /** VEP IMPACT less severe than the filter's minimum. */
  'impact-below': { impact: string; minImpact: string };
  /** `panel`: "Lunge v2.1", or "v2.1" for a panel without a name. */
  'gene-not-in-panel': { gene: string; panel: string };
  /** `confidence` and `minConfidence`: green, amber or red. */
  'gene-confidence-below': { gene: string; confidence: string; panel: string; minConfidence: string };
  'inside-removed-region': { chrom: string; pos: number };
  'outside-kept-regions': { chrom: string; pos: number };
  'vaf-below': { value: number; limit: number };
  'vaf-above': { value: number; limit: number };
  'depth-below': { value: number; limit: number };
  /** `filters`: the FILTER values not allowed, joined with ';'. */
  'filter-not-allowed': { filters: string };
  'quality-below': { value: number; limit: number };
  /** `origin`: somatic or germline; `keep`: the origins the filter keeps, joined with ', '. */
  'origin-not-kept': { origin: string; keep: string };
  /** The tested value is unknown and the filter removes missing data. `label`: gnomAD AF, impact, gene, VAF, depth, QUAL or origin. */
  'missing-value': { label: string };
  /** The variant has no consequence term and the filter removes missing data. */
  'consequence-missing': Record<string, never>;
}

export type FilterReasonCode = keyof FilterReasonParams;

/** Each code with the names of its params: what a translated template may (and must) fill in. */
export const FILTER_REASON_PARAMS = {
  'population-af-above': ['value', 'limit'],
  'consequence-not-included': ['consequences'],
  'consequence-excluded': ['consequences'],
  'impact-below': ['impact', 'minImpact'],
  'gene-not-in-panel': ['gene', 'panel'],
  'gene-confidence-below': ['gene', 'confidence', 'panel', 'minConfidence'],
  'inside-removed-region': ['chrom', 'pos'],
  'outside-kept-regions': ['chrom', 'pos'],
  'vaf-below': ['value', 'limit'],
  'vaf-above': ['value', 'limit'],
  'depth-below': ['value', 'limit'],
  'filter-not-allowed': ['filters'],
  'quality-below': ['value', 'limit'],
  'origin-not-kept': ['origin', 'keep'],
  'missing-value': ['label'],
  'consequence-missing': [],
} as const satisfies { [C in FilterReasonCode]: readonly (keyof FilterReasonParams[C])[] };

export const FILTER_REASON_CODES = Object.keys(FILTER_REASON_PARAMS) as FilterReasonCode[];

/** One reason; `params` is a plain record, as the API gives it. */
export type FilterReason = {
  [C in FilterReasonCode]: { code: C; params: FilterReasonParams[C] };
}[FilterReasonCode];

const MISSING = 'this filter removes variants with missing data';

/** The reason as the English sentence the API has always given, e.g. "VAF 0.02 < 0.05". */
export function reasonText(reason: FilterReason): string {
  switch (reason.code) {
    case 'population-af-above':
      return `gnomAD AF ${reason.params.value} > ${reason.params.limit}`;
    case 'consequence-not-included':
      return `consequence ${reason.params.consequences} not among those included`;
    case 'consequence-excluded':
      return `consequence ${reason.params.consequences} excluded`;
    case 'impact-below':
      return `impact ${reason.params.impact} below ${reason.params.minImpact}`;
    case 'gene-not-in-panel':
      return `${reason.params.gene} not in panel ${reason.params.panel}`;
    case 'gene-confidence-below': {
      const { gene, confidence, panel, minConfidence } = reason.params;
      return `${gene} is ${confidence} in panel ${panel}, below ${minConfidence}`;
    }
    case 'inside-removed-region':
      return `${reason.params.chrom}:${reason.params.pos} inside a removed region`;
    case 'outside-kept-regions':
      return `${reason.params.chrom}:${reason.params.pos} outside the regions kept`;
    case 'vaf-below':
      return `VAF ${reason.params.value} < ${reason.params.limit}`;
    case 'vaf-above':
      return `VAF ${reason.params.value} > ${reason.params.limit}`;
    case 'depth-below':
      return `depth ${reason.params.value} < ${reason.params.limit}`;
    case 'filter-not-allowed':
      return `FILTER ${reason.params.filters} not allowed`;
    case 'quality-below':
      return `QUAL ${reason.params.value} < ${reason.params.limit}`;
    case 'origin-not-kept':
      return `origin ${reason.params.origin}; keeps ${reason.params.keep}`;
    case 'missing-value':
      return `${reason.params.label} unknown; ${MISSING}`;
    case 'consequence-missing':
      return `no consequence; ${MISSING}`;
  }
}
