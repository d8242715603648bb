import { CriterionError } from './errors.ts';
import type { EvidenceStrength } from './model.ts';

/** Suffixes in ClinGen SVI notation (`PVS1_Strong`, `PM3_VeryStrong`). */
const SUFFIXES: Record<EvidenceStrength, string> = {
  'stand-alone': 'StandAlone',
  'very-strong': 'VeryStrong',
  strong: 'Strong',
  moderate: 'Moderate',
  supporting: 'Supporting',
};

// Curators write "Very Strong", "Very_Strong" and "VeryStrong" alike, so compare letters only.
const BY_LETTERS = new Map<string, EvidenceStrength>(
  (Object.keys(SUFFIXES) as EvidenceStrength[]).map((strength) => [lettersOf(SUFFIXES[strength]), strength]),
);

function lettersOf(text: string): string {
  return text.toLowerCase().replace(/[^a-z]/g, '');
}

/** `PM2_Supporting` → { code: 'PM2', strength: 'supporting' }; `PM2` → { code: 'PM2' }. */
export function splitCriterionLabel(label: string): { code: string; strength?: EvidenceStrength } {
  const trimmed = label.trim();
  const separator = trimmed.indexOf('_');
  if (separator === -1) return { code: trimmed.toUpperCase() };
  const code = trimmed.slice(0, separator).toUpperCase();
  const suffix = trimmed.slice(separator + 1);
  const strength = BY_LETTERS.get(lettersOf(suffix));
  if (strength === undefined) {
    throw new CriterionError(
      trimmed,
      'impossible-strength',
      `${trimmed}: "${suffix}" is not a strength (use ${Object.values(SUFFIXES).join(', ')})`,
    );
  }
  return { code, strength };
}

/** The label a curator reads: the bare code at the default strength, `CODE_Strength` otherwise. */
export function criterionLabel(code: string, strength: EvidenceStrength, defaultStrength: EvidenceStrength) {
  return strength === defaultStrength ? code : `${code}_${SUFFIXES[strength]}`;
}

export function describeStrength(strength: EvidenceStrength): string {
  return strength.replace('-', ' ');
}

/** A points band: the class for points at or above `atLeast` (bands ordered from the top down). */
export interface PointsBand<Class> {
  atLeast: number;
  class: Class;
}

export function classForPoints<Class>(points: number, bands: readonly PointsBand<Class>[]): Class {
  const band = bands.find((candidate) => points >= candidate.atLeast);
  if (band === undefined) throw new RangeError(`no class band covers ${points} points`);
  return band.class;
}
