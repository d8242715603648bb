import { describe, expect, it } from 'vitest';
import { openVcf } from '../vcf/reader.ts';
import { fixture, streamOf, vcfText } from '../vcf/testing.ts';
import { sampleMetricsFromVcfHeader } from './sampleMetricsVcf.ts';

async function headerWith(metaLines: string[]) {
  const text = vcfText([
    '##fileformat=VCFv4.2',
    '##contig=<ID=chr7,length=159345973,assembly=GRCh38>',
    ...metaLines,
    ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', 'TUMOR', 'NORMAL'],
  ]);
  const vcf = await openVcf(streamOf(text), { name: 'somatic.vcf' });
  for await (const _ of vcf.dataBatches()) break;
  return vcf.header;
}

describe('sample metrics in a VCF header', () => {
  it('reads the keys it knows, in any case', async () => {
    const header = await headerWith([
      '##source=in-house post-processing',
      '##constructor=not a metric',
      '##tumorPurity=0.6',
      '##PLOIDY=2.1',
      '##TMB=12.4',
      '##msiStatus=mss',
      '##MSIscore=1.85',
    ]);
    expect(sampleMetricsFromVcfHeader(header, { file: 'somatic.vcf' })).toEqual({
      sample: null,
      tmb: { value: 12.4, unit: 'mut/Mb', callableMb: null },
      msi: { status: 'MSS', score: 1.85, method: null },
      purity: 0.6,
      ploidy: 2.1,
      source: 'vcf-header',
      pipeline: null,
    });
  });

  it('refuses a negative MSI score, naming its header line', async () => {
    const header = await headerWith(['##MSI=MSS', '##MSIscore=-1.5']);
    expect(() => sampleMetricsFromVcfHeader(header, { file: 'somatic.vcf' })).toThrow(
      'somatic.vcf:4: ##MSIscore: an MSI score must be a number of at least 0, got -1.5',
    );
  });

  it('reads keys written with `_` or `-` between the words', async () => {
    const header = await headerWith([
      '##tumor_purity=0.45',
      '##Tumour-Ploidy=3.1',
      '##MSI_status=MSI-H',
      '##msi_score=32',
    ]);
    expect(sampleMetricsFromVcfHeader(header, { file: 'somatic.vcf' })).toMatchObject({
      purity: 0.45,
      ploidy: 3.1,
      msi: { status: 'MSI-H', score: 32 },
    });
  });

  it('gives null for a header without metrics, such as the case’s VCF', async () => {
    const vcf = await openVcf(fixture('tumour-normal.vep.vcf'));
    for await (const _ of vcf.dataBatches()) break;
    expect(sampleMetricsFromVcfHeader(vcf.header, { file: 'tumour-normal.vep.vcf' })).toBeNull();
  });

  it('accepts the same metric twice when the values agree, however they are written', async () => {
    const header = await headerWith(['##purity=0.45', '##tumourPurity=0.45']);
    expect(sampleMetricsFromVcfHeader(header, { file: 'somatic.vcf' })?.purity).toBe(0.45);
    const written = await headerWith(['##purity=0.6', '##tumorPurity=0.60', '##MSI=MSS', '##msiStatus=mss']);
    expect(sampleMetricsFromVcfHeader(written, { file: 'somatic.vcf' })).toMatchObject({
      purity: 0.6,
      msi: { status: 'MSS' },
    });
  });

  it.each([
    [['##tumorPurity=60'], 3, '##tumorPurity', 'purity must be a fraction from 0 to 1, got 60'],
    [['##purity=0.6', '##tumorPurity=0.7'], 4, '##tumorPurity', 'contradicts ##purity=0.6 on line 3'],
    [['##MSI=unstable'], 3, '##MSI', 'expected MSI-H, MSI-L, MSS or indeterminate, got "unstable"'],
    [['##msiScore=12'], 3, '##msiScore', 'an MSI score without ##MSI (the status)'],
    [['##TMB=12.4 mut/Mb'], 3, '##TMB', 'expected a number, got "12.4 mut/Mb"'],
    [['##ploidy=-2'], 3, '##ploidy', 'ploidy must be a positive number, got -2'],
  ])('%j fails on line %d at %s', async (metaLines, line, field, reason) => {
    const header = await headerWith(metaLines);
    expect(() => sampleMetricsFromVcfHeader(header, { file: 'somatic.vcf' })).toThrow(
      expect.objectContaining({ name: 'CallsFileError', file: 'somatic.vcf', line, field, reason }),
    );
  });
});
