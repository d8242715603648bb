/**
 * The case workflow as an explicit state machine: interpret → ready for review → review rounds →
 * finalised. Pure: the service loads the facts, asks here whether a step is allowed, and gets
 * either the next state or the reason it is refused. Every step that ends a round starts a new
 * one (or finalises); nothing is rewritten.
 */
import { type InterpretationRefusal, interpretationRefusal as why } from './refusals.ts';

export type CaseStatus = 'interpreting' | 'in-review' | 'finalised';
export type CaseStep = 'submit' | 'return' | 'finalise' | 'reopen' | 'decide';

export type CaseFacts = {
  status: CaseStatus;
  /** Who closed the last interpretation round (sent it for review). */
  submittedBy: string | null;
  /** Variants that passed the filters (or were pulled back) and have no decision yet. */
  undecided: readonly string[];
};

export type StepOutcome =
  | { allowed: true; status: CaseStatus; opensRound: 'interpretation' | 'review' | null }
  | { allowed: false; reason: string; refusal: InterpretationRefusal };

/** A refusal: the English sentence the API has always given, and its code for other languages. */
const refuse = (reason: string, refusal: InterpretationRefusal): StepOutcome => ({
  allowed: false,
  reason,
  refusal,
});

export function decideStep(facts: CaseFacts, step: CaseStep, actor: string, reason?: string): StepOutcome {
  switch (step) {
    case 'decide':
      if (facts.status === 'finalised')
        return refuse(
          'the case is finalised: reopen it (with a reason) to change a classification',
          why('case-finalised', {}),
        );
      return { allowed: true, status: facts.status, opensRound: null };
    case 'submit':
      if (facts.status !== 'interpreting')
        return refuse(
          `only a case being interpreted can be sent for review (it is ${facts.status})`,
          why('wrong-status', { step, status: facts.status }),
        );
      return { allowed: true, status: 'in-review', opensRound: 'review' };
    case 'return':
      if (facts.status !== 'in-review')
        return refuse(
          `only a case in review can be returned (it is ${facts.status})`,
          why('wrong-status', { step, status: facts.status }),
        );
      if (!reason?.trim())
        return refuse('say why the case goes back to interpretation', why('reason-required', { step }));
      return { allowed: true, status: 'interpreting', opensRound: 'interpretation' };
    case 'finalise': {
      if (facts.status !== 'in-review')
        return refuse(
          `only a case in review can be finalised (it is ${facts.status})`,
          why('wrong-status', { step, status: facts.status }),
        );
      if (facts.submittedBy === actor)
        return refuse(
          'finalising needs a second person: you sent this case for review yourself',
          why('second-person-required', {}),
        );
      if (facts.undecided.length > 0) {
        const n = facts.undecided.length;
        const list = `${facts.undecided.slice(0, 5).join(', ')}${n > 5 ? ', …' : ''}`;
        return refuse(
          `every variant that passed the filters must be classified or marked not relevant first; ${n} without a decision: ${list}`,
          why('undecided-variants', { n, list }),
        );
      }
      return { allowed: true, status: 'finalised', opensRound: null };
    }
    case 'reopen':
      if (facts.status !== 'finalised')
        return refuse(
          `only a finalised case can be reopened (it is ${facts.status})`,
          why('wrong-status', { step, status: facts.status }),
        );
      if (!reason?.trim()) return refuse('say why the case is reopened', why('reason-required', { step }));
      return { allowed: true, status: 'interpreting', opensRound: 'interpretation' };
  }
}
