import { describe, expect, it } from 'vitest';
import { trimmedSequenceIdentity } from './identity.ts';
import { RowBuilder, StatementRows } from './rowBuilder.ts';
import type { StoredCall } from './storedAllele.ts';

// The calls' JSON as migration 0008 stores it, one [genotype, depth, ref_depth, alt_depth, vaf]
// per sample position, whatever shape the genotype has.
function callsJson(calls: StoredCall[], samples = ['TUMOR']): string {
  const builder = new RowBuilder(samples, new StatementRows());
  builder.add([
    {
      allele: { line: 7, qual: null, filters: ['PASS'], calls, annotations: [] },
      identity: trimmedSequenceIdentity('chr1', 'GRCh38', 100, 'C', 'T'),
      annotations: '[]',
      transcripts: 0,
    },
  ]);
  return builder.take().calls[0] as string;
}

const call = (genotype: StoredCall['genotype'], sample = 'TUMOR'): StoredCall => ({
  sample,
  genotype,
  depth: 40,
  alleleDepths: [30, 10],
  alleleFraction: 0.25,
});

describe('RowBuilder: the calls JSON', () => {
  it.each([
    [{ alleles: [0, 1], phased: false }, '0/1'],
    [{ alleles: [1, 0], phased: true }, '1|0'],
    [{ alleles: [9, 9], phased: false }, '9/9'],
    [{ alleles: [10, 2], phased: false }, '10/2'],
    [{ alleles: [null, null], phased: false }, './.'],
    [{ alleles: [0, null], phased: true }, '0|.'],
    [{ alleles: [1], phased: false }, '1'],
    [{ alleles: [0, 1, 2], phased: false }, '0/1/2'],
  ])('writes the genotype %j as "%s"', (genotype, text) => {
    expect(JSON.parse(callsJson([call(genotype)]))).toEqual([[text, 40, 30, 10, 0.25]]);
  });

  it('writes a missing genotype, depth or allele depths as null, and each sample at its position', () => {
    const none: StoredCall = {
      sample: 'NORMAL',
      genotype: null,
      depth: null,
      alleleDepths: null,
      alleleFraction: null,
    };
    expect(
      JSON.parse(callsJson([call({ alleles: [0, 1], phased: false }), none], ['NORMAL', 'TUMOR'])),
    ).toEqual([
      [null, null, null, null, null],
      ['0/1', 40, 30, 10, 0.25],
    ]);
  });
});
