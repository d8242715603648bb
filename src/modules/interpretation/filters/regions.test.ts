import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexRegions, normaliseChrom, variantSpan } from './regions.ts';
import { caseVariant } from './testing.ts';

describe('normaliseChrom', () => {
  it.each([
    ['chr7', '7'],
    ['Chr7', '7'],
    ['7', '7'],
    ['chrX', 'X'],
    ['x', 'X'],
    ['chrM', 'MT'],
    ['MT', 'MT'],
  ])('%s → %s', (chrom, normal) => {
    expect(normaliseChrom(chrom)).toBe(normal);
  });
});

describe('variantSpan', () => {
  it('covers the REF bases, 0-based and end exclusive; an insertion its anchor base', () => {
    expect(variantSpan(caseVariant({ pos: 10, ref: 'A' }))).toEqual({ start: 9, end: 10 });
    expect(variantSpan(caseVariant({ pos: 10, ref: 'ACGT', kind: 'deletion' }))).toEqual({
      start: 9,
      end: 13,
    });
    expect(variantSpan(caseVariant({ pos: 10, ref: 'A', alt: 'ACG', kind: 'insertion' }))).toEqual({
      start: 9,
      end: 10,
    });
  });
});

describe('indexRegions', () => {
  it('finds an overlap with a long interval that starts before shorter ones', () => {
    const index = indexRegions([
      { chrom: '1', start: 0, end: 1000 },
      { chrom: '1', start: 10, end: 20 },
      { chrom: '1', start: 30, end: 40 },
    ]);
    expect(index.overlaps('1', 500, 501)).toBe(true);
    expect(index.overlaps('1', 1000, 1001)).toBe(false);
    expect(index.overlaps('2', 15, 16)).toBe(false);
  });

  it('agrees with checking every interval', () => {
    const interval = fc
      .tuple(fc.nat({ max: 300 }), fc.integer({ min: 1, max: 60 }))
      .map(([start, length]) => ({ chrom: '1', start, end: start + length }));
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 30 }), interval, (regions, query) => {
        const expected = regions.some((r) => r.start < query.end && r.end > query.start);
        expect(indexRegions(regions).overlaps('1', query.start, query.end)).toBe(expected);
      }),
    );
  });
});
