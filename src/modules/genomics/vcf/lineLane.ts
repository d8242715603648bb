import { hasAlleleNumber } from './annotations.ts';
import { type FieldSpec, fieldSpec, formatSpecs } from './fieldSpecs.ts';
import type { Cardinality, ValueType, VcfHeader } from './model.ts';
import { isInfoKey } from './names.ts';
import type { LineKernel, TranscriptsWasm } from './transcriptsWasm.ts';

/** Value types and Numbers as the kernel codes them (assembly/lineCheck.ts). */
const TYPE_CODES: Record<ValueType, number> = { Integer: 1, Float: 2, Flag: 3, Character: 4, String: 5 };
const ANNOTATION = 6;
const GENOTYPE = 7;
const NUMBER_CODES: Record<string, number> = { '.': -1, A: -2, R: -3, G: -4 };
/** The kernel's "not sure" for a FORMAT column it has no plan for. */
const UNKNOWN_FORMAT = 10;
/** The kernel's output slots (lineCheck.ts: MAX_COLUMNS + 1 column starts, then these). */
const MAX_COLUMNS = 9 + 64;
const OUT_POSITION = MAX_COLUMNS + 1;
const OUT_FILTER = OUT_POSITION + 1;
const OUT_ANNOTATIONS = OUT_FILTER + 2;
const MAX_ANNOTATIONS = 4;
const MAX_FORMAT_KEYS = 32;
/** A name length beyond the kernel's contig area: planContig then forgets its contig. */
const NO_CONTIG = 0x7fffffff;

/**
 * The ingest's fast lane through a data line (decision 0012): the WebAssembly kernel checks the
 * line's bytes against a plan of the header and either accepts it — the JavaScript checker would
 * accept it too, as a line of one base-sequence ALT — or is not sure, and the line goes the
 * JavaScript way (recordCheck.ts), which gives every error. An accepted line is read from the
 * kernel's column offsets, and its annotation values stay in the kernel's memory for the
 * transcripts kernel, so the line is neither split nor copied again.
 *
 * Two checks stay with RecordChecker and the caller: the repeated-allele check (recordAllele) and
 * the annotation entries' field counts (the transcripts kernel's `entriesMatch`). The lane takes
 * a line only on the contig the checker entered last (follow), so a new contig's first line
 * always goes the JavaScript way.
 */
export class LineLane {
  private readonly kernel: LineKernel;
  private readonly outAddress: number;
  private out: Int32Array;
  private at = -1;
  private contigName: string | null = null;
  /** FORMAT columns: their plan's index, or -1 for one the lane leaves to the checker. */
  private readonly formats = new Map<string, number>();

  /** Null when the header's annotations are more than the kernel plans for. */
  static of(header: VcfHeader, wasm: TranscriptsWasm): LineLane | null {
    return header.annotations.length > MAX_ANNOTATIONS ? null : new LineLane(header, wasm);
  }

  private constructor(
    private readonly header: VcfHeader,
    private readonly wasm: TranscriptsWasm,
  ) {
    this.kernel = wasm.lineKernel;
    this.outAddress = this.kernel.outAddress();
    this.out = this.view();
    const columns = header.samples.length > 0 ? 9 + header.samples.length : 8;
    this.kernel.planReset(columns, header.annotations.length);
    for (const key of header.info.keys()) {
      // A key the checker calls illegal, or one whose values it checks beyond type and count
      // (CIGAR, ALLELE_NUM), is not planned: its lines go the JavaScript way.
      if (!isInfoKey(key)) continue;
      const spec = fieldSpec('INFO', key, header);
      if (spec.cigar || spec.type === null || !plannable(spec.number)) continue;
      let type = TYPE_CODES[spec.type];
      let annotation = -1;
      if (spec.annotation) {
        if (hasAlleleNumber(spec.annotation)) continue;
        type = ANNOTATION;
        annotation = header.annotations.indexOf(spec.annotation);
      }
      const at = wasm.placeLine(key);
      if (at < 0) continue;
      this.kernel.planInfoKey(
        at,
        key.length,
        type,
        numberCode(spec.number),
        spec.nonNegative ? 1 : 0,
        annotation,
      );
    }
  }

  /**
   * Whether the kernel accepts `line`; if so, the accessors below read it until the next call.
   * A FORMAT column not seen before is planned on the way (formatSpecs checks it first).
   */
  accepts(line: string): boolean {
    const at = this.wasm.placeLine(line);
    if (at < 0) return false;
    // Placing a long line may have grown the memory, and so detached the view.
    if (this.out.length === 0) this.out = this.view();
    let reason = this.kernel.checkLine(at, line.length);
    if (reason === UNKNOWN_FORMAT && this.planFormat(line, at))
      reason = this.kernel.checkLine(at, line.length);
    if (reason !== 0) return false;
    this.at = at;
    return true;
  }

  /** Keeps the lane on the contig the checker has entered (RecordChecker.contig). */
  follow(contig: { name: string; length: number | null }): void {
    if (contig.name === this.contigName) return;
    this.contigName = null;
    const at = this.wasm.placeLine(contig.name);
    // A length no POS can pass is as good as any larger one (and fits the kernel's integers).
    const length = contig.length === null ? -1 : Math.min(contig.length, 2 ** 31);
    if (at >= 0 && this.kernel.planContig(at, contig.name.length, length)) this.contigName = contig.name;
    // A name that cannot be placed: the kernel must not stay on the contig before.
    else this.kernel.planContig(0, NO_CONTIG, -1);
  }

  /** The accepted line's contig (the checker's own string). */
  get chrom(): string {
    return this.contigName as string;
  }

  get pos(): number {
    return this.out[OUT_POSITION] as number;
  }

  /** FILTER: 0 for `.`, 1 for PASS, 2 for one other filter. */
  get filterKind(): number {
    return this.out[OUT_FILTER] as number;
  }

  /** Column `c` (0 = CHROM) of the accepted `line`. */
  column(line: string, c: number): string {
    return line.slice(this.out[c] as number, (this.out[c + 1] as number) - 1);
  }

  /** Where annotation layout `a`'s value lies in the kernel's memory, as [at, length]; null when absent. */
  annotation(a: number): [number, number] | null {
    const start = this.out[OUT_ANNOTATIONS + 2 * a] as number;
    return start < 0 ? null : [this.at + start, this.out[OUT_ANNOTATIONS + 2 * a + 1] as number];
  }

  private planFormat(line: string, at: number): boolean {
    const format = this.column(line, 8);
    if (this.formats.has(format)) return false;
    let specs: FieldSpec[];
    try {
      specs = formatSpecs(format, this.header);
    } catch {
      this.formats.set(format, -1);
      return false;
    }
    const fits =
      specs.length <= MAX_FORMAT_KEYS && specs.every((spec) => !spec.cigar && plannable(spec.number));
    const planned = fits ? this.kernel.planFormat(at + (this.out[8] as number), format.length) : -1;
    this.formats.set(format, planned);
    if (planned < 0) return false;
    specs.forEach((spec, i) => {
      const type = i === 0 && spec.key === 'GT' ? GENOTYPE : spec.type === null ? 0 : TYPE_CODES[spec.type];
      this.kernel.planFormatKey(planned, type, numberCode(spec.number), spec.nonNegative ? 1 : 0);
    });
    return true;
  }

  private view(): Int32Array {
    return new Int32Array(this.kernel.memory.buffer, this.outAddress, OUT_ANNOTATIONS + 2 * MAX_ANNOTATIONS);
  }
}

/**
 * Whether the kernel can hold a Number: its codes are 32-bit, so a count of 2^31 or more would
 * wrap into another count or a code. No line can meet such a count anyway.
 */
function plannable(number: Cardinality): boolean {
  return typeof number !== 'number' || number <= 0x7fffffff;
}

function numberCode(number: Cardinality): number {
  return typeof number === 'number' ? number : (NUMBER_CODES[number] as number);
}
