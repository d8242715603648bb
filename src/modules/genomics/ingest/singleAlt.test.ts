import { describe, expect, it } from 'vitest';
import { transcriptsJson } from '../vcf/annotations.ts';
import { JsonBytes } from '../vcf/jsonBytes.ts';
import type { VcfHeader } from '../vcf/model.ts';
import { openVcf } from '../vcf/reader.ts';
import { RecordParser } from '../vcf/record.ts';
import { RecordChecker } from '../vcf/recordCheck.ts';
import { splitAlleles } from '../vcf/split.ts';
import { fixture, streamOf, vcfText } from '../vcf/testing.ts';
import { trimmedIdentity, trimmedSequenceIdentity } from './identity.ts';
import { infoValue, SingleAltRecords } from './singleAlt.ts';
import { type StoredAllele, storedAllele } from './storedAllele.ts';

const CSQ_FORMAT =
  'Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|HGVSc|HGVSp|CANONICAL|AF|gnomADe_AF';

/** Records that try the short way's corners: missing and short FORMAT values, escapes, flags. */
const EDGES = vcfText([
  '##fileformat=VCFv4.3',
  '##contig=<ID=chr7,length=159345973,assembly=GRCh38>',
  '##FILTER=<ID=PASS,Description="All filters passed">',
  '##FILTER=<ID=lowq,Description="Low quality">',
  '##FILTER=<ID=strand,Description="Strand bias">',
  '##INFO=<ID=DP,Number=1,Type=Integer,Description="Depth">',
  '##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description="Somatic">',
  `##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: ${CSQ_FORMAT}">`,
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
  '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allele depths">',
  '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">',
  '##FORMAT=<ID=AF,Number=A,Type=Float,Description="Allele fraction">',
  ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', 'TUMOR', 'NORMAL'],
  [
    'chr7',
    '140753336',
    'rs113488022',
    'A',
    'T',
    '512.5',
    'PASS',
    'DP=300;SOMATIC;CSQ=T|missense_variant|MODERATE|BRAF|ENSG00000157764|Transcript|ENST00000646891.2|ENST00000646891.2:c.1799T>A|ENSP00000493543.1:p.Val600Glu|YES|0.01&0.02|,T|intron_variant|MODIFIER|BRAF|ENSG00000157764|Transcript|ENST00000288602.11||||.|',
    'GT:AD:DP:AF',
    '0/1:200,100:300:0.33',
    '0/0:150,0:150:0',
  ],
  // No AF: the fraction comes from AD. A short sample column. Lower-case bases.
  ['chr7', '140753400', '.', 'ac', 'ag', '.', 'lowq;strand', 'DP=30', 'GT:AD:DP:AF', '1|1:3,27:30', './.'],
  // Every value missing, no GT at all, escaped CSQ fields.
  [
    'chr7',
    '140753500',
    '.',
    'G',
    'GTT',
    '20',
    '.',
    'CSQ=TT|inframe_insertion|MODERATE|BRAF|ENSG00000157764|Transcript|ENST00000646891.2|ENST00000646891.2:c.1700_1701insAA%3Bx|"quoted"\\|NO||',
    'AD:DP:AF',
    '.:.:.',
    '4,6:10:0.6',
  ],
  // A quality in exponent form, a sample without AD.
  ['chr7', '140753600', '.', 'T', 'C', '1e3', 'PASS', 'DP=12', 'GT:DP', '0/1:.', '0/0:12'],
  // ACT>A,ACTT annotated by VEP and then split: this line's own entry is the `-` one.
  [
    'chr7',
    '140753650',
    '.',
    'ACT',
    'A',
    '.',
    'PASS',
    'CSQ=-|frameshift_variant|HIGH|BRAF|ENSG00000157764|Transcript|ENST00000646891.2|c.1_2del|p.X|YES||,CTT|inframe_insertion|MODERATE|BRAF|ENSG00000157764|Transcript|ENST00000646891.2|c.1_2dup|p.Y|YES||',
    'GT',
    '0/1',
    '0/0',
  ],
  // Not for the short way: several ALTs, a symbolic ALT.
  ['chr7', '140753700', '.', 'T', 'C,G', '.', 'PASS', '.', 'GT', '1/2', '0/0'],
  ['chr7', '140753800', '.', 'T', '<DEL>', '.', 'PASS', '.', 'GT', '0/1', '0/0'],
]);

/** The stored allele and identity both ways, for every line of a file. */
async function bothWays(input: string | ReturnType<typeof streamOf>) {
  const vcf = await openVcf(input, { name: 'test.vcf' });
  const header: VcfHeader = vcf.header;
  const checker = new RecordChecker(header);
  const parser = new RecordParser(header);
  const single = new SingleAltRecords(header);
  const compared: { line: number; short: unknown; general: unknown }[] = [];
  let skipped = 0;
  for await (const { lines, firstLine } of vcf.dataBatches()) {
    for (let i = 0; i < lines.length; i++) {
      const line = firstLine + i;
      const columns = checker.check(lines[i] as string, line);
      const short = checker.altCount === 1 ? single.read(columns, line) : null;
      const alleles = splitAlleles(parser.parse(columns, line), header);
      if (!short) {
        skipped++;
        continue;
      }
      expect(alleles).toHaveLength(1);
      const general = alleles[0] as (typeof alleles)[0];
      compared.push({
        line,
        short: {
          ...stored(short.allele),
          identity: trimmedSequenceIdentity(short.chrom, header.assembly, short.pos, short.ref, short.alt),
        },
        general: { ...stored(storedAllele(general)), identity: trimmedIdentity(general, header.assembly) },
      });
    }
  }
  return { compared, skipped };
}

/** What the writer reads of an allele, the annotations as the JSON it stores. */
function stored(allele: StoredAllele) {
  const json = new JsonBytes();
  json.byte(91);
  for (const a of allele.annotations) transcriptsJson(a.layout, a.value, a.allele, json);
  json.byte(93);
  const transcripts = json.text();
  return {
    line: allele.line,
    qual: allele.qual,
    filters: [...allele.filters],
    calls: allele.calls.map(({ sample, genotype, depth, alleleDepths, alleleFraction }) => ({
      sample,
      genotype,
      depth,
      alleleDepths,
      alleleFraction,
    })),
    annotations: allele.annotations.map(({ layout, value, allele }) => ({ layout, value, allele })),
    transcripts,
  };
}

describe('the short way through a one-ALT record', () => {
  it('stores what the general way stores, corner by corner', async () => {
    const { compared, skipped } = await bothWays(streamOf(EDGES));
    expect(compared.map((c) => c.line)).toEqual([14, 15, 16, 17, 18]);
    expect(skipped).toBe(2);
    for (const { short, general } of compared) expect(short).toEqual(general);
    // The corners are really there: AD's fraction, the escaped fields, the exponent, the split record.
    const [, noAf, escaped, exponent, split] = compared.map((c) => c.short as ReturnType<typeof stored>);
    expect(split?.transcripts).toContain('frameshift_variant');
    expect(split?.transcripts).not.toContain('inframe_insertion');
    expect(noAf?.calls[0]?.alleleFraction).toBeCloseTo(0.9);
    expect(escaped?.transcripts).toContain('c.1700_1701insAA;x');
    expect(escaped?.transcripts).toContain('\\"quoted\\"\\\\');
    expect(exponent?.qual).toBe(1000);
  });

  it.each(['tumour-normal.vep.vcf', 'germline.snpeff.vcf', 'structural.vcf'])(
    'stores what the general way stores for %s',
    async (name) => {
      const { compared } = await bothWays(fixture(name));
      for (const { short, general } of compared) expect(short).toEqual(general);
    },
  );
});

describe('an INFO value by key', () => {
  it('is the last value given, and null for a flag or an absent key', () => {
    expect(infoValue('DP=3;CSQ=a,b;X', 'CSQ')).toBe('a,b');
    expect(infoValue('CSQ=a;CSQ=b', 'CSQ')).toBe('b');
    expect(infoValue('CSQ=a;CSQ', 'CSQ')).toBeNull();
    expect(infoValue('XCSQ=a;CSQX=b', 'CSQ')).toBeNull();
    expect(infoValue('CSQ=', 'CSQ')).toBe('');
  });
});
