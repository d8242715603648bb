import { VcfFault } from './errors.ts';
import type { VcfVersion } from './model.ts';

// Characters SAM forbids in reference names: \ , " ' ( ) [ ] { } < >
const FORBIDDEN_IN_CONTIG = new Set([92, 44, 34, 39, 40, 41, 91, 93, 123, 125, 60, 62]);

/**
 * Contig names follow SAM's reference-name rule (VCF 4.3 §1.4.7): printable ASCII without
 * \ , " ' ( ) [ ] { } < >, not starting with * or =. That admits GRCh38's HLA contigs
 * (HLA-A*01:01:01:01). VCF 4.1/4.2 add one rule of their own: no colon, because of breakends.
 */
export function isContigName(name: string, version: VcfVersion): boolean {
  const n = name.length;
  if (n === 0) return false;
  const first = name.charCodeAt(0);
  if (first === 42 || first === 61) return false;
  for (let i = 0; i < n; i++) {
    const code = name.charCodeAt(i);
    if (code < 33 || code > 126 || FORBIDDEN_IN_CONTIG.has(code)) return false;
    if (code === 58 && version !== '4.3') return false;
  }
  return true;
}

/** CHROM is a contig name, or `<ID>` naming a contig in the ##assembly file. */
export function checkChrom(chrom: string, version: VcfVersion): void {
  const bracketed = chrom.length > 2 && chrom.startsWith('<') && chrom.endsWith('>');
  if (!isContigName(bracketed ? chrom.slice(1, -1) : chrom, version)) {
    const colon = version !== '4.3' && chrom.includes(':') ? ' (VCF 4.1/4.2 forbid ":" in contig names)' : '';
    throw new VcfFault('CHROM', `illegal contig name "${chrom}"${colon}`);
  }
}

function isLetterOrUnderscore(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

function isKeyTail(code: number): boolean {
  return isLetterOrUnderscore(code) || (code >= 48 && code <= 57) || code === 46;
}

/** FORMAT keys match `^[A-Za-z_][0-9A-Za-z_.]*$`. */
export function isFormatKey(key: string): boolean {
  if (key.length === 0 || !isLetterOrUnderscore(key.charCodeAt(0))) return false;
  for (let i = 1; i < key.length; i++) if (!isKeyTail(key.charCodeAt(i))) return false;
  return true;
}

/** INFO keys match `^([A-Za-z_][0-9A-Za-z_.]*|1000G)$`; 1000G is the spec's legacy exception. */
export function isInfoKey(key: string): boolean {
  return key === '1000G' || isFormatKey(key);
}

const STRUCTURAL_TYPES = new Set(['DEL', 'INS', 'DUP', 'INV', 'CNV', 'BND']);

/**
 * A symbolic allele ID (##ALT ID or the text inside <…> in ALT): no whitespace, commas or angle
 * brackets. When it has subtypes (DEL:ME:ALU) the first level must be a structural-variant type;
 * an ID without a colon may name anything (NON_REF, *, IUPAC codes, a caller's own classes).
 */
export function checkSymbolicId(id: string, field: string): void {
  if (id.length === 0) throw new VcfFault(field, 'empty symbolic allele ID');
  for (let i = 0; i < id.length; i++) {
    const code = id.charCodeAt(i);
    if (code <= 32 || code === 44 || code === 60 || code === 62) {
      throw new VcfFault(field, `symbolic allele ID "${id}" contains "${id[i]}"`);
    }
  }
  const colon = id.indexOf(':');
  if (colon >= 0 && !STRUCTURAL_TYPES.has(id.slice(0, colon))) {
    throw new VcfFault(
      field,
      `symbolic allele "${id}" has subtypes, so its first level must be DEL, INS, DUP, INV, CNV or BND`,
    );
  }
}
