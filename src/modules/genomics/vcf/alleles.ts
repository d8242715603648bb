import { VcfFault } from './errors.ts';
import type { Allele, BreakendAllele, SymbolicType, VcfVersion } from './model.ts';
import { checkSymbolicId, isContigName } from './names.ts';

/** A, C, G, T, N in either case: the alphabet of REF and of sequence ALTs. */
export function isBases(text: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    switch (text.charCodeAt(i) | 32) {
      case 97: // a
      case 99: // c
      case 103: // g
      case 116: // t
      case 110: // n
        continue;
      default:
        return false;
    }
  }
  return true;
}

/** How an ALT allele is written; the validator needs only this, the reader the full Allele. */
export type AlleleForm = 'sequence' | 'overlapping-deletion' | 'symbolic' | 'breakend' | 'single-breakend';

/** Checks one ALT allele and says which form it takes. */
export function checkAllele(text: string, version: VcfVersion): AlleleForm {
  if (isBases(text)) return 'sequence';
  if (text === '*') return 'overlapping-deletion';
  if (text.startsWith('<') && text.endsWith('>') && text.length > 2) {
    checkSymbolicId(text.slice(1, -1), 'ALT');
    return 'symbolic';
  }
  if (text.startsWith('.') ? isBases(text.slice(1)) : text.endsWith('.') && isBases(text.slice(0, -1))) {
    return 'single-breakend';
  }
  if (breakend(text, version)) return 'breakend';
  throw new VcfFault('ALT', `"${text}" is not a base string, *, a <symbolic> allele or a breakend`);
}

/** The typed form of an ALT allele that checkAllele has accepted. */
export function parseAllele(text: string, version: VcfVersion): Allele {
  const form = checkAllele(text, version);
  switch (form) {
    case 'sequence':
      return { kind: 'sequence', bases: text.toUpperCase() };
    case 'overlapping-deletion':
      return { kind: 'overlapping-deletion' };
    case 'symbolic': {
      const [first = '', ...subtypes] = text.slice(1, -1).split(':');
      return { kind: 'symbolic', id: text.slice(1, -1), type: symbolicType(first), subtypes };
    }
    case 'single-breakend':
      return text.startsWith('.')
        ? { kind: 'single-breakend', bases: text.slice(1).toUpperCase(), bearing: 'before' }
        : { kind: 'single-breakend', bases: text.slice(0, -1).toUpperCase(), bearing: 'after' };
    case 'breakend':
      return breakend(text, version) as BreakendAllele;
  }
}

const SYMBOLIC_TYPES = new Set<SymbolicType>(['DEL', 'DUP', 'CNV', 'INS', 'INV', 'BND', 'NON_REF', '*']);

function symbolicType(firstLevel: string): SymbolicType {
  return SYMBOLIC_TYPES.has(firstLevel as SymbolicType) ? (firstLevel as SymbolicType) : 'other';
}

/**
 * Reads the four paired-breakend forms t[p[, t]p], ]p]t and [p[t, where t is one or more bases
 * and p is chrom:pos (chrom may be <ctg>; in 4.3 it may itself hold colons, so pos follows the
 * last one). Returns null when the text is not a well-formed breakend.
 */
function breakend(text: string, version: VcfVersion): BreakendAllele | null {
  const hasOpen = text.includes('[');
  if (hasOpen === text.includes(']')) return null;
  const bracket = hasOpen ? '[' : ']';
  const first = text.indexOf(bracket);
  const second = text.indexOf(bracket, first + 1);
  if (second < 0 || text.indexOf(bracket, second + 1) >= 0) return null;
  const basesFirst = first > 0;
  if (basesFirst ? second !== text.length - 1 : first !== 0) return null;
  const bases = basesFirst ? text.slice(0, first) : text.slice(second + 1);
  if (!isBases(bases)) return null;
  const mate = text.slice(first + 1, second);
  const colon = mate.lastIndexOf(':');
  const mateChrom = mate.slice(0, colon);
  const matePos = mate.slice(colon + 1);
  if (colon <= 0 || !/^\d+$/.test(matePos)) return null;
  const bareChrom = mateChrom.startsWith('<') && mateChrom.endsWith('>') ? mateChrom.slice(1, -1) : mateChrom;
  if (!isContigName(bareChrom, version)) return null;
  return {
    kind: 'breakend',
    bases: bases.toUpperCase(),
    mateChrom,
    matePos: Number(matePos),
    basesFirst,
    mateExtends: bracket === '[' ? 'right' : 'left',
  };
}
