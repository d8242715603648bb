/**
 * Why access was refused (HTTP 403), as data: a code and the values its sentence is made of. The
 * problem carries it as `reason` next to the English `detail` (which the audit log keeps), so the
 * web app words the refusal in the reader's language. Pure: the web app's tests import it.
 */

import { type ReasonOf, reasonMaker } from '../../platform/http/reasonCodes.ts';

/** Each refusal code with the names of its params: what a translated template may (and must) fill in. */
export const ACCESS_REFUSALS = {
  'not-signed-in': [],
  'no-purpose': [],
  /** No rule covers `action` on `resource` at all. */
  'no-rule': ['action', 'resource'],
  /** A person with no role (a citizen, or no role chosen) asks to `action` `resource`. */
  'no-role': ['action', 'resource'],
  /** `role` may not `action` `resource` (both words of the request, not of the rule). */
  'role-may-not': ['role', 'action', 'resource'],
  /** `purpose` is not one of `permitted` (purposes joined with ', '). */
  'purpose-not-permitted': ['purpose', 'permitted'],
  'own-record-only': [],
  'own-organisation-only': [],
  'trust-does-not-perform': [],
  'no-care-or-performing': [],
  'no-care-relationship': [],
  /** Switching to a membership the user does not have; `role`: the role asked for. */
  'no-membership': ['role'],
  /** Resolving a knowledge conflict between two other labs. */
  'not-party-to-conflict': [],
  /** Reading conflicts without acting in a lab. */
  'lab-required': [],
} as const satisfies Record<string, readonly string[]>;

export type AccessRefusalCode = keyof typeof ACCESS_REFUSALS;

/** One refusal; `params` holds exactly the code's param names. */
export type AccessRefusal = ReasonOf<typeof ACCESS_REFUSALS>;

export const accessRefusal = reasonMaker(ACCESS_REFUSALS);
