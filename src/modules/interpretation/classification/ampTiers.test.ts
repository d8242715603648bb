import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignAmpTier, effectiveLevel, parseEscatTier } from './ampTiers.ts';
import {
  AMP_LEVELS,
  type AmpLevel,
  type AmpTier,
  type ClinicalEvidenceItem,
  ESCAT_TIERS,
  SIGNIFICANCE_KINDS,
} from './model.ts';

const evidence = (
  level: AmpLevel,
  tumourTypeMatches: boolean,
  kind: ClinicalEvidenceItem['kind'] = 'therapeutic',
  id?: string,
): ClinicalEvidenceItem => ({ level, tumourTypeMatches, kind, ...(id === undefined ? {} : { id }) });

describe('AMP/ASCO/CAP 2017 tiers (Li 2017)', () => {
  const vemurafenibInMelanoma = evidence(
    'A',
    true,
    'therapeutic',
    'FDA label: vemurafenib, BRAF V600E melanoma',
  );

  it('Li 2017: BRAF p.V600E in melanoma, with an FDA-approved therapy for melanoma → Tier I, level A', () => {
    const result = assignAmpTier({ evidence: [vemurafenibInMelanoma] });
    expect(result).toMatchObject({ tier: 'I', level: 'A', cautions: [] });
    expect(result.drivingEvidence).toEqual([{ item: vemurafenibInMelanoma, effectiveLevel: 'A' }]);
    expect(result.byKind.therapeutic).toMatchObject({ tier: 'I', level: 'A' });
  });

  it('Li 2017: the same variant in a tumour type where the approval is only for melanoma → Tier II, level C', () => {
    const melanomaOnly = { ...vemurafenibInMelanoma, tumourTypeMatches: false };
    const result = assignAmpTier({ evidence: [melanomaOnly] });
    expect(result).toMatchObject({ tier: 'II', level: 'C' });
    expect(result.drivingEvidence).toEqual([{ item: melanomaOnly, effectiveLevel: 'C' }]);
  });

  it.each([
    ['A', true, 'I', 'A'],
    ['B', true, 'I', 'B'],
    ['C', true, 'II', 'C'],
    ['D', true, 'II', 'D'],
    ['A', false, 'II', 'C'],
    ['B', false, 'II', 'C'],
    ['C', false, 'II', 'C'],
    ['D', false, 'II', 'D'],
  ] as [AmpLevel, boolean, AmpTier, AmpLevel][])(
    'level %s evidence, tumour type matches: %s → Tier %s, level %s',
    (level, matches, tier, effective) => {
      expect(assignAmpTier({ evidence: [evidence(level, matches)] })).toMatchObject({
        tier,
        level: effective,
      });
    },
  );

  it('takes the strongest evidence, and reports every item at that level', () => {
    const trial = evidence('C', true, 'therapeutic', 'trial');
    const otherTumour = evidence('A', false, 'therapeutic', 'other tumour');
    const caseReport = evidence('D', true, 'therapeutic', 'case report');
    const result = assignAmpTier({ evidence: [caseReport, trial, otherTumour] });
    expect(result).toMatchObject({ tier: 'II', level: 'C' });
    expect(result.drivingEvidence.map((weighed) => weighed.item.id)).toEqual(['trial', 'other tumour']);
  });

  it('tiers each kind of significance on its own, and the variant by the strongest', () => {
    const result = assignAmpTier({
      evidence: [
        evidence('C', true, 'therapeutic'),
        evidence('B', true, 'prognostic'),
        evidence('D', false, 'diagnostic'),
      ],
    });
    expect(result).toMatchObject({ tier: 'I', level: 'B' });
    expect(result.byKind).toMatchObject({
      therapeutic: { tier: 'II', level: 'C' },
      prognostic: { tier: 'I', level: 'B' },
      diagnostic: { tier: 'II', level: 'D' },
    });
  });

  it('Tier III without evidence; Tier IV when the variant is benign or likely benign', () => {
    expect(assignAmpTier({ evidence: [] })).toMatchObject({
      tier: 'III',
      level: null,
      drivingEvidence: [],
      byKind: {},
    });
    expect(assignAmpTier({ evidence: [], oncogenicity: 'uncertain' }).tier).toBe('III');
    expect(assignAmpTier({ evidence: [], oncogenicity: 'benign' }).tier).toBe('IV');
    expect(assignAmpTier({ evidence: [], oncogenicity: 'likely-benign' }).tier).toBe('IV');
  });

  it('follows the evidence for a benign-classified variant, with a caution to reconcile the two', () => {
    const result = assignAmpTier({ evidence: [evidence('A', true)], oncogenicity: 'likely-benign' });
    expect(result.tier).toBe('I');
    expect(result.cautions[0]).toMatch(/classified likely-benign but has level A/);
  });

  it('refuses evidence levels and kinds AMP does not define', () => {
    expect(() => effectiveLevel({ ...evidence('A', true), level: 'E' as AmpLevel })).toThrow(RangeError);
    expect(() =>
      assignAmpTier({
        evidence: [{ ...evidence('A', true), kind: 'predisposing' as ClinicalEvidenceItem['kind'] }],
      }),
    ).toThrow(/not a kind of significance/);
  });

  it('never ranks a patient above Tier II on evidence from another tumour type', () => {
    const item = fc.record({
      level: fc.constantFrom(...AMP_LEVELS),
      tumourTypeMatches: fc.constant(false),
      kind: fc.constantFrom(...SIGNIFICANCE_KINDS),
    });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1 }), (items) => {
        const result = assignAmpTier({ evidence: items });
        expect(result.tier).toBe('II');
        expect(['C', 'D']).toContain(result.level);
      }),
    );
  });
});

describe('ESCAT tier (Mateo 2018), recorded when given', () => {
  it('validates and carries the tier through', () => {
    expect(assignAmpTier({ evidence: [evidence('A', true)], escat: 'I-A' }).escat).toBe('I-A');
    expect(parseEscatTier(' iii-b ')).toBe('III-B');
    expect(ESCAT_TIERS).toHaveLength(11);
    expect(assignAmpTier({ evidence: [] })).not.toHaveProperty('escat');
  });

  it('refuses values that are not ESCAT tiers', () => {
    for (const bad of ['I', 'I-D', 'IV', 'VI', 'Tier I-A', '']) {
      expect(() => parseEscatTier(bad), bad).toThrow(RangeError);
    }
    expect(() => assignAmpTier({ evidence: [], escat: 'II-C' })).toThrow(/not an ESCAT tier/);
  });
});
