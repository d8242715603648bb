import { describe, expect, it } from 'vitest';
import { INTERPRETATION_REFUSALS } from './refusals.ts';
import { type CaseFacts, type CaseStep, decideStep } from './workflow.ts';

const interpreting: CaseFacts = { status: 'interpreting', submittedBy: null, undecided: [] };
const inReview: CaseFacts = { status: 'in-review', submittedBy: 'berit', undecided: [] };

describe('the case workflow', () => {
  it('goes interpret → review → finalised, opening a review round on the way', () => {
    expect(decideStep(interpreting, 'submit', 'berit')).toEqual({
      allowed: true,
      status: 'in-review',
      opensRound: 'review',
    });
    expect(decideStep(inReview, 'finalise', 'bjorn')).toEqual({
      allowed: true,
      status: 'finalised',
      opensRound: null,
    });
  });

  it('refuses finalising by the person who sent the case for review (four eyes)', () => {
    expect(decideStep(inReview, 'finalise', 'berit')).toEqual({
      allowed: false,
      reason: expect.stringMatching(/second person/),
      refusal: { code: 'second-person-required', params: {} },
    });
  });

  it('refuses finalising while variants that passed the filters have no decision, and names them', () => {
    const outcome = decideStep(
      { ...inReview, undecided: ['BRAF p.V600E', 'TP53 p.R175H'] },
      'finalise',
      'bjorn',
    );
    expect(outcome).toEqual({
      allowed: false,
      reason: expect.stringMatching(/2 without a decision: BRAF p.V600E, TP53/),
      refusal: { code: 'undecided-variants', params: { n: 2, list: 'BRAF p.V600E, TP53 p.R175H' } },
    });
  });

  it('refuses changing a finalised case; reopening needs a reason and starts a new interpretation round', () => {
    const finalised: CaseFacts = { ...inReview, status: 'finalised' };
    expect(decideStep(finalised, 'decide', 'bjorn')).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/finalised/),
    });
    expect(decideStep(finalised, 'reopen', 'bjorn', '')).toMatchObject({ allowed: false });
    expect(decideStep(finalised, 'reopen', 'bjorn', 'new evidence')).toEqual({
      allowed: true,
      status: 'interpreting',
      opensRound: 'interpretation',
    });
  });

  it('returns a case in review to interpretation only with a reason', () => {
    expect(decideStep(inReview, 'return', 'bjorn')).toMatchObject({ allowed: false });
    expect(decideStep(inReview, 'return', 'bjorn', 'check the VAF')).toMatchObject({
      allowed: true,
      status: 'interpreting',
    });
    expect(decideStep(interpreting, 'return', 'bjorn', 'x')).toMatchObject({ allowed: false });
    expect(decideStep(interpreting, 'finalise', 'bjorn')).toMatchObject({ allowed: false });
  });

  it('gives each refusal a code with params, as the API sends it next to the English sentence', () => {
    const finalised: CaseFacts = { ...inReview, status: 'finalised' };
    const refusal = (facts: CaseFacts, step: CaseStep, reason?: string) => {
      const outcome = decideStep(facts, step, 'bjorn', reason);
      return outcome.allowed ? null : outcome.refusal;
    };
    expect(refusal(finalised, 'decide')).toEqual({ code: 'case-finalised', params: {} });
    expect(refusal(inReview, 'submit')).toEqual({
      code: 'wrong-status',
      params: { step: 'submit', status: 'in-review' },
    });
    expect(refusal(interpreting, 'finalise')).toEqual({
      code: 'wrong-status',
      params: { step: 'finalise', status: 'interpreting' },
    });
    expect(refusal(interpreting, 'reopen', 'x')).toEqual({
      code: 'wrong-status',
      params: { step: 'reopen', status: 'interpreting' },
    });
    expect(refusal(inReview, 'return', ' ')).toEqual({ code: 'reason-required', params: { step: 'return' } });
    expect(refusal(finalised, 'reopen')).toEqual({ code: 'reason-required', params: { step: 'reopen' } });
    const many = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'];
    expect(refusal({ ...inReview, undecided: many }, 'finalise')).toEqual({
      code: 'undecided-variants',
      params: { n: 6, list: 'A1, A2, A3, A4, A5, …' },
    });
  });

  it('gives every refusal params named exactly as INTERPRETATION_REFUSALS lists them', () => {
    const facts: CaseFacts[] = [
      interpreting,
      inReview,
      { ...inReview, status: 'finalised' },
      { ...inReview, undecided: ['BRAF p.V600E'] },
    ];
    const steps: CaseStep[] = ['submit', 'return', 'finalise', 'reopen', 'decide'];
    for (const f of facts)
      for (const step of steps)
        for (const actor of ['berit', 'bjorn'])
          for (const reason of [undefined, 'why']) {
            const outcome = decideStep(f, step, actor, reason);
            if (outcome.allowed) continue;
            expect(Object.keys(outcome.refusal.params).sort()).toEqual(
              [...INTERPRETATION_REFUSALS[outcome.refusal.code]].sort(),
            );
          }
  });
});
