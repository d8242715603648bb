/**
 * The browser checks a fødselsnummer or D-number with the server's own pure function, so the form
 * and the API can never disagree about which numbers are valid.
 */
import { checkPersonId, type PersonIdRule } from '../../../../src/platform/identifiers/fodselsnummer.ts';

export type NationalIdCheck = { ok: true; synthetic: boolean } | { ok: false; rule: PersonIdRule };

/** Synthetic numbers (month + 80) are allowed: the server refuses them itself outside demo and test. */
export function checkNationalId(value: string): NationalIdCheck {
  const result = checkPersonId(value, { allowSynthetic: true });
  return result.ok ? { ok: true, synthetic: result.id.synthetic } : { ok: false, rule: result.problem.rule };
}

/** The number as typed, without the spaces people put in to read it (`110358 10188`). */
export const compactNationalId = (value: string) => value.replace(/\s/g, '');
