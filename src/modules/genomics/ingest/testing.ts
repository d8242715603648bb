import { readdirSync } from 'node:fs';

/** This process's threads now (Linux): tests use it to see that a worker thread has ended. */
export function threads(): number {
  return readdirSync('/proc/self/task').length;
}

/** The thread count once it has stopped changing (a terminated thread takes a moment to go). */
export async function settledThreads(): Promise<number> {
  let last = threads();
  for (let i = 0; i < 40; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = threads();
    if (now === last && i >= 3) return now;
    last = now;
  }
  return last;
}

/** The bytes every binary COPY payload begins with: signature, flags, header extension length. */
const COPY_HEADER = 19;

/**
 * Every row of a binary COPY payload, read from its signature to its trailer, as each row's
 * fields (bytes, or null for NULL). Throws unless the payload is whole: the signature, a trailer,
 * and nothing after it.
 */
export function copyPayloadRows(payload: Uint8Array): (Buffer | null)[][] {
  const bytes = Buffer.from(payload.buffer, payload.byteOffset, payload.length);
  if (bytes.subarray(0, 11).toString('latin1') !== 'PGCOPY\n\xff\r\n\0') throw new Error('no COPY signature');
  if (bytes.readInt32BE(11) !== 0 || bytes.readInt32BE(15) !== 0) throw new Error('unexpected COPY flags');
  const rows: (Buffer | null)[][] = [];
  let at = COPY_HEADER;
  for (;;) {
    const count = bytes.readInt16BE(at);
    at += 2;
    if (count === -1) break;
    const fields: (Buffer | null)[] = [];
    for (let f = 0; f < count; f++) {
      const length = bytes.readInt32BE(at);
      at += 4;
      fields.push(length < 0 ? null : bytes.subarray(at, at + length));
      at += Math.max(0, length);
    }
    rows.push(fields);
  }
  if (at !== bytes.length) throw new Error(`${bytes.length - at} bytes after the COPY trailer`);
  return rows;
}

/** A text[] field's items (binary array format, as array_send writes it). */
export function textItems(field: Buffer): string[] {
  const dimensions = field.readInt32BE(0);
  if (dimensions === 0) return [];
  const count = field.readInt32BE(12);
  const items: string[] = [];
  let at = 20;
  for (let i = 0; i < count; i++) {
    const length = field.readInt32BE(at);
    items.push(field.toString('utf8', at + 4, at + 4 + length));
    at += 4 + length;
  }
  return items;
}
