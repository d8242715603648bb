import { checkAllele, isBases } from './alleles.ts';
import { checkAnnotationValue, hasAlleleNumber } from './annotations.ts';
import { VcfFault } from './errors.ts';
import { checkSample, checkValues, type FieldSpec, fieldSpec, formatSpecs } from './fieldSpecs.ts';
import type { AnnotationLayout, VcfHeader } from './model.ts';
import { checkChrom, isInfoKey } from './names.ts';
import { hasWhitespace, isFloatText } from './scalars.ts';

const INT32_MAX = 2147483647;

/** CHROM POS ID REF ALT QUAL FILTER INFO, present once the column count is checked. */
export type FixedColumns = [string, string, string, string, string, string, string, string, ...string[]];

/**
 * Checks data lines against the header, one line at a time, without building records: the
 * validator runs over millions of lines, so work per line is splits, char scans and cached
 * lookups. Keys and FORMAT columns are resolved once and reused.
 */
export class RecordChecker {
  /** ALT alleles in the last checked line (0 when ALT is `.`). */
  altCount = 0;
  private readonly columnCount: number;
  private readonly infoSpecs = new Map<string, FieldSpec>();
  private readonly formats = new Map<string, FieldSpec[]>();
  private readonly infoKeysInLine: string[] = [];
  private readonly duplicates = new DuplicateAlleles();
  private chrom = '';
  private contigLength: number | null = null;

  /**
   * Annotation values whose shape (the field count of every entry) check() left to the caller:
   * with `deferAnnotationShapes`, a value without ALLELE_NUM is not matched against its shape
   * here, because the ingest counts every entry's fields anyway as it writes the transcripts —
   * a second pass over the longest value of the line. The caller must then call
   * checkDeferred() unless it has counted every entry of every value listed here itself.
   */
  readonly deferred: { spec: FieldSpec; value: string }[] = [];
  private deferring: boolean;

  constructor(
    private readonly header: VcfHeader,
    options: { deferAnnotationShapes?: boolean } = {},
  ) {
    this.columnCount = header.samples.length > 0 ? 9 + header.samples.length : 8;
    this.deferring = options.deferAnnotationShapes ?? false;
  }

  /**
   * Throws a VcfFault at the first broken rule; returns the line's columns. When shapes are
   * deferred and the line breaks a rule, it is checked again in full, so that the error is the
   * one a full check meets first (a broken shape before a broken field after it). The second
   * check leaves out the repeated-allele check, which comes last and whose record the first
   * check has already begun: when nothing else is wrong, the first check's error stands.
   */
  check(line: string, lineNumber: number): string[] {
    if (!this.deferring) return this.checkLine(line, lineNumber, true);
    this.deferred.length = 0;
    try {
      return this.checkLine(line, lineNumber, true);
    } catch (error) {
      this.deferring = false;
      try {
        this.checkLine(line, lineNumber, false);
      } finally {
        this.deferring = true;
      }
      throw error;
    }
  }

  /** The contig of the last line checked, and its length as the header declares it (null when not). */
  get contig(): { name: string; length: number | null } {
    return { name: this.chrom, length: this.contigLength };
  }

  /**
   * The repeated-allele check of a line of one sequence ALT that check() did not see (the line
   * lane's, lineLane.ts, on the contig check() entered last): throws as check() would.
   */
  recordAllele(pos: number, ref: string, alt: string, lineNumber: number): void {
    this.duplicates.add(pos, ref, alt, lineNumber);
  }

  /** Checks the shapes check() deferred (see `deferred`); throws the first one's error. */
  checkDeferred(): void {
    for (const { spec, value } of this.deferred) {
      checkAnnotationValue(spec.annotation as AnnotationLayout, value, this.altCount, spec.label);
    }
  }

  /** `recordAlleles`: check the ALTs against those written before, and remember them. */
  private checkLine(line: string, lineNumber: number, recordAlleles: boolean): string[] {
    if (line.length === 0) throw new VcfFault('line', 'empty line');
    // No VCF text may hold one, and PostgreSQL cannot store it in text or read it out of JSON.
    if (line.includes('\u0000')) throw new VcfFault('line', 'a NUL character (byte 0) in the line');
    const columns = line.split('\t');
    if (columns.length !== this.columnCount) {
      throw new VcfFault(
        'line',
        `expected ${this.columnCount} tab-separated columns, found ${columns.length}`,
      );
    }
    const [chrom, posText, id, ref, alt, qual, filter, info] = columns as FixedColumns;
    if (chrom !== this.chrom) this.enterContig(chrom);
    const pos = this.checkPos(posText);
    if (id !== '.') checkList(id, 'ID');
    if (!isBases(ref)) throw new VcfFault('REF', `"${ref}" is not a base string (A, C, G, T, N)`);
    const sequenceAlts = this.checkAlts(ref, alt);
    if (qual !== '.') checkQual(qual);
    if (filter !== '.' && filter !== 'PASS') checkList(filter, 'FILTER');
    if (info !== '.') this.checkInfo(info);
    if (this.columnCount > 8) this.checkSamples(columns);
    if (recordAlleles) {
      for (const sequence of sequenceAlts) this.duplicates.add(pos, ref, sequence, lineNumber);
    }
    return columns;
  }

  private enterContig(chrom: string): void {
    checkChrom(chrom, this.header.version);
    this.chrom = chrom;
    this.contigLength = this.header.contigs.get(chrom)?.length ?? null;
    this.duplicates.reset();
  }

  private checkPos(text: string): number {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < 48 || code > 57) throw new VcfFault('POS', `expected a non-negative integer, got "${text}"`);
    }
    const pos = Number(text);
    if (text.length === 0 || pos > INT32_MAX) {
      throw new VcfFault('POS', `expected a 32-bit position, got "${text}"`);
    }
    // Telomeres are written as POS 0 or length + 1.
    if (this.contigLength !== null && pos > this.contigLength + 1) {
      throw new VcfFault('POS', `${pos} lies beyond the end of ${this.chrom} (length ${this.contigLength})`);
    }
    return pos;
  }

  /** Returns the sequence ALTs, which are the ones a duplicate can be recognised by. */
  private checkAlts(ref: string, alt: string): string[] {
    if (alt === '.') {
      this.altCount = 0;
      return [];
    }
    const alts = alt.indexOf(',') < 0 ? [alt] : alt.split(',');
    this.altCount = alts.length;
    const sequences: string[] = [];
    for (let i = 0; i < alts.length; i++) {
      const allele = alts[i] as string;
      if (allele.length === 0) throw new VcfFault('ALT', `empty allele in "${alt}"`);
      if (alts.indexOf(allele) !== i) throw new VcfFault('ALT', `allele ${allele} is listed twice`);
      if (checkAllele(allele, this.header.version) !== 'sequence') continue;
      if (allele.length === ref.length && allele.toUpperCase() === ref.toUpperCase()) {
        throw new VcfFault('ALT', `allele ${allele} equals REF`);
      }
      sequences.push(allele);
    }
    return sequences;
  }

  private checkInfo(info: string): void {
    if (this.header.version !== '4.3' && info.indexOf(' ') >= 0) {
      throw new VcfFault('INFO', 'whitespace is not allowed in INFO before VCF 4.3');
    }
    const keys = this.infoKeysInLine;
    keys.length = 0;
    let start = 0;
    while (start <= info.length) {
      let end = info.indexOf(';', start);
      if (end < 0) end = info.length;
      if (end === start) throw new VcfFault('INFO', `empty entry (a stray ";") in "${info}"`);
      const eq = info.indexOf('=', start);
      const hasValue = eq >= 0 && eq < end;
      const spec = this.infoSpec(info.slice(start, hasValue ? eq : end));
      if (keys.includes(spec.key)) throw new VcfFault(spec.label, 'appears twice');
      keys.push(spec.key);
      if (hasValue) {
        this.checkInfoValue(spec, info.slice(eq + 1, end));
      } else if (spec.type !== null && spec.type !== 'Flag') {
        throw new VcfFault(spec.label, `expected a ${spec.type} value`);
      }
      start = end + 1;
    }
  }

  private checkInfoValue(spec: FieldSpec, value: string): void {
    if (value.length === 0) throw new VcfFault(spec.label, 'empty value');
    // The corpus reads DB=0 / DB=1 as a Flag's value; anything else is an error.
    if (spec.type === 'Flag') {
      if (value !== '0' && value !== '1') {
        throw new VcfFault(spec.label, `a Flag takes no value, got "${value}"`);
      }
      return;
    }
    if (spec.annotation && value !== '.') {
      if (this.deferring && !hasAlleleNumber(spec.annotation)) this.deferred.push({ spec, value });
      else checkAnnotationValue(spec.annotation, value, this.altCount, spec.label);
      return;
    }
    // INFO has no ploidy, so Number=G is not counted (the corpus says so too).
    checkValues(spec, value, this.altCount, null);
  }

  private infoSpec(key: string): FieldSpec {
    let spec = this.infoSpecs.get(key);
    if (spec === undefined) {
      if (!isInfoKey(key)) throw new VcfFault('INFO', `illegal key "${key}"`);
      spec = fieldSpec('INFO', key, this.header);
      this.infoSpecs.set(key, spec);
    }
    return spec;
  }

  private checkSamples(columns: string[]): void {
    const format = columns[8] as string;
    let specs = this.formats.get(format);
    if (specs === undefined) {
      specs = formatSpecs(format, this.header);
      this.formats.set(format, specs);
    }
    for (let i = 9; i < columns.length; i++) {
      try {
        checkSample(columns[i] as string, specs, this.altCount);
      } catch (error) {
        if (!(error instanceof VcfFault)) throw error;
        throw new VcfFault(`${error.field} (sample ${this.header.samples[i - 9]})`, error.message);
      }
    }
  }
}

/** ID and FILTER lists: `;`-separated, no whitespace, no empty or repeated items, no `.` inside a list. */
function checkList(text: string, field: 'ID' | 'FILTER'): void {
  if (hasWhitespace(text)) throw new VcfFault(field, `"${text}" contains whitespace`);
  const items = text.indexOf(';') < 0 ? [text] : text.split(';');
  items.forEach((item, index) => {
    if (item.length === 0) throw new VcfFault(field, `empty item (a stray ";") in "${text}"`);
    if (item === '.') throw new VcfFault(field, `"." (missing) cannot be part of a list: "${text}"`);
    if (field === 'FILTER' && item === '0') {
      throw new VcfFault(field, '"0" is reserved and cannot name a filter');
    }
    if (items.indexOf(item) !== index) throw new VcfFault(field, `${item} is listed twice`);
  });
}

function checkQual(text: string): void {
  if (!isFloatText(text)) throw new VcfFault('QUAL', `expected a Float or ".", got "${text}"`);
  const value = Number(text); // NaN for the words Inf and NaN
  if (value < 0) throw new VcfFault('QUAL', `a Phred quality cannot be negative, got ${text}`);
  // VCF's Float is 32-bit (and QUAL is stored as one): a number it cannot hold is refused here, a
  // word (Inf, Infinity, NaN) is not a number written out and stands as it is.
  const last = text.charCodeAt(text.length - 1) | 0x20;
  if (last === 102 || last === 121 || last === 110) return; // f, y, n: the end of a word
  const single = Math.fround(value);
  if (!Number.isFinite(single) || (single === 0 && value !== 0)) {
    throw new VcfFault('QUAL', `${text} is beyond the range of a 32-bit Float`);
  }
}

/**
 * Recognises a sequence allele written twice — also in another shape, such as TAT>TGT and A>G
 * one base on — by its trimmed form. Only positions at or after the current POS can repeat in a
 * sorted file, so older entries are dropped and memory stays at a few alleles.
 */
class DuplicateAlleles {
  /**
   * Trimmed alleles of one base each side (most of a file) by a number, snvKey; longer ones by
   * text. A number takes no string to build, upper-case and hash per line; the two kinds of key
   * never meet, since an allele that trims to one base each side always gets the number.
   */
  private readonly seen = new Map<number | string, { pos: number; line: number }>();
  private frontier = -1;
  /** The largest position in `seen`: when it is behind the new frontier, every entry goes at once. */
  private furthest = -1;

  reset(): void {
    this.seen.clear();
    this.frontier = -1;
    this.furthest = -1;
  }

  add(pos: number, ref: string, alt: string, line: number): void {
    if (pos > this.frontier) {
      if (this.seen.size > 0) {
        if (this.furthest < pos) {
          this.seen.clear();
          this.furthest = -1;
        } else for (const [key, entry] of this.seen) if (entry.pos < pos) this.seen.delete(key);
      }
      this.frontier = pos;
    }
    let at = pos;
    let key: number | string = ref.length === 1 && alt.length === 1 ? snvKey(pos, ref, alt) : -1;
    if (key === -1) [at, key] = trimmed(pos, ref, alt);
    const earlier = this.seen.get(key);
    if (earlier) throw new VcfFault('ALT', `${ref}>${alt} repeats the variant on line ${earlier.line}`);
    this.seen.set(key, { pos: at, line });
    if (at > this.furthest) this.furthest = at;
  }
}

/**
 * A one-base change's key: the position and both bases' upper-case codes in one safe integer.
 * -1 (take the text key) for a base outside ASCII, whose upper case toUpperCase decides, and for
 * a position out of the range that keeps the integer safe.
 */
function snvKey(pos: number, ref: string, alt: string): number {
  const r = upperCode(ref.charCodeAt(0));
  const a = upperCode(alt.charCodeAt(0));
  if (r >= 0x80 || a >= 0x80 || !(pos >= 0 && pos < 2 ** 36)) return -1;
  return pos * 65536 + r * 256 + a;
}

function upperCode(code: number): number {
  return code >= 97 && code <= 122 ? code - 32 : code;
}

/** The allele with shared trailing, then leading, bases removed, as a position and a key. */
function trimmed(pos: number, ref: string, alt: string): [number, number | string] {
  let r = ref.toUpperCase();
  let a = alt.toUpperCase();
  let at = pos;
  while (r.length > 0 && a.length > 0 && r[r.length - 1] === a[a.length - 1]) {
    r = r.slice(0, -1);
    a = a.slice(0, -1);
  }
  while (r.length > 0 && a.length > 0 && r[0] === a[0]) {
    r = r.slice(1);
    a = a.slice(1);
    at++;
  }
  if (r.length === 1 && a.length === 1) {
    const key = snvKey(at, r, a);
    if (key !== -1) return [at, key];
  }
  return [at, `${at}:${r}:${a}`];
}
