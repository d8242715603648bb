import { describe, expect, it } from 'vitest';
import { ga4ghDigest, ga4ghIdentify, ga4ghSerialize, VrsDigestError } from './identify.ts';
import type { Allele } from './model.ts';

const rs7412: Allele = {
  type: 'Allele',
  location: {
    type: 'SequenceLocation',
    sequenceReference: { type: 'SequenceReference', refgetAccession: 'SQ.IIB53T8CNeJJdUqzn9V_JnRtQadwWCbl' },
    start: 44908821,
    end: 44908822,
  },
  state: { type: 'LiteralSequenceExpression', sequence: 'T' },
};

describe('computed identifiers', () => {
  it('identifies an Allele through the digest of its location', () => {
    expect(ga4ghSerialize(rs7412)).toBe(
      '{"location":"wIlaGykfwHIpPY2Fcxtbx4TINbbODFVz","state":{"sequence":"T","type":"LiteralSequenceExpression"},"type":"Allele"}',
    );
    expect(ga4ghIdentify(rs7412)).toBe('ga4gh:VA.0AePZIWZUNsUlQTamyLrjm2HWUw2opLt');
    expect(ga4ghIdentify(rs7412.location)).toBe('ga4gh:SL.wIlaGykfwHIpPY2Fcxtbx4TINbbODFVz');
  });

  it('ignores decorative fields such as id, names and the RLE sequence', () => {
    const decorated = {
      ...rs7412,
      id: 'ga4gh:VA.whatever',
      name: 'APOE rs7412',
      location: {
        ...rs7412.location,
        sequenceReference: { ...rs7412.location.sequenceReference, id: 'NC_000019.10' },
      },
    };
    expect(ga4ghDigest(decorated)).toBe(ga4ghDigest(rs7412));
  });

  it('has no identifier for classes that are not identifiable', () => {
    expect(ga4ghIdentify(rs7412.state)).toBeNull();
    expect(ga4ghDigest(rs7412.location.sequenceReference)).toBeNull();
  });

  it('sorts the members of an unordered collection', () => {
    const member = (start: number) => ({
      ...rs7412,
      location: { ...rs7412.location, start, end: start + 1 },
    });
    const block = (members: object[]) => ({ type: 'CisPhasedBlock', members });
    expect(ga4ghDigest(block([member(1), member(5)]))).toBe(ga4ghDigest(block([member(5), member(1)])));
  });

  it('refuses a class it has no digest rule for', () => {
    expect(() => ga4ghIdentify({ type: 'Haplotype', members: [] })).toThrow(VrsDigestError);
  });
});
