import { describe, expect, it } from 'vitest';
import { canonicalJson, sha512t24u, sha512t24uOfChunks } from './digest.ts';
import { refgetAccessionOf, refgetAccessionOfChunks, toRefgetAccession } from './refget.ts';

describe('sha512t24u', () => {
  it('gives the published digests', () => {
    expect(sha512t24u('')).toBe('z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXc');
    expect(sha512t24u('ACGT')).toBe('aKF498dAxcJAqme6QYQ7EZ07-fiw8Kw2');
  });

  it('gives the same digest when the data arrives in pieces', async () => {
    async function* pieces() {
      yield 'AC';
      yield 'GT';
    }
    expect(await sha512t24uOfChunks(pieces())).toBe(sha512t24u('ACGT'));
  });
});

describe('canonical JSON (RFC 8785)', () => {
  it('sorts keys, drops whitespace and keeps array order', () => {
    expect(canonicalJson({ type: 'X', b: [3, 1, null], a: { z: 'é', y: true } })).toBe(
      '{"a":{"y":true,"z":"é"},"b":[3,1,null],"type":"X"}',
    );
  });

  it('sorts keys by UTF-16 code units', () => {
    expect(canonicalJson({ '\u20ac': 1, '\ud83d\ude00': 2, a: 3 })).toBe('{"a":3,"€":1,"😀":2}');
  });

  it('refuses numbers JSON cannot carry', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(RangeError);
  });
});

describe('refget accessions', () => {
  it('digests the upper-case sequence', () => {
    expect(refgetAccessionOf('acgt')).toBe('SQ.aKF498dAxcJAqme6QYQ7EZ07-fiw8Kw2');
  });

  it('digests a sequence read in chunks the same way', async () => {
    async function* chunks() {
      yield 'ac';
      yield 'GT';
    }
    expect(await refgetAccessionOfChunks(chunks())).toBe(refgetAccessionOf('ACGT'));
  });

  it('accepts the bare accession and the ga4gh CURIE, nothing else', () => {
    const accession = 'SQ.IIB53T8CNeJJdUqzn9V_JnRtQadwWCbl';
    expect(toRefgetAccession(accession)).toBe(accession);
    expect(toRefgetAccession(`ga4gh:${accession}`)).toBe(accession);
    expect(toRefgetAccession('SQ.tooShort')).toBeNull();
    expect(toRefgetAccession('chr19')).toBeNull();
  });
});
