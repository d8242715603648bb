import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallsFault } from './errors.ts';
import { parseJsonText } from './jsonText.ts';

function faultOf(text: string): CallsFault {
  try {
    parseJsonText(text);
  } catch (error) {
    if (error instanceof CallsFault) return error;
    throw error;
  }
  throw new Error('expected a CallsFault');
}

describe('JSON with line numbers', () => {
  it('reads what JSON.parse reads, compact or indented', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(parseJsonText(text).value).toEqual(JSON.parse(text));
      }),
    );
  });

  it('reads escapes and keeps "__proto__" as data', () => {
    const text = '{"a\\"b": "\\u00e6\\n\\/", "__proto__": {"x": 1}}';
    const { value } = parseJsonText(text);
    expect(value).toEqual(JSON.parse(text));
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  it('finds the line of each member and element, and of the parent for an absent one', () => {
    const text = '{\n  "tmb": {\n    "value": 12.4\n  },\n  "list": [\n    1,\n    {"a/b": 2}\n  ]\n}\n';
    const { lineOf } = parseJsonText(text);
    expect(lineOf('')).toBe(1);
    expect(lineOf('/tmb')).toBe(2);
    expect(lineOf('/tmb/value')).toBe(3);
    expect(lineOf('/tmb/unit')).toBe(2);
    expect(lineOf('/list/1')).toBe(7);
    expect(lineOf('/list/1/a~1b')).toBe(7);
  });

  it('reads DRAGEN’s bare NaN as NaN, and skips a byte-order mark', () => {
    expect(parseJsonText('\ufeff{"PercentageUnstableSites": NaN}').value).toEqual({
      PercentageUnstableSites: Number.NaN,
    });
  });

  it.each([
    ['', 1, 'empty file'],
    ['{\n  "a": 1,\n}', 3, 'expected a "quoted" member name'],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 'expected "," or "}", found """'],
    ['{"purity": 0.6,\n "purity": 60}', 2, '"purity" is given twice'],
    ['[1, 2', 1, 'the JSON ends too early'],
    ['{"a": 01}', 1, 'expected "," or "}", found "1"'],
    ['{"a": "x\ny"}', 1, 'a control character inside a string must be escaped'],
    ['{"a": "\\x"}', 1, 'unknown escape "\\x"'],
    ['{"a": tru}', 1, 'unexpected "t"'],
    ['{} {}', 1, 'unexpected text after the JSON value'],
  ])('%j fails on line %d: %s', (text, line, reason) => {
    expect(faultOf(text)).toMatchObject({ field: 'json', line, reason });
  });
});
