import { VcfError, VcfFault } from './errors.ts';
import { HeaderBuilder } from './header.ts';
import { LineSource, type VcfInput } from './lines.ts';
import type { VariantAllele, VcfHeader, VcfRecord } from './model.ts';
import { RecordParser } from './record.ts';
import { RecordChecker } from './recordCheck.ts';
import { splitAlleles } from './split.ts';

export interface OpenOptions {
  /** The file name errors report; defaults to the path, or "stdin" for a stream. */
  name?: string;
}

/** A run of data lines and the line number of the first. */
export interface LineBatch {
  lines: string[];
  firstLine: number;
}

/** Reads the header (checking it) and leaves the data lines ready to stream. */
export async function openVcf(input: VcfInput, options: OpenOptions = {}): Promise<VcfFile> {
  const name = options.name ?? (typeof input === 'string' ? input : 'stdin');
  const source = new LineSource(input);
  const batches = source.batches();
  const builder = new HeaderBuilder();
  let lineNumber = 0;
  try {
    for (;;) {
      let next: IteratorResult<string[]>;
      try {
        next = await batches.next();
      } catch (error) {
        throw VcfError.at(name, lineNumber + 1, error);
      }
      if (next.done) {
        const [field, reason] =
          lineNumber === 0 ? ['fileformat', 'empty file'] : ['#CHROM', 'the header has no #CHROM line'];
        throw new VcfError(name, Math.max(lineNumber, 1), field, reason);
      }
      const lines = next.value;
      for (let i = 0; i < lines.length; i++) {
        lineNumber++;
        let header: VcfHeader | null;
        try {
          header = builder.add(lines[i] as string);
        } catch (error) {
          throw VcfError.at(name, lineNumber, error);
        }
        if (header) {
          const pending = { lines: lines.slice(i + 1), firstLine: lineNumber + 1 };
          return new VcfFile(name, header, source, batches, pending);
        }
      }
    }
  } catch (error) {
    await batches.return(undefined);
    throw error;
  }
}

/** An open VCF file: its header, and its data lines for one pass through any of the methods below. */
export class VcfFile {
  constructor(
    readonly name: string,
    readonly header: VcfHeader,
    private readonly source: LineSource,
    private readonly batches: AsyncGenerator<string[]>,
    private readonly pending: LineBatch,
  ) {}

  /** Bytes of the file read so far (compressed bytes for gzip), for progress against its size. */
  get bytesRead(): number {
    return this.source.consumed.bytes;
  }

  /**
   * The raw data lines, in batches. Ends with an error when the last line has no line separator
   * (a truncated file looks exactly like that).
   */
  async *dataBatches(): AsyncGenerator<LineBatch> {
    try {
      let next = this.pending.firstLine;
      if (this.pending.lines.length > 0) yield this.pending;
      next += this.pending.lines.length;
      for (;;) {
        let result: IteratorResult<string[]>;
        try {
          result = await this.batches.next();
        } catch (error) {
          throw VcfError.at(this.name, next, error);
        }
        if (result.done) break;
        yield { lines: result.value, firstLine: next };
        next += result.value.length;
      }
      if (this.source.missingFinalNewline) {
        throw VcfError.at(
          this.name,
          next - 1,
          new VcfFault('line', 'the file does not end with a line separator'),
        );
      }
    } finally {
      // Stopping early (an error, a break) closes the file.
      await this.batches.return(undefined);
    }
  }

  /** Closes the file without reading on (the data lines are then read by someone else, or not at all). */
  async close(): Promise<void> {
    await this.batches.return(undefined);
  }

  /** Checked, parsed records, multi-allelic ones whole, a batch per decoded chunk (one await per batch). */
  async *recordBatches(): AsyncGenerator<VcfRecord[]> {
    const checker = new RecordChecker(this.header);
    const parser = new RecordParser(this.header);
    for await (const { lines, firstLine } of this.dataBatches()) {
      const records: VcfRecord[] = [];
      for (let i = 0; i < lines.length; i++) {
        try {
          records.push(parser.parse(checker.check(lines[i] as string, firstLine + i), firstLine + i));
        } catch (error) {
          throw VcfError.at(this.name, firstLine + i, error);
        }
      }
      yield records;
    }
  }

  /** One entry per ALT, with per-allele values and transcript consequences, in batches. */
  async *alleleBatches(): AsyncGenerator<VariantAllele[]> {
    for await (const records of this.recordBatches()) {
      yield records.flatMap((record) => splitAlleles(record, this.header));
    }
  }

  async *records(): AsyncGenerator<VcfRecord> {
    for await (const records of this.recordBatches()) yield* records;
  }

  async *alleles(): AsyncGenerator<VariantAllele> {
    for await (const alleles of this.alleleBatches()) yield* alleles;
  }
}
