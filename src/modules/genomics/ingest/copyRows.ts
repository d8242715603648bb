import { type BatchRows, textArray } from './batchRows.ts';
import { BinaryCopy, textArrayField, textField, uuidField } from './binaryCopy.ts';
import type { RowSink, SinkRow } from './rowBuilder.ts';

/** What a batch for a server is written for: the file every record belongs to, the variants' assembly. */
export type CopyTarget = { fileId: string; assembly: string | null };

/**
 * A batch for a PostgreSQL server as the bytes of copyBatch's two COPYs, built where the file is
 * read. In the worker thread that is beside the reading, and the main thread receives the bytes
 * without a copy (their memory is transferred). There copyBatch puts in the variant ids, which
 * the server gives out, and cuts out the rows not to be sent (placeIds). As text columns, each
 * row's JSON was decoded into a string in the worker, cloned to the main thread and encoded again
 * there (docs/decisions/0011).
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
   * `variant`'s rows in binary COPY format, signature and trailer included: row i from
   * variantStart[i] to variantStart[i + 1], its id's 8 bytes left for copyBatch at
   * variantStart[i] + VARIANT_ROW_ID_AT. copyBatch sends the rows of new variants only.
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
/** A variant row's field count, then the id's length. */
export const VARIANT_ROW_ID_AT = 2 + 4;

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
  /** Fields every row repeats, encoded once: the assembly (or null), and each kind of variant. */
  private readonly assemblyField: Buffer;
  private readonly kindFields = new Map<string, Buffer>();
  private readonly filterFields = new Map<string, Buffer>();
  private records = new BinaryCopy(256 * 1024);
  private variants = new BinaryCopy(64 * 1024);
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
    this.assemblyField = textField(target.assembly);
  }

  get size(): number {
    return this.keys.length;
  }

  add({ identity, line, qual, filters, calls, annotations, transcripts }: SinkRow): void {
    const key = identity.key;
    this.keys.push(key);
    this.vrsId.push(identity.vrsId);
    this.line.push(line);
    this.transcripts.push(transcripts);
    const variants = this.variants;
    this.variantStart.push(variants.length);
    variants.row(10);
    variants.int8(0); // the id, put in by copyBatch for a new variant
    variants.text(key);
    if (identity.vrsId === null) variants.null();
    else variants.text(identity.vrsId);
    variants.encoded(this.assemblyField);
    variants.text(identity.chrom);
    variants.bigint(identity.start);
    variants.text(identity.ref);
    variants.text(identity.alt);
    variants.encoded(encodedOnce(this.kindFields, identity.kind, textField));
    variants.bool(identity.fullyNormalised);
    const records = this.records;
    this.recordStart.push(records.length);
    records.row(7);
    records.encoded(this.fileField);
    records.int8(0); // the variant id, put in by copyBatch
    records.int4(line);
    // A QUAL beyond a 32-bit float's range was refused by the line check (recordCheck.ts).
    if (qual === null) records.null();
    else records.float4(qual);
    records.encoded(encodedOnce(this.filterFields, filters, textArrayField));
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
    const variants = this.variants.finish();
    const rows: CopyRows = {
      count,
      keys: textArray(this.keys),
      vrsId: this.vrsId,
      line: Int32Array.from(this.line),
      transcripts: Int32Array.from(this.transcripts),
      records,
      recordStart: Int32Array.from(this.recordStart),
      variants,
      variantStart: Int32Array.from(this.variantStart),
      mergedLine: this.mergedLine,
      mergedRow: this.mergedRow,
    };
    // A batch's bytes leave with it (transferred to another thread): the next has its own.
    this.records = new BinaryCopy(Math.max(64 * 1024, records.length + (records.length >> 3)));
    this.variants = new BinaryCopy(Math.max(4 * 1024, variants.length + (variants.length >> 3)));
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
}

/**
 * A field encoded once per distinct value (a file has a handful of FILTER lists and of kinds),
 * kept in `cache`; a pathological file's thousands of values only start the cache again.
 */
function encodedOnce(cache: Map<string, Buffer>, value: string, encode: (value: string) => Buffer): Buffer {
  let field = cache.get(value);
  if (field === undefined) {
    if (cache.size >= 1024) cache.clear();
    field = encode(value);
    cache.set(value, field);
  }
  return field;
}
