import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyAcmgCriterion, classifyAcmg } from './acmg.ts';
import { ACMG_CRITERIA, RICHARDS_COMBINING_RULES } from './acmgCriteria.ts';
import { CriterionError } from './errors.ts';
import type { EvidenceStrength, GermlineClass } from './model.ts';

const RANK: Record<GermlineClass, number> = {
  benign: 0,
  'likely-benign': 1,
  uncertain: 2,
  'likely-pathogenic': 3,
  pathogenic: 4,
};

function refusal(run: () => unknown): CriterionError {
  try {
    run();
  } catch (error) {
    if (error instanceof CriterionError) return error;
    throw error;
  }
  throw new Error('expected a CriterionError');
}

describe('the ACMG/AMP 2015 criteria table', () => {
  it('has the 28 criteria of Richards 2015 Tables 3 and 4: 16 pathogenic, 12 benign', () => {
    expect(ACMG_CRITERIA).toHaveLength(28);
    expect(ACMG_CRITERIA.filter((c) => c.direction === 'pathogenic')).toHaveLength(16);
    expect(ACMG_CRITERIA.filter((c) => c.direction === 'benign')).toHaveLength(12);
    const defaults = Object.fromEntries(ACMG_CRITERIA.map((c) => [c.code, c.defaultStrength]));
    expect(defaults).toMatchObject({
      PVS1: 'very-strong',
      PS4: 'strong',
      PM6: 'moderate',
      PP5: 'supporting',
      BA1: 'stand-alone',
      BS4: 'strong',
      BP7: 'supporting',
    });
  });
});

describe('Richards 2015 Table 5 combining rules, with the Tavtigian 2020 points beside them', () => {
  const cases: [string, string[], GermlineClass, string, number, GermlineClass][] = [
    ['PVS1 + PS1', ['PVS1', 'PS1'], 'pathogenic', 'Pathogenic (i)(a)', 12, 'pathogenic'],
    ['PVS1 + PM1 + PM2', ['PVS1', 'PM1', 'PM2'], 'pathogenic', 'Pathogenic (i)(b)', 12, 'pathogenic'],
    ['PVS1 + PM2 + PP3', ['PVS1', 'PM2', 'PP3'], 'pathogenic', 'Pathogenic (i)(c)', 11, 'pathogenic'],
    ['PVS1 + PP3 + PP4', ['PVS1', 'PP3', 'PP4'], 'pathogenic', 'Pathogenic (i)(d)', 10, 'pathogenic'],
    ['PS3 + PS4', ['PS3', 'PS4'], 'pathogenic', 'Pathogenic (ii)', 8, 'likely-pathogenic'],
    [
      'PS3 + PM1 + PM2 + PM5',
      ['PS3', 'PM1', 'PM2', 'PM5'],
      'pathogenic',
      'Pathogenic (iii)(a)',
      10,
      'pathogenic',
    ],
    [
      'PS3 + PM1 + PM2 + PP3 + PP4',
      ['PS3', 'PM1', 'PM2', 'PP3', 'PP4'],
      'pathogenic',
      'Pathogenic (iii)(b)',
      10,
      'pathogenic',
    ],
    [
      'PS3 + PM2 + PP1 + PP2 + PP3 + PP4',
      ['PS3', 'PM2', 'PP1', 'PP2', 'PP3', 'PP4'],
      'pathogenic',
      'Pathogenic (iii)(c)',
      10,
      'pathogenic',
    ],
    ['PVS1 + PM2', ['PVS1', 'PM2'], 'likely-pathogenic', 'Likely pathogenic (i)', 10, 'pathogenic'],
    ['PS3 + PM2', ['PS3', 'PM2'], 'likely-pathogenic', 'Likely pathogenic (ii)', 6, 'likely-pathogenic'],
    [
      'PS3 + PM1 + PM2',
      ['PS3', 'PM1', 'PM2'],
      'likely-pathogenic',
      'Likely pathogenic (ii)',
      8,
      'likely-pathogenic',
    ],
    [
      'PS3 + PP3 + PP4',
      ['PS3', 'PP3', 'PP4'],
      'likely-pathogenic',
      'Likely pathogenic (iii)',
      6,
      'likely-pathogenic',
    ],
    [
      'PM1 + PM2 + PM5',
      ['PM1', 'PM2', 'PM5'],
      'likely-pathogenic',
      'Likely pathogenic (iv)',
      6,
      'likely-pathogenic',
    ],
    [
      'PM1 + PM2 + PP3 + PP4',
      ['PM1', 'PM2', 'PP3', 'PP4'],
      'likely-pathogenic',
      'Likely pathogenic (v)',
      6,
      'likely-pathogenic',
    ],
    [
      'PM2 + PP1 + PP2 + PP3 + PP4',
      ['PM2', 'PP1', 'PP2', 'PP3', 'PP4'],
      'likely-pathogenic',
      'Likely pathogenic (vi)',
      6,
      'likely-pathogenic',
    ],
    ['BA1', ['BA1'], 'benign', 'Benign (i)', 0, 'benign'],
    ['BS1 + BS2', ['BS1', 'BS2'], 'benign', 'Benign (ii)', -8, 'benign'],
    ['BS3 + BP4', ['BS3', 'BP4'], 'likely-benign', 'Likely benign (i)', -5, 'likely-benign'],
    ['BP4 + BP7', ['BP4', 'BP7'], 'likely-benign', 'Likely benign (ii)', -2, 'likely-benign'],
  ];

  it.each(cases)(
    'Richards 2015 Table 5: %s → %s by %s (Tavtigian 2020: %i points → %s)',
    (_, criteria, cls, ruleName, points, pointsClass) => {
      const result = classifyAcmg(criteria);
      expect(result.combiningRules.class).toBe(cls);
      expect(result.combiningRules.rule.startsWith(`${ruleName}:`)).toBe(true);
      expect(result.combiningRules.conflicting).toBe(false);
      expect(result.pointsScale).toMatchObject({ points, class: pointsClass });
    },
  );

  it('names the rule that fired, e.g. "Pathogenic (ii): ≥2 strong"', () => {
    expect(classifyAcmg(['PS1', 'PS3']).combiningRules.rule).toBe('Pathogenic (ii): ≥2 strong');
  });

  it('lists every rule met, pathogenic side first', () => {
    expect(classifyAcmg(['PVS1', 'PS3', 'PM2']).combiningRules.rulesMet).toEqual([
      'Pathogenic (i)(a): PVS1 and ≥1 strong',
      'Likely pathogenic (i): PVS1 and 1 moderate',
      'Likely pathogenic (ii): 1 strong and 1–2 moderate',
    ]);
  });

  it.each([
    ['no criteria', []],
    ['PVS1 alone', ['PVS1']],
    ['one strong', ['PS3']],
    ['1 moderate + 1 supporting', ['PM2', 'PP3']],
    ['one benign strong', ['BS1']],
  ])('Richards 2015 Table 5: %s meets no rule → uncertain significance (i)', (_, criteria) => {
    const { combiningRules } = classifyAcmg(criteria);
    expect(combiningRules).toMatchObject({ class: 'uncertain', conflicting: false });
    expect(combiningRules.rule).toMatch(/^Uncertain significance \(i\)/);
  });

  it('Richards 2015 Table 5: pathogenic and benign rules both met → uncertain (ii), flagged conflicting', () => {
    const result = classifyAcmg(['PVS1', 'PS3', 'BS1', 'BS2']);
    expect(result.combiningRules).toMatchObject({ class: 'uncertain', conflicting: true });
    expect(result.combiningRules.rule).toMatch(/^Uncertain significance \(ii\)/);
    expect(result.combiningRules.rulesMet).toEqual([
      'Pathogenic (i)(a): PVS1 and ≥1 strong',
      'Benign (ii): ≥2 strong',
    ]);
    expect(result.mixedEvidence).toBe(true);
    expect(result.pointsScale).toMatchObject({ points: 4, class: 'uncertain' });
  });

  it('flags mixed evidence even when no rule on either side is met', () => {
    const result = classifyAcmg(['PM2', 'BP4']);
    expect(result.combiningRules).toMatchObject({ class: 'uncertain', conflicting: false });
    expect(result.mixedEvidence).toBe(true);
    expect(result.pointsScale).toMatchObject({ points: 1, class: 'uncertain' });
    expect(classifyAcmg(['PVS1', 'PS1']).mixedEvidence).toBe(false);
  });
});

describe('Tavtigian 2020 points scale', () => {
  it.each([
    [10, ['PVS1', 'PM2'], 'pathogenic'],
    [9, ['PVS1', 'PP3'], 'likely-pathogenic'],
    [6, ['PS3', 'PM2'], 'likely-pathogenic'],
    [5, ['PS3', 'PP3'], 'uncertain'],
    [0, [], 'uncertain'],
    [0, ['PP3', 'BP7'], 'uncertain'],
    [-1, ['BP4'], 'likely-benign'],
    [-6, ['BS1', 'BP4', 'BP7'], 'likely-benign'],
    [-7, ['BS1', 'BP1', 'BP4', 'BP7'], 'benign'],
  ])('boundary: %i points → %s', (points, criteria, cls) => {
    expect(classifyAcmg(criteria as string[]).pointsScale).toEqual({ points, class: cls, standAlone: false });
  });

  it('Tavtigian 2020: BA1 stands alone — benign whatever the other points, with the conflict flagged', () => {
    expect(classifyAcmg(['BA1']).pointsScale).toEqual({ points: 0, class: 'benign', standAlone: true });
    const result = classifyAcmg(['BA1', 'PVS1', 'PS3']);
    expect(result.pointsScale).toEqual({ points: 12, class: 'benign', standAlone: true });
    expect(result.mixedEvidence).toBe(true);
    // Richards 2015 has no stand-alone exception: the contradiction makes it uncertain.
    expect(result.combiningRules).toMatchObject({ class: 'uncertain', conflicting: true });
  });

  it('agrees with every Richards 2015 rule except Pathogenic (ii) (8 points, LP) and Likely pathogenic (i) (10 points, P)', () => {
    const pools: Record<'pathogenic' | 'benign', Partial<Record<EvidenceStrength, string[]>>> = {
      pathogenic: {
        'very-strong': ['PVS1'],
        strong: ['PS1', 'PS2', 'PS3', 'PS4'],
        moderate: ['PM1', 'PM2', 'PM3', 'PM4', 'PM5', 'PM6'],
        supporting: ['PP1', 'PP2', 'PP3', 'PP4', 'PP5'],
      },
      benign: {
        'stand-alone': ['BA1'],
        strong: ['BS1', 'BS2', 'BS3', 'BS4'],
        supporting: ['BP1', 'BP4', 'BP7'],
      },
    };
    const disagreements: string[] = [];
    for (const rule of RICHARDS_COMBINING_RULES) {
      const criteria = Object.entries(rule.atLeast).flatMap(([strength, count]) =>
        (pools[rule.direction][strength as EvidenceStrength] ?? []).slice(0, count),
      );
      const result = classifyAcmg(criteria);
      expect(result.combiningRules.rule).toBe(`${rule.name}: ${rule.summary}`);
      if (result.pointsScale.class !== rule.class)
        disagreements.push(`${rule.name} → ${result.pointsScale.class}`);
    }
    expect(disagreements).toEqual([
      'Pathogenic (ii) → likely-pathogenic',
      'Likely pathogenic (i) → pathogenic',
    ]);
  });
});

describe('strength modifiers (ClinGen SVI notation)', () => {
  it('counts PM2_Supporting as supporting: PVS1 + PM2_Supporting meets no Richards rule but scores 9 (LP)', () => {
    const result = classifyAcmg(['PVS1', 'PM2_Supporting']);
    expect(result.criteria[1]).toEqual({
      code: 'PM2',
      direction: 'pathogenic',
      strength: 'supporting',
      label: 'PM2_Supporting',
      modified: true,
    });
    expect(result.combiningRules.class).toBe('uncertain');
    expect(result.pointsScale).toMatchObject({ points: 9, class: 'likely-pathogenic' });
  });

  it('counts PVS1_Strong as strong: PVS1_Strong + PS3 → Pathogenic (ii)', () => {
    const result = classifyAcmg(['PVS1_Strong', 'PS3']);
    expect(result.combiningRules.rule).toBe('Pathogenic (ii): ≥2 strong');
    expect(result.pointsScale.points).toBe(8);
  });

  it('counts PS3_Moderate as moderate: PS3_Moderate + PM1 + PM2 → Likely pathogenic (iv)', () => {
    const result = classifyAcmg(['PS3_Moderate', 'PM1', 'PM2']);
    expect(result.combiningRules.rule).toBe('Likely pathogenic (iv): ≥3 moderate');
    expect(result.pointsScale).toMatchObject({ points: 6, class: 'likely-pathogenic' });
  });

  it('counts a second very strong criterion as strong, and says so', () => {
    const result = classifyAcmg(['PVS1', 'PM3_VeryStrong']);
    expect(result.combiningRules.rule).toBe('Pathogenic (i)(a): PVS1 and ≥1 strong');
    expect(result.combiningRules.notes).toHaveLength(1);
    expect(result.pointsScale.points).toBe(16);
  });

  it('counts benign moderate (an SVI level Richards lacks) as supporting in the rules and −2 in points', () => {
    const result = classifyAcmg(['BS1', 'BP4_Moderate']);
    expect(result.combiningRules.rule).toBe('Likely benign (i): 1 strong and 1 supporting');
    expect(result.combiningRules.notes[0]).toMatch(/no benign moderate/);
    expect(result.pointsScale).toMatchObject({ points: -6, class: 'likely-benign' });
    expect(classifyAcmg(['BS1_Supporting', 'BP4']).combiningRules.rule).toBe(
      'Likely benign (ii): ≥2 supporting',
    );
  });

  it('reads the usual spellings of a suffix, and objects as well as labels', () => {
    for (const label of ['PM3_VeryStrong', 'PM3_Very Strong', 'PM3_Very_Strong', 'pm3_verystrong']) {
      expect(applyAcmgCriterion(label)).toMatchObject({
        code: 'PM3',
        strength: 'very-strong',
        label: 'PM3_VeryStrong',
      });
    }
    expect(applyAcmgCriterion({ code: 'PM2', strength: 'supporting' }).label).toBe('PM2_Supporting');
    expect(applyAcmgCriterion('PS3_Strong')).toMatchObject({ label: 'PS3', modified: false });
  });
});

describe('refusals', () => {
  it('refuses a code the standard does not have', () => {
    const error = refusal(() => classifyAcmg(['PVS1', 'PX9']));
    expect(error.problem).toBe('unknown-criterion');
    expect(error.criterion).toBe('PX9');
    expect(refusal(() => classifyAcmg(['OS1'])).problem).toBe('unknown-criterion');
  });

  it('refuses BA1 at anything but stand-alone', () => {
    const error = refusal(() => applyAcmgCriterion('BA1_Supporting'));
    expect(error.problem).toBe('impossible-strength');
    expect(error.message).toMatch(/BA1 cannot be applied at supporting/);
  });

  it('refuses a pathogenic criterion at the benign-only stand-alone strength', () => {
    const error = refusal(() => applyAcmgCriterion('PS3_StandAlone'));
    expect(error.problem).toBe('impossible-strength');
    expect(error.message).toMatch(/PS3 is a pathogenic criterion and cannot be applied at stand alone/);
  });

  it('refuses benign criteria at very strong or stand-alone, and unknown suffixes', () => {
    expect(refusal(() => applyAcmgCriterion('BS1_VeryStrong')).problem).toBe('impossible-strength');
    expect(refusal(() => applyAcmgCriterion('BP4_StandAlone')).problem).toBe('impossible-strength');
    expect(refusal(() => applyAcmgCriterion('PM2_Weak')).problem).toBe('impossible-strength');
  });

  it('refuses the same criterion twice, even at two strengths', () => {
    expect(refusal(() => classifyAcmg(['PM2', 'PM2_Supporting'])).problem).toBe('duplicate-criterion');
  });
});

describe('cautions', () => {
  it('warns about pairs that may count one piece of evidence twice, without refusing them', () => {
    const result = classifyAcmg(['PS1', 'PM5', 'PP3']);
    expect(result.cautions.map((caution) => caution.criteria)).toEqual([
      ['PS1', 'PM5'],
      ['PS1', 'PP3'],
    ]);
    expect(result.cautions[0]?.source).toBe('Richards et al. 2015');
    expect(classifyAcmg(['PVS1', 'PM4']).cautions[0]?.criteria).toEqual(['PVS1', 'PM4']);
    expect(classifyAcmg(['PVS1', 'PS3']).cautions).toHaveLength(1);
    expect(classifyAcmg(['PM2', 'PP3']).cautions).toEqual([]);
  });
});

describe('properties', () => {
  const pathogenicStrengths: EvidenceStrength[] = ['very-strong', 'strong', 'moderate', 'supporting'];
  const benignStrengths: EvidenceStrength[] = ['strong', 'moderate', 'supporting'];
  const criteriaSet = fc.subarray(ACMG_CRITERIA.map((c) => c.code)).chain((codes) =>
    fc.tuple(
      ...codes.map((code) =>
        code === 'BA1'
          ? fc.constant({ code })
          : fc.record({
              code: fc.constant(code),
              strength: fc.constantFrom(...(code.startsWith('P') ? pathogenicStrengths : benignStrengths)),
            }),
      ),
    ),
  );

  it('adding pathogenic evidence never lowers the class, by rules or by points', () => {
    fc.assert(
      fc.property(criteriaSet, fc.constantFrom(...pathogenicStrengths), (criteria, strength) => {
        const used = new Set(criteria.map((c) => c.code));
        const extra = ACMG_CRITERIA.find((c) => c.direction === 'pathogenic' && !used.has(c.code));
        fc.pre(extra !== undefined);
        const before = classifyAcmg(criteria);
        const after = classifyAcmg([...criteria, { code: extra?.code ?? '', strength }]);
        expect(RANK[after.combiningRules.class]).toBeGreaterThanOrEqual(RANK[before.combiningRules.class]);
        expect(RANK[after.pointsScale.class]).toBeGreaterThanOrEqual(RANK[before.pointsScale.class]);
        expect(after.pointsScale.points).toBeGreaterThan(before.pointsScale.points);
      }),
    );
  });

  it('the order criteria are given in does not matter', () => {
    fc.assert(
      fc.property(criteriaSet, (criteria) => {
        const forward = classifyAcmg(criteria);
        const backward = classifyAcmg([...criteria].reverse());
        expect(backward.combiningRules.class).toBe(forward.combiningRules.class);
        expect(backward.combiningRules.rule).toBe(forward.combiningRules.rule);
        expect(backward.pointsScale).toEqual(forward.pointsScale);
      }),
    );
  });
});
