import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isShortestDecimal, JsonBytes } from './jsonBytes.ts';
import { percentDecode } from './scalars.ts';
import { JSON_AWKWARD, PERCENT_PIECES } from './testing.ts';

/** Text with what the writer must handle: escapes (whole, cut short, in either case), quotes, controls, non-ASCII. */
const awkward = fc
  .array(
    fc.oneof(
      fc.constantFrom(...PERCENT_PIECES),
      fc.constantFrom(...JSON_AWKWARD, 'æøå', '€', '😀', '|', '&', ','),
      fc.string({ unit: 'binary', maxLength: 4 }),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What the writer wrote, read back as the bytes a database would receive. */
function written(write: (json: JsonBytes) => void): Buffer {
  const json = new JsonBytes();
  write(json);
  return Buffer.from(json.text(), 'utf8');
}

describe('JSON written as bytes', () => {
  it('is JSON.stringify of the percent-decoded text, in UTF-8, for any part of any text', () => {
    fc.assert(
      fc.property(awkward, fc.nat(), fc.nat(), fc.boolean(), (text, a, b, decode) => {
        const from = text.length === 0 ? 0 : a % (text.length + 1);
        const to = from + (text.length === 0 ? 0 : b % (text.length - from + 1));
        const part = text.slice(from, to);
        // Text decoded from UTF-8 never holds a lone surrogate (see the test below).
        fc.pre(!LONE_SURROGATE.test(part));
        const expected = JSON.stringify(decode ? percentDecode(part) : part);
        expect(written((json) => json.string(text, from, to, decode))).toEqual(Buffer.from(expected, 'utf8'));
      }),
      { numRuns: 3000 },
    );
  });

  it('decodes VCF escapes, escapes what JSON must, and keeps everything else', () => {
    const text = written((json) => {
      json.byte(91);
      const odd = 'a%3Bb%2cc%25d%41e"f\\g\u0001h%0A';
      json.string(odd, 0, odd.length, true);
      json.byte(44);
      json.string('æ€😀', 0, 4, false);
      json.byte(93);
    }).toString('utf8');
    expect(text).toBe('["a;b,c%d%41e\\"f\\\\g\\u0001h\\n","æ€😀"]');
    expect(JSON.parse(text)).toEqual(['a;b,c%d%41e"f\\g\u0001h\n', 'æ€😀']);
  });

  it('writes a lone surrogate as U+FFFD, as UTF-8 encoding does', () => {
    const text = 'a\ud800b';
    expect(written((json) => json.string(text, 0, text.length, false))).toEqual(
      Buffer.from(`"${text}"`, 'utf8'),
    );
  });

  it('writes a number as String(Number(text)) does, copying text that is already in that form', () => {
    const numeric = fc.oneof(
      fc.double({ noNaN: false }).map(String),
      fc
        .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 20 }))
        .map(([x, digits]) => x.toFixed(digits)),
      fc
        .array(fc.constantFrom('0', '1', '5', '9', '.', 'e', '-', '+', ' ', 'x', '&'), { maxLength: 24 })
        .map((chars) => chars.join('')),
      fc.constantFrom(
        '0',
        '0.0',
        '00',
        '0.000001',
        '0.0000001',
        '1e-7',
        '.5',
        '5.',
        '123456789012345',
        '1234567890123456',
        '0.1000',
      ),
    );
    fc.assert(
      fc.property(numeric, (text) => {
        const value = Number(text);
        const json = new JsonBytes();
        const wrote = json.number(text, 0, text.length);
        expect(wrote).toBe(text !== '' && Number.isFinite(value));
        expect(json.text()).toBe(wrote ? String(value) : '');
      }),
      { numRuns: 5000 },
    );
    expect(isShortestDecimal('0.0324', 0, 6)).toBe(true);
    expect(isShortestDecimal('0.0000001', 0, 9)).toBe(false);
  });

  it('grows past its first buffer and starts afresh on reset', () => {
    const long = 'x'.repeat(100_000);
    const json = new JsonBytes();
    json.string(long, 0, long.length, false);
    expect(json.text()).toBe(`"${long}"`);
    json.reset();
    json.plain('null');
    expect(json.text()).toBe('null');
    expect(json.lastByte()).toBe(108);
  });
});
