import { describe, expect, it } from 'vitest';
import { openVcf } from '../vcf/reader.ts';
import { streamOf, vcfText } from '../vcf/testing.ts';
import { normaliseByTrimming } from '../vrs/normalise.ts';
import { trimmedIdentity, trimmedSequenceIdentity } from './identity.ts';

describe('the trimmed identity of a one-base substitution', () => {
  it('is the one trimming gives, in upper case, final, for every pair of bases in either case', () => {
    const bases = [...'ACGTNacgtn'];
    for (const ref of bases) {
      for (const alt of bases) {
        const identity = trimmedSequenceIdentity('chr7', 'GRCh38', 140753336, ref, alt);
        const { allele, final } = normaliseByTrimming({
          start: 140753335,
          end: 140753336,
          reference: ref.toUpperCase(),
          alternate: alt.toUpperCase(),
        });
        expect(identity, `${ref}>${alt}`).toMatchObject({
          key: `GRCh38:chr7:${allele.start}:${allele.reference}:${allele.alternate}`,
          start: allele.start,
          ref: allele.reference,
          alt: allele.alternate,
          fullyNormalised: final,
          vrsId: null,
        });
      }
    }
    expect(trimmedSequenceIdentity('chr7', null, 10, 'a', 'g')).toEqual({
      key: 'unknown-assembly:chr7:9:A:G',
      vrsId: null,
      chrom: 'chr7',
      start: 9,
      ref: 'A',
      alt: 'G',
      kind: 'snv',
      fullyNormalised: true,
    });
  });
});

describe('the identity of a symbolic or unspecified ALT', () => {
  async function identities(lines: string[][]) {
    const text = vcfText([
      '##fileformat=VCFv4.3',
      '##contig=<ID=chr1,length=248956422,assembly=GRCh38>',
      '##INFO=<ID=END,Number=1,Type=Integer,Description="End">',
      '##INFO=<ID=SVLEN,Number=A,Type=Integer,Description="Length">',
      '##ALT=<ID=INS,Description="Insertion">',
      '##ALT=<ID=DEL,Description="Deletion">',
      '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
      ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', 'S'],
      ...lines,
    ]);
    const file = await openVcf(streamOf(text));
    const keys: (string | null)[] = [];
    for await (const allele of file.alleles()) keys.push(trimmedIdentity(allele, 'GRCh38')?.key ?? null);
    return keys;
  }

  it('tells structural variants apart by SVLEN as well as END', async () => {
    expect(
      await identities([
        ['chr1', '100', '.', 'A', '<INS>', '.', 'PASS', 'SVLEN=50', 'GT', '0/1'],
        ['chr1', '100', '.', 'A', '<INS>', '.', 'PASS', 'SVLEN=5000', 'GT', '0/1'],
        ['chr1', '200', '.', 'A', '<DEL>', '.', 'PASS', 'END=1200;SVLEN=-1000', 'GT', '0/1'],
        ['chr1', '250', '.', 'A', '<INS>', '.', 'PASS', 'END=250;SVLEN=70', 'GT', '0/1'],
        ['chr1', '300', '.', 'A', '<DEL>', '.', 'PASS', 'END=.;SVLEN=-900', 'GT', '0/1'],
      ]),
    ).toEqual([
      'GRCh38:chr1:99:A:<INS>:SVLEN=50',
      'GRCh38:chr1:99:A:<INS>:SVLEN=5000',
      'GRCh38:chr1:199:A:<DEL>:1200',
      'GRCh38:chr1:249:A:<INS>:SVLEN=70',
      'GRCh38:chr1:299:A:<DEL>:SVLEN=-900',
    ]);
  });

  it('gives gVCF’s <NON_REF> and <*> no identity: they are no variant of their own', async () => {
    expect(
      await identities([
        ['chr1', '500', '.', 'G', '<NON_REF>', '.', 'PASS', 'END=600', 'GT', '0/0'],
        ['chr1', '700', '.', 'G', 'C,<NON_REF>', '.', 'PASS', '.', 'GT', '0/1'],
        ['chr1', '800', '.', 'G', '<*>', '.', 'PASS', 'END=900', 'GT', '0/0'],
      ]),
    ).toEqual([null, 'GRCh38:chr1:699:G:C', null, null]);
  });
});
