import { describe, expect, it } from 'vitest';
import { openVcf } from '../vcf/reader.ts';
import { streamOf, vcfText } from '../vcf/testing.ts';
import { normaliseByTrimming } from '../vrs/normalise.ts';
import { trimmedIdentity, trimmedSequenceIdentity } from './identity.ts';

/** The kind a trimmed allele is, as the model here states it. */
function kindOf(ref: string, alt: string): string {
  if (ref.length === alt.length) return ref.length === 1 ? 'snv' : 'mnv';
  return ref.length === 0 ? 'insertion' : alt.length === 0 ? 'deletion' : 'delins';
}

describe('the trimmed identity of a one-base substitution', () => {
  it('is the one trimming gives, in upper case, final, for every pair of bases in either case', () => {
    const bases = [...'ACGTNacgtnRymß'];
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
          kind: kindOf(allele.reference, allele.alternate),
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

  /** A record's POS, REF, ALT and INFO; its key, or null for no variant, per ALT. */
  const cases: [string, [string, string, string, string][], (string | null)[]][] = [
    [
      'tells structural variants apart by SVLEN as well as END',
      [
        ['100', 'A', '<INS>', 'SVLEN=50'],
        ['100', 'A', '<INS>', 'SVLEN=5000'],
        ['200', 'A', '<DEL>', 'END=1200;SVLEN=-1000'],
        ['250', 'A', '<INS>', 'END=250;SVLEN=70'],
        ['300', 'A', '<DEL>', 'END=.;SVLEN=-900'],
      ],
      [
        'GRCh38:chr1:99:A:<INS>:SVLEN=50',
        'GRCh38:chr1:99:A:<INS>:SVLEN=5000',
        'GRCh38:chr1:199:A:<DEL>:1200',
        'GRCh38:chr1:249:A:<INS>:SVLEN=70',
        'GRCh38:chr1:299:A:<DEL>:SVLEN=-900',
      ],
    ],
    [
      'gives gVCF’s <NON_REF> and <*> no identity: they are no variant of their own',
      [
        ['500', 'G', '<NON_REF>', 'END=600'],
        ['700', 'G', 'C,<NON_REF>', '.'],
        ['800', 'G', '<*>', 'END=900'],
      ],
      [null, 'GRCh38:chr1:699:G:C', null, null],
    ],
  ];
  it.each(cases)('%s', async (_name, records, keys) => {
    const lines = records.map(([pos, ref, alt, info]) => [
      'chr1',
      pos,
      '.',
      ref,
      alt,
      '.',
      'PASS',
      info,
      'GT',
      '0/1',
    ]);
    expect(await identities(lines)).toEqual(keys);
  });
});
