import { CallsFault } from './errors.ts';
import type { MsiStatus } from './model.ts';

/** How tables write "no value" in an optional column (pandas and CNVkit write NaN). */
const MISSING = new Set(['', '.', 'na', 'n/a', 'nan']);

export function isMissing(text: string): boolean {
  return MISSING.has(text.toLowerCase());
}

const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** A finite decimal number; refuses what Number() would quietly accept (``, ` 1`, `0x10`, `Infinity`). */
export function decimal(text: string, field: string): number {
  if (!DECIMAL.test(text)) throw new CallsFault(field, `expected a number, got "${text}"`);
  const value = Number(text);
  // 1e400 is written like a number but is none a double can hold.
  if (!Number.isFinite(value)) throw new CallsFault(field, `${text} is beyond the range of a number`);
  return value;
}

/** A count or a position: digits only. */
export function wholeNumber(text: string, field: string): number {
  if (/^\d+$/.test(text)) {
    const value = Number(text);
    if (Number.isSafeInteger(value)) return value;
  }
  // R writes 100000 as 1e+05 unless told not to; say so, since the number itself is right.
  const hint = DECIMAL.test(text) && /e/i.test(text) ? ' (scientific notation: write plain digits)' : '';
  throw new CallsFault(field, `expected a whole number, got "${text}"${hint}`);
}

export function positivePosition(text: string, field: string): number {
  const value = wholeNumber(text, field);
  if (value < 1) throw new CallsFault(field, `positions are 1-based, got ${value}`);
  return value;
}

const MSI_STATUSES = new Map<string, MsiStatus>([
  ['msi-h', 'MSI-H'],
  ['msi-l', 'MSI-L'],
  ['mss', 'MSS'],
  ['indeterminate', 'indeterminate'],
]);

/** MSI-H, MSI-L, MSS or indeterminate, in any case. */
export function msiStatus(text: string, field: string): MsiStatus {
  const status = MSI_STATUSES.get(text.toLowerCase());
  if (status === undefined) {
    throw new CallsFault(field, `expected MSI-H, MSI-L, MSS or indeterminate, got "${text}"`);
  }
  return status;
}

/** Purity is a fraction; a percentage in its place (60 for 0.6) is refused, not divided by 100. */
export function purityFraction(value: number, field: string, percentHint: string): number {
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new CallsFault(field, `purity must be a fraction from 0 to 1, got ${value}${percentHint}`);
  }
  return value;
}

export function positivePloidy(value: number, field: string): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new CallsFault(field, `ploidy must be a positive number, got ${value}`);
  }
  return value;
}

/**
 * An MSI score is a share or a count of unstable sites (MSIsensor's percent, MANTIS' distance):
 * never below 0. A negative one is a column mixed up, not a sample less unstable than stable.
 */
export function msiScore(value: number, field: string): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new CallsFault(field, `an MSI score must be a number of at least 0, got ${value}`);
  }
  return value;
}

export function burden(value: number, field: string): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new CallsFault(field, `TMB must be a number of at least 0, got ${value}`);
  }
  return value;
}
