/**
 * The catalogue's fixed vocabularies, with no dependencies, so the server's schemas and the web
 * app's forms share one list (the web app imports this file directly).
 */
export const ANALYSIS_METHODS = [
  'ngs-dna-panel',
  'ngs-rna-panel',
  'exome',
  'genome',
  'ctdna',
  'pcr',
  'ddpcr',
  'fish',
  'ihc',
  'methylation',
] as const;

export const ANALYSIS_STATUSES = ['active', 'planned', 'retired'] as const;
