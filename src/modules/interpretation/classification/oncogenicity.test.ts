import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CriterionError } from './errors.ts';
import type { OncogenicityClass, OncogenicityCriterionId, OncogenicityCriterionInput } from './model.ts';
import { ONCOGENICITY_CRITERIA_IDS } from './model.ts';
import {
  applyOncogenicityCriteria,
  classifyOncogenicity,
  oncogenicityCode,
  parseOncogenicityLabel,
} from './oncogenicity.ts';
import { ONCOGENICITY_CRITERIA } from './oncogenicityCriteria.ts';

const RANK: Record<OncogenicityClass, number> = {
  benign: 0,
  'likely-benign': 1,
  uncertain: 2,
  'likely-oncogenic': 3,
  oncogenic: 4,
};

const by = (...ids: OncogenicityCriterionId[]): OncogenicityCriterionInput[] =>
  ids.map((criterion) => ({ criterion }));

function refusal(run: () => unknown): CriterionError {
  try {
    run();
  } catch (error) {
    if (error instanceof CriterionError) return error;
    throw error;
  }
  throw new Error('expected a CriterionError');
}

describe('the SOP criteria table (Horak 2022 Tables 2 and 3)', () => {
  it('gives each criterion its published code and points', () => {
    const points = Object.fromEntries(
      ONCOGENICITY_CRITERIA.map((definition) => [
        definition.code,
        classifyOncogenicity([{ criterion: definition.id }]).points,
      ]),
    );
    expect(points).toEqual({
      OVS1: 8,
      OS1: 4,
      OS2: 4,
      OS3: 4,
      OM1: 2,
      OM2: 2,
      OM3: 2,
      OM4: 2,
      OP1: 1,
      OP2: 1,
      OP3: 1,
      OP4: 1,
      SBVS1: -8,
      SBS1: -4,
      SBS2: -4,
      SBP1: -1,
      SBP2: -1,
    });
  });

  it('keys criteria by meaning; OM3 and OM4 swap between the SOP table and PCGR', () => {
    expect(oncogenicityCode('hotspot-moderate')).toBe('OM3');
    expect(oncogenicityCode('hotspot-moderate', 'pcgr')).toBe('OM4');
    expect(oncogenicityCode('other-oncogenic-missense-at-residue')).toBe('OM4');
    expect(oncogenicityCode('other-oncogenic-missense-at-residue', 'pcgr')).toBe('OM3');
    expect(parseOncogenicityLabel('OM3', 'horak-2022')).toEqual({ criterion: 'hotspot-moderate' });
    expect(parseOncogenicityLabel('OM3', 'pcgr')).toEqual({
      criterion: 'other-oncogenic-missense-at-residue',
    });
    expect(parseOncogenicityLabel('OS3', 'pcgr')).toEqual({ criterion: 'hotspot-strong' });
  });

  it('reads strength modifiers in labels (OS1_Moderate, OVS1_Strong)', () => {
    expect(parseOncogenicityLabel('OS1_Moderate', 'horak-2022')).toEqual({
      criterion: 'same-amino-acid-change-as-oncogenic',
      strength: 'moderate',
    });
    expect(parseOncogenicityLabel('ovs1_strong', 'horak-2022')).toEqual({
      criterion: 'null-variant-in-tsg',
      strength: 'strong',
    });
    expect(refusal(() => parseOncogenicityLabel('OX1', 'horak-2022')).problem).toBe('unknown-criterion');
    expect(refusal(() => parseOncogenicityLabel('PVS1', 'horak-2022')).problem).toBe('unknown-criterion');
  });
});

describe('classification by points (SOP: O ≥ 10, LO 6–9, VUS 0–5, LB −1…−6, B ≤ −7)', () => {
  it('Horak 2022 SOP applied to BRAF p.V600E in melanoma (our illustration, not a worked example quoted from the paper): OS2 + OS3 + OP1 + OP4 = 10 → oncogenic', () => {
    // Constitutive kinase activation is well established (OS2); V600 is a cancerhotspots.org hotspot
    // far above 50 samples at the residue and 10 with V600E (OS3); predictors agree (OP1); absent
    // from gnomAD (OP4).
    const result = classifyOncogenicity(
      by(
        'functional-studies-oncogenic',
        'hotspot-strong',
        'computational-evidence-oncogenic',
        'absent-from-population',
      ),
    );
    expect(result).toMatchObject({ points: 10, class: 'oncogenic', mixedEvidence: false, cautions: [] });
    expect(result.criteria.map((criterion) => criterion.label)).toEqual(['OS2', 'OS3', 'OP1', 'OP4']);
    // The activation segment is a critical domain, but the SOP does not count OM1 on top of OS3.
    expect(
      refusal(() =>
        classifyOncogenicity(
          by('functional-studies-oncogenic', 'hotspot-strong', 'critical-functional-domain'),
        ),
      ).problem,
    ).toBe('excluded-combination');
  });

  it('Horak 2022 SOP applied to a truncating variant in a tumour suppressor absent from gnomAD: OVS1 + OP4 = 9 → likely oncogenic', () => {
    expect(classifyOncogenicity(by('null-variant-in-tsg', 'absent-from-population'))).toMatchObject({
      points: 9,
      class: 'likely-oncogenic',
    });
  });

  it('Horak 2022 Table 3: a common population variant, SBVS1 alone = −8 → benign', () => {
    expect(classifyOncogenicity(by('population-frequency-very-high'))).toMatchObject({
      points: -8,
      class: 'benign',
    });
  });

  it.each([
    [
      10,
      by('null-variant-in-tsg', 'computational-evidence-oncogenic', 'absent-from-population'),
      'oncogenic',
    ],
    [9, by('null-variant-in-tsg', 'absent-from-population'), 'likely-oncogenic'],
    [6, by('functional-studies-oncogenic', 'critical-functional-domain'), 'likely-oncogenic'],
    [5, by('functional-studies-oncogenic', 'computational-evidence-oncogenic'), 'uncertain'],
    [0, [], 'uncertain'],
    [0, by('absent-from-population', 'computational-evidence-benign'), 'uncertain'],
    [-1, by('computational-evidence-benign'), 'likely-benign'],
    [
      -6,
      by('functional-studies-benign', 'computational-evidence-benign', 'synonymous-no-splice-impact'),
      'likely-benign',
    ],
    [
      -7,
      [
        ...by('functional-studies-benign', 'computational-evidence-benign', 'synonymous-no-splice-impact'),
        { criterion: 'population-frequency-high', strength: 'supporting' },
      ],
      'benign',
    ],
  ] as [number, OncogenicityCriterionInput[], OncogenicityClass][])(
    'boundary: %i points → %s',
    (points, criteria, cls) => {
      expect(classifyOncogenicity(criteria)).toMatchObject({ points, class: cls });
    },
  );

  it('flags mixed evidence', () => {
    expect(
      classifyOncogenicity(by('absent-from-population', 'computational-evidence-benign')).mixedEvidence,
    ).toBe(true);
  });
});

describe('strength modifiers', () => {
  it('scores a criterion at its applied strength: OS1_Moderate 2, OVS1_Strong 4, SBS1_Supporting −1', () => {
    const result = classifyOncogenicity([
      { criterion: 'same-amino-acid-change-as-oncogenic', strength: 'moderate' },
      { criterion: 'population-frequency-high', strength: 'supporting' },
    ]);
    expect(result.criteria.map(({ label, points }) => [label, points])).toEqual([
      ['OS1_Moderate', 2],
      ['SBS1_Supporting', -1],
    ]);
    expect(classifyOncogenicity([{ criterion: 'null-variant-in-tsg', strength: 'strong' }]).points).toBe(4);
  });

  it('refuses strengths the SOP does not have: benign moderate, and stand-alone', () => {
    const error = refusal(() =>
      classifyOncogenicity([{ criterion: 'population-frequency-high', strength: 'moderate' }]),
    );
    expect(error.problem).toBe('impossible-strength');
    expect(error.message).toMatch(/SBS1 .* cannot be applied at moderate/);
    expect(
      refusal(() => classifyOncogenicity([{ criterion: 'hotspot-strong', strength: 'stand-alone' }])).problem,
    ).toBe('impossible-strength');
  });

  it('refuses unknown criteria and duplicates', () => {
    const unknown = { criterion: 'hotspot-weak' } as unknown as OncogenicityCriterionInput;
    expect(refusal(() => classifyOncogenicity([unknown])).problem).toBe('unknown-criterion');
    expect(
      refusal(() =>
        classifyOncogenicity([
          { criterion: 'hotspot-strong' },
          { criterion: 'hotspot-strong', strength: 'moderate' },
        ]),
      ).problem,
    ).toBe('duplicate-criterion');
  });
});

describe('the SOP exclusivity notes', () => {
  it.each([
    ['OS3 with the moderate hotspot rule (one hotspot)', 'hotspot-strong', 'hotspot-moderate'],
    ['OP3 with OS3 (one hotspot count)', 'hotspot-supporting', 'hotspot-strong'],
    ['OP3 with the moderate hotspot rule (one hotspot count)', 'hotspot-supporting', 'hotspot-moderate'],
    ['OM1 with OS1', 'critical-functional-domain', 'same-amino-acid-change-as-oncogenic'],
    ['OM1 with OS3', 'critical-functional-domain', 'hotspot-strong'],
    ['OM1 with OVS1', 'critical-functional-domain', 'null-variant-in-tsg'],
    ['OM2 with OVS1', 'in-frame-length-change', 'null-variant-in-tsg'],
    ['the moderate hotspot rule with OM1', 'hotspot-moderate', 'critical-functional-domain'],
    ['the moderate hotspot rule with OS1', 'hotspot-moderate', 'same-amino-acid-change-as-oncogenic'],
    [
      'the same-residue rule with OS1',
      'other-oncogenic-missense-at-residue',
      'same-amino-acid-change-as-oncogenic',
    ],
    [
      'the same-residue rule with the moderate hotspot rule',
      'other-oncogenic-missense-at-residue',
      'hotspot-moderate',
    ],
  ] as [string, OncogenicityCriterionId, OncogenicityCriterionId][])(
    'refuses %s, in either order',
    (_, a, b) => {
      for (const pair of [by(a, b), by(b, a)]) {
        const error = refusal(() => classifyOncogenicity(pair));
        expect(error.problem).toBe('excluded-combination');
        expect(error.message).toContain(a);
        expect(error.message).toContain(b);
      }
    },
  );

  it('applies exclusions whatever the strength: OS3_Moderate is still the hotspot rule', () => {
    expect(
      refusal(() =>
        classifyOncogenicity([
          { criterion: 'hotspot-strong', strength: 'moderate' },
          { criterion: 'hotspot-moderate' },
        ]),
      ).problem,
    ).toBe('excluded-combination');
  });

  it('names codes in the SOP labelling in the refusal', () => {
    const error = refusal(() =>
      classifyOncogenicity(by('hotspot-moderate', 'other-oncogenic-missense-at-residue')),
    );
    expect(error.message).toMatch(/OM4 \(other-oncogenic-missense-at-residue\) and OM3 \(hotspot-moderate\)/);
  });

  it('allows pairs whose note has an exception, with a caution to check it', () => {
    const result = classifyOncogenicity(
      by('same-amino-acid-change-as-oncogenic', 'functional-studies-oncogenic', 'hotspot-strong'),
    );
    expect(result.points).toBe(12);
    expect(result.cautions.map((caution) => caution.criteria)).toEqual([
      ['OS2', 'OS1'],
      ['OS3', 'OS1'],
    ]);
    expect(
      classifyOncogenicity(by('hotspot-supporting', 'critical-functional-domain')).cautions,
    ).toHaveLength(1);
  });
});

describe('properties', () => {
  const permitted = (criteria: OncogenicityCriterionInput[]) => {
    try {
      applyOncogenicityCriteria(criteria);
      return true;
    } catch {
      return false;
    }
  };
  const validSet = fc
    .subarray([...ONCOGENICITY_CRITERIA_IDS])
    .map((ids) => by(...ids))
    .filter(permitted);
  const oncogenicIds = ONCOGENICITY_CRITERIA.filter((c) => c.direction === 'oncogenic').map((c) => c.id);

  it('adding oncogenic evidence never lowers the class', () => {
    fc.assert(
      fc.property(validSet, fc.constantFrom(...oncogenicIds), (criteria, extra) => {
        const more = [...criteria, { criterion: extra }];
        fc.pre(permitted(more));
        const before = classifyOncogenicity(criteria);
        const after = classifyOncogenicity(more);
        expect(after.points).toBeGreaterThan(before.points);
        expect(RANK[after.class]).toBeGreaterThanOrEqual(RANK[before.class]);
      }),
    );
  });
});
