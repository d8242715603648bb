import type { AlleleAnnotations, AnnotationLayout, SampleCall, VariantAllele } from '../vcf/model.ts';

/** What the ingest stores of a sample's call: the genotype, depth, allele depths and VAF. */
export type StoredCall = Pick<
  SampleCall,
  'sample' | 'genotype' | 'depth' | 'alleleDepths' | 'alleleFraction'
>;

/**
 * An annotation INFO value for one ALT: its entries as the file joins them (commas) — the ingest
 * reads them in place — and what tells this ALT's entries apart.
 */
export type StoredAnnotation = {
  layout: AnnotationLayout;
  value: string;
  allele: AlleleAnnotations['allele'];
};

/**
 * What the ingest stores of an allele (storedAllele() takes it from a VariantAllele, and
 * singleAlt.ts builds just this much for the common record).
 */
export type StoredAllele = Pick<VariantAllele, 'line' | 'qual'> & {
  filters: readonly string[];
  calls: readonly StoredCall[];
  annotations: readonly StoredAnnotation[];
};

export function storedAllele(allele: VariantAllele): StoredAllele {
  return {
    line: allele.line,
    qual: allele.qual,
    filters: allele.filters,
    calls: allele.calls,
    annotations: allele.annotations.map((a) => ({
      layout: a.layout,
      value: a.entries.join(','),
      allele: a.allele,
    })),
  };
}
