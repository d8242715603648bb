import { createReadStream } from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { VcfFault } from './errors.ts';

export type VcfInput = string | Readable;

const CHUNK_BYTES = 1 << 20;
/**
 * Decompressed bytes per chunk. Node's gunzip inflates one chunk per task on its thread pool and
 * starts the next only when this thread takes the result, so while the lines of a chunk are read
 * it does not run ahead: at 64 KiB the reader of the 200,000-record head waited about 1 s of its
 * 4.5–6 s for bytes, at 1 MiB 0.43–0.54 s. The million-record ingest took 23.5–24.1 s against
 * 26.5–30.4 s in three alternating pairs (peak memory 332–342 MB against 278–304 MB). What wait
 * is left is not idle time: with gunzip moved to another thread the wait went, but the reading
 * thread was no faster (docs/benchmarks.md, sixteenth session).
 */
const GUNZIP_CHUNK_BYTES = 1 << 20;
/**
 * The longest line read: a record of ten thousand samples is a few megabytes, and a longer "line"
 * is a damaged file or not a VCF. Held as text it would take gigabytes before V8 refused it.
 */
export const MAX_LINE_CHARS = 64 * 1024 * 1024;

/**
 * The lines of a plain or gzip-compressed file. BGZF is a series of gzip members, which zlib's
 * gunzip reads back to back, so one decoder covers .vcf.gz from bgzip and from plain gzip alike.
 * Lines come in batches (one per decoded chunk) because an await per line costs more than parsing it.
 */
export class LineSource {
  /** Known once the batches are exhausted: the last line had no line separator. */
  missingFinalNewline = false;
  /**
   * Bytes taken from the input so far, compressed bytes for gzip: against the file's size, how
   * far the reading has come (a little ahead of the lines handed out, by what is buffered).
   */
  readonly consumed = { bytes: 0 };

  constructor(
    private readonly input: VcfInput,
    private readonly maxLineChars = MAX_LINE_CHARS,
  ) {}

  async *batches(): AsyncGenerator<string[]> {
    try {
      yield* this.decode();
    } catch (error) {
      if (error instanceof VcfFault) throw error;
      throw new VcfFault('file', describe(error));
    }
  }

  private async *decode(): AsyncGenerator<string[]> {
    const input =
      typeof this.input === 'string'
        ? createReadStream(this.input, { highWaterMark: CHUNK_BYTES })
        : this.input;
    try {
      yield* this.lines(input);
    } finally {
      // A reader that stops at the first error must not leave the file open.
      input.destroy();
    }
  }

  private async *lines(input: Readable): AsyncGenerator<string[]> {
    const chunks = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
    let head = Buffer.alloc(0);
    // The magic bytes may straddle chunks when the input is a socket or a slow pipe.
    while (head.length < 2) {
      const next = await chunks.next();
      if (next.done) break;
      head = Buffer.concat([head, toBuffer(next.value)]);
    }
    if (head.length === 0) return;
    const tail = { bytes: Buffer.alloc(0) };
    const replayed = Readable.from(replay(head, chunks, tail, this.consumed));
    const gzip = head[0] === 0x1f && head[1] === 0x8b;
    const bytes = gzip
      ? pipeline(replayed, createGunzip({ chunkSize: GUNZIP_CHUNK_BYTES }), () => {})
      : replayed;

    const decoder = new StringDecoder('utf8');
    let rest = '';
    for await (const chunk of bytes) {
      // The chunk's text is split as it is: joined to the part-line before it, it would be copied
      // whole (split flattens a joined string), and its lines are slices of it. Only the first
      // line is joined to that part.
      const lines = decoder.write(toBuffer(chunk)).split('\n');
      if (rest.length > 0) lines[0] = rest + (lines[0] as string);
      rest = lines.pop() ?? '';
      if (rest.length > this.maxLineChars) {
        throw new VcfFault(
          'line',
          `the line is longer than ${this.maxLineChars} characters: a damaged file, or not a VCF`,
        );
      }
      if (lines.length === 0) continue;
      for (let i = 0; i < lines.length; i++) lines[i] = withoutCarriageReturn(lines[i] as string);
      yield lines;
    }
    rest += decoder.end();
    if (isBgzf(head) && !tail.bytes.equals(BGZF_EOF)) {
      throw new VcfFault('file', 'the BGZF end-of-file block is missing: the file is truncated');
    }
    if (rest.length > 0) {
      this.missingFinalNewline = true;
      yield [withoutCarriageReturn(rest)];
    }
  }
}

/** The empty block bgzip ends every file with; without it a cut at a block boundary would look whole. */
const BGZF_EOF = Buffer.from('1f8b08040000000000ff0600424302001b0003000000000000000000', 'hex');

/** gzip with the FEXTRA flag and the BC subfield first: bgzip's signature. */
function isBgzf(head: Buffer): boolean {
  const extraField = ((head[3] ?? 0) & 4) !== 0;
  return head[0] === 0x1f && head[1] === 0x8b && extraField && head[12] === 0x42 && head[13] === 0x43;
}

/**
 * Replays the sniffed head, then the rest, remembering the last bytes for the BGZF end check and
 * counting the bytes it passes on.
 */
async function* replay(
  head: Buffer,
  chunks: AsyncIterator<Buffer | string>,
  tail: { bytes: Buffer },
  consumed: { bytes: number },
) {
  let chunk = head;
  for (;;) {
    consumed.bytes += chunk.length;
    tail.bytes = Buffer.concat([
      tail.bytes,
      chunk.subarray(Math.max(0, chunk.length - BGZF_EOF.length)),
    ]).subarray(-BGZF_EOF.length);
    yield chunk;
    const next = await chunks.next();
    if (next.done) return;
    chunk = toBuffer(next.value);
  }
}

function toBuffer(chunk: Buffer | string): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
}

/** VCF allows CR+LF line ends; the CR belongs to the separator, not to the last field. */
function withoutCarriageReturn(line: string): string {
  return line.length > 0 && line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code?.startsWith('Z_') || code === 'ERR_ZLIB') {
    return `corrupt or truncated gzip/BGZF data (${error.message})`;
  }
  return error.message;
}
