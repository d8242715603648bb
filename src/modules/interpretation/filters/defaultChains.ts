/**
 * The chains a new installation starts with. Labs copy and edit them (a new version each time); the
 * thresholds are the common starting points, not validated cut-offs for any one assay.
 * Gene-panel filters name no panel: each case binds its own panel version with bindPanel.
 */
import type { FilterChain } from './chain.ts';
import type { SoConsequence } from './consequences.ts';

/**
 * Terms that do not change the protein or the canonical splice sites. The consequence filter removes
 * a variant only when all its terms are here, so anything that is also a splice_region_variant stays.
 */
const OUTSIDE_CODING_AND_SPLICING: SoConsequence[] = [
  'synonymous_variant',
  'intron_variant',
  '5_prime_UTR_variant',
  '3_prime_UTR_variant',
  'upstream_gene_variant',
  'downstream_gene_variant',
  'intergenic_variant',
];

export const SOMATIC_TUMOUR_DNA_PANEL: FilterChain = {
  id: 'somatic-tumour-dna-panel',
  name: { nb: 'Somatisk tumor (DNA-panel)', en: 'Somatic tumour (DNA panel)' },
  analysisTypes: ['somatic:ngs-dna-panel'],
  version: 1,
  filters: [
    { kind: 'vcf-filter', name: 'VCF FILTER', allowed: [] },
    { kind: 'depth', name: 'Read depth', min: 100, whenMissing: 'keep' },
    // 5 %: the usual lower limit of detection for amplicon and capture panels without UMIs.
    { kind: 'vaf', name: 'VAF', min: 0.05, whenMissing: 'keep' },
    // 1 %: common polymorphisms, the germline background of a tumour-only sample (PCGR's "common").
    { kind: 'population-frequency', name: 'Population frequency', maxAf: 0.01, whenMissing: 'keep' },
    { kind: 'consequence', name: 'Consequence', exclude: OUTSIDE_CODING_AND_SPLICING, whenMissing: 'keep' },
    // A variant annotated with no gene cannot be in a panel gene, so "missing" removes it here.
    { kind: 'gene-panel', name: 'Gene panel', minConfidence: 'red', whenMissing: 'remove' },
  ],
  exceptions: {
    keepHotspots: true,
    // Germline (likely) pathogenic variants seen in a tumour (BRCA1/2, TP53) matter to the board too.
    keepClasses: ['oncogenic', 'likely-oncogenic', 'pathogenic', 'likely-pathogenic'],
  },
};

export const GERMLINE: FilterChain = {
  id: 'germline',
  name: { nb: 'Arvelig (germline)', en: 'Hereditary (germline)' },
  analysisTypes: ['germline:ngs-dna-panel', 'germline:exome', 'germline:genome'],
  version: 1,
  filters: [
    { kind: 'depth', name: 'Read depth', min: 20, whenMissing: 'keep' },
    // 1 %: ELLA's default for gnomAD and BS1's default; above it a variant is too common to cause a
    // rare Mendelian disorder in most genes. Known pathogenic founder variants above it (HFE C282Y)
    // come back through the prior-class exception.
    { kind: 'population-frequency', name: 'Population frequency', maxAf: 0.01, whenMissing: 'keep' },
    { kind: 'consequence', name: 'Consequence', exclude: OUTSIDE_CODING_AND_SPLICING, whenMissing: 'keep' },
    // Red genes have too little evidence of a disease link to report on; amber ones are kept for review.
    { kind: 'gene-panel', name: 'Gene panel', minConfidence: 'amber', whenMissing: 'remove' },
  ],
  exceptions: { keepHotspots: true, keepClasses: ['pathogenic', 'likely-pathogenic'] },
};

export const DEFAULT_FILTER_CHAINS: readonly FilterChain[] = [SOMATIC_TUMOUR_DNA_PANEL, GERMLINE];

/** The default chains offered for an analysis type such as "germline:exome". */
export function defaultChainsFor(analysisType: string): FilterChain[] {
  return DEFAULT_FILTER_CHAINS.filter((chain) => chain.analysisTypes.includes(analysisType));
}
