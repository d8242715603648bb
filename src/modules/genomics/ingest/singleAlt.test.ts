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
  // Several ALTs: no values but GT.
  ['chr7', '140753700', '.', 'T', 'C,G', '.', 'PASS', '.', 'GT', '1/2', '0/0'],
  // Three ALTs with every per-allele field: AD (Number=R) and AF (Number=A) picked per ALT.
  [
    'chr7',
    '140753710',
    '.',
    'A',
    'C,G,T',
    '30',
    'PASS',
    `DP=50;CSQ=${entry('C', 'missense_variant')},${entry('G', 'synonymous_variant')},${entry('T', 'stop_gained')}`,
    'GT:AD:DP:AF',
    '1/2:10,20,15,5:50:0.4,0.3,0.1',
    '0/3:20,0,0,5:25:.',
  ],
  // AD missing (no depths, no fraction from them), phased 2|1, VEP alleles as written.
  [
    'chr7',
    '140753720',
    '.',
    'C',
    'A,CA',
    '.',
    'lowq',
    `CSQ=${entry('A', 'missense_variant')},${entry('CA', 'frameshift_variant')}`,
    'GT:AD:DP',
    '2|1:.:11',
    './.:.:.',
  ],
  // The padding base VEP drops (ACT>A,ACTT is annotated as - and CTT), haploid calls, lower case.
  [
    'chr7',
    '140753730',
    '.',
    'act',
    'a,actt',
    '9',
    'PASS',
    `CSQ=${entry('-', 'frameshift_variant')},${entry('CTT', 'inframe_insertion')}`,
    'GT:AD',
    '2:1,2,3',
    '.:4,0,0',
  ],
  // Not for the short way: a removed allele among the ALTs, a symbolic ALT.
  ['chr7', '140753740', '.', 'T', 'C,*', '.', 'PASS', '.', 'GT', '1/2', '0/0'],
  ['chr7', '140753800', '.', 'T', '<DEL>', '.', 'PASS', '.', 'GT', '0/1', '0/0'],
]);

/** A CSQ entry for `allele` (CSQ_FORMAT's fields). */
function entry(allele: string, consequence: string): string {
  return `${allele}|${consequence}|MODERATE|BRAF|ENSG00000157764|Transcript|ENST00000646891.2|c.1A>C|p.X|YES||`;
}

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
      const one = checker.altCount === 1 ? single.read(columns, line) : null;
      const short = one ? [one] : checker.altCount > 1 ? single.readSeveral(columns, line) : null;
      const alleles = splitAlleles(parser.parse(columns, line), header);
      if (!short) {
        skipped++;
        continue;
      }
      expect(alleles).toHaveLength(short.length);
      short.forEach((allele, a) => {
        const general = alleles[a] as (typeof alleles)[0];
        compared.push({
          line,
          short: {
            ...stored(allele.allele),
            identity: trimmedSequenceIdentity(
              allele.chrom,
              header.assembly,
              allele.pos,
              allele.ref,
              allele.alt,
            ),
          },
          general: { ...stored(storedAllele(general)), identity: trimmedIdentity(general, header.assembly) },
        });
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

describe('the short way through a record of base-sequence ALTs', () => {
  it('stores what the general way stores, corner by corner', async () => {
    const { compared, skipped } = await bothWays(streamOf(EDGES));
    expect(compared.map((c) => c.line)).toEqual([14, 15, 16, 17, 18, 19, 19, 20, 20, 20, 21, 21, 22, 22]);
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

  it('picks each ALT its own values, genotype and transcripts from a record of several', async () => {
    const { compared } = await bothWays(streamOf(EDGES));
    for (const { short, general } of compared) expect(short).toEqual(general);
    const allele = (line: number, a: number) =>
      compared.filter((c) => c.line === line)[a]?.short as ReturnType<typeof stored>;
    // Three ALTs: the second is G, 15 of 50 reads, AF 0.3; the normal's 0/3 has no G.
    expect(allele(20, 1).calls[0]).toMatchObject({
      genotype: { alleles: [null, 1], phased: false },
      depth: 50,
      alleleDepths: [10, 15],
      alleleFraction: 0.3,
    });
    expect(allele(20, 1).calls[1]).toMatchObject({ genotype: { alleles: [0, null] }, alleleFraction: 0 });
    expect(allele(20, 2).calls[1]).toMatchObject({ genotype: { alleles: [0, 1] }, alleleDepths: [20, 5] });
    expect(allele(20, 1).transcripts).toContain('synonymous_variant');
    expect(allele(20, 1).transcripts).not.toContain('missense_variant');
    // AD missing: no depths and no fraction from them.
    expect(allele(21, 0).calls[0]).toMatchObject({ alleleDepths: null, alleleFraction: null });
    expect(allele(21, 0).calls[0]?.genotype).toEqual({ alleles: [null, 1], phased: true });
    // The padding base: the second ALT's entry is VEP's CTT.
    expect(allele(22, 1).transcripts).toContain('inframe_insertion');
    expect(allele(22, 1).transcripts).not.toContain('frameshift_variant');
    expect(allele(22, 1).calls[0]).toMatchObject({ genotype: { alleles: [1] }, alleleFraction: 0.5 });
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
