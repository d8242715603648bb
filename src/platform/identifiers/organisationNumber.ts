import { mod11ControlDigit, toDigits } from './mod11.ts';

/** Why an organisation number (Enhetsregisteret) was refused; `rule` is stable for clients. */
export type OrganisationNumberProblem = { rule: 'format' | 'first-digit' | 'control-digit'; message: string };

const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

export function checkOrganisationNumber(value: string): OrganisationNumberProblem | null {
  if (!/^\d{9}$/.test(value)) {
    return { rule: 'format', message: 'an organisation number has exactly 9 digits' };
  }
  // Enhetsregisteret hands out numbers starting with 8 or 9 only.
  if (value[0] !== '8' && value[0] !== '9') {
    return { rule: 'first-digit', message: 'an organisation number starts with 8 or 9' };
  }
  const digits = toDigits(value);
  const expected = mod11ControlDigit(digits, WEIGHTS);
  if (expected === null || expected !== digits[8]) {
    return { rule: 'control-digit', message: 'the mod-11 control digit (9th digit) does not match' };
  }
  return null;
}

/** Completes an 8-digit prefix with its control digit, or returns null when none exists. */
export function withOrganisationControlDigit(prefix: string): string | null {
  const control = mod11ControlDigit(toDigits(prefix), WEIGHTS);
  return control === null ? null : `${prefix}${control}`;
}
