// AssemblyScript, compiled into transcripts.wasm (exported from transcripts.ts); not type-checked
// by tsc.
//
// The line check's fast lane: a data line of the most common shape — ASCII, one base-sequence ALT,
// on the contig of the line before, every INFO key declared, a known FORMAT — checked on its bytes
// against a plan that lineLane.ts builds from the header. It answers only "the JavaScript checker
// (recordCheck.ts) accepts this line" or "not sure": a line it is not sure of goes the JavaScript
// way, which stays the reference and gives every error. So it may refuse what is valid, never
// accept what is not (lineLane.test.ts holds it to that). Decision 0012.
//
// Output (outAddress): the i32 start of each column, then the line's length (the end of the last
// column + 1), the position, the FILTER kind, the FORMAT plan's index, and each annotation
// layout's value as [start, length] (start -1 when absent).

// INFO and FORMAT value types; the same codes in lineLane.ts.
const UNTYPED = 0;
const INTEGER = 1;
const FLOAT = 2;
const FLAG = 3;
const CHARACTER = 4;
const STRING = 5;
const ANNOTATION = 6;
const GENOTYPE = 7;
// Numbers: a count n >= 0, or one of these.
const ANY = -1;
const PER_ALT = -2;
const PER_ALLELE = -3;
const PER_GENOTYPE = -4;

const ACCEPTED = 0;
// Reasons for "not sure"; lineLane.ts reads only FORMAT_FIELD (a FORMAT column to plan).
const NOT_ASCII = 1;
const COLUMNS = 2;
const CONTIG = 3;
const POSITION = 4;
const IDENTIFIER = 5;
const ALLELES = 6;
const QUALITY = 7;
const FILTERS = 8;
const INFO_FIELD = 9;
const FORMAT_FIELD = 10;
const SAMPLE = 11;

const MAX_COLUMNS = 9 + 64;
const MAX_KEYS = 128;
const MAX_FORMATS = 16;
const MAX_FORMAT_KEYS = 32;
const MAX_ANNOTATIONS = 4;
const KEY_BYTES = 8192;
const CONTIG_BYTES = 1024;

// Out: column starts (MAX_COLUMNS + 1), then position, filter kind, format index, annotations.
const OUT_POSITION = MAX_COLUMNS + 1;
const OUT_FILTER = OUT_POSITION + 1;
const OUT_FORMAT = OUT_FILTER + 1;
const OUT_ANNOTATIONS = OUT_FORMAT + 1;
const out = memory.data((OUT_ANNOTATIONS + 2 * MAX_ANNOTATIONS) << 2);

// INFO keys: [key start in keyBytes, key length, type, number, non-negative, annotation index].
const KEY_SLOTS = 6;
const keys = memory.data(MAX_KEYS * KEY_SLOTS * 4);
const keyBytes = memory.data(KEY_BYTES);
let keyCount: i32 = 0;
let keyBytesUsed: i32 = 0;
// The INFO keys of the line being checked, one bit per key.
const seenKeys = memory.data(MAX_KEYS >> 3);

// FORMAT plans: the column's bytes, then per key [type, number, non-negative].
const formatText = memory.data(MAX_FORMATS * 8);
const formatFields = memory.data(MAX_FORMATS * MAX_FORMAT_KEYS * 3 * 4);
const formatCounts = memory.data(MAX_FORMATS * 4);
let formatCount: i32 = 0;

const contig = memory.data(CONTIG_BYTES);
let contigLength: i32 = -1;
let contigKnown: i64 = -1;

let columnCount: i32 = 8;
let annotationCount: i32 = 0;

export function outAddress(): usize {
  return out;
}

/** Forgets every plan: a new header, whose data lines have `columns` columns. */
export function planReset(columns: i32, annotations: i32): void {
  columnCount = columns;
  annotationCount = annotations;
  keyCount = 0;
  keyBytesUsed = 0;
  formatCount = 0;
  contigLength = -1;
  contigKnown = -1;
}

/** An INFO key at [at, at + length): false when the plan is full (its lines go the other way). */
export function planInfoKey(at: usize, length: i32, type: i32, number: i32, nonNegative: i32, annotation: i32): bool {
  if (keyCount >= MAX_KEYS || keyBytesUsed + length > KEY_BYTES) return false;
  const slots = keys + <usize>(keyCount * KEY_SLOTS) * 4;
  store<i32>(slots, keyBytesUsed);
  store<i32>(slots, length, 4);
  store<i32>(slots, type, 8);
  store<i32>(slots, number, 12);
  store<i32>(slots, nonNegative, 16);
  store<i32>(slots, annotation, 20);
  memory.copy(keyBytes + <usize>keyBytesUsed, at, length);
  keyBytesUsed += length;
  keyCount++;
  return true;
}

/**
 * A FORMAT column at [at, at + length) whose keys lineLane.ts has checked (formatSpecs) and will
 * give with planFormatKey; its index, or -1 when the plan is full.
 */
export function planFormat(at: usize, length: i32): i32 {
  if (formatCount >= MAX_FORMATS || length > KEY_BYTES - keyBytesUsed) return -1;
  const f = formatCount;
  store<i32>(formatText + <usize>f * 8, keyBytesUsed);
  store<i32>(formatText + <usize>f * 8, length, 4);
  memory.copy(keyBytes + <usize>keyBytesUsed, at, length);
  keyBytesUsed += length;
  store<i32>(formatCounts + <usize>f * 4, 0);
  formatCount++;
  return f;
}

export function planFormatKey(f: i32, type: i32, number: i32, nonNegative: i32): bool {
  const count = load<i32>(formatCounts + <usize>f * 4);
  if (count >= MAX_FORMAT_KEYS) return false;
  const slots = formatFields + (<usize>(f * MAX_FORMAT_KEYS + count) * 3) * 4;
  store<i32>(slots, type);
  store<i32>(slots, number, 4);
  store<i32>(slots, nonNegative, 8);
  store<i32>(formatCounts + <usize>f * 4, count + 1);
  return true;
}

/** The contig the JavaScript checker has entered (its name checked), and its length or -1. */
export function planContig(at: usize, length: i32, known: f64): bool {
  if (length > CONTIG_BYTES) {
    contigLength = -1;
    return false;
  }
  memory.copy(contig, at, length);
  contigLength = length;
  contigKnown = known < 0 ? -1 : <i64>known;
  return true;
}

@inline function column(c: i32): usize {
  return <usize>load<i32>(out + (<usize>c << 2));
}

@inline function isBase(c: u32): bool {
  const lower = c | 32;
  return lower == 97 || lower == 99 || lower == 103 || lower == 116 || lower == 110;
}

@inline function isDigit(c: u32): bool {
  return c - 48 < 10;
}

function sameBytes(a: usize, b: usize, length: i32): bool {
  return memory.compare(a, b, length) == 0;
}

/**
 * 0 when the JavaScript checker accepts the line at [at, at + length) as a line of one
 * base-sequence ALT (and its repeated-allele check, which is left to it, passes); otherwise the
 * reason this lane is not sure. Fills the output (outAddress) for an accepted line.
 */
export function checkLine(at: usize, length: i32): i32 {
  if (length <= 0) return COLUMNS;
  const end = at + <usize>length;
  // Printable ASCII and tabs only, the tabs' places kept as the columns' starts. Thirty-two bytes
  // at a time: most of a line (its INFO) has neither tab nor anything else below 0x21, so a block
  // is looked at byte by byte only when it has one.
  store<i32>(out, 0);
  let columns = 1;
  let i = at;
  const LOW = i8x16.splat(0x21);
  const DEL = i8x16.splat(0x7f);
  for (;;) {
    let stop = end;
    if (i + 32 <= end) {
      const a = v128.load(i);
      const b = v128.load(i, 16);
      // Signed compares: bytes >= 0x80 are negative and so below 0x21, as are tabs and controls.
      const marks = v128.or(
        v128.or(i8x16.lt_s(a, LOW), i8x16.eq(a, DEL)),
        v128.or(i8x16.lt_s(b, LOW), i8x16.eq(b, DEL)),
      );
      if (!v128.any_true(marks)) {
        i += 32;
        continue;
      }
      stop = i + 32;
    }
    for (; i < stop; i++) {
      const c = <u32>load<u8>(i);
      if (c == 9) {
        if (columns >= MAX_COLUMNS) return COLUMNS;
        store<i32>(out + (<usize>columns << 2), <i32>(i + 1 - at));
        columns++;
      } else if (c < 0x21 || c > 0x7e) return NOT_ASCII;
    }
    if (i >= end) break;
  }
  if (columns != columnCount) return COLUMNS;
  store<i32>(out + (<usize>columns << 2), length + 1);

  // CHROM: the contig of the line before (the checker has entered it).
  const chromLength = <i32>column(1) - 1;
  if (contigLength < 0 || chromLength != contigLength || !sameBytes(at, contig, chromLength)) return CONTIG;
  // POS: up to ten digits, at most 2^31 - 1 and within the contig (+ 1, a telomere).
  const posAt = at + column(1);
  const posLength = <i32>column(2) - 1 - <i32>column(1);
  if (posLength < 1 || posLength > 10) return POSITION;
  let pos: i64 = 0;
  for (let k = 0; k < posLength; k++) {
    const c = <u32>load<u8>(posAt + <usize>k);
    if (!isDigit(c)) return POSITION;
    pos = pos * 10 + <i64>(c - 48);
  }
  if (pos > 2147483647 || (contigKnown >= 0 && pos > contigKnown + 1)) return POSITION;
  store<i32>(out + (<usize>OUT_POSITION << 2), <i32>pos);
  // ID: `.` or one item (a list is the checker's).
  const idAt = at + column(2);
  const idLength = <i32>column(3) - 1 - <i32>column(2);
  if (idLength < 1) return IDENTIFIER;
  for (let k = 0; k < idLength; k++) if (load<u8>(idAt + <usize>k) == 59) return IDENTIFIER;
  // REF and one ALT, both bases, not the same bases.
  const refAt = at + column(3);
  const refLength = <i32>column(4) - 1 - <i32>column(3);
  const altAt = at + column(4);
  const altLength = <i32>column(5) - 1 - <i32>column(4);
  if (refLength < 1 || altLength < 1) return ALLELES;
  for (let k = 0; k < refLength; k++) if (!isBase(load<u8>(refAt + <usize>k))) return ALLELES;
  for (let k = 0; k < altLength; k++) if (!isBase(load<u8>(altAt + <usize>k))) return ALLELES;
  if (refLength == altLength) {
    let same = true;
    for (let k = 0; k < refLength && same; k++) {
      same = (load<u8>(refAt + <usize>k) | 32) == (load<u8>(altAt + <usize>k) | 32);
    }
    if (same) return ALLELES;
  }
  // QUAL: `.` or digits with an optional fraction, short enough for a 32-bit float.
  if (!isQuality(at + column(5), <i32>column(6) - 1 - <i32>column(5))) return QUALITY;
  // FILTER: `.`, PASS or one other filter (0 is reserved); a list is the checker's.
  const filterAt = at + column(6);
  const filterLength = <i32>column(7) - 1 - <i32>column(6);
  if (filterLength < 1) return FILTERS;
  let filterKind = 2;
  if (filterLength == 1 && load<u8>(filterAt) == 46) filterKind = 0;
  else if (filterLength == 4 && load<u32>(filterAt) == 0x53534150) filterKind = 1; // PASS
  else {
    if (filterLength == 1 && load<u8>(filterAt) == 48) return FILTERS;
    for (let k = 0; k < filterLength; k++) if (load<u8>(filterAt + <usize>k) == 59) return FILTERS;
  }
  store<i32>(out + (<usize>OUT_FILTER << 2), filterKind);
  for (let a = 0; a < annotationCount; a++) store<i32>(out + (<usize>(OUT_ANNOTATIONS + 2 * a) << 2), -1);
  const infoAt = at + column(7);
  const infoLength = <i32>column(8) - 1 - <i32>column(7);
  if (!(infoLength == 1 && load<u8>(infoAt) == 46)) {
    const reason = checkInfo(at, infoAt, infoAt + <usize>infoLength);
    if (reason != ACCEPTED) return reason;
  }
  if (columnCount > 8) {
    const f = formatOf(at + column(8), <i32>column(9) - 1 - <i32>column(8));
    if (f < 0) return FORMAT_FIELD;
    store<i32>(out + (<usize>OUT_FORMAT << 2), f);
    for (let s = 9; s < columnCount; s++) {
      if (!checkSample(f, at + column(s), at + column(s + 1) - 1)) return SAMPLE;
    }
  }
  return ACCEPTED;
}

function isQuality(at: usize, length: i32): bool {
  if (length == 1 && load<u8>(at) == 46) return true;
  if (length < 1 || length > 30) return false;
  let k = 0;
  while (k < length && isDigit(load<u8>(at + <usize>k))) k++;
  if (k == length) return true;
  if (load<u8>(at + <usize>k) != 46) return false;
  const fraction = ++k;
  while (k < length && isDigit(load<u8>(at + <usize>k))) k++;
  return k == length && k > fraction;
}

/** The INFO entries of [from, to), each key a declared one, once; annotation values noted. */
function checkInfo(line: usize, from: usize, to: usize): i32 {
  memory.fill(seenKeys, 0, MAX_KEYS >> 3);
  let start = from;
  while (start <= to) {
    // The key ends at the first `=` or `;`, the entry at the next `;` (a CSQ value is kilobytes).
    let stop = findEither(start, to, 61, 59);
    let equals: usize = 0;
    if (stop < to && load<u8>(stop) == 61) {
      equals = stop;
      stop = findEither(stop + 1, to, 59, 59);
    }
    if (stop == start) return INFO_FIELD;
    const keyEnd = equals != 0 ? equals : stop;
    const key = keyIndex(start, <i32>(keyEnd - start));
    if (key < 0) return INFO_FIELD;
    const bit = seenKeys + (<usize>key >> 3);
    const mask: u32 = 1 << (<u32>key & 7);
    const seen: u32 = load<u8>(bit);
    if ((seen & mask) != 0) return INFO_FIELD;
    store<u8>(bit, <u8>(seen | mask));
    const slots = keys + <usize>(key * KEY_SLOTS) * 4;
    const type = load<i32>(slots, 8);
    if (equals == 0) {
      if (type != FLAG && type != UNTYPED) return INFO_FIELD;
    } else {
      const valueAt = equals + 1;
      const valueLength = <i32>(stop - valueAt);
      if (valueLength == 0) return INFO_FIELD;
      if (type == FLAG) {
        const c = load<u8>(valueAt);
        if (valueLength != 1 || (c != 48 && c != 49)) return INFO_FIELD;
      } else if (type == ANNOTATION) {
        if (valueLength == 1 && load<u8>(valueAt) == 46) return INFO_FIELD;
        const a = load<i32>(slots, 20);
        store<i32>(out + (<usize>(OUT_ANNOTATIONS + 2 * a) << 2), <i32>(valueAt - line));
        store<i32>(out + (<usize>(OUT_ANNOTATIONS + 2 * a + 1) << 2), valueLength);
      } else if (!checkValues(type, load<i32>(slots, 12), load<i32>(slots, 16), -1, valueAt, stop, true)) {
        return INFO_FIELD;
      }
    }
    start = stop + 1;
  }
  return ACCEPTED;
}

/** Where the first byte `a` or `b` in [from, to) is, or `to`; sixteen bytes at a time. */
function findEither(from: usize, to: usize, a: u8, b: u8): usize {
  let i = from;
  const first = i8x16.splat(a);
  const second = i8x16.splat(b);
  while (i + 16 <= to) {
    const block = v128.load(i);
    const marks = i8x16.bitmask(v128.or(i8x16.eq(block, first), i8x16.eq(block, second)));
    if (marks != 0) return i + <usize>ctz(marks);
    i += 16;
  }
  for (; i < to; i++) {
    const c = load<u8>(i);
    if (c == a || c == b) return i;
  }
  return to;
}

function keyIndex(at: usize, length: i32): i32 {
  for (let k = 0; k < keyCount; k++) {
    const slots = keys + <usize>(k * KEY_SLOTS) * 4;
    if (load<i32>(slots, 4) != length) continue;
    if (sameBytes(keyBytes + <usize>load<i32>(slots), at, length)) return k;
  }
  return -1;
}

function formatOf(at: usize, length: i32): i32 {
  for (let f = 0; f < formatCount; f++) {
    const text = formatText + <usize>f * 8;
    if (load<i32>(text, 4) == length && sameBytes(keyBytes + <usize>load<i32>(text), at, length)) return f;
  }
  return -1;
}

/** One sample column [from, to) against FORMAT plan f, for a record of one ALT. */
function checkSample(f: i32, from: usize, to: usize): bool {
  if (to == from) return false;
  const count = load<i32>(formatCounts + <usize>f * 4);
  // The ploidy a Number=G count follows: 2 without GT, none (-1) for a lone `.` GT.
  let ploidy: i32 = 2;
  let field = 0;
  let start = from;
  while (start <= to) {
    let stop = start;
    while (stop < to && load<u8>(stop) != 58) stop++;
    if (field >= count || stop == start) return false;
    const slots = formatFields + (<usize>(f * MAX_FORMAT_KEYS + field) * 3) * 4;
    const type = load<i32>(slots);
    if (type == GENOTYPE) {
      ploidy = genotypePloidy(start, stop);
      if (ploidy == 0) return false;
    } else if (!checkValues(type, load<i32>(slots, 4), load<i32>(slots, 8), ploidy, start, stop, false)) {
      return false;
    }
    field++;
    start = stop + 1;
  }
  return true;
}

/** A GT of alleles 0, 1 or `.` joined by / or |: its ploidy, -1 for a lone `.`, 0 when not sure. */
function genotypePloidy(from: usize, to: usize): i32 {
  if (to - from == 1 && load<u8>(from) == 46) return -1;
  let ploidy = 0;
  let i = from;
  while (i < to) {
    const c = load<u8>(i);
    if (c != 46 && c != 48 && c != 49) return 0;
    i++;
    ploidy++;
    if (i == to) return ploidy;
    const separator = load<u8>(i);
    if ((separator != 47 && separator != 124) || i + 1 == to) return 0;
    i++;
  }
  return 0;
}

/**
 * fieldSpecs.ts's checkValues for a record of one ALT: the count the Number demands, then each
 * value by its type. `ploidy` -1: none known (INFO, or a lone `.` GT).
 */
function checkValues(type: i32, number: i32, nonNegative: i32, ploidy: i32, from: usize, to: usize, info: bool): bool {
  const length = <i32>(to - from);
  if ((length == 1 && load<u8>(from) == 46) || type == UNTYPED) return true;
  if (type == FLAG || type == ANNOTATION || type == GENOTYPE) return false;
  const quoted = type == STRING && length > 1 && load<u8>(from) == 34 && load<u8>(to - 1) == 34;
  let count = 1;
  if (!quoted) for (let k = from; k < to; k++) if (load<u8>(k) == 44) count++;
  let expected = -1;
  if (number >= 0) expected = number;
  else if (number == PER_ALT) expected = 1;
  else if (number == PER_ALLELE) expected = 2;
  else if (number == PER_GENOTYPE) {
    if (info) return false;
    if (ploidy < 0) {
      // A count fitting some ploidy of 1 to 8 (p + 1 values for two alleles).
      if (count < 2 || count > 9) return false;
    } else expected = ploidy + 1;
  }
  if (expected >= 0 && count != expected) return false;
  if (type == STRING) return true;
  let start = from;
  while (start <= to) {
    let stop = start;
    while (stop < to && load<u8>(stop) != 44) stop++;
    if (!(stop - start == 1 && load<u8>(start) == 46)) {
      if (nonNegative != 0 && load<u8>(start) == 45) return false;
      if (type == INTEGER) {
        if (!isInteger(start, stop)) return false;
      } else if (type == FLOAT) {
        if (!isFloat(start, stop)) return false;
      } else if (type == CHARACTER) {
        if (stop - start != 1) return false;
      } else return false;
    }
    start = stop + 1;
  }
  return true;
}

/** [-+]?[0-9]+ of at most nine digits: no 32-bit range to check. */
function isInteger(from: usize, to: usize): bool {
  let i = from;
  const sign = load<u8>(i);
  if (sign == 43 || sign == 45) i++;
  if (i >= to || to - i > 9 || to - from > 9) return false;
  for (; i < to; i++) if (!isDigit(load<u8>(i))) return false;
  return true;
}

/** VCF's Float, [-+]?[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?, without the words (INF, NAN). */
function isFloat(from: usize, to: usize): bool {
  let i = from;
  const sign = load<u8>(i);
  if (sign == 43 || sign == 45) i++;
  if (i >= to) return false;
  const integerStart = i;
  while (i < to && isDigit(load<u8>(i))) i++;
  if (i < to && load<u8>(i) == 46) {
    const fractionStart = ++i;
    while (i < to && isDigit(load<u8>(i))) i++;
    if (i == fractionStart) return false;
  } else if (i == integerStart) return false;
  if (i < to && (load<u8>(i) | 32) == 101) {
    i++;
    if (i < to) {
      const expSign = load<u8>(i);
      if (expSign == 43 || expSign == 45) i++;
    }
    const exponentStart = i;
    while (i < to && isDigit(load<u8>(i))) i++;
    if (i == exponentStart) return false;
  }
  return i == to;
}
