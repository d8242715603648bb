import type { SampleCall, VariantAllele } from '../vcf/model.ts';

/** What the ingest stores of a sample's call: the genotype, depth, allele depths and VAF. */
export type StoredCall = Pick<
  SampleCall,
  'sample' | 'genotype' | 'depth' | 'alleleDepths' | 'alleleFraction'
>;

/**
 * What the ingest stores of an allele (a VariantAllele has all of it, and singleAlt.ts builds
 * just this much for the common record).
 */
export type StoredAllele = Pick<VariantAllele, 'line' | 'qual' | 'annotations'> & {
  filters: readonly string[];
  calls: readonly StoredCall[];
};
