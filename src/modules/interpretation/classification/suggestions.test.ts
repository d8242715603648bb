import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyAcmg } from './acmg.ts';
import type { VariantFacts } from './model.ts';
import { classifyOncogenicity } from './oncogenicity.ts';
import {
  NULL_VARIANT_CONSEQUENCES,
  suggestGermlineCriteria,
  suggestOncogenicityCriteria,
} from './suggestions.ts';

const missense: VariantFacts = { consequences: ['missense_variant'] };
const withFrequency = (alleleFrequency: number, facts: VariantFacts = missense): VariantFacts => ({
  ...facts,
  population: { alleleFrequency, population: 'nfe', source: 'gnomAD v4.1' },
});
const labels = (suggestions: { label: string }[]) => suggestions.map((suggestion) => suggestion.label);

describe('germline suggestions', () => {
  it.each([
    [0.12, ['BA1']],
    [0.0501, ['BA1']],
    [0.05, ['BS1']],
    [0.0101, ['BS1']],
    [0.01, []],
    [0.00001, []],
    [0, ['PM2_Supporting']],
  ])('allele frequency %d → %j (BA1 > 5%, BS1 > 1%, absent → PM2_Supporting)', (frequency, expected) => {
    expect(labels(suggestGermlineCriteria(withFrequency(frequency)))).toEqual(expected);
  });

  it('explains each suggestion and never applies it', () => {
    const [ba1] = suggestGermlineCriteria(withFrequency(0.12));
    expect(ba1).toEqual({
      criterion: { code: 'BA1' },
      label: 'BA1',
      reason: 'Allele frequency 12% in gnomAD v4.1 (nfe) is above 5%',
      needsConfirmation: true,
    });
  });

  it('takes the BS1 cut-off from the gene or disorder', () => {
    expect(labels(suggestGermlineCriteria(withFrequency(0.002), { strong: 0.001 }))).toEqual(['BS1']);
    expect(() => suggestGermlineCriteria(withFrequency(0.002), { strong: 0.1 })).toThrow(
      /above the BA1 threshold/,
    );
    expect(() => suggestGermlineCriteria(missense, { standAlone: 5 })).toThrow(RangeError);
  });

  it('suggests nothing from frequency when the frequency is unknown: unknown is not absent', () => {
    expect(suggestGermlineCriteria(missense)).toEqual([]);
  });

  it('refuses an allele frequency outside 0–1', () => {
    expect(() => suggestGermlineCriteria(withFrequency(1.5))).toThrow(RangeError);
    expect(() => suggestGermlineCriteria(withFrequency(Number.NaN))).toThrow(RangeError);
  });

  it('suggests PM1 for a known hotspot', () => {
    const facts: VariantFacts = { ...missense, hotspot: { source: 'cancerhotspots.org v2' } };
    const [pm1] = suggestGermlineCriteria(facts);
    expect(pm1?.label).toBe('PM1');
    expect(pm1?.reason).toMatch(/hotspot \(cancerhotspots\.org v2\)/);
  });

  it.each(NULL_VARIANT_CONSEQUENCES)('suggests PVS1 for %s in a loss-of-function gene', (consequence) => {
    const facts: VariantFacts = {
      consequences: [consequence, 'NMD_transcript_variant'],
      gene: { symbol: 'BRCA2', mechanism: 'loss-of-function' },
    };
    const [pvs1] = suggestGermlineCriteria(facts);
    expect(pvs1?.label).toBe('PVS1');
    expect(pvs1?.reason).toContain(`${consequence} in BRCA2`);
  });

  it('does not suggest PVS1 where loss of function is not the mechanism, or for a missense', () => {
    const stop = { consequences: ['stop_gained'] };
    expect(
      suggestGermlineCriteria({ ...stop, gene: { symbol: 'FGFR3', mechanism: 'gain-of-function' } }),
    ).toEqual([]);
    expect(suggestGermlineCriteria({ ...stop, gene: { symbol: 'X', mechanism: 'unknown' } })).toEqual([]);
    expect(suggestGermlineCriteria({ ...stop, gene: { symbol: 'X' } })).toEqual([]);
    expect(
      suggestGermlineCriteria({ ...missense, gene: { symbol: 'BRCA2', mechanism: 'loss-of-function' } }),
    ).toEqual([]);
  });
});

describe('oncogenicity suggestions', () => {
  it.each([
    [0.06, ['SBVS1']],
    [0.05, ['SBS1']],
    [0.03, ['SBS1']],
    [0.01, []],
    [0, ['OP4']],
  ])('allele frequency %d → %j (SBVS1 > 5%, SBS1 > 1%, absent → OP4)', (frequency, expected) => {
    expect(labels(suggestOncogenicityCriteria(withFrequency(frequency)))).toEqual(expected);
  });

  it.each([
    [{ samplesAtPosition: 900, samplesWithSameChange: 800 }, 'hotspot-strong', 'OS3'],
    [{ samplesAtPosition: 50, samplesWithSameChange: 10 }, 'hotspot-strong', 'OS3'],
    [{ samplesAtPosition: 49, samplesWithSameChange: 10 }, 'hotspot-moderate', 'OM3'],
    [{ samplesAtPosition: 900, samplesWithSameChange: 9 }, 'hotspot-supporting', 'OP3'],
    [{ samplesWithSameChange: 3 }, 'hotspot-supporting', 'OP3'],
  ])('grades a hotspot by its cancerhotspots.org counts: %j → %s (%s)', (hotspot, criterion, label) => {
    const suggestions = suggestOncogenicityCriteria({ ...missense, hotspot });
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]).toMatchObject({ criterion: { criterion }, label, needsConfirmation: true });
  });

  it('suggests no hotspot criterion when the counts cannot grade it', () => {
    expect(suggestOncogenicityCriteria({ ...missense, hotspot: {} })).toEqual([]);
    expect(suggestOncogenicityCriteria({ ...missense, hotspot: { samplesWithSameChange: 20 } })).toEqual([]);
    expect(() =>
      suggestOncogenicityCriteria({ ...missense, hotspot: { samplesWithSameChange: -1 } }),
    ).toThrow(RangeError);
  });

  it('suggests OVS1 for a null variant in a tumour suppressor, not in an oncogene', () => {
    const frameshift = { consequences: ['frameshift_variant'] };
    expect(
      labels(
        suggestOncogenicityCriteria({
          ...frameshift,
          gene: { symbol: 'TP53', roleInCancer: 'tumour-suppressor' },
        }),
      ),
    ).toEqual(['OVS1']);
    expect(
      labels(
        suggestOncogenicityCriteria({ ...frameshift, gene: { symbol: 'NOTCH1', roleInCancer: 'both' } }),
      ),
    ).toEqual(['OVS1']);
    expect(
      suggestOncogenicityCriteria({ ...frameshift, gene: { symbol: 'KRAS', roleInCancer: 'oncogene' } }),
    ).toEqual([]);
  });

  it('suggests OS3 + OP4 for a BRAF p.V600E-like hotspot absent from gnomAD, which then score 5 (VUS) until a curator adds more', () => {
    // Illustrative counts, far above the 50/10 cut-offs as V600 is; not copied from a release.
    const facts: VariantFacts = {
      ...withFrequency(0),
      hotspot: { samplesAtPosition: 900, samplesWithSameChange: 800, source: 'cancerhotspots.org' },
    };
    const suggestions = suggestOncogenicityCriteria(facts);
    expect(labels(suggestions)).toEqual(['OP4', 'OS3']);
    expect(classifyOncogenicity(suggestions.map((s) => s.criterion))).toMatchObject({
      points: 5,
      class: 'uncertain',
    });
  });
});

describe('properties', () => {
  const facts = fc.record(
    {
      consequences: fc.subarray([...NULL_VARIANT_CONSEQUENCES, 'missense_variant', 'synonymous_variant']),
      gene: fc.record({
        symbol: fc.constant('GENE'),
        mechanism: fc.constantFrom('loss-of-function', 'gain-of-function', 'dominant-negative', 'unknown'),
        roleInCancer: fc.constantFrom('tumour-suppressor', 'oncogene', 'both'),
      }),
      population: fc.record({
        alleleFrequency: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
        source: fc.constant('gnomAD'),
      }),
      hotspot: fc.record(
        { samplesAtPosition: fc.nat(2000), samplesWithSameChange: fc.nat(2000) },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['consequences'] },
  ) as fc.Arbitrary<VariantFacts>;

  it('every suggestion needs confirmation, and together they are criteria the engines accept', () => {
    fc.assert(
      fc.property(facts, (variant) => {
        const germline = suggestGermlineCriteria(variant);
        const somatic = suggestOncogenicityCriteria(variant);
        for (const suggestion of [...germline, ...somatic]) {
          expect(suggestion.needsConfirmation).toBe(true);
          expect(suggestion.reason.length).toBeGreaterThan(0);
        }
        expect(() => classifyAcmg(germline.map((s) => s.criterion))).not.toThrow();
        expect(() => classifyOncogenicity(somatic.map((s) => s.criterion))).not.toThrow();
      }),
    );
  });
});
