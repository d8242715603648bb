import { VcfFault } from './errors.ts';
import { checkGenotype, genotypeCount, ploidyForCount } from './genotype.ts';
import type { AnnotationLayout, Cardinality, ValueType, VcfHeader } from './model.ts';
import { isFormatKey } from './names.ts';
import { reservedFields } from './reserved.ts';
import { checkTypedAt } from './scalars.ts';

/** What the body checks need to know about one INFO or FORMAT key, resolved once per key. */
export interface FieldSpec {
  key: string;
  /** `INFO/DP`, `FORMAT/AD`: the field named in errors. */
  label: string;
  number: Cardinality;
  /** null for a key neither declared nor reserved: its values are taken as written. */
  type: ValueType | null;
  nonNegative: boolean;
  cigar: boolean;
  annotation: AnnotationLayout | null;
}

/** A key's Number: its header definition, else the spec's reserved definition, else `.`. */
export function cardinalityOf(kind: 'INFO' | 'FORMAT', key: string, header: VcfHeader): Cardinality {
  const declared = (kind === 'INFO' ? header.info : header.format).get(key);
  return (
    declared?.number ??
    reservedFields(kind === 'INFO' ? 'info' : 'format', header.version).get(key)?.number ??
    '.'
  );
}

/** The spec for a key: its header definition, else the spec's reserved definition, else untyped. */
export function fieldSpec(kind: 'INFO' | 'FORMAT', key: string, header: VcfHeader): FieldSpec {
  const reserved = reservedFields(kind === 'INFO' ? 'info' : 'format', header.version).get(key);
  const declared = (kind === 'INFO' ? header.info : header.format).get(key);
  return {
    key,
    label: `${kind}/${key}`,
    number: cardinalityOf(kind, key, header),
    type: declared?.type ?? reserved?.types[0] ?? null,
    nonNegative: reserved?.nonNegative === true,
    cigar: reserved?.cigar === true,
    annotation:
      kind === 'INFO' ? (header.annotations.find((layout) => layout.infoKey === key) ?? null) : null,
  };
}

/** The value count a Number demands, or null when it cannot be known (`.`, or G without a ploidy). */
function expectedCount(number: Cardinality, altCount: number, ploidy: number | null): number | null {
  switch (number) {
    case 'A':
      return altCount;
    case 'R':
      return altCount + 1;
    case 'G':
      return ploidy === null ? null : genotypeCount(altCount + 1, ploidy);
    case '.':
      return null;
    default:
      return number;
  }
}

/**
 * Checks a field's comma-separated values against its Number and Type, in place (no split: this
 * runs for every field of every sample). A lone `.` is a missing field of any Number. A String
 * in double quotes is one value: the corpus accepts EXPLAIN="a,b=c" for a Number=1 String.
 */
export function checkValues(spec: FieldSpec, text: string, altCount: number, ploidy: number | null): void {
  if (text === '.' || spec.type === null) return;
  const quoted = spec.type === 'String' && text.length > 1 && text.startsWith('"') && text.endsWith('"');
  let count = 1;
  if (!quoted) for (let comma = text.indexOf(','); comma >= 0; comma = text.indexOf(',', comma + 1)) count++;
  // A site without ALT has no per-ALT values, yet callers still write AC and biallelic-shaped GL
  // there; the corpus accepts both, so such counts are left unchecked.
  const unchecked = altCount === 0 && (spec.number === 'A' || spec.number === 'G');
  const expected = unchecked ? null : expectedCount(spec.number, altCount, ploidy);
  // A lone `.` GT leaves the ploidy open, but a G count must still fit one.
  if (!unchecked && spec.number === 'G' && ploidy === null && ploidyForCount(altCount + 1, count) === null) {
    throw new VcfFault(
      spec.label,
      `${count} value(s) for Number=G fit no ploidy with ${altCount + 1} alleles: "${text}"`,
    );
  }
  if (expected !== null && count !== expected) {
    throw new VcfFault(
      spec.label,
      `expected ${expected} value(s) for Number=${spec.number}, got ${count}: "${text}"`,
    );
  }
  if (spec.type === 'String' && !spec.cigar) return;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf(',', start);
    if (end < 0) end = text.length;
    checkValueAt(spec, text, start, end);
    start = end + 1;
  }
}

function checkValueAt(spec: FieldSpec, text: string, start: number, end: number): void {
  if (end - start === 1 && text.charCodeAt(start) === 46) return;
  checkTypedAt(spec.type as ValueType, text, start, end, spec.label);
  if (spec.nonNegative && text.charCodeAt(start) === 45 && Number(text.slice(start, end)) < 0) {
    throw new VcfFault(spec.label, `must not be negative, got ${text.slice(start, end)}`);
  }
  if (spec.cigar && !isCigar(text.slice(start, end))) {
    throw new VcfFault(spec.label, `"${text.slice(start, end)}" is not a CIGAR string`);
  }
}

/** SAM CIGAR: one or more <length><operation>, operations MIDNSHP=X. */
function isCigar(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      digits++;
    } else if (digits > 0 && 'MIDNSHP=X'.includes(text[i] as string)) {
      digits = 0;
    } else {
      return false;
    }
  }
  return text.length > 0 && digits === 0;
}

/** Resolves a FORMAT column once per distinct text: keys legal, unique, GT first. */
export function formatSpecs(format: string, header: VcfHeader): FieldSpec[] {
  const keys = format.split(':');
  return keys.map((key, index) => {
    if (key.length === 0) throw new VcfFault('FORMAT', `empty key in "${format}"`);
    if (!isFormatKey(key)) throw new VcfFault('FORMAT', `illegal key "${key}"`);
    if (keys.indexOf(key) !== index) throw new VcfFault('FORMAT', `key ${key} appears twice`);
    if (key === 'GT' && index > 0) throw new VcfFault('FORMAT', 'GT must be the first key');
    return fieldSpec('FORMAT', key, header);
  });
}

/**
 * Checks one sample column against the FORMAT specs. The ploidy for Number=G comes from the
 * sample's GT: diploid when FORMAT has no GT, as the spec says; unknown for a lone `.`.
 */
export function checkSample(sample: string, specs: FieldSpec[], altCount: number): void {
  if (sample.length === 0) throw new VcfFault('sample', 'empty sample column');
  const values = sample.indexOf(':') < 0 ? [sample] : sample.split(':');
  if (values.length > specs.length) {
    throw new VcfFault('sample', `has ${values.length} fields, FORMAT declares ${specs.length}`);
  }
  let ploidy: number | null = 2;
  for (let i = 0; i < values.length; i++) {
    const spec = specs[i] as FieldSpec;
    const value = values[i] as string;
    if (value.length === 0) throw new VcfFault(spec.label, 'empty value');
    if (i === 0 && spec.key === 'GT') {
      // With ALT `.` nothing can be split off, and the corpus accepts 0|1 there: only syntax is checked.
      const genotypePloidy = checkGenotype(
        value,
        altCount === 0 ? Number.MAX_SAFE_INTEGER : altCount + 1,
        spec.label,
      );
      ploidy = value === '.' ? null : genotypePloidy;
    } else {
      checkValues(spec, value, altCount, ploidy);
    }
  }
}
