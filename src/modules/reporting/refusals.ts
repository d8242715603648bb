/**
 * Why the reporting API refuses a step on a report (HTTP 409, and 403 for a role that does not
 * sign), as data: a code and the values its sentence is made of. The problem carries it as
 * `reason` next to the English `detail`, so the web app words the refusal in the reader's
 * language. Pure: the web app's tests import it.
 */

import { type ReasonOf, reasonMaker } from '../../platform/http/reasonCodes.ts';

/** Each refusal code with the names of its params: what a translated template may (and must) fill in. */
export const REPORT_REFUSALS = {
  /** A report asked for a case that is not finalised. */
  'case-not-finalised': [],
  /** The case has a report already; `reportId`: that report. */
  'report-exists': ['reportId'],
  /** Editing a signed version; `version`: its number. */
  'version-signed': ['version'],
  /** Editing a draft someone has signed (one of two signatures); `signer`: their name. */
  'draft-has-signature': ['signer'],
  /** Signing a version that is signed already; `version`: its number. */
  'already-signed': ['version'],
  /** The signer's role does not sign reports (403); `role`: the role (e.g. bioinformatician). */
  'role-does-not-sign': ['role'],
  /** The template's mandatory content is incomplete; `n`: how many items are missing (listed in `errors`). */
  'content-missing': ['n'],
  /** The same person signing a version twice where two signatures are required. */
  'same-signer': [],
  /** Amending while the latest version is a draft; `version`: that draft. */
  'amend-draft': ['version'],
  /** The Cancer Registry message asked for a version that is not signed. */
  'registry-needs-signed': [],
} as const satisfies Record<string, readonly string[]>;

export type ReportRefusalCode = keyof typeof REPORT_REFUSALS;

/** One refusal; `params` holds exactly the code's param names. */
export type ReportRefusal = ReasonOf<typeof REPORT_REFUSALS>;

export const reportRefusal = reasonMaker(REPORT_REFUSALS);
