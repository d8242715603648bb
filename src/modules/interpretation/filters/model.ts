/**
 * The vocabulary of the variant filter engine: the row it sees for each variant of a case, and the
 * answer it gives. The filter definitions themselves are data with zod schemas in chain.ts.
 */
import type { GermlineClass, OncogenicityClass } from '../classification/model.ts';
import type { FilterReasonCode } from './reasons.ts';

export const VARIANT_KINDS = [
  'snv',
  'mnv',
  'insertion',
  'deletion',
  'delins',
  'symbolic',
  'breakend',
] as const;
export type VariantKind = (typeof VARIANT_KINDS)[number];

/** VEP's IMPACT, most severe first. */
export const IMPACTS = ['HIGH', 'MODERATE', 'LOW', 'MODIFIER'] as const;
export type Impact = (typeof IMPACTS)[number];

export const ORIGINS = ['somatic', 'germline', 'unknown'] as const;
export type Origin = (typeof ORIGINS)[number];

/** A class a variant already carries from an earlier assessment: germline (ACMG) or somatic (Horak). */
export type PriorClass = GermlineClass | OncogenicityClass;
export const PRIOR_CLASSES = [
  'pathogenic',
  'likely-pathogenic',
  'oncogenic',
  'likely-oncogenic',
  'uncertain',
  'likely-benign',
  'benign',
] as const satisfies readonly PriorClass[];

export type VariantId = string | number;

/** One variant of a case as the filters see it: one allele, annotated on its chosen transcript. */
export interface CaseVariant {
  /** Unique within the case; pulled-back sets hold these. */
  id: VariantId;
  gene: string | null;
  chrom: string;
  /** 1-based, as in VCF. */
  pos: number;
  ref: string;
  alt: string;
  kind: VariantKind;
  /** Sequence Ontology terms on the chosen transcript, e.g. ['splice_region_variant', 'intron_variant']. */
  consequences: string[];
  impact: Impact | null;
  transcript: string | null;
  hgvsc: string | null;
  hgvsp: string | null;
  /** The highest allele frequency over gnomAD's populations; null when unknown, which is not absent (0). */
  populationAf: number | null;
  vaf: number | null;
  depth: number | null;
  altDepth: number | null;
  /** VCF FILTER split on ';'. ['PASS'], ['.'] and [] all mean the caller did not filter it. */
  filters: string[];
  qual: number | null;
  origin: Origin;
  hotspot: boolean;
  priorClass: PriorClass | null;
}

/** What to do with a variant when the value a filter tests is unknown. */
export const MISSING_DATA_POLICIES = ['keep', 'remove'] as const;
export type MissingDataPolicy = (typeof MISSING_DATA_POLICIES)[number];

/**
 * Why a variant is on the work-list although a filter matched it. The chain's exceptions come
 * before the user's pull-back, so the reason names the rule when both apply.
 */
export const KEEP_REASONS = ['hotspot', 'prior-class', 'pulled-back'] as const;
export type KeepReason = (typeof KEEP_REASONS)[number];

/**
 * A filter that matched a variant: the first one in chain order, with the reason in English words
 * and as a code with params, for wording it in another language.
 */
export interface FilterMatch {
  filter: string;
  kind: FilterKind;
  /** e.g. "gnomAD AF 0.031 > 0.01", or "VAF unknown; this filter removes variants with missing data". */
  reason: string;
  /** e.g. 'population-af-above'; see FILTER_REASON_PARAMS. */
  reasonCode: FilterReasonCode;
  /** e.g. { value: 0.031, limit: 0.01 }. */
  reasonParams: Record<string, string | number>;
}

export type KeptVariant = CaseVariant & {
  keptBecause?: KeepReason;
  /** The filter that would have removed the variant, when keptBecause is set. */
  overrode?: FilterMatch;
};

export interface RemovedVariant extends FilterMatch {
  variant: CaseVariant;
}

export interface FilterCount {
  filter: string;
  kind: FilterKind;
  removed: number;
  /** Matched by this filter but kept by an exception or a pull-back. */
  kept: number;
}

export interface FilterChainResult {
  chainId: string;
  chainVersion: number;
  /** In input order. */
  kept: KeptVariant[];
  /** In input order. */
  removed: RemovedVariant[];
  /** One per filter, in chain order. */
  counts: FilterCount[];
}

export const FILTER_KINDS = [
  'population-frequency',
  'consequence',
  'impact',
  'gene-panel',
  'region',
  'vaf',
  'depth',
  'vcf-filter',
  'quality',
  'origin',
] as const;
export type FilterKind = (typeof FILTER_KINDS)[number];
