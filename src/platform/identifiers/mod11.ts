/**
 * The modulus-11 control digit used by Norwegian national identifiers and organisation numbers.
 * Returns null when the weighted sum leaves remainder 1: no valid control digit exists, so any
 * number with that prefix is invalid.
 */
export function mod11ControlDigit(digits: readonly number[], weights: readonly number[]): number | null {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits[i] ?? 0) * (weights[i] ?? 0);
  const control = 11 - (sum % 11);
  if (control === 11) return 0;
  if (control === 10) return null;
  return control;
}

export function toDigits(text: string): number[] {
  return Array.from(text, (c) => c.charCodeAt(0) - 48);
}
