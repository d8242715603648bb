import { describe, expect, it } from 'vitest';
import { type CaseFacts, decideStep } from './workflow.ts';

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
});
