import { describe, expect, it } from 'vitest';
import { checkAllele, parseAllele } from './alleles.ts';
import { openVcf } from './reader.ts';
import { fixture } from './testing.ts';

describe('ALT alleles', () => {
  it('parses the four breakend forms', () => {
    expect(parseAllele('G[chr13:32315000[', '4.2')).toEqual({
      kind: 'breakend',
      bases: 'G',
      mateChrom: 'chr13',
      matePos: 32315000,
      basesFirst: true,
      mateExtends: 'right',
    });
    expect(parseAllele('A]chr2:29223000]', '4.2')).toMatchObject({ basesFirst: true, mateExtends: 'left' });
    expect(parseAllele(']chr13:32315100]T', '4.2')).toMatchObject({
      bases: 'T',
      basesFirst: false,
      mateExtends: 'left',
    });
    expect(parseAllele('[chr2:29223100[C', '4.2')).toMatchObject({
      bases: 'C',
      basesFirst: false,
      mateExtends: 'right',
    });
  });

  it('reads a mate on an assembly contig and, in 4.3, contig names with colons', () => {
    expect(parseAllele('A[<ctg1>:7[', '4.2')).toMatchObject({ mateChrom: '<ctg1>', matePos: 7 });
    expect(parseAllele('A[HLA-A*01:01:01:01:120[', '4.3')).toMatchObject({
      mateChrom: 'HLA-A*01:01:01:01',
      matePos: 120,
    });
    expect(() => checkAllele('A[HLA-A*01:01:01:01:120[', '4.2')).toThrow(/not a base string/);
  });

  it('parses single breakends, symbolic alleles and the overlapping deletion', () => {
    expect(parseAllele('C.', '4.2')).toEqual({ kind: 'single-breakend', bases: 'C', bearing: 'after' });
    expect(parseAllele('.G', '4.2')).toEqual({ kind: 'single-breakend', bases: 'G', bearing: 'before' });
    expect(parseAllele('<DUP:TANDEM>', '4.2')).toEqual({
      kind: 'symbolic',
      id: 'DUP:TANDEM',
      type: 'DUP',
      subtypes: ['TANDEM'],
    });
    expect(parseAllele('<*>', '4.2')).toMatchObject({ kind: 'symbolic', type: '*' });
    expect(parseAllele('<NON_REF>', '4.2')).toMatchObject({ kind: 'symbolic', type: 'NON_REF' });
    expect(parseAllele('<CNV>', '4.2')).toMatchObject({ type: 'CNV' });
    expect(parseAllele('*', '4.2')).toEqual({ kind: 'overlapping-deletion' });
    expect(parseAllele('acgt', '4.2')).toEqual({ kind: 'sequence', bases: 'ACGT' });
  });

  it.each([
    ['[1:100[', 'a breakend needs bases'],
    ['A[1:100', 'unbalanced brackets'],
    ['A[1:100]', 'mixed brackets'],
    ['A[1:x[', 'a mate position that is no number'],
    ['.A.', 'a dot at both ends'],
    ['<INS>BLAH>', 'angle brackets inside a symbolic ID'],
    ['<FOO:BAR>', 'subtypes under a first level that is no SV type'],
    ['R', 'an IUPAC code'],
  ])('refuses %s (%s)', (text) => {
    expect(() => checkAllele(text, '4.3')).toThrow();
  });

  it('reads every structural record of a file', async () => {
    const file = await openVcf(fixture('structural.vcf'));
    const kinds: string[] = [];
    for await (const allele of file.alleles())
      kinds.push(allele.alt.kind === 'symbolic' ? allele.alt.type : allele.alt.kind);
    expect(kinds).toEqual([
      'breakend',
      'breakend',
      'breakend',
      'breakend',
      'DEL',
      'DUP',
      'CNV',
      'INS',
      'INV',
      'sequence',
      'NON_REF',
      'single-breakend',
      'single-breakend',
    ]);
  });
});
