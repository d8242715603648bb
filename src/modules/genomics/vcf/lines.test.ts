import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineSource } from './lines.ts';

async function linesOf(chunks: Buffer[]) {
  const source = new LineSource(Readable.from(chunks));
  const lines: string[] = [];
  for await (const batch of source.batches()) lines.push(...batch);
  return { lines, missingFinalNewline: source.missingFinalNewline };
}

/** The bytes cut at the given places (as a socket or a slow disk may hand them over). */
function cut(bytes: Buffer, places: number[]): Buffer[] {
  const at = [...new Set(places.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const to of at) {
    if (to > from) chunks.push(bytes.subarray(from, to));
    from = Math.max(from, to);
  }
  if (from < bytes.length) chunks.push(bytes.subarray(from));
  return chunks;
}

const line = fc
  .array(
    fc.oneof(
      fc.constantFrom('æ', 'ø', '€', '😀', '\t', '\r', 'chr1', '%3B', '.'),
      fc.string({ maxLength: 5 }),
    ),
    {
      maxLength: 8,
    },
  )
  .map((parts) => parts.join('').replaceAll('\n', ''));

describe('the lines of a file', () => {
  it('are the same however the bytes are cut: inside a character, between CR and LF, across many chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 20 }),
        async (texts, crlf, places) => {
          const separator = crlf ? '\r\n' : '\n';
          // The VCF header's first bytes, so the gzip sniffing sees plain text.
          const all = ['##fileformat=VCFv4.3', ...texts];
          const bytes = Buffer.from(`${all.join(separator)}${separator}`);
          const { lines, missingFinalNewline } = await linesOf(cut(bytes, places));
          // A CR before the LF belongs to the line end: with CR+LF ends that is the separator's.
          const expected = crlf ? all : all.map((text) => (text.endsWith('\r') ? text.slice(0, -1) : text));
          expect(lines).toEqual(expected);
          expect(missingFinalNewline).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps a last line without a line feed, and says it had none', async () => {
    const bytes = Buffer.from('##fileformat=VCFv4.3\nlast line æ');
    const { lines, missingFinalNewline } = await linesOf(cut(bytes, [3, 22, 30]));
    expect(lines).toEqual(['##fileformat=VCFv4.3', 'last line æ']);
    expect(missingFinalNewline).toBe(true);
  });

  it('reads bytes that are not UTF-8 as U+FFFD, as the whole text decoded at once would', async () => {
    const bytes = Buffer.concat([Buffer.from('##x\nab'), Buffer.from([0xc3]), Buffer.from('\ncd\n')]);
    const { lines } = await linesOf(cut(bytes, [6, 7]));
    expect(lines).toEqual(['##x', 'ab\ufffd', 'cd']);
  });
});

describe('a line beyond the longest read', () => {
  it('stops the reading with an error naming the line, before the text grows without end', async () => {
    const long = Buffer.alloc(400, 'A');
    const source = new LineSource(Readable.from([Buffer.from('short\n'), long, long, long]), 1000);
    const read: string[] = [];
    await expect(
      (async () => {
        for await (const batch of source.batches()) read.push(...batch);
      })(),
    ).rejects.toMatchObject({ field: 'line', message: expect.stringMatching(/longer than 1000 characters/) });
    expect(read).toEqual(['short']);
  });

  it('reads a line of exactly the longest length', async () => {
    const source = new LineSource(Readable.from([Buffer.alloc(1000, 'A'), Buffer.from('\n')]), 1000);
    const read: string[] = [];
    for await (const batch of source.batches()) read.push(...batch);
    expect(read[0]).toHaveLength(1000);
  });
});
