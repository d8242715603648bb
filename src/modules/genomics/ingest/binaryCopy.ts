/**
 * Rows in PostgreSQL's binary COPY format (COPY … FROM STDIN WITH (FORMAT binary); the layout is
 * in PostgreSQL's documentation of COPY, "Binary Format"), for the ingest's variant records. In
 * the text format the server scans every byte of a row for tabs and backslashes and parses each
 * number, uuid and array from text; in binary each field arrives with its length, in the form the
 * server keeps it (json is still validated: json_recv parses what it is given, as json_in does).
 * On the 200,000-record head the records' COPY took a fifth less of the server's time
 * (docs/decisions/0009-ingest-in-a-worker-thread.md, point 11). Our own: node-postgres and pg-copy-streams
 * write only the text format, and the layout is a few integers.
 */
export class BinaryCopy {
  private bytes: Buffer;
  private at = 0;

  /** `size`: the bytes first set aside; the buffer grows when rows need more. */
  constructor(size = 1 << 16) {
    this.bytes = Buffer.allocUnsafeSlow(size);
    this.room(SIGNATURE.length + 8);
    this.at += SIGNATURE.copy(this.bytes, 0);
    this.at = this.bytes.writeInt32BE(0, this.at); // flags: no OIDs
    this.at = this.bytes.writeInt32BE(0, this.at); // no header extension
  }

  /** Bytes written so far: where the next row or field begins. */
  get length(): number {
    return this.at;
  }

  /** Starts a row of `fields` fields. */
  row(fields: number): void {
    this.room(2);
    this.at = this.bytes.writeInt16BE(fields, this.at);
  }

  null(): void {
    this.room(4);
    this.at = this.bytes.writeInt32BE(-1, this.at);
  }

  /** A field already encoded, its length included (uuidField, textArrayField). */
  encoded(field: Uint8Array): void {
    this.room(field.length);
    this.bytes.set(field, this.at);
    this.at += field.length;
  }

  /** bigint, for an id: a safe integer that is not negative (a BigInt per row costs more). */
  int8(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${value} is not an id this writes`);
    this.bigint(value);
  }

  /** bigint of any safe integer (a position may be -1: POS 0 is a telomere). */
  bigint(value: number): void {
    if (!Number.isSafeInteger(value)) throw new RangeError(`${value} is not an integer this writes`);
    this.room(12);
    this.at = this.bytes.writeInt32BE(8, this.at);
    this.at = writeBigint(this.bytes, this.at, value);
  }

  bool(value: boolean): void {
    this.room(5);
    this.at = this.bytes.writeInt32BE(1, this.at);
    this.bytes[this.at++] = value ? 1 : 0;
  }

  int4(value: number): void {
    this.room(8);
    this.at = this.bytes.writeInt32BE(4, this.at);
    this.at = this.bytes.writeInt32BE(value, this.at);
  }

  /**
   * real. The text format handed the server String(value), which it rounded to the nearest
   * 32-bit float, refusing a finite number beyond the range (or a non-zero one so small it became
   * 0): the same refusal is thrown here (the check of a line refuses such a QUAL first). The value
   * is rounded from the double rather than from its shortest decimal, which can differ, by one
   * step of a float, only for a double within a hair of the midpoint between two floats.
   */
  float4(value: number): void {
    const single = Math.fround(value);
    if ((Number.isFinite(value) && !Number.isFinite(single)) || (single === 0 && value !== 0)) {
      throw new RangeError(`${value} is out of range for type real`);
    }
    this.room(8);
    this.at = this.bytes.writeInt32BE(4, this.at);
    this.at = this.bytes.writeFloatBE(value, this.at);
  }

  /** text, json: the string's UTF-8 bytes (written first, its length put before them after). */
  text(value: string): void {
    this.room(4 + value.length * 3);
    const bytes = this.bytes;
    const start = this.at + 4;
    // A short ASCII string (a base, a chromosome, a key) by hand: Buffer.write is a native call.
    if (value.length <= 32) {
      let i = 0;
      for (; i < value.length; i++) {
        const code = value.charCodeAt(i);
        if (code >= 0x80) break;
        bytes[start + i] = code;
      }
      if (i === value.length) {
        this.at = bytes.writeInt32BE(i, this.at) + i;
        return;
      }
    }
    const length = bytes.write(value, start, 'utf8');
    bytes.writeInt32BE(length, this.at);
    this.at = start + length;
  }

  /** text, json: bytes that are already UTF-8. */
  utf8(value: Uint8Array): void {
    this.room(4 + value.length);
    this.at = this.bytes.writeInt32BE(value.length, this.at);
    this.bytes.set(value, this.at);
    this.at += value.length;
  }

  /**
   * The rows written so far, closed with the format's trailer; the buffer is not used again. Its
   * memory is its own (never a slice of Node's shared pool), so it can be transferred to another
   * thread.
   */
  finish(): Buffer {
    this.room(2);
    this.at = this.bytes.writeInt16BE(-1, this.at);
    return this.bytes.subarray(0, this.at);
  }

  private room(more: number): void {
    if (this.at + more <= this.bytes.length) return;
    let size = Math.max(64, this.bytes.length * 2);
    while (size < this.at + more) size *= 2;
    const grown = Buffer.allocUnsafeSlow(size);
    this.bytes.copy(grown, 0, 0, this.at);
    this.bytes = grown;
  }
}

/**
 * A bigint's 8 bytes at `at`, of a safe integer: the high word is the quotient by 2³², rounded
 * down, the low word the rest. Returns where the bytes end. copyBatch writes the variant ids
 * into their places with it.
 */
export function writeBigint(bytes: Buffer, at: number, value: number): number {
  bytes.writeInt32BE(Math.floor(value / 0x1_0000_0000), at);
  return bytes.writeUInt32BE(value >>> 0, at + 4);
}

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/** A text field (length and UTF-8 bytes), or SQL null: for a value every row of a batch repeats. */
export function textField(value: string | null): Buffer {
  if (value === null) return Buffer.from([0xff, 0xff, 0xff, 0xff]);
  const bytes = Buffer.from(value, 'utf8');
  const field = Buffer.alloc(4 + bytes.length);
  field.writeInt32BE(bytes.length, 0);
  bytes.copy(field, 4);
  return field;
}

/** A uuid field (length and 16 bytes), from its text form. */
export function uuidField(id: string): Buffer {
  const hex = id.replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error(`not a uuid: ${id}`);
  const field = Buffer.alloc(20);
  field.writeInt32BE(16, 0);
  field.write(hex, 4, 'hex');
  return field;
}

const TEXT_OID = 25;

/**
 * A text[] field (length included), from the array literal textArray (batchRows.ts) wrote: a
 * one-dimensional array of text, no NULLs, lower bound 1 — what array_recv reads.
 */
export function textArrayField(literal: string): Buffer {
  const items = itemsOf(literal);
  const encoded = items.map((item) => Buffer.from(item, 'utf8'));
  const body = (items.length > 0 ? 20 : 12) + encoded.reduce((sum, item) => sum + 4 + item.length, 0);
  const field = Buffer.alloc(4 + body);
  let at = field.writeInt32BE(body, 0);
  at = field.writeInt32BE(items.length > 0 ? 1 : 0, at); // dimensions
  at = field.writeInt32BE(0, at); // no NULLs
  at = field.writeInt32BE(TEXT_OID, at);
  if (items.length > 0) {
    at = field.writeInt32BE(items.length, at);
    at = field.writeInt32BE(1, at); // lower bound
  }
  for (const item of encoded) {
    at = field.writeInt32BE(item.length, at);
    at += item.copy(field, at);
  }
  return field;
}

/** The items of textArray's literal: `{}` or `{"a","b"}`, a quote or backslash escaped by a backslash. */
function itemsOf(literal: string): string[] {
  if (!literal.startsWith('{') || !literal.endsWith('}')) throw new Error(`not an array literal: ${literal}`);
  const items: string[] = [];
  let i = 1;
  const end = literal.length - 1;
  while (i < end) {
    if (literal[i] !== '"') throw new Error(`not a quoted item at ${i}: ${literal}`);
    let item = '';
    i++;
    while (i < end && literal[i] !== '"') {
      if (literal[i] === '\\') i++;
      item += literal[i];
      i++;
    }
    items.push(item);
    i++; // the closing quote
    if (i < end && literal[i++] !== ',') throw new Error(`expected a comma at ${i - 1}: ${literal}`);
  }
  return items;
}
