import { describe, expect, it } from 'vitest';
import type { FilterDefinition } from './chain.ts';
import type { CaseVariant } from './model.ts';
import { compileFilter, UnboundPanelError } from './predicates.ts';
import { reasonText } from './reasons.ts';
import { caseVariant, LUNG_PANEL } from './testing.ts';

/** The filter's reason for removing the variant, in English words, or null when it passes. */
function reasonFor(filter: FilterDefinition, overrides: Partial<CaseVariant>): string | null {
  const reason = compileFilter(filter)(caseVariant(overrides));
  return reason === null ? null : reasonText(reason);
}

const MISSING = 'unknown; this filter removes variants with missing data';

describe('population frequency: removes AF > maxAf (maxAf itself is kept)', () => {
  const filter: FilterDefinition = { kind: 'population-frequency', name: 'AF', maxAf: 0.01 };
  it.each([
    [0, null],
    [0.01, null],
    [0.031, 'gnomAD AF 0.031 > 0.01'],
    [0.0100004, 'gnomAD AF 0.0100004 > 0.01'],
    [0.123456, 'gnomAD AF 0.123 > 0.01'],
  ])('AF %s → %s', (populationAf, reason) => {
    expect(reasonFor(filter, { populationAf })).toBe(reason);
  });
  it('keeps an unknown AF by default and removes it, saying so, when told to', () => {
    expect(reasonFor(filter, { populationAf: null })).toBeNull();
    expect(reasonFor({ ...filter, whenMissing: 'keep' }, { populationAf: null })).toBeNull();
    expect(reasonFor({ ...filter, whenMissing: 'remove' }, { populationAf: null })).toBe(
      `gnomAD AF ${MISSING}`,
    );
  });
});

describe('consequence', () => {
  const exclude: FilterDefinition = {
    kind: 'consequence',
    name: 'C',
    exclude: ['intron_variant', 'synonymous_variant'],
  };
  it('exclude removes a variant only when every term is excluded', () => {
    expect(reasonFor(exclude, { consequences: ['intron_variant'] })).toBe(
      'consequence intron_variant excluded',
    );
    expect(reasonFor(exclude, { consequences: ['synonymous_variant', 'intron_variant'] })).toBe(
      'consequence synonymous_variant&intron_variant excluded',
    );
    expect(reasonFor(exclude, { consequences: ['splice_region_variant', 'intron_variant'] })).toBeNull();
    expect(reasonFor(exclude, { consequences: ['missense_variant'] })).toBeNull();
  });
  it('include removes a variant when no term is included', () => {
    const include: FilterDefinition = { kind: 'consequence', name: 'C', include: ['missense_variant'] };
    expect(reasonFor(include, { consequences: ['missense_variant', 'splice_region_variant'] })).toBeNull();
    expect(reasonFor(include, { consequences: ['synonymous_variant'] })).toBe(
      'consequence synonymous_variant not among those included',
    );
  });
  it('treats no terms as missing data', () => {
    expect(reasonFor(exclude, { consequences: [] })).toBeNull();
    expect(reasonFor({ ...exclude, whenMissing: 'remove' }, { consequences: [] })).toBe(
      'no consequence; this filter removes variants with missing data',
    );
  });
});

describe('impact: keeps minImpact and more severe', () => {
  const filter: FilterDefinition = { kind: 'impact', name: 'Impact', minImpact: 'MODERATE' };
  it.each([
    ['HIGH', null],
    ['MODERATE', null],
    ['LOW', 'impact LOW below MODERATE'],
    ['MODIFIER', 'impact MODIFIER below MODERATE'],
  ] as const)('%s → %s', (impact, reason) => {
    expect(reasonFor(filter, { impact })).toBe(reason);
  });
  it('follows the missing-data policy for an unknown impact', () => {
    expect(reasonFor(filter, { impact: null })).toBeNull();
    expect(reasonFor({ ...filter, whenMissing: 'remove' }, { impact: null })).toBe(`impact ${MISSING}`);
  });
});

describe('gene panel: keeps genes of the panel at minConfidence or better', () => {
  const panel = LUNG_PANEL;
  const filter: FilterDefinition = { kind: 'gene-panel', name: 'Panel', minConfidence: 'amber', panel };
  it.each([
    ['KRAS', null],
    ['ROS1', null],
    ['MET', 'MET is red in panel Lunge v2.1, below amber'],
    ['EGFR', 'EGFR not in panel Lunge v2.1'],
  ])('%s → %s', (gene, reason) => {
    expect(reasonFor(filter, { gene })).toBe(reason);
  });
  it('keeps every panel gene at minConfidence red, and only green ones at green', () => {
    expect(reasonFor({ ...filter, minConfidence: 'red' }, { gene: 'MET' })).toBeNull();
    expect(reasonFor({ ...filter, minConfidence: 'green' }, { gene: 'ROS1' })).toBe(
      'ROS1 is amber in panel Lunge v2.1, below green',
    );
  });
  it('follows the missing-data policy for a variant with no gene', () => {
    expect(reasonFor(filter, { gene: null })).toBeNull();
    expect(reasonFor({ ...filter, whenMissing: 'remove' }, { gene: null })).toBe(`gene ${MISSING}`);
  });
  it('refuses to run without a bound panel', () => {
    expect(() => compileFilter({ kind: 'gene-panel', name: 'Panel', minConfidence: 'green' })).toThrow(
      UnboundPanelError,
    );
  });
});

describe('region: BED intervals (0-based start, end exclusive) against the REF span', () => {
  // 1-based positions 101..200 inclusive.
  const regions = [{ chrom: 'chr7', start: 100, end: 200 }];
  const keep: FilterDefinition = { kind: 'region', name: 'Targets', mode: 'keep-inside', regions };
  it.each([
    [100, 'C', '7:100 outside the regions kept'],
    [101, 'C', null],
    [200, 'C', null],
    [201, 'C', '7:201 outside the regions kept'],
    [95, 'CAGTCAGTCA', null],
  ])('pos %s REF %s → %s', (pos, ref, reason) => {
    expect(reasonFor(keep, { chrom: '7', pos, ref })).toBe(reason);
  });
  it('matches chromosome names with or without "chr"', () => {
    expect(reasonFor(keep, { chrom: 'CHR7', pos: 150 })).toBeNull();
    expect(reasonFor(keep, { chrom: '8', pos: 150 })).toBe('8:150 outside the regions kept');
  });
  it('remove-inside removes what overlaps a region', () => {
    const remove: FilterDefinition = { ...keep, mode: 'remove-inside' };
    expect(reasonFor(remove, { chrom: '7', pos: 150 })).toBe('7:150 inside a removed region');
    expect(reasonFor(remove, { chrom: '7', pos: 250 })).toBeNull();
  });
});

describe('VAF: keeps min ≤ VAF ≤ max, both inclusive', () => {
  const filter: FilterDefinition = { kind: 'vaf', name: 'VAF', min: 0.05, max: 0.9 };
  it.each([
    [0.05, null],
    [0.0499, 'VAF 0.0499 < 0.05'],
    [0.9, null],
    [0.95, 'VAF 0.95 > 0.9'],
  ])('VAF %s → %s', (vaf, reason) => {
    expect(reasonFor(filter, { vaf })).toBe(reason);
  });
  it('has no upper bound without max, and follows the missing-data policy', () => {
    expect(reasonFor({ kind: 'vaf', name: 'VAF', min: 0.05 }, { vaf: 1 })).toBeNull();
    expect(reasonFor(filter, { vaf: null })).toBeNull();
    expect(reasonFor({ ...filter, whenMissing: 'remove' }, { vaf: null })).toBe(`VAF ${MISSING}`);
  });
});

describe('depth: keeps depth ≥ min', () => {
  const filter: FilterDefinition = { kind: 'depth', name: 'Depth', min: 100 };
  it('is inclusive at min and follows the missing-data policy', () => {
    expect(reasonFor(filter, { depth: 100 })).toBeNull();
    expect(reasonFor(filter, { depth: 99 })).toBe('depth 99 < 100');
    expect(reasonFor(filter, { depth: null })).toBeNull();
    expect(reasonFor({ ...filter, whenMissing: 'remove' }, { depth: null })).toBe(`depth ${MISSING}`);
  });
});

describe('VCF FILTER: keeps PASS, ".", no value, and the values allowed', () => {
  const filter: FilterDefinition = { kind: 'vcf-filter', name: 'FILTER', allowed: ['clustered_events'] };
  it.each([
    [['PASS'], null],
    [[], null],
    [['.'], null],
    [['clustered_events'], null],
    [['LowQual', 'clustered_events', 'strand_bias'], 'FILTER LowQual;strand_bias not allowed'],
  ])('%j → %s', (filters, reason) => {
    expect(reasonFor(filter, { filters })).toBe(reason);
  });
});

describe('quality: keeps QUAL ≥ min', () => {
  const filter: FilterDefinition = { kind: 'quality', name: 'QUAL', min: 30 };
  it('is inclusive at min and follows the missing-data policy', () => {
    expect(reasonFor(filter, { qual: 30 })).toBeNull();
    expect(reasonFor(filter, { qual: 29.5 })).toBe('QUAL 29.5 < 30');
    expect(reasonFor(filter, { qual: null })).toBeNull();
    expect(reasonFor({ ...filter, whenMissing: 'remove' }, { qual: null })).toBe(`QUAL ${MISSING}`);
  });
});

describe('origin: keeps the origins listed; unknown is missing data', () => {
  const filter: FilterDefinition = { kind: 'origin', name: 'Origin', keep: ['somatic'] };
  it('keeps somatic, removes germline, and follows the policy for unknown', () => {
    expect(reasonFor(filter, { origin: 'somatic' })).toBeNull();
    expect(reasonFor(filter, { origin: 'germline' })).toBe('origin germline; keeps somatic');
    expect(reasonFor(filter, { origin: 'unknown' })).toBeNull();
    expect(reasonFor({ ...filter, whenMissing: 'remove' }, { origin: 'unknown' })).toBe(`origin ${MISSING}`);
  });
});
