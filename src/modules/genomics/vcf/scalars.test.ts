import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIntegerAt, isFloatText, parseFloatText, percentDecode } from './scalars.ts';

const FLOAT_PATTERN = /^[-+]?[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?$|^[-+]?(INF|INFINITY|NAN)$/i;

describe('VCF scalars', () => {
  it.each(['1', '-0.00', '.5', '2e+1', '5.3e-10', 'Inf', '+Inf', 'NaN', '-infinity', '1.1e-123'])(
    'accepts the Float %s',
    (text) => expect(isFloatText(text)).toBe(true),
  );

  it.each(['', '1.', '.', 'e5', '1e', '1.2.3', '--1', 'Infinit', '0x10', ' 1'])(
    'refuses the Float "%s"',
    (text) => expect(isFloatText(text)).toBe(false),
  );

  it('agrees with the spec’s Float regular expression on any text', () => {
    const floatish = fc.stringMatching(/^[-+.eE0-9IiNnFfAa]{0,8}$/);
    fc.assert(
      fc.property(floatish, (text) => {
        expect(isFloatText(text)).toBe(FLOAT_PATTERN.test(text));
      }),
    );
  });

  it('reads every Float as a number: infinities by their word, the rest as Number reads them', () => {
    // Any text too, also outside ASCII: the reader reads only checked Floats, but the rule holds.
    const floatish = fc.oneof(
      fc.stringMatching(/^[-+.eE0-9IiNnFfAaTtYy]{1,9}$/).filter(isFloatText),
      fc.string({ unit: 'binary', maxLength: 10 }),
      fc.string({ unit: 'grapheme-composite', maxLength: 10 }).map((end) => `-in${end}`),
    );
    fc.assert(
      fc.property(floatish, (text) => {
        const word = text.toUpperCase();
        const expected =
          word.endsWith('INF') || word.endsWith('INFINITY')
            ? word.startsWith('-')
              ? -Infinity
              : Infinity
            : Number(text);
        expect(parseFloatText(text)).toBe(expected);
      }),
    );
    expect([
      parseFloatText('-Inf'),
      parseFloatText('+infinity'),
      parseFloatText('NaN'),
      parseFloatText('5.3e-10'),
    ]).toEqual([-Infinity, Infinity, Number.NaN, 5.3e-10]);
  });

  it('keeps Integers inside the range BCF can store', () => {
    const check = (text: string) => () => checkIntegerAt(text, 0, text.length, 'INFO/X');
    expect(check('2147483647')).not.toThrow();
    expect(check('-2147483640')).not.toThrow();
    expect(check('2147483648')).toThrow(/overflows/);
    expect(check('-2147483641')).toThrow(/reserved/);
    expect(check('-2147483649')).toThrow(/underflows/);
    expect(check('1.5')).toThrow('expected Integer, got "1.5"');
  });

  it('decodes the escapes of VCF 4.3 and leaves other % text alone', () => {
    expect(percentDecode('p.Ile12%3D')).toBe('p.Ile12=');
    expect(percentDecode('a%3Ab%3Bc%2Cd%25e%09f%0Ag%0Dh')).toBe('a:b;c,d%e\tf\ng\rh');
    expect(percentDecode('0.777%03A-0.123')).toBe('0.777%03A-0.123');
    expect(percentDecode('100%')).toBe('100%');
  });

  it('decodes whatever an encoder of the special characters produced', () => {
    const encode = (text: string) =>
      text.replace(
        /[%:;=,\r\n\t]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
      );
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(percentDecode(encode(text))).toBe(text);
      }),
    );
  });
});
