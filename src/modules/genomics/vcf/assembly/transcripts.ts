// AssemblyScript, compiled to transcripts.wasm (npm run build:wasm); not type-checked by tsc.
//
// The transcripts JSON of one annotation value (VEP CSQ or SnpEff ANN), written from its bytes:
// the same text annotations.ts's transcriptsJson writes, which stays the reference and the way for
// what this leaves to it. A genome's annotation values are most of its bytes, and in JavaScript
// each field's read and write has a fixed cost that the field's dozen characters cannot earn back
// (docs/decisions/0010-annotations-in-webassembly.md).
//
// Memory is laid out by the caller (transcriptsWasm.ts): a layout block per annotation layout, the
// value's bytes (ASCII: the caller sends nothing else), a scratch area and the output.

// The layout block, i32 slots.
const EXPECTED = 0;
const ALLELE_NUMBER = 1;
const ALLELE = 2;
const CONSEQUENCE = 3;
const IMPACT = 4;
const FEATURE = 5;
// The four fields written as they are, one after another: SYMBOL to HGVSP.
const SYMBOL = 6;
const GENE = 7;
const HGVSC = 8;
const HGVSP = 9;
const CANONICAL = 10;
const MANE_SELECT = 11;
const MANE = 12;
const EXISTING = 13;
const SOURCE_AT = 14;
const SOURCE_LENGTH = 15;
const FREQUENCIES = 16;
const FEATURE_TYPE = 17;
// Then per frequency column: its field index, where its JSON key ("name":) is, its length.
const FREQUENCY_SLOTS = 18;

/** The output area is too small for the next transcript; the caller grows it and calls again. */
const NO_ROOM = -2;

@external('env', 'alleleNumber')
declare function alleleNumberOf(from: usize, to: usize): f64;

/** String(Number(text)) written at `out`; its length, or -1 when the number is not finite. */
@external('env', 'number')
declare function numberText(from: usize, to: usize, out: usize): i32;

const COMMAS = i8x16.splat(44);
const BARS = i8x16.splat(124);
const QUOTES = i8x16.splat(34);
const BACKSLASHES = i8x16.splat(92);
const PERCENTS = i8x16.splat(37);
const SPACES = i8x16.splat(0x20);

let transcriptCount: i32 = 0;
let entriesMatch: i32 = 1;

export function heapBase(): usize {
  return __heap_base;
}

/** How many transcripts the last call wrote. */
export function written(): i32 {
  return transcriptCount;
}

/** 0 when an entry of the last value has another field count than the layout's. */
export function shapeMatches(): i32 {
  return entriesMatch;
}

// Of a one-ALT record's entries (no ALLELE_NUM), whether one named the ALT and whether one named
// another allele: both, and the caller writes the value again keeping only the former
// (annotations.ts's belongsTo, `mixed`).
let namedAlt: i32 = 0;
let namedOther: i32 = 0;

/** 1 when the last value's entries named both the one ALT and another allele. */
export function mixed(): i32 {
  return namedAlt & namedOther;
}

// The allele the entries are matched to: transcripts()' arguments of those names.
let alleleIndex: i32 = 0;
let altCount: i32 = 0;
let target: usize = 0;
let targetLength: i32 = 0;
let secondLength: i32 = 0;
let onlyNamed: i32 = 0;

// The entry being read: field k is [fieldStart(k), fieldEnd(k)).
let starts: usize = 0;
let fieldCount: i32 = 0;
let layoutAt: usize = 0;

@inline function slot(index: i32): i32 {
  return load<i32>(layoutAt + (<usize>index << 2));
}

@inline function fieldStart(k: i32): usize {
  return load<u32>(starts + (<usize>k << 2));
}

@inline function fieldEnd(k: i32): usize {
  return load<u32>(starts + (<usize>(k + 1) << 2)) - 1;
}

@inline function isAbsent(k: i32): bool {
  return k < 0 || k >= fieldCount;
}

@inline function isEmpty(k: i32): bool {
  return isAbsent(k) || fieldStart(k) == fieldEnd(k);
}

/**
 * Writes the transcripts of the value [value, value + length) that belong to the allele, after
 * what is at [.., out) (a `[` or earlier transcripts). Returns where the output ends, or NO_ROOM.
 * The allele is ALT number `index` of `alts`; `alleleTarget` is its `firstLength` bytes as the
 * entries name it, upper-cased (used when the layout has no ALLELE_NUM). With one ALT that is the
 * ALT as written, then (`vepLength` bytes after it, when that differs) as VEP writes it, and
 * `onlyNamedEntries` keeps only the entries naming either.
 * `scratch` holds (length + 2) u32 field starts, then the transcript ids seen so far.
 */
export function transcripts(
  layout: usize,
  value: usize,
  length: i32,
  index: i32,
  alts: i32,
  alleleTarget: usize,
  firstLength: i32,
  vepLength: i32,
  onlyNamedEntries: i32,
  out: usize,
  outEnd: usize,
  scratch: usize,
): isize {
  layoutAt = layout;
  starts = scratch;
  alleleIndex = index;
  altCount = alts;
  target = alleleTarget;
  targetLength = firstLength;
  secondLength = vepLength;
  onlyNamed = onlyNamedEntries;
  const seenIds = scratch + ((<usize>length + 2) << 2);
  // Each seen id: u32 start, u32 end, in a list growing up from seenIds; the ids' decoded
  // bytes go to seenBytes.
  let seenCount: i32 = 0;
  let seenBytes = seenIds + ((<usize>length + 1) << 3);
  const expected = slot(EXPECTED);
  const end = value + <usize>length;
  // What any transcript of this layout may take besides its own text: the punctuation (128, about
  // 55 used), the source, the frequency keys and their numbers, and the 16 bytes jsonString's last
  // store may reach past the end.
  let fixedBound: usize = 128 + 16 + <usize>slot(SOURCE_LENGTH);
  for (let f = 0; f < slot(FREQUENCIES); f++) fixedBound += <usize>slot(FREQUENCY_SLOTS + f * 3 + 2) + 32;
  transcriptCount = 0;
  entriesMatch = 1;
  namedAlt = 0;
  namedOther = 0;
  for (let start = value; start <= end; ) {
    // Locate the entry's fields and its end, sixteen bytes at a time.
    store<u32>(starts, <u32>start);
    let count = 1;
    let i = start;
    let entryDone = false;
    while (!entryDone && i + 16 <= end) {
      const block = v128.load(i);
      let marks = i8x16.bitmask(v128.or(i8x16.eq(block, COMMAS), i8x16.eq(block, BARS)));
      if (marks == 0) {
        i += 16;
        continue;
      }
      let at = i;
      while (marks != 0) {
        at = i + <usize>ctz(marks);
        if (load<u8>(at) == 44) {
          entryDone = true;
          break;
        }
        store<u32>(starts + (<usize>count << 2), <u32>(at + 1));
        count++;
        marks &= marks - 1;
      }
      i = entryDone ? at : i + 16;
    }
    if (!entryDone) {
      for (; i < end; i++) {
        const c = load<u8>(i);
        if (c == 44) break;
        if (c == 124) {
          store<u32>(starts + (<usize>count << 2), <u32>(i + 1));
          count++;
        }
      }
    }
    store<u32>(starts + (<usize>count << 2), <u32>(i + 1));
    fieldCount = count;
    const entryStart = start;
    const entryEnd = i;
    start = i + 1;
    if (count != expected) entriesMatch = 0;
    if (!belongsTo()) continue;
    if (!isTranscript(slot(FEATURE_TYPE))) continue;
    // The transcript id, decoded; none or one seen before: the entry is left out.
    const feature = slot(FEATURE);
    if (isEmpty(feature)) continue;
    const idStart = seenBytes;
    const idEnd = decode(fieldStart(feature), fieldEnd(feature), idStart);
    if (wasSeen(seenIds, seenCount, idStart, idEnd)) continue;
    store<u32>(seenIds + (<usize>seenCount << 3), <u32>idStart);
    store<u32>(seenIds + (<usize>seenCount << 3) + 4, <u32>idEnd);
    seenCount++;
    seenBytes = idEnd;
    // Room for the longest this transcript can be: every byte of the entry escaped as \u00XX
    // (the id twice), and the rest.
    const bound = (<usize>(entryEnd - entryStart) + (idEnd - idStart)) * 6 + fixedBound;
    if (out + bound > outEnd) return NO_ROOM;
    out = transcript(out, idStart, idEnd);
  }
  transcriptCount = seenCount;
  return <isize>out;
}

function transcript(out: usize, idStart: usize, idEnd: usize): usize {
  if (load<u8>(out - 1) != 91) store<u8>(out++, 44);
  out = copy(out, <usize>slot(SOURCE_AT), <usize>slot(SOURCE_LENGTH));
  out = jsonString(out, idStart, idEnd, false);
  store<u8>(out++, 44);
  for (let field = SYMBOL; field <= HGVSP; field++) {
    out = jsonField(out, slot(field));
    store<u8>(out++, 44);
  }
  out = jsonTerms(out, slot(CONSEQUENCE));
  store<u8>(out++, 44);
  out = impact(out, slot(IMPACT));
  store<u8>(out++, 44);
  out = maneSelect(out, idStart, idEnd);
  store<u8>(out++, 44);
  out = isWord(slot(CANONICAL), 'YES') ? literal(out, 'true') : literal(out, 'false');
  store<u8>(out++, 44);
  out = jsonTerms(out, slot(EXISTING));
  store<u8>(out++, 44);
  out = frequencies(out);
  store<u8>(out++, 93);
  return out;
}

/** annotations.ts's belongsTo, for the allele of this call. */
function belongsTo(): bool {
  const alleleNumber = slot(ALLELE_NUMBER);
  if (alleleNumber >= 0) {
    if (isAbsent(alleleNumber)) return false;
    const from = fieldStart(alleleNumber);
    const to = fieldEnd(alleleNumber);
    // Plain digits without a leading zero here; anything else is Number()'s to read.
    const first = to > from ? load<u8>(from) : 0;
    if (to > from && to - from <= 9 && first >= 49 && first <= 57) {
      let number = 0;
      let digits = true;
      for (let i = from; i < to; i++) {
        const c = <i32>load<u8>(i);
        if (c < 48 || c > 57) {
          digits = false;
          break;
        }
        number = number * 10 + c - 48;
      }
      if (digits) return number == alleleIndex;
    }
    return alleleNumberOf(from, to) == <f64>alleleIndex;
  }
  if (altCount != 1) return namesAllele(target, targetLength);
  const named =
    namesAllele(target, targetLength) || (secondLength > 0 && namesAllele(target + targetLength, secondLength));
  if (named) namedAlt = 1;
  else namedOther = 1;
  return onlyNamed == 0 || named;
}

/** Whether the entry's Allele is [target, target + length), upper-cased, letter case aside. */
function namesAllele(target: usize, length: i32): bool {
  const allele = slot(ALLELE);
  let from: usize = 0;
  let to: usize = 0;
  if (!isAbsent(allele)) {
    from = fieldStart(allele);
    to = fieldEnd(allele);
  }
  if (<i32>(to - from) != length) return false;
  for (let i: usize = 0; i < <usize>length; i++) {
    let c = load<u8>(from + i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c != load<u8>(target + i)) return false;
  }
  return true;
}

/** annotations.ts's isTranscript: no feature type given, or `transcript` in any case. */
function isTranscript(k: i32): bool {
  if (isEmpty(k)) return true;
  const from = fieldStart(k);
  if (fieldEnd(k) - from != 10) return false;
  const word = 'transcript';
  for (let i = 0; i < 10; i++) {
    if ((<i32>load<u8>(from + <usize>i) | 0x20) != word.charCodeAt(i)) return false;
  }
  return true;
}

function wasSeen(seenIds: usize, seenCount: i32, idStart: usize, idEnd: usize): bool {
  const length = idEnd - idStart;
  for (let s = 0; s < seenCount; s++) {
    const from = <usize>load<u32>(seenIds + (<usize>s << 3));
    const to = <usize>load<u32>(seenIds + (<usize>s << 3) + 4);
    if (to - from == length && memory.compare(from, idStart, length) == 0) return true;
  }
  return false;
}

/** The field's decoded text as a JSON string, or null when the column is absent or the field empty. */
function jsonField(out: usize, k: i32): usize {
  if (isEmpty(k)) return literal(out, 'null');
  return jsonString(out, fieldStart(k), fieldEnd(k), true);
}

/** The field's `&`-separated terms, decoded, as a JSON array (empty terms left out). */
function jsonTerms(out: usize, k: i32): usize {
  store<u8>(out++, 91);
  if (!isEmpty(k)) {
    const end = fieldEnd(k);
    let first = true;
    for (let term = fieldStart(k); term <= end; ) {
      let stop = term;
      while (stop < end && load<u8>(stop) != 38) stop++;
      if (stop > term) {
        if (!first) store<u8>(out++, 44);
        first = false;
        out = jsonString(out, term, stop, true);
      }
      term = stop + 1;
    }
  }
  store<u8>(out++, 93);
  return out;
}

/** An impact is one of VEP's and SnpEff's four words, compared as written. */
function impact(out: usize, k: i32): usize {
  if (isWord(k, 'HIGH') || isWord(k, 'MODERATE') || isWord(k, 'LOW') || isWord(k, 'MODIFIER')) {
    store<u8>(out++, 34);
    out = copy(out, fieldStart(k), fieldEnd(k) - fieldStart(k));
    store<u8>(out++, 34);
    return out;
  }
  return literal(out, 'null');
}

/**
 * VEP ≥ 104's MANE_SELECT, or the transcript itself when VEP 103's MANE says MANE_Select.
 * Decoding cannot make or break "MANE_Select" (it has none of the escaped characters), so the
 * raw field is searched.
 */
function maneSelect(out: usize, idStart: usize, idEnd: usize): usize {
  const select = slot(MANE_SELECT);
  if (!isEmpty(select)) return jsonString(out, fieldStart(select), fieldEnd(select), true);
  const mane = slot(MANE);
  if (!isEmpty(mane) && contains(fieldStart(mane), fieldEnd(mane), 'MANE_Select')) {
    return jsonString(out, idStart, idEnd, false);
  }
  return literal(out, 'null');
}

/** The population frequencies as a JSON object, or null when none is a number. */
function frequencies(out: usize): usize {
  const count = slot(FREQUENCIES);
  let any = false;
  for (let f = 0; f < count; f++) {
    const k = slot(FREQUENCY_SLOTS + f * 3);
    if (isEmpty(k)) continue;
    const mark = out;
    store<u8>(out++, any ? 44 : 123);
    out = copy(out, <usize>slot(FREQUENCY_SLOTS + f * 3 + 1), <usize>slot(FREQUENCY_SLOTS + f * 3 + 2));
    // The first of VEP's `&`-joined values.
    const from = fieldStart(k);
    const end = fieldEnd(k);
    let stop = from;
    while (stop < end && load<u8>(stop) != 38) stop++;
    let wrote = false;
    if (stop > from) {
      if (isShortestDecimal(from, stop)) {
        out = copy(out, from, stop - from);
        wrote = true;
      } else {
        let length = decimalText(from, stop, out);
        if (length == NOT_DECIMAL) length = numberText(from, stop, out);
        if (length >= 0) {
          out += <usize>length;
          wrote = true;
        }
      }
    }
    if (wrote) any = true;
    else out = mark;
  }
  if (any) store<u8>(out++, 125);
  else out = literal(out, 'null');
  return out;
}

/** decimalText left the text to JavaScript's Number(). */
const NOT_DECIMAL = -3;
/** The most significant digits decimalText writes itself: up to 15, every decimal is its double's shortest form. */
const MOST_DIGITS = 15;

/**
 * String(Number(text)) for a decimal of at most 15 significant digits, with an optional sign,
 * fraction and exponent ("0.0310", "3.998e-06", "-1E5"), written at `out`; its length, or
 * NOT_DECIMAL for anything else (more digits, other forms, near the ends of the double range),
 * which the caller leaves to numberText. No two such decimals are the same double, so the
 * shortest text that gives the double back is the decimal's own digits without the zeros around
 * them, placed as ECMAScript's Number::toString places them. It saves a call out of the kernel
 * per such frequency: VEP writes gnomAD's in exponent form, and many with trailing zeros.
 */
function decimalText(from: usize, to: usize, out: usize): i32 {
  let i = from;
  let negative = false;
  let c = load<u8>(i);
  if (c == 45 || c == 43) {
    negative = c == 45;
    i++;
  }
  // The digits, with the point after `pointAt` of them: the first significant one, the end of the
  // last non-zero one.
  let digits = 0;
  let pointAt = -1;
  let first: usize = 0;
  let firstAt = -1;
  let lastAt = -1;
  for (; i < to; i++) {
    c = load<u8>(i);
    if (isDigit(c)) {
      if (c != 48) {
        if (firstAt < 0) {
          firstAt = digits;
          first = i;
        }
        lastAt = digits + 1;
      }
      digits++;
    } else if (c == 46 && pointAt < 0) {
      pointAt = digits;
    } else break;
  }
  if (digits == 0) return NOT_DECIMAL;
  if (pointAt < 0) pointAt = digits;
  let exponent = 0;
  if (i < to) {
    if (load<u8>(i) != 101 && load<u8>(i) != 69) return NOT_DECIMAL;
    i++;
    let exponentNegative = false;
    if (i < to && (load<u8>(i) == 45 || load<u8>(i) == 43)) {
      exponentNegative = load<u8>(i) == 45;
      i++;
    }
    if (i == to || to - i > 4) return NOT_DECIMAL;
    for (; i < to; i++) {
      c = load<u8>(i);
      if (!isDigit(c)) return NOT_DECIMAL;
      exponent = exponent * 10 + c - 48;
    }
    if (exponentNegative) exponent = -exponent;
  }
  if (firstAt < 0) {
    store<u8>(out, 48);
    return 1;
  }
  const k = lastAt - firstAt;
  // The value is 0.d1…dk × 10^n (ECMAScript's n).
  const n = pointAt - firstAt + exponent;
  if (k > MOST_DIGITS || n < -290 || n > 290) return NOT_DECIMAL;
  let at = out;
  if (negative) store<u8>(at++, 45);
  if (n > -6 && n <= 21) {
    if (n <= 0) {
      store<u8>(at++, 48);
      store<u8>(at++, 46);
      for (let z = 0; z < -n; z++) store<u8>(at++, 48);
      at = significantDigits(at, first, k, -1);
    } else {
      at = significantDigits(at, first, k, n);
      for (let z = k; z < n; z++) store<u8>(at++, 48);
    }
  } else {
    at = significantDigits(at, first, 1, -1);
    if (k > 1) {
      store<u8>(at++, 46);
      at = significantDigits(at, skipPoint(first + 1), k - 1, -1);
    }
    store<u8>(at++, 101);
    let e = n - 1;
    store<u8>(at++, e < 0 ? 45 : 43);
    if (e < 0) e = -e;
    if (e >= 100) store<u8>(at++, <u8>(48 + e / 100));
    if (e >= 10) store<u8>(at++, <u8>(48 + (e / 10) % 10));
    store<u8>(at++, <u8>(48 + e % 10));
  }
  return <i32>(at - out);
}

/** `count` digits from `from` (passing over the point), with a point written after `pointAfter` of them. */
function significantDigits(out: usize, from: usize, count: i32, pointAfter: i32): usize {
  let i = from;
  for (let d = 0; d < count; d++) {
    if (d == pointAfter && d > 0) store<u8>(out++, 46);
    i = skipPoint(i);
    store<u8>(out++, load<u8>(i++));
  }
  return out;
}

@inline function skipPoint(at: usize): usize {
  return load<u8>(at) == 46 ? at + 1 : at;
}

/** jsonBytes.ts's isShortestDecimal: the text String(Number(text)) gives back. */
function isShortestDecimal(from: usize, to: usize): bool {
  let i = from;
  let significant: usize = 0;
  const first = load<u8>(i);
  if (first == 48) {
    i++;
  } else if (first >= 49 && first <= 57) {
    while (i < to && isDigit(load<u8>(i))) i++;
    significant = i - from;
  } else {
    return false;
  }
  if (i == to) return significant <= 15;
  if (load<u8>(i) != 46) return false;
  const fraction = ++i;
  while (i < to && isDigit(load<u8>(i))) i++;
  if (i != to || i == fraction || load<u8>(to - 1) == 48) return false;
  if (significant == 0) {
    let zeros: usize = 0;
    while (fraction + zeros < to && load<u8>(fraction + zeros) == 48) zeros++;
    if (zeros >= 6) return false;
    return to - fraction - zeros <= 15;
  }
  return significant + (to - fraction) <= 15;
}

@inline function isDigit(c: u8): bool {
  return c >= 48 && c <= 57;
}

/** Whether field k is present and is exactly `word` (ASCII). */
function isWord(k: i32, word: string): bool {
  if (isAbsent(k)) return false;
  const from = fieldStart(k);
  const length = fieldEnd(k) - from;
  if (<i32>length != word.length) return false;
  for (let i = 0; i < word.length; i++) {
    if (<i32>load<u8>(from + <usize>i) != word.charCodeAt(i)) return false;
  }
  return true;
}

function contains(from: usize, to: usize, word: string): bool {
  const length = <usize>word.length;
  for (let at = from; at + length <= to; at++) {
    let i: usize = 0;
    while (i < length && <i32>load<u8>(at + i) == word.charCodeAt(<i32>i)) i++;
    if (i == length) return true;
  }
  return false;
}

function literal(out: usize, text: string): usize {
  for (let i = 0; i < text.length; i++) store<u8>(out++, <u8>text.charCodeAt(i));
  return out;
}

@inline function copy(out: usize, from: usize, length: usize): usize {
  memory.copy(out, from, length);
  return out + length;
}

/** Decodes VCF's percent escapes of [from, to) into `out`; returns where the text ends. */
function decode(from: usize, to: usize, out: usize): usize {
  for (let i = from; i < to; i++) {
    let c = <i32>load<u8>(i);
    if (c == 37 && i + 2 < to) {
      const decoded = percentEscape(<i32>load<u8>(i + 1), <i32>load<u8>(i + 2));
      if (decoded >= 0) {
        c = decoded;
        i += 2;
      }
    }
    store<u8>(out++, <u8>c);
  }
  return out;
}

/**
 * jsonBytes.ts's string for ASCII: a JSON string of [from, to), VCF's percent escapes decoded
 * first with `decodeEscapes`.
 */
function jsonString(out: usize, from: usize, to: usize, decodeEscapes: bool): usize {
  store<u8>(out++, 34);
  let i = from;
  // Sixteen bytes at a time while none needs escaping or decoding: stored whole (the bound in
  // transcripts() leaves 16 bytes past the end), advanced by as many as belong to the field. The
  // load may read up to 15 bytes past the field, which are still the value's or the work area's.
  while (i < to) {
    const block = v128.load(i);
    let special = v128.or(
      v128.or(i8x16.eq(block, QUOTES), i8x16.eq(block, BACKSLASHES)),
      i8x16.lt_u(block, SPACES),
    );
    if (decodeEscapes) special = v128.or(special, i8x16.eq(block, PERCENTS));
    const marks = i8x16.bitmask(special);
    const left = to - i;
    const plain: usize = marks == 0 ? 16 : <usize>ctz(marks);
    v128.store(out, block);
    if (plain >= left) {
      out += left;
      i = to;
      break;
    }
    out += plain;
    i += plain;
    if (plain < 16) {
      // The byte at i: a quote, a backslash, a control character or a `%` to decode.
      let c = <i32>load<u8>(i);
      let step: usize = 1;
      if (c == 37 && i + 2 < to) {
        const decoded = percentEscape(<i32>load<u8>(i + 1), <i32>load<u8>(i + 2));
        if (decoded >= 0) {
          c = decoded;
          step = 3;
        }
      }
      out = escaped(out, c);
      i += step;
    }
  }
  store<u8>(out++, 34);
  return out;
}

/** One character of a JSON string, escaped when JSON requires it. */
function escaped(out: usize, c: i32): usize {
  if (c >= 0x20) {
    if (c == 34 || c == 92) store<u8>(out++, 92);
    store<u8>(out++, <u8>c);
    return out;
  }
  store<u8>(out++, 92);
  const short = shortEscape(c);
  if (short != 0) {
    store<u8>(out++, <u8>short);
    return out;
  }
  store<u8>(out++, 117); // \u00XX
  store<u8>(out++, 48);
  store<u8>(out++, 48);
  store<u8>(out++, hex(c >> 4));
  store<u8>(out++, hex(c & 15));
  return out;
}

/** JSON's two-character escapes for control characters: \b \t \n \f \r. */
function shortEscape(c: i32): i32 {
  if (c == 8) return 98;
  if (c == 9) return 116;
  if (c == 10) return 110;
  if (c == 12) return 102;
  if (c == 13) return 114;
  return 0;
}

@inline function hex(digit: i32): u8 {
  return <u8>(digit < 10 ? 48 + digit : 87 + digit);
}

/** The character VCF's escape %XY stands for (hex digits in either case), or -1. */
function percentEscape(x: i32, y: i32): i32 {
  const low = y | 0x20;
  if (x == 51) {
    if (low == 97) return 58;
    if (low == 98) return 59;
    if (low == 100) return 61;
    return -1;
  }
  if (x == 50) {
    if (y == 53) return 37;
    if (low == 99) return 44;
    return -1;
  }
  if (x == 48) {
    if (low == 100) return 13;
    if (low == 97) return 10;
    if (y == 57) return 9;
    return -1;
  }
  return -1;
}
export * from "./lineCheck";
