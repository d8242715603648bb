import { describe, expect, it } from 'vitest';
import { fixture, streamOf, vcfText } from './testing.ts';
import { validateVcf } from './validate.ts';

const HEADER = [
  '##fileformat=VCFv4.3',
  '##reference=GRCh38',
  '##contig=<ID=chr1,length=248956422>',
  '##INFO=<ID=DP,Number=1,Type=Integer,Description="Total depth">',
  '##INFO=<ID=AF,Number=A,Type=Float,Description="Allele frequency">',
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
  '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">',
  ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', 'TUMOR', 'NORMAL'],
];
const GOOD: string[] = [
  'chr1',
  '1000',
  'rs1',
  'A',
  'G',
  '50',
  'PASS',
  'DP=30;AF=0.5',
  'GT:AD',
  '0/1:15,15',
  '0/0:30,0',
];

/** Validates HEADER plus one record in which `column` (0-based) is replaced. */
function withRecord(changes: Record<number, string>) {
  const record = GOOD.map((value, column) => changes[column] ?? value);
  return validateVcf(streamOf(vcfText([...HEADER, record])), { name: 'sample.vcf' });
}

const RECORD_LINE = HEADER.length + 1;

describe('validateVcf', () => {
  it('summarises a valid file', async () => {
    expect(await validateVcf(fixture('tumour-normal.vep.vcf'))).toEqual({
      ok: true,
      summary: {
        fileformat: '4.2',
        records: 4,
        alleles: 5,
        samples: ['TUMOR', 'NORMAL'],
        contigs: ['chr7', 'chr12', 'chr17'],
        headerContigs: 3,
        assembly: 'GRCh38',
        annotation: 'VEP',
      },
    });
    expect(await withRecord({})).toMatchObject({
      ok: true,
      summary: { assembly: 'GRCh38', annotation: 'none' },
    });
  });

  it('names file, line and field: sample.vcf:8: INFO/DP: expected Integer, got "abc"', async () => {
    expect(await withRecord({ 7: 'DP=abc' })).toEqual({
      ok: false,
      error: {
        file: 'sample.vcf',
        line: RECORD_LINE,
        field: 'INFO/DP',
        message: 'expected Integer, got "abc"',
      },
    });
  });

  it.each([
    [{ 0: 'chr 1' }, 'CHROM', /illegal contig name/],
    [{ 1: '-5' }, 'POS', /non-negative integer/],
    [{ 1: '248956424' }, 'POS', /beyond the end of chr1/],
    [{ 2: 'rs1;rs1' }, 'ID', /listed twice/],
    [{ 3: 'AXG' }, 'REF', /not a base string/],
    [{ 4: 'A' }, 'ALT', /equals REF/],
    [{ 4: 'G,,T' }, 'ALT', /empty allele/],
    [{ 5: '-1' }, 'QUAL', /cannot be negative/],
    [{ 5: '3.5e38' }, 'QUAL', /3\.5e38 is beyond the range of a 32-bit Float/],
    [{ 5: '1e400' }, 'QUAL', /beyond the range/],
    [{ 5: '1e-46' }, 'QUAL', /beyond the range/],
    [{ 6: 'PASS;' }, 'FILTER', /stray/],
    [{ 7: 'DP=30;DP=31' }, 'INFO/DP', /appears twice/],
    [{ 7: 'AF=0.5,0.5' }, 'INFO/AF', /expected 1 value\(s\) for Number=A, got 2/],
    [{ 7: 'DP' }, 'INFO/DP', /expected a Integer value/],
    [{ 7: 'DP=-1' }, 'INFO/DP', /must not be negative/],
    [{ 8: 'AD:GT' }, 'FORMAT', /GT must be the first key/],
    [{ 9: '0/2:15,15' }, 'FORMAT/GT (sample TUMOR)', /out of range/],
    [{ 9: '0/1:15' }, 'FORMAT/AD (sample TUMOR)', /expected 2 value\(s\) for Number=R/],
    [{ 10: '0/0:30,0:7' }, 'sample (sample NORMAL)', /has 3 fields, FORMAT declares 2/],
  ])('rejects %o in field %s', async (changes, field, message) => {
    expect(await withRecord(changes)).toMatchObject({
      ok: false,
      error: { line: RECORD_LINE, field, message },
    });
  });

  it.each(['3.4e38', '1e-45', '0', '0.0', 'Inf', 'Infinity', 'NaN', '.'])(
    'accepts the QUAL %s',
    async (qual) => {
      expect(await withRecord({ 5: qual })).toMatchObject({ ok: true });
    },
  );

  it('rejects a wrong column count and a missing final newline', async () => {
    const short = await validateVcf(streamOf(vcfText([...HEADER, GOOD.slice(0, 10)])));
    expect(short).toMatchObject({
      ok: false,
      error: { line: RECORD_LINE, field: 'line', message: /expected 11/ },
    });
    const text = vcfText([...HEADER, GOOD]).slice(0, -1);
    const unterminated = await validateVcf(streamOf(text));
    expect(unterminated).toMatchObject({
      ok: false,
      error: { line: RECORD_LINE, message: /line separator/ },
    });
  });

  it('rejects a NUL character anywhere in a record, naming its line', async () => {
    const result = await withRecord({ 7: 'DP=14;NOTE=a\u0000b' });
    expect(result).toMatchObject({
      ok: false,
      error: { file: 'sample.vcf', line: RECORD_LINE, field: 'line', message: /NUL/ },
    });
  });

  it('accepts Number=G values that fit a ploidy when GT is a lone ".", and rejects a count that fits none', async () => {
    const header = [
      ...HEADER.slice(0, -1),
      '##FORMAT=<ID=PL,Number=G,Type=Integer,Description="Likelihoods">',
      HEADER.at(-1) as string[],
    ];
    const record = (tumour: string) =>
      validateVcf(
        streamOf(
          vcfText([
            ...header,
            ['chr1', '1000', '.', 'A', 'C,G', '50', 'PASS', '.', 'GT:PL', tumour, '0/0:0,9,9,9,9,9'],
          ]),
        ),
        { name: 'sample.vcf' },
      );
    // Diploid (6 values) and haploid (3) both fit three alleles; 5 fits no ploidy.
    expect(await record('.:0,10,20,30,40,50')).toMatchObject({ ok: true });
    expect(await record('.:5,6,7')).toMatchObject({ ok: true });
    expect(await record('.:1,2,3,4,5')).toMatchObject({
      ok: false,
      error: {
        line: RECORD_LINE + 1,
        field: 'FORMAT/PL (sample TUMOR)',
        message: /5 value\(s\) for Number=G fit no ploidy with 3 alleles/,
      },
    });
  });

  it.each([
    // TAT>TGT at 999 is A>G at 1000 once the shared bases are trimmed.
    ['in another shape', ['999', 'TAT', 'TGT'], /repeats the variant on line 8/],
    // Bases are compared without regard to case.
    ['in lower case', ['1000', 'a', 'g'], /a>g repeats the variant on line 8/],
  ])('rejects a sequence allele written twice, also %s', async (_, [pos, ref, alt], message) => {
    const text = vcfText([
      ...HEADER,
      GOOD,
      ['chr1', pos as string, '.', ref as string, alt as string, '.', '.', '.', 'GT', '0/1', '0/0'],
    ]);
    expect(await validateVcf(streamOf(text))).toMatchObject({
      ok: false,
      error: { line: RECORD_LINE + 1, field: 'ALT', message },
    });
  });

  it.each([
    [['##fileformat=VCFv4.5'], 1, 'fileformat', /unsupported file format "VCFv4.5"/],
    [
      ['##fileformat=VCFv4.3', '##INFO=<ID=DP,Number=1,Type=Integer,Description=Depth>'],
      2,
      '##INFO/DP',
      /double quotes/,
    ],
    [
      ['##fileformat=VCFv4.3', '##INFO=<ID=DP,Number=1,Type=String,Description="Depth">'],
      2,
      '##INFO/DP',
      /Type=Integer/,
    ],
    [
      [
        '##fileformat=VCFv4.3',
        '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">'.replace('String', 'Flag'),
      ],
      2,
      '##FORMAT/GT',
      /Flag/,
    ],
    [
      ['##fileformat=VCFv4.3', '##contig=<ID=chr1,length=1>', '##contig=<ID=chr1,length=2>'],
      3,
      '##contig/chr1',
      /twice/,
    ],
    [['##fileformat=VCFv4.3', '##ALT=<ID=FOO:BAR,Description="x">'], 2, '##ALT/FOO:BAR', /first level/],
    [['##fileformat=VCFv4.3', '##assembly=ftp://8080:8080/asm.fa'], 2, '##assembly', /URL/],
    [['##fileformat=VCFv4.3', 'plain text'], 2, 'header', /##key=value/],
    [['##fileformat=VCFv4.3', '#CHROM POS ID REF ALT QUAL FILTER INFO'], 2, '#CHROM', /tab-separated/],
    [
      [
        '##fileformat=VCFv4.3',
        ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', 'S', 'S'],
      ],
      2,
      '#CHROM',
      /more than once/,
    ],
    [['##fileformat=VCFv4.3'], 1, '#CHROM', /no #CHROM line/],
  ])('rejects a broken header (case %#)', async (lines, line, field, message) => {
    const result = await validateVcf(streamOf(vcfText(lines as (string | string[])[])), {
      name: 'header.vcf',
    });
    expect(result).toMatchObject({ ok: false, error: { file: 'header.vcf', line, field, message } });
  });

  it('reads an empty stream as an empty file', async () => {
    expect(await validateVcf(streamOf(''))).toMatchObject({
      ok: false,
      error: { line: 1, message: 'empty file' },
    });
  });
});
