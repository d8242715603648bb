import { VcfFault } from './errors.ts';
import type { Scalar, ValueType } from './model.ts';

const INT32_MAX = 2147483647;
/** −2^31 … −2^31+7 are BCF's sentinels (missing, end-of-vector, …), so VCF may not use them either. */
const INT32_LOWEST_USABLE = -2147483648 + 8;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** `[-+]?[0-9]+` in text[start, end), scanned in place: this runs for every number in every record. */
function isIntegerAt(text: string, start: number, end: number): boolean {
  let i = start;
  const first = text.charCodeAt(i);
  if (first === 43 || first === 45) i++;
  if (i >= end) return false;
  for (; i < end; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

/**
 * The spec's Float in text[start, end): `^[-+]?[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?$` or
 * `^[-+]?(INF|INFINITY|NAN)$`, any case. Note that `1.` is not a VCF Float.
 */
function isFloatAt(text: string, start: number, end: number): boolean {
  let i = start;
  const sign = text.charCodeAt(i);
  if (sign === 43 || sign === 45) i++;
  if (i >= end) return false;
  const lead = text.charCodeAt(i) | 32;
  if (lead === 105 || lead === 110) {
    const word = text.slice(i, end).toUpperCase();
    return word === 'INF' || word === 'INFINITY' || word === 'NAN';
  }
  const integerStart = i;
  while (i < end && isDigit(text.charCodeAt(i))) i++;
  if (i < end && text.charCodeAt(i) === 46) {
    const fractionStart = ++i;
    while (i < end && isDigit(text.charCodeAt(i))) i++;
    if (i === fractionStart) return false;
  } else if (i === integerStart) {
    return false;
  }
  if (i < end && (text.charCodeAt(i) | 32) === 101) {
    i++;
    const expSign = text.charCodeAt(i);
    if (expSign === 43 || expSign === 45) i++;
    const exponentStart = i;
    while (i < end && isDigit(text.charCodeAt(i))) i++;
    if (i === exponentStart) return false;
  }
  return i === end;
}

export function isFloatText(text: string): boolean {
  return isFloatAt(text, 0, text.length);
}

export function parseFloatText(text: string): number {
  // Only a text ending in f or y (either case), or outside ASCII, can be an infinity: the rest (a
  // file's every QUAL and AF) go to Number without an upper-cased copy.
  const last = text.charCodeAt(text.length - 1);
  if (last < 0x80 && (last | 0x20) !== 102 && (last | 0x20) !== 121) return Number(text);
  const word = text.toUpperCase();
  if (word.endsWith('INF') || word.endsWith('INFINITY')) return word.startsWith('-') ? -Infinity : Infinity;
  return Number(text);
}

/** Throws unless text[start, end) is a VCF Integer inside the usable 32-bit range. */
export function checkIntegerAt(text: string, start: number, end: number, field: string): void {
  if (!isIntegerAt(text, start, end)) {
    throw new VcfFault(field, `expected Integer, got "${text.slice(start, end)}"`);
  }
  // Nine digits cannot leave the range; only longer numbers need converting.
  if (end - start < 10) return;
  const value = Number(text.slice(start, end));
  if (value > INT32_MAX) throw new VcfFault(field, `Integer ${value} overflows 32 bits`);
  if (value < INT32_LOWEST_USABLE) {
    const why = value < -2147483648 ? 'underflows 32 bits' : 'is reserved by BCF (−2^31 … −2^31+7)';
    throw new VcfFault(field, `Integer ${value} ${why}`);
  }
}

/** Checks one non-missing value, text[start, end), against its declared Type. */
export function checkTypedAt(type: ValueType, text: string, start: number, end: number, field: string): void {
  switch (type) {
    case 'Integer':
      checkIntegerAt(text, start, end, field);
      return;
    case 'Float':
      if (!isFloatAt(text, start, end)) {
        throw new VcfFault(field, `expected Float, got "${text.slice(start, end)}"`);
      }
      return;
    case 'Character':
      if (end - start !== 1) {
        throw new VcfFault(field, `expected a single Character, got "${text.slice(start, end)}"`);
      }
      return;
    case 'Flag':
      throw new VcfFault(field, `a Flag takes no value, got "${text.slice(start, end)}"`);
    case 'String':
      return;
  }
}

/** The value of a checked field: numbers for Integer/Float, decoded text otherwise, null for `.`. */
export function parseTypedValue(type: ValueType | null, text: string): Scalar {
  if (text === '.') return null;
  if (type === 'Integer') return Number(text);
  if (type === 'Float') return parseFloatText(text);
  return percentDecode(text);
}

const ESCAPES: Record<string, string> = {
  '3A': ':',
  '3B': ';',
  '3D': '=',
  '25': '%',
  '2C': ',',
  '0D': '\r',
  '0A': '\n',
  '09': '\t',
};

/**
 * Decodes VCF 4.3's percent escapes (%3A %3B %3D %25 %2C %0D %0A %09). Other `%` sequences are
 * left as written: they are not escapes in VCF and decoding them would change the text.
 */
export function percentDecode(text: string): string {
  let at = text.indexOf('%');
  if (at < 0) return text;
  let decoded = '';
  let copiedUpTo = 0;
  while (at >= 0) {
    const replacement = ESCAPES[text.slice(at + 1, at + 3).toUpperCase()];
    if (replacement !== undefined) {
      decoded += text.slice(copiedUpTo, at) + replacement;
      copiedUpTo = at + 3;
      at = text.indexOf('%', at + 3);
    } else {
      at = text.indexOf('%', at + 1);
    }
  }
  return decoded + text.slice(copiedUpTo);
}

/** True when the text holds a space or a tab; VCF fields that name things may contain neither. */
export function hasWhitespace(text: string): boolean {
  return text.indexOf(' ') >= 0 || text.indexOf('\t') >= 0;
}
