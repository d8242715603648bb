import type { Scanner } from './scanner.ts';

/** Three-letter amino-acid codes with their one-letter codes (IUPAC-IUB), stop excluded. */
// biome-ignore format: a lookup table reads best in rows
const threeToOne: Readonly<Record<string, string>> = {
  Ala: 'A', Arg: 'R', Asn: 'N', Asp: 'D', Cys: 'C', Gln: 'Q', Glu: 'E', Gly: 'G', His: 'H', Ile: 'I',
  Leu: 'L', Lys: 'K', Met: 'M', Phe: 'F', Pro: 'P', Ser: 'S', Thr: 'T', Trp: 'W', Tyr: 'Y', Val: 'V',
  Sec: 'U', Asx: 'B', Glx: 'Z', Xaa: 'X',
};
const oneToThree: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(threeToOne).map(([three, one]) => [one, three]),
);
/** Codes that stand for a choice of residues: fine in a change, never as the residue at a reference position. */
const ambiguousCodes = new Set(['Asx', 'Glx', 'Xaa']);

export const stopCodon = 'Ter';

/** A stop codon: Ter, *, or the outdated X. */
export function stop(s: Scanner, letters: 'one' | 'three' | 'either' = 'either'): string {
  const start = s.index;
  if (letters !== 'one' && s.accept(stopCodon)) return stopCodon;
  if (letters !== 'three' && s.accept('*')) return stopCodon;
  if (letters !== 'three' && s.accept('X')) {
    s.warn("'X' for a stop codon is outdated; HGVS writes Ter or *", start);
    return stopCodon;
  }
  return s.fail(
    letters === 'one' ? 'a stop (*)' : letters === 'three' ? 'a stop (Ter)' : 'a stop (Ter or *)',
  );
}

export interface AminoAcidOptions {
  /** Which codes to read; descriptions may use either, but not both within one sequence. */
  letters?: 'one' | 'three' | 'either';
  /** Whether Ter, * (and the outdated X) may stand for a stop codon here. */
  stop?: boolean;
  /** Whether Asx, Glx and Xaa (B, Z, X) are allowed. */
  ambiguous?: boolean;
}

/** One amino acid, returned as its three-letter code ('Ter' for a stop). */
export function aminoAcid(s: Scanner, options: AminoAcidOptions = {}): string {
  const { letters = 'either', stop = false, ambiguous = true } = options;
  const start = s.index;
  const description = stop ? 'an amino acid or stop (e.g. Gly, G, Ter, *)' : 'an amino acid (e.g. Gly or G)';
  if (letters !== 'one') {
    const three = s.text.slice(start, start + 3);
    if ((stop && three === stopCodon) || (three in threeToOne && (ambiguous || !ambiguousCodes.has(three)))) {
      s.index += 3;
      return three;
    }
  }
  if (letters !== 'three') {
    const one = s.peek();
    if (stop && (one === '*' || one === 'X')) {
      s.index++;
      if (one === 'X') s.warn("'X' for a stop codon is outdated; HGVS writes Ter or *", start);
      return stopCodon;
    }
    const three = oneToThree[one];
    if (three && (ambiguous || !ambiguousCodes.has(three))) {
      s.index++;
      s.warn('one-letter amino-acid codes are accepted, but HGVS recommends three-letter codes', start);
      return three;
    }
  }
  return s.fail(description);
}

/**
 * Amino acids all in one-letter or all in three-letter code, optionally closed by a stop
 * (`GlyTer`, `G*`). A stop may only come last.
 */
export function aminoAcidSequence(
  s: Scanner,
  options: { letters?: 'one' | 'three' | 'either'; stop?: boolean } = {},
): string[] {
  const { letters = 'either', stop = false } = options;
  const threeLetter = letters === 'three' || (letters === 'either' && isThreeLetterCode(s, stop));
  const next = threeLetter
    ? () => aminoAcid(s, { letters: 'three', stop })
    : () => oneLetterInSequence(s, stop);
  const residues = [next()];
  while (residues.at(-1) !== stopCodon) {
    const residue = s.attempt(next);
    if (residue === undefined) break;
    residues.push(residue);
  }
  return residues;
}

/** Within a one-letter sequence X is an unknown residue (Xaa); only * marks the stop. */
function oneLetterInSequence(s: Scanner, stop: boolean): string {
  if (stop && s.accept('*')) return stopCodon;
  return aminoAcid(s, { letters: 'one' });
}

function isThreeLetterCode(s: Scanner, stop: boolean): boolean {
  const three = s.text.slice(s.index, s.index + 3);
  return three in threeToOne || (stop && three === stopCodon);
}

export type NucleotideAlphabet = 'dna' | 'rna' | 'nucleic';

/** IUPAC nucleotide codes; HGVS writes DNA upper-case and RNA lower-case, and either case is read. */
const alphabets: Record<NucleotideAlphabet, { codes: RegExp; description: string }> = {
  dna: { codes: /^[ACGTRYMKWSBDHVN]$/i, description: 'a nucleotide (A, C, G, T)' },
  rna: { codes: /^[ACGURYMKWSBDHVN]$/i, description: 'a nucleotide (a, c, g, u)' },
  nucleic: { codes: /^[ACGTURYMKWSBDHVN]$/i, description: 'a nucleotide (A, C, G, T, U)' },
};

export function nucleotide(s: Scanner, alphabet: NucleotideAlphabet): string {
  const { codes, description } = alphabets[alphabet];
  return s.character((c) => codes.test(c), description);
}

export function nucleotideSequence(s: Scanner, alphabet: NucleotideAlphabet): string {
  let sequence = nucleotide(s, alphabet);
  while (alphabets[alphabet].codes.test(s.peek())) sequence += nucleotide(s, alphabet);
  return sequence;
}

export function isNucleotide(character: string, alphabet: NucleotideAlphabet): boolean {
  return alphabets[alphabet].codes.test(character);
}

const isDigit = (c: string) => c >= '0' && c <= '9';

/** A whole number written with digits only. */
export function unsignedInteger(s: Scanner, description = 'a number'): number {
  const start = s.index;
  let digits = s.character(isDigit, description);
  while (isDigit(s.peek())) digits += s.character(isDigit, description);
  return exactNumber(s, digits, start);
}

/**
 * The number the digits say, refused when a JavaScript number cannot hold it exactly: no
 * sequence is that long, and a rounded position must not pass as the one written.
 */
export function exactNumber(s: Scanner, digits: string, start: number): number {
  const value = Number(digits);
  if (!Number.isSafeInteger(value))
    s.reject(`${digits.length > 20 ? `${digits.slice(0, 20)}…` : digits} is too large a number`, start);
  return value;
}

/** An integer with an optional + or - sign. */
export function signedInteger(s: Scanner, description = 'a number'): number {
  if (s.accept('-')) return -unsignedInteger(s, description);
  s.accept('+');
  return unsignedInteger(s, description);
}

export function negativeInteger(s: Scanner): number {
  s.expect('-');
  return -unsignedInteger(s);
}
