import { describe, expect, it } from 'vitest';
import type { FilterDefinition } from './chain.ts';
import { applyFilterChain } from './engine.ts';
import type { CaseVariant } from './model.ts';
import { compileFilter } from './predicates.ts';
import {
  FILTER_REASON_CODES,
  FILTER_REASON_PARAMS,
  type FilterReason,
  type FilterReasonCode,
  reasonText,
} from './reasons.ts';
import { caseVariant, chainOf, LUNG_PANEL } from './testing.ts';

const panel = LUNG_PANEL;
const regions = [{ chrom: 'chr7', start: 100, end: 200 }];
const MISSING = 'this filter removes variants with missing data';

/** Every way a filter removes a variant: the filter, the variant, the reason as data and in English. */
const cases: [string, FilterDefinition, Partial<CaseVariant>, FilterReason, string][] = [
  [
    'population frequency',
    { kind: 'population-frequency', name: 'AF', maxAf: 0.01 },
    { populationAf: 0.123456 },
    { code: 'population-af-above', params: { value: 0.123, limit: 0.01 } },
    'gnomAD AF 0.123 > 0.01',
  ],
  [
    'population frequency, unrounded when rounding would equal the limit',
    { kind: 'population-frequency', name: 'AF', maxAf: 0.01 },
    { populationAf: 0.0100004 },
    { code: 'population-af-above', params: { value: 0.0100004, limit: 0.01 } },
    'gnomAD AF 0.0100004 > 0.01',
  ],
  [
    'population frequency unknown',
    { kind: 'population-frequency', name: 'AF', maxAf: 0.01, whenMissing: 'remove' },
    { populationAf: null },
    { code: 'missing-value', params: { label: 'gnomAD AF' } },
    `gnomAD AF unknown; ${MISSING}`,
  ],
  [
    'consequence not included',
    { kind: 'consequence', name: 'C', include: ['missense_variant'] },
    { consequences: ['intron_variant'] },
    { code: 'consequence-not-included', params: { consequences: 'intron_variant' } },
    'consequence intron_variant not among those included',
  ],
  [
    'consequence excluded',
    { kind: 'consequence', name: 'C', exclude: ['intron_variant', 'synonymous_variant'] },
    { consequences: ['synonymous_variant', 'intron_variant'] },
    { code: 'consequence-excluded', params: { consequences: 'synonymous_variant&intron_variant' } },
    'consequence synonymous_variant&intron_variant excluded',
  ],
  [
    'no consequence',
    { kind: 'consequence', name: 'C', exclude: ['intron_variant'], whenMissing: 'remove' },
    { consequences: [] },
    { code: 'consequence-missing', params: {} },
    `no consequence; ${MISSING}`,
  ],
  [
    'impact',
    { kind: 'impact', name: 'Impact', minImpact: 'MODERATE' },
    { impact: 'LOW' },
    { code: 'impact-below', params: { impact: 'LOW', minImpact: 'MODERATE' } },
    'impact LOW below MODERATE',
  ],
  [
    'impact unknown',
    { kind: 'impact', name: 'Impact', minImpact: 'MODERATE', whenMissing: 'remove' },
    { impact: null },
    { code: 'missing-value', params: { label: 'impact' } },
    `impact unknown; ${MISSING}`,
  ],
  [
    'gene not in the panel',
    { kind: 'gene-panel', name: 'Panel', minConfidence: 'amber', panel },
    { gene: 'BRAF' },
    { code: 'gene-not-in-panel', params: { gene: 'BRAF', panel: 'Lunge v2.1' } },
    'BRAF not in panel Lunge v2.1',
  ],
  [
    'gene not in a panel without a name',
    { kind: 'gene-panel', name: 'Panel', minConfidence: 'amber', panel: { ...panel, name: undefined } },
    { gene: 'BRAF' },
    { code: 'gene-not-in-panel', params: { gene: 'BRAF', panel: 'v2.1' } },
    'BRAF not in panel v2.1',
  ],
  [
    'gene below the confidence kept',
    { kind: 'gene-panel', name: 'Panel', minConfidence: 'green', panel },
    { gene: 'ROS1' },
    {
      code: 'gene-confidence-below',
      params: { gene: 'ROS1', confidence: 'amber', panel: 'Lunge v2.1', minConfidence: 'green' },
    },
    'ROS1 is amber in panel Lunge v2.1, below green',
  ],
  [
    'gene unknown',
    { kind: 'gene-panel', name: 'Panel', minConfidence: 'green', panel, whenMissing: 'remove' },
    { gene: null },
    { code: 'missing-value', params: { label: 'gene' } },
    `gene unknown; ${MISSING}`,
  ],
  [
    'inside a removed region',
    { kind: 'region', name: 'R', mode: 'remove-inside', regions },
    { chrom: '7', pos: 150 },
    { code: 'inside-removed-region', params: { chrom: '7', pos: 150 } },
    '7:150 inside a removed region',
  ],
  [
    'outside the regions kept',
    { kind: 'region', name: 'R', mode: 'keep-inside', regions },
    { chrom: 'chr8', pos: 150 },
    { code: 'outside-kept-regions', params: { chrom: 'chr8', pos: 150 } },
    'chr8:150 outside the regions kept',
  ],
  [
    'VAF below',
    { kind: 'vaf', name: 'VAF', min: 0.05, max: 0.9 },
    { vaf: 0.02 },
    { code: 'vaf-below', params: { value: 0.02, limit: 0.05 } },
    'VAF 0.02 < 0.05',
  ],
  [
    'VAF above',
    { kind: 'vaf', name: 'VAF', min: 0.05, max: 0.9 },
    { vaf: 0.95 },
    { code: 'vaf-above', params: { value: 0.95, limit: 0.9 } },
    'VAF 0.95 > 0.9',
  ],
  [
    'VAF unknown',
    { kind: 'vaf', name: 'VAF', min: 0.05, whenMissing: 'remove' },
    { vaf: null },
    { code: 'missing-value', params: { label: 'VAF' } },
    `VAF unknown; ${MISSING}`,
  ],
  [
    'depth',
    { kind: 'depth', name: 'Depth', min: 100 },
    { depth: 99 },
    { code: 'depth-below', params: { value: 99, limit: 100 } },
    'depth 99 < 100',
  ],
  [
    'depth unknown',
    { kind: 'depth', name: 'Depth', min: 100, whenMissing: 'remove' },
    { depth: null },
    { code: 'missing-value', params: { label: 'depth' } },
    `depth unknown; ${MISSING}`,
  ],
  [
    'VCF FILTER',
    { kind: 'vcf-filter', name: 'FILTER', allowed: ['clustered_events'] },
    { filters: ['weak_evidence', 'clustered_events', 'strand_bias'] },
    { code: 'filter-not-allowed', params: { filters: 'weak_evidence;strand_bias' } },
    'FILTER weak_evidence;strand_bias not allowed',
  ],
  [
    'quality',
    { kind: 'quality', name: 'QUAL', min: 30 },
    { qual: 29.5 },
    { code: 'quality-below', params: { value: 29.5, limit: 30 } },
    'QUAL 29.5 < 30',
  ],
  [
    'quality unknown',
    { kind: 'quality', name: 'QUAL', min: 30, whenMissing: 'remove' },
    { qual: null },
    { code: 'missing-value', params: { label: 'QUAL' } },
    `QUAL unknown; ${MISSING}`,
  ],
  [
    'origin',
    { kind: 'origin', name: 'Origin', keep: ['somatic'] },
    { origin: 'germline' },
    { code: 'origin-not-kept', params: { origin: 'germline', keep: 'somatic' } },
    'origin germline; keeps somatic',
  ],
  [
    'origin unknown',
    { kind: 'origin', name: 'Origin', keep: ['somatic'], whenMissing: 'remove' },
    { origin: 'unknown' },
    { code: 'missing-value', params: { label: 'origin' } },
    `origin unknown; ${MISSING}`,
  ],
];

describe('filter reasons as data', () => {
  it.each(cases)(
    '%s: the code and params, and the English sentence',
    (_, filter, overrides, reason, text) => {
      const found = compileFilter(filter)(caseVariant(overrides));
      expect(found).toEqual(reason);
      expect(reasonText(found as FilterReason)).toBe(text);
    },
  );

  it('gives every reason exactly the params its code declares', () => {
    for (const [, filter, overrides] of cases) {
      const found = compileFilter(filter)(caseVariant(overrides)) as FilterReason;
      expect(Object.keys(found.params).sort(), found.code).toEqual(
        [...FILTER_REASON_PARAMS[found.code]].sort(),
      );
    }
  });

  it('lists every code once, and every code is produced by some filter above', () => {
    expect(new Set(FILTER_REASON_CODES).size).toBe(FILTER_REASON_CODES.length);
    const produced = new Set<FilterReasonCode>(cases.map(([, , , reason]) => reason.code));
    expect([...produced].sort()).toEqual([...FILTER_REASON_CODES].sort());
  });

  it('passes the code and params through the engine, next to the English words', () => {
    const vaf: FilterDefinition = { kind: 'vaf', name: 'VAF', min: 0.05 };
    const low = caseVariant({ id: 'low', vaf: 0.02 });
    const hot = caseVariant({ id: 'hot', vaf: 0.02, hotspot: true });
    const result = applyFilterChain(chainOf([vaf], { keepHotspots: true }), [low, hot]);
    const match = {
      filter: 'VAF',
      kind: 'vaf',
      reason: 'VAF 0.02 < 0.05',
      reasonCode: 'vaf-below',
      reasonParams: { value: 0.02, limit: 0.05 },
    };
    expect(result.removed).toEqual([{ variant: low, ...match }]);
    expect(result.kept[0]?.overrode).toEqual(match);
  });
});
