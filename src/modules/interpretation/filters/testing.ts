/** Builders for the filter tests: a plausible variant and a chain around a few filters. */
import type { FilterChain, FilterDefinition } from './chain.ts';
import type { CaseVariant } from './model.ts';

/** A PASS missense SNV in KRAS, well covered and rare, unless the test says otherwise. */
export function caseVariant(overrides: Partial<CaseVariant> = {}): CaseVariant {
  return {
    id: 'v1',
    gene: 'KRAS',
    chrom: '12',
    pos: 25245350,
    ref: 'C',
    alt: 'A',
    kind: 'snv',
    consequences: ['missense_variant'],
    impact: 'MODERATE',
    transcript: 'NM_004985.5',
    hgvsc: 'c.35G>T',
    hgvsp: 'p.Gly12Val',
    populationAf: 0,
    vaf: 0.3,
    depth: 500,
    altDepth: 150,
    filters: ['PASS'],
    qual: 200,
    origin: 'somatic',
    hotspot: false,
    priorClass: null,
    ...overrides,
  };
}

export function chainOf(
  filters: FilterDefinition[],
  exceptions: Partial<FilterChain['exceptions']> = {},
): FilterChain {
  return {
    id: 'test-chain',
    name: { nb: 'Testkjede', en: 'Test chain' },
    analysisTypes: ['somatic:ngs-dna-panel'],
    version: 3,
    filters,
    exceptions: { keepHotspots: false, keepClasses: [], ...exceptions },
  };
}

/** A lung panel version with one gene at each PanelApp rating. */
export const LUNG_PANEL = {
  name: 'Lunge',
  version: '2.1',
  genes: [
    { symbol: 'KRAS', confidence: 'green' as const },
    { symbol: 'ROS1', confidence: 'amber' as const },
    { symbol: 'MET', confidence: 'red' as const },
  ],
};
