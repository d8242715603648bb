import { type BatchRows, textArray } from './batchRows.ts';
import { BinaryCopy, textArrayField, uuidField } from './binaryCopy.ts';
import type { AlleleIdentity } from './identity.ts';
import type { RowSink } from './rowBuilder.ts';

/** What a batch for a server is written for: the file every record belongs to, the variants' assembly. */
export type CopyTarget = { fileId: string; assembly: string | null };

/**
 * A batch for a PostgreSQL server as the bytes of copyBatch's two COPYs, built where the file is
 * read. In the worker thread that is beside the reading, and the main thread receives the bytes
 * without a copy (their memory is transferred); it only puts in the variant ids, which the
 * server gives out (copyBatch). As text columns, each row's JSON was decoded into a string in the
 * worker, cloned to the main thread and encoded again there (docs/decisions/0011).
 */
export type CopyRows = {
  /** Rows: variants, each with its record in the file. */
  count: number;
  /** The rows' identity keys, as a text[] literal (copyBatch's lookup). */
  keys: string;
  /** Each row's VRS id (null without a reference genome). */
  vrsId: (string | null)[];
  line: Int32Array;
  /** How many transcripts each row's annotations hold. */
  transcripts: Int32Array;
  /**
   * `variant_record`'s rows in binary COPY format, signature and trailer included: row i from
   * recordStart[i] to recordStart[i + 1], its variant id's 8 bytes left for copyBatch at
   * recordStart[i] + VARIANT_ID_AT. recordStart has count + 1 entries.
   */
  records: Uint8Array;
  recordStart: Int32Array;
  /**
   * `variant`'s rows in COPY text format without the id that begins each (nor its tab): row i
   * from variantStart[i] to variantStart[i + 1], line feed included.
   */
  variants: Uint8Array;
  variantStart: Int32Array;
  /** Alleles merged into an earlier row of this batch: their lines and that row. */
  mergedLine: number[];
  mergedRow: number[];
};

/** Whether a batch is CopyRows (or the columns of a statement, BatchRows). */
export function isCopyRows(rows: BatchRows | CopyRows): rows is CopyRows {
  return 'recordStart' in rows;
}

/** A record row's field count (16 bits), then its file id (length and 16 bytes), then the id's length. */
export const VARIANT_ID_AT = 2 + 20 + 4;

/** The memory of a batch's bytes, for postMessage's transfer list. */
export function transferables(rows: CopyRows): ArrayBuffer[] {
  return [rows.records.buffer, rows.variants.buffer, rows.line.buffer, rows.transcripts.buffer].filter(
    (buffer, index, all): buffer is ArrayBuffer =>
      buffer instanceof ArrayBuffer && all.indexOf(buffer) === index,
  );
}

/** Builds CopyRows (RowBuilder's sink when the rows go to a server). */
export class CopyRowSink implements RowSink<CopyRows> {
  private readonly fileField: Buffer;
  private readonly assembly: string;
  private readonly filterFields = new Map<string, Buffer>();
  private records = new BinaryCopy(256 * 1024);
  private variants = new TextRows(64 * 1024);
  private keys: string[] = [];
  private vrsId: (string | null)[] = [];
  private line: number[] = [];
  private transcripts: number[] = [];
  private recordStart: number[] = [];
  private variantStart: number[] = [];
  private mergedLine: number[] = [];
  private mergedRow: number[] = [];

  constructor(target: CopyTarget) {
    this.fileField = uuidField(target.fileId);
    this.assembly = target.assembly === null ? '\\N' : escaped(target.assembly);
  }

  get size(): number {
    return this.keys.length;
  }

  add(
    identity: AlleleIdentity,
    line: number,
    qual: number | null,
    filters: string,
    calls: string,
    annotations: string | Uint8Array,
    transcripts: number,
  ): void {
    const key = identity.key;
    this.keys.push(key);
    this.vrsId.push(identity.vrsId);
    this.line.push(line);
    this.transcripts.push(transcripts);
    this.variantStart.push(this.variants.length);
    // The key holds CHROM, REF and ALT: when it has no backslash or carriage return, no field does.
    this.variants.row(
      key.indexOf('\\') < 0 && key.indexOf('\r') < 0
        ? `${key}\t${identity.vrsId ?? '\\N'}\t${this.assembly}\t${identity.chrom}\t${identity.start}\t` +
            `${identity.ref}\t${identity.alt}\t${identity.kind}\t${identity.fullyNormalised ? 't' : 'f'}\n`
        : `${[key, identity.vrsId, identity.chrom, identity.start, identity.ref, identity.alt, identity.kind]
            .map((field, i) => (i === 2 ? `${this.assembly}\t${copyText(field)}` : copyText(field)))
            .join('\t')}\t${identity.fullyNormalised ? 't' : 'f'}\n`,
    );
    const records = this.records;
    this.recordStart.push(records.length);
    records.row(7);
    records.encoded(this.fileField);
    records.int8(0); // the variant id, put in by copyBatch
    records.int4(line);
    // A QUAL beyond a 32-bit float's range was refused by the line check (recordCheck.ts).
    if (qual === null) records.null();
    else records.float4(qual);
    records.encoded(this.filtersField(filters));
    records.text(calls);
    if (typeof annotations === 'string') records.text(annotations);
    else records.utf8(annotations);
  }

  merge(line: number, _key: string, row: number): void {
    this.mergedLine.push(line);
    this.mergedRow.push(row);
  }

  take(): CopyRows {
    const count = this.keys.length;
    this.recordStart.push(this.records.length);
    const records = this.records.finish();
    this.variantStart.push(this.variants.length);
    const rows: CopyRows = {
      count,
      keys: textArray(this.keys),
      vrsId: this.vrsId,
      line: Int32Array.from(this.line),
      transcripts: Int32Array.from(this.transcripts),
      records,
      recordStart: Int32Array.from(this.recordStart),
      variants: this.variants.bytes(),
      variantStart: Int32Array.from(this.variantStart),
      mergedLine: this.mergedLine,
      mergedRow: this.mergedRow,
    };
    // A batch's bytes leave with it (transferred to another thread): the next has its own.
    this.records = new BinaryCopy(Math.max(64 * 1024, records.length + (records.length >> 3)));
    this.variants = new TextRows(Math.max(4 * 1024, rows.variants.length + (rows.variants.length >> 3)));
    this.keys = [];
    this.vrsId = [];
    this.line = [];
    this.transcripts = [];
    this.recordStart = [];
    this.variantStart = [];
    this.mergedLine = [];
    this.mergedRow = [];
    return rows;
  }

  /** FILTER lists as text[] fields, by their literal: a file has a handful of distinct lists. */
  private filtersField(literal: string): Buffer {
    let field = this.filterFields.get(literal);
    if (field === undefined) {
      if (this.filterFields.size >= 1024) this.filterFields.clear();
      field = textArrayField(literal);
      this.filterFields.set(literal, field);
    }
    return field;
  }
}

/** Rows of COPY's text format, as UTF-8 bytes in one growing buffer of its own. */
class TextRows {
  private buffer: Buffer;
  private at = 0;

  constructor(size: number) {
    this.buffer = Buffer.allocUnsafeSlow(size);
  }

  get length(): number {
    return this.at;
  }

  row(text: string): void {
    if (this.at + 3 * text.length > this.buffer.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(2 * this.buffer.length, this.at + 3 * text.length));
      this.buffer.copy(grown, 0, 0, this.at);
      this.buffer = grown;
    }
    this.at += this.buffer.write(text, this.at, 'utf8');
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.at);
  }
}

/** A field of COPY's text format: \\N for null, a backslash, tab, line feed or carriage return escaped. */
function copyText(field: string | number | null): string {
  return field === null ? '\\N' : escaped(String(field));
}

function escaped(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}
