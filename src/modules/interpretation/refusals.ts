/**
 * Why the interpretation API refuses a step (HTTP 409), as data: a code and the values its
 * sentence is made of. The problem carries it as `reason` next to the English `detail`, so the web
 * app words the refusal in the reader's language. Pure: the web app's tests import it.
 */

import { type ReasonOf, reasonMaker } from '../../platform/http/reasonCodes.ts';

/** Each refusal code with the names of its params: what a translated template may (and must) fill in. */
export const INTERPRETATION_REFUSALS = {
  /** A classification, not-relevant mark or pull-back on a finalised case. */
  'case-finalised': [],
  /** `step`: submit, return, finalise or reopen; `status`: the case's status (interpreting, in-review, finalised). */
  'wrong-status': ['step', 'status'],
  /** Returning or reopening without a reason; `step`: return or reopen. */
  'reason-required': ['step'],
  /** The person who sent the case for review tries to finalise it. */
  'second-person-required': [],
  /** `n`: how many kept variants lack a decision; `list`: the first five labels joined with ', ' (', …' after). */
  'undecided-variants': ['n', 'list'],
  /** The case has no open round to record a decision in. */
  'no-open-round': [],
  /** A finalised assessment older than the lab's limit reused without re-review; `age` and `limit` in days. */
  'assessment-too-old': ['age', 'limit'],
  /** Someone else moved the case on between reading and writing it. */
  'case-changed': [],
  /** A filter chain id another lab has taken; `chain`: the id. */
  'chain-of-another-lab': ['chain'],
  /** A case asked for an order with no tumour or germline VCF ingested. */
  'no-vcf': [],
  /** The sample has a case already; `caseId`: that case. */
  'case-exists': ['caseId'],
} as const satisfies Record<string, readonly string[]>;

export type InterpretationRefusalCode = keyof typeof INTERPRETATION_REFUSALS;

/** One refusal; `params` holds exactly the code's param names. */
export type InterpretationRefusal = ReasonOf<typeof INTERPRETATION_REFUSALS>;

export const interpretationRefusal = reasonMaker(INTERPRETATION_REFUSALS);
