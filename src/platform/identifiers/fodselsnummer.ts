import { mod11ControlDigit, toDigits } from './mod11.ts';

/**
 * Norwegian person identifiers: fødselsnummer (birth number) and D-number (day + 40).
 * Synthetic numbers from the test data service (Skatteetaten/NHN) add 80 to the month; they are
 * only accepted where the caller allows them (demo and test instances).
 */
export type PersonIdKind = 'fodselsnummer' | 'd-number';

export type PersonIdRule =
  | 'format'
  | 'date'
  | 'synthetic-not-allowed'
  | 'individual-number'
  | 'control-digit-1'
  | 'control-digit-2';

export type PersonIdProblem = { rule: PersonIdRule; message: string };

export type PersonId = { kind: PersonIdKind; synthetic: boolean; birthDate: string };

export type PersonIdResult = { ok: true; id: PersonId } | { ok: false; problem: PersonIdProblem };

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

export function checkPersonId(value: string, options: { allowSynthetic: boolean }): PersonIdResult {
  const fail = (rule: PersonIdRule, message: string): PersonIdResult => ({
    ok: false,
    problem: { rule, message },
  });
  if (!/^\d{11}$/.test(value)) return fail('format', 'a fødselsnummer or D-number has exactly 11 digits');

  let day = Number(value.slice(0, 2));
  let month = Number(value.slice(2, 4));
  const year2 = Number(value.slice(4, 6));
  const individual = Number(value.slice(6, 9));

  const kind: PersonIdKind = day > 40 ? 'd-number' : 'fodselsnummer';
  if (kind === 'd-number') day -= 40;
  const synthetic = month > 80;
  if (synthetic) {
    if (!options.allowSynthetic) {
      return fail(
        'synthetic-not-allowed',
        'synthetic numbers (month + 80) are accepted only in demo and test mode',
      );
    }
    month -= 80;
  }

  const century = centuryOf(individual, year2);
  if (century === null) {
    return fail(
      'individual-number',
      `individual number ${value.slice(6, 9)} is not used with birth year ${value.slice(4, 6)}`,
    );
  }
  const year = century + year2;
  if (!isCalendarDate(year, month, day)) {
    return fail('date', `the date part ${value.slice(0, 6)} is not a valid date of birth`);
  }

  const digits = toDigits(value);
  const k1 = mod11ControlDigit(digits, K1_WEIGHTS);
  if (k1 === null || k1 !== digits[9])
    return fail('control-digit-1', 'the first control digit (10th digit) does not match');
  const k2 = mod11ControlDigit(digits, K2_WEIGHTS);
  if (k2 === null || k2 !== digits[10])
    return fail('control-digit-2', 'the second control digit (11th digit) does not match');

  const birthDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { ok: true, id: { kind, synthetic, birthDate } };
}

/** The century is coded in the individual number (Folkeregisteret's ranges). */
function centuryOf(individual: number, year2: number): number | null {
  if (individual <= 499) return 1900;
  if (individual <= 749 && year2 >= 54) return 1800;
  if (individual >= 500 && year2 <= 39) return 2000;
  if (individual >= 900 && year2 >= 40) return 1900;
  return null;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Completes a 9-digit prefix with both control digits, or returns null when none exist. */
export function withControlDigits(prefix: string): string | null {
  const digits = toDigits(prefix);
  const k1 = mod11ControlDigit(digits, K1_WEIGHTS);
  if (k1 === null) return null;
  const k2 = mod11ControlDigit([...digits, k1], K2_WEIGHTS);
  if (k2 === null) return null;
  return `${prefix}${k1}${k2}`;
}
