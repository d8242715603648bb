import { readFileSync } from 'node:fs';
import { type AnnotatedAllele, annotationColumns } from './annotations.ts';
import type { ByteArena } from './byteArena.ts';
import type { AnnotationLayout } from './model.ts';

/** One annotation value of an allele, as the ingest keeps it (storedAllele.ts). */
export type AnnotationValue = { layout: AnnotationLayout; value: string; allele: AnnotatedAllele };
/**
 * An annotation value whose bytes are already in the kernel's memory, at [at, at + length) of a
 * line the line lane placed there (placeLine): ASCII, as the lane accepts nothing else.
 */
export type PlacedValue = { layout: AnnotationLayout; at: number; length: number; allele: AnnotatedAllele };

/** An allele's transcripts JSON (`[` … `]`), how many transcripts it holds, and whether every entry had the layout's field count. */
export type WrittenTranscripts = { json: string; transcripts: number; entriesMatch: boolean };
/** The same with the JSON as UTF-8 bytes, kept in a ByteArena. */
export type WrittenBytes = { json: Uint8Array; transcripts: number; entriesMatch: boolean };

/** The line lane's exports (assembly/lineCheck.ts), used by lineLane.ts. */
export type LineKernel = {
  memory: WebAssembly.Memory;
  outAddress(): number;
  planReset(columns: number, annotations: number): void;
  planInfoKey(
    at: number,
    length: number,
    type: number,
    number: number,
    nonNegative: number,
    annotation: number,
  ): number;
  planFormat(at: number, length: number): number;
  planFormatKey(format: number, type: number, number: number, nonNegative: number): number;
  planContig(at: number, length: number, known: number): number;
  checkLine(at: number, length: number): number;
};

type Kernel = LineKernel & {
  heapBase(): number;
  written(): number;
  shapeMatches(): number;
  mixed(): number;
  transcripts(
    layout: number,
    value: number,
    length: number,
    alleleIndex: number,
    altCount: number,
    target: number,
    targetLength: number,
    secondLength: number,
    onlyNamed: number,
    out: number,
    outEnd: number,
    scratch: number,
  ): number;
};

const NO_ROOM = -2;
const PAGE = 65536;
const LAYOUT_AREA = 64 * 1024;
/**
 * A value longer than this (a real CSQ value is a few kilobytes; a variant in hundreds of
 * transcripts some hundreds) is left to transcriptsJson, as is an allele name longer than
 * LONGEST_ALLELE: the work area is 16 times the longest value, and it never shrinks.
 */
const LONGEST_VALUE = 4 * 1024 * 1024;
const LONGEST_ALLELE = 64 * 1024;
/** The longest line placeLine takes (a longer one goes the JavaScript way). */
const LONGEST_LINE = 4 * 1024 * 1024;

/**
 * The transcripts JSON of annotations.ts's transcriptsJson, written by the WebAssembly kernel
 * (assembly/transcripts.ts) from the values' bytes: the same text, several times faster
 * (docs/decisions/0010-annotations-in-webassembly.md). It takes ASCII values and allele names
 * only, of sizes up to LONGEST_VALUE and LONGEST_ALLELE, and header layouts that fit its layout
 * area; for anything else `write` returns null and the caller writes the allele with
 * transcriptsJson.
 *
 * Memory above the kernel's own data: layout blocks, then the line area (a data line the line lane
 * checks, placeLine), then the work area, then the output. The work area holds, for a longest
 * value of L bytes and a longest allele name of T: the value (3L, room for its UTF-8 whatever it
 * holds, see tryWrite), the allele name (3T), the field starts of an entry (4(L + 2)), the seen
 * transcript ids' places (8(L + 1)) and their decoded bytes (L), with alignment: 16L + 3T + 64 in
 * all.
 */
export class TranscriptsWasm {
  private readonly kernel: Kernel;
  private bytes: Buffer;
  private readonly layoutStart: number;
  private layoutEnd: number;
  private readonly layouts = new Map<AnnotationLayout, number>();
  private readonly lineStart: number;
  private lineSize = 0;
  private workStart: number;
  private workSize = 0;
  private outputSize = 64 * 1024;

  constructor() {
    const imports = {
      env: {
        // Number() of an ALLELE_NUM that is not plain digits, as belongsTo reads it.
        alleleNumber: (from: number, to: number) => Number(this.bytes.toString('latin1', from, to)),
        // String(Number()) of a frequency not written as JavaScript writes it.
        number: (from: number, to: number, out: number) => {
          const value = Number(this.bytes.toString('latin1', from, to));
          if (!Number.isFinite(value)) return -1;
          return this.bytes.write(String(value), out, 'latin1');
        },
      },
    };
    const instance = new WebAssembly.Instance(kernelModule(), imports);
    this.kernel = instance.exports as unknown as Kernel;
    this.layoutStart = align(this.kernel.heapBase());
    this.layoutEnd = this.layoutStart;
    this.lineStart = this.layoutStart + LAYOUT_AREA;
    this.workStart = this.lineStart;
    this.bytes = Buffer.from(this.kernel.memory.buffer);
    if (!this.reserve(64 * 1024, this.outputSize)) throw new Error('the annotation kernel has no memory');
  }

  /**
   * The JSON of every transcript the values give their alleles, or null for what the kernel
   * leaves; as text, or given `arena` as bytes kept there.
   */
  write(values: readonly (AnnotationValue | PlacedValue)[]): WrittenTranscripts | null;
  write(values: readonly (AnnotationValue | PlacedValue)[], arena: ByteArena): WrittenBytes | null;
  write(
    values: readonly (AnnotationValue | PlacedValue)[],
    arena?: ByteArena,
  ): WrittenTranscripts | WrittenBytes | null {
    const targets = values.map(targetOf);
    let longest = 0;
    let longestTarget = 0;
    for (let i = 0; i < values.length; i++) {
      longest = Math.max(longest, lengthOf(values[i] as AnnotationValue | PlacedValue));
      longestTarget = Math.max(longestTarget, (targets[i] as string).length);
    }
    if (longest > LONGEST_VALUE || longestTarget > LONGEST_ALLELE) return null;
    if (!this.reserve(16 * longest + 3 * longestTarget + 64, this.outputSize)) return null;
    // The output grows until the allele fits.
    for (;;) {
      const written = this.tryWrite(values, targets, longest, arena);
      if (written !== NO_ROOM) return written;
      if (!this.reserve(this.workSize, this.outputSize * 2)) return null;
    }
  }

  /**
   * The kernel's exports for the line lane, and its memory as it is now (a Buffer over it, which
   * any call that grows the memory replaces).
   */
  get lineKernel(): LineKernel {
    return this.kernel;
  }

  get memoryBytes(): Buffer {
    return this.bytes;
  }

  /**
   * Places `line` in the line area and returns where, or -1 when it is longer than LONGEST_LINE or
   * not ASCII. It stays there, untouched by write(), until the next placeLine.
   */
  placeLine(line: string): number {
    if (line.length > LONGEST_LINE) return -1;
    // Three bytes per character: the UTF-8 of any line fits, so its length tells ASCII apart.
    if (3 * line.length > this.lineSize) {
      const lineSize = align(Math.max(3 * line.length, 64 * 1024));
      const workStart = this.lineStart + lineSize;
      if (!this.memoryUpTo(workStart + this.workSize + this.outputSize)) return -1;
      // The work area and the output hold nothing between calls: they simply start further on.
      this.lineSize = lineSize;
      this.workStart = workStart;
    }
    const length = this.bytes.write(line, this.lineStart, 'utf8');
    return length === line.length ? this.lineStart : -1;
  }

  /** `targets[i]`: targetOf(values[i]). */
  private tryWrite(
    values: readonly (AnnotationValue | PlacedValue)[],
    targets: readonly string[],
    longest: number,
    arena: ByteArena | undefined,
  ): WrittenTranscripts | WrittenBytes | null | typeof NO_ROOM {
    const bytes = this.bytes;
    const valueAt = this.workStart;
    const targetAt = valueAt + 3 * longest + 8;
    const outStart = this.workStart + this.workSize;
    const outEnd = outStart + this.outputSize;
    let out = outStart;
    bytes[out++] = 91;
    let transcripts = 0;
    let entriesMatch = true;
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as AnnotationValue | PlacedValue;
      let at = valueAt;
      let length: number;
      if ('at' in v) {
        at = v.at;
        length = v.length;
      } else {
        // As many UTF-8 bytes as characters means ASCII (any other character takes two or more),
        // as long as the write is not cut short: the work area leaves 3 bytes per character.
        length = bytes.write(v.value, valueAt, 'utf8');
        if (length !== v.value.length) return null;
      }
      const target = targets[i] as string;
      const scratchAt = align(targetAt + 3 * target.length + 8);
      const targetLength = target.length > 0 ? bytes.write(target, targetAt, 'utf8') : 0;
      if (targetLength !== target.length) return null;
      const layout = this.layoutOf(v.layout);
      if (layout < 0) return null;
      const second = secondLengthOf(v);
      // Called directly, twice at most, rather than through a closure: under tsx every closure
      // made is also named (esbuild's keepNames), and one per value was 4 % of a genome's read.
      const kernel = this.kernel;
      const index = v.allele.index;
      const altCount = v.allele.altCount;
      const firstLength = targetLength - second;
      let end = NO_ROOM;
      for (let onlyNamed = 0; onlyNamed <= 1; onlyNamed++) {
        end = kernel.transcripts(
          layout,
          at,
          length,
          index,
          altCount,
          targetAt,
          firstLength,
          second,
          onlyNamed,
          out,
          outEnd - 1,
          scratchAt,
        );
        // Entries naming the one ALT and others (a record split after it was annotated): written
        // again, over the first writing, with only the ALT's own.
        if (end === NO_ROOM || kernel.mixed() !== 1) break;
      }
      if (end === NO_ROOM) return NO_ROOM;
      out = end;
      transcripts += this.kernel.written();
      if (this.kernel.shapeMatches() === 0) entriesMatch = false;
    }
    bytes[out++] = 93;
    // The kernel writes ASCII only (what is not, it escapes).
    if (arena) return { json: arena.copy(bytes, outStart, out), transcripts, entriesMatch };
    return { json: bytes.toString('latin1', outStart, out), transcripts, entriesMatch };
  }

  /**
   * The layout's block: the columns transcriptsJson reads, the source's JSON and the frequency
   * keys; -1 for a layout too large for the layout area (a header with thousands of frequency
   * columns, or names of kilobytes).
   */
  private layoutOf(layout: AnnotationLayout): number {
    const known = this.layouts.get(layout);
    if (known !== undefined) return known;
    const c = annotationColumns(layout);
    const slots = 18 + 3 * c.frequencyIndexes.length;
    let text = this.layoutEnd + 4 * slots;
    const size = 4 * slots + c.sourceJson.length + c.frequencyKeys.reduce((n, k) => n + k.length, 0);
    if (size > LAYOUT_AREA) return -1;
    if (this.layoutEnd + size > this.lineStart) {
      // Many headers in one process: start the area again.
      this.layouts.clear();
      this.layoutEnd = this.layoutStart;
      return this.layoutOf(layout);
    }
    const at = this.layoutEnd;
    const ints = new Int32Array(this.kernel.memory.buffer, at, slots);
    ints.set([
      layout.fields.length,
      c.alleleNumber,
      c.allele,
      c.consequence,
      c.impact,
      c.feature,
      c.symbol,
      c.gene,
      c.hgvsc,
      c.hgvsp,
      c.canonical,
      c.maneSelect,
      c.mane,
      c.existing,
      text,
      c.sourceJson.length,
      c.frequencyIndexes.length,
      c.featureType,
    ]);
    text += this.bytes.write(c.sourceJson, text, 'latin1');
    c.frequencyIndexes.forEach((index, f) => {
      const key = c.frequencyKeys[f] as string;
      ints.set([index, text, key.length], 18 + 3 * f);
      text += this.bytes.write(key, text, 'latin1');
    });
    this.layoutEnd = align(text);
    this.layouts.set(layout, at);
    return at;
  }

  /**
   * Makes the work area at least `work` bytes and the output area after it `output` bytes; false,
   * changing nothing, when the memory cannot grow so far (the caller leaves the allele to
   * transcriptsJson).
   */
  private reserve(work: number, output: number): boolean {
    const workSize = Math.max(this.workSize, align(work));
    if (!this.memoryUpTo(this.workStart + workSize + output)) return false;
    this.workSize = workSize;
    this.outputSize = output;
    return true;
  }

  /** Grows the memory to at least `needed` bytes; false when it cannot grow so far. */
  private memoryUpTo(needed: number): boolean {
    const memory = this.kernel.memory;
    if (needed <= memory.buffer.byteLength) return true;
    try {
      memory.grow(Math.ceil((needed - memory.buffer.byteLength) / PAGE));
    } catch {
      return false;
    }
    this.bytes = Buffer.from(memory.buffer);
    return true;
  }
}

/**
 * The allele as the entries name it, upper-cased as belongsTo compares it (only without
 * ALLELE_NUM). For a one-ALT record, the ALT as written and then, when it differs, as VEP writes
 * it (secondLengthOf gives the second's length).
 */
function targetOf(v: AnnotationValue | PlacedValue): string {
  const { altCount, text, vepAllele } = v.allele;
  if (altCount !== 1) return (v.layout.source === 'VEP' ? vepAllele : text).toUpperCase();
  const written = text.toUpperCase();
  const vep = vepAllele.toUpperCase();
  return vep === written ? written : written + vep;
}

function secondLengthOf(v: AnnotationValue | PlacedValue): number {
  const { altCount, text, vepAllele } = v.allele;
  return altCount === 1 && vepAllele.toUpperCase() !== text.toUpperCase() ? vepAllele.length : 0;
}

function lengthOf(v: AnnotationValue | PlacedValue): number {
  return 'at' in v ? v.length : v.value.length;
}

function align(at: number): number {
  return (at + 15) & ~15;
}

let module: WebAssembly.Module | null = null;

function kernelModule(): WebAssembly.Module {
  module ??= new WebAssembly.Module(readFileSync(new URL('./assembly/transcripts.wasm', import.meta.url)));
  return module;
}
