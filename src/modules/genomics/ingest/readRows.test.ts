import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VcfError } from '../vcf/errors.ts';
import { openVcf } from '../vcf/reader.ts';
import { streamOf, vcfText } from '../vcf/testing.ts';
import { validateVcf } from '../vcf/validate.ts';
import { readRows } from './readRows.ts';
import { BATCH_RECORDS } from './rowBuilder.ts';

const CSQ = 'Allele|Consequence|IMPACT|SYMBOL|Feature|HGVSc|gnomADe_AF';

const ANN =
  'C|missense_variant|MODERATE|D|ENSG5|transcript|ENST5.1|protein_coding|2/9|c.1G>C|p.Gly1Arg|1/900|1/800|1/266||';

/** Records of each kind the reader treats its own way: one ALT, several ALTs, a symbolic ALT, CSQ `.`, CSQ and ANN. */
const HEADER = [
  '##fileformat=VCFv4.2',
  '##contig=<ID=chr3,length=198295559,assembly=GRCh38>',
  '##FILTER=<ID=lowq,Description="Low quality">',
  '##INFO=<ID=DP,Number=1,Type=Integer,Description="Depth">',
  '##INFO=<ID=END,Number=1,Type=Integer,Description="End">',
  '##INFO=<ID=SVTYPE,Number=1,Type=String,Description="Type">',
  `##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: ${CSQ}">`,
  `##INFO=<ID=ANN,Number=.,Type=String,Description="Functional annotations: 'Allele | Annotation | Annotation_Impact | Gene_Name | Gene_ID | Feature_Type | Feature_ID | Transcript_BioType | Rank | HGVS.c | HGVS.p | cDNA.pos / cDNA.length | CDS.pos / CDS.length | AA.pos / AA.length | Distance | ERRORS / WARNINGS / INFO'">`,
  '##ALT=<ID=DEL,Description="Deletion">',
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
  '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">',
  ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', 'T'],
];
const RECORDS = [
  [
    'chr3',
    '100',
    '.',
    'C',
    'T',
    '50',
    'PASS',
    'CSQ=T|missense_variant|MODERATE|PIK3CA|ENST1.1|c.1C>T|0.01,T|intron_variant|MODIFIER|PIK3CA|ENST2.1||;DP=40',
    'GT:DP',
    '0/1:40',
  ],
  [
    'chr3',
    '200',
    '.',
    'C',
    'T,G',
    '7',
    'lowq',
    'DP=9;CSQ=T|x|LOW|A|ENST3.1||,G|y|LOW|A|ENST3.1||0.5',
    'GT:DP',
    '1/2:9',
  ],
  [
    'chr3',
    '300',
    '.',
    'A',
    '<DEL>',
    '.',
    'PASS',
    'SVTYPE=DEL;END=400;CSQ=deletion|z|HIGH|B|ENST4.1||',
    'GT:DP',
    '0/1:12',
  ],
  ['chr3', '500', '.', 'G', 'A', '.', '.', 'DP=3;CSQ=.', 'GT:DP', '1/1:3'],
  ['chr3', '600', '.', 'G', 'C', '9', 'PASS', `CSQ=C|x|LOW|D|ENST5.1||;ANN=${ANN}`, 'GT:DP', '0/1:8'],
];

async function readAll(text: string) {
  const vcf = await openVcf(streamOf(text), { name: 'test.vcf' });
  for await (const _ of readRows(vcf, {
    samples: ['T'],
    reference: null,
    batchRecords: BATCH_RECORDS.statement,
  }).batches()) {
    // the rows themselves are other tests' business
  }
}

async function ingestError(text: string) {
  try {
    await readAll(text);
    return null;
  } catch (error) {
    if (!(error instanceof VcfError)) throw error;
    return { file: error.file, line: error.line, field: error.field, message: error.reason };
  }
}

async function validationError(text: string) {
  const validation = await validateVcf(streamOf(text), { name: 'test.vcf' });
  return validation.ok ? null : validation.error;
}

describe('the ingest’s check of a line', () => {
  it('reports a broken CSQ before a broken field after it, as validation does', async () => {
    const record = [...(RECORDS[0] as string[])];
    record[7] = (record[7] as string).replace('|0.01', '0.01'); // an entry one field short
    record[9] = '0/1:forty';
    const text = vcfText([...HEADER, record]);
    const error = await ingestError(text);
    expect(error).toMatchObject({ line: 13, field: 'INFO/CSQ' });
    expect(error?.message).toMatch(/entry 1 has 6 fields, the header declares 7/);
    expect(error).toEqual(await validationError(text));
  });

  it('finds a broken CSQ shape on every kind of line', async () => {
    for (let i = 0; i < 3; i++) {
      const records = RECORDS.map((record) => [...record]);
      const record = records[i] as string[];
      record[7] = (record[7] as string).replace(/(CSQ=[^,;]*)/, '$1|extra');
      const text = vcfText([...HEADER, ...records]);
      const error = await ingestError(text);
      expect(error, `record ${i + 1}`).toMatchObject({ line: 13 + i, field: 'INFO/CSQ' });
      expect(error).toEqual(await validationError(text));
    }
  });

  it('reports a repeated variant as validation does, also when a line’s second ALT repeats an earlier line', async () => {
    const records = [
      ['chr3', '100', '.', 'C', 'T', '.', '.', 'DP=1', 'GT:DP', '0/1:1'],
      ['chr3', '100', '.', 'C', 'G,T', '.', '.', 'DP=1', 'GT:DP', '1/2:1'],
    ];
    const text = vcfText([...HEADER, ...records]);
    const error = await ingestError(text);
    expect(error).toMatchObject({ line: 14, field: 'ALT' });
    expect(error?.message).toMatch(/C>T repeats the variant on line 13/);
    expect(error).toEqual(await validationError(text));
  });

  it('checks an ANN value beside a CSQ value, and a VEP layout with ALLELE_NUM', async () => {
    const broken = RECORDS.map((record) => [...record]);
    const last = broken[4] as string[];
    last[7] = (last[7] as string).replace('|p.Gly1Arg|', '|p.Gly1Arg||');
    const text = vcfText([...HEADER, ...broken]);
    expect(await ingestError(text)).toMatchObject({ line: 17, field: 'INFO/ANN' });
    expect(await ingestError(text)).toEqual(await validationError(text));
    const numbered = vcfText([
      ...HEADER.map((line) =>
        typeof line === 'string' ? line.replace(`Format: ${CSQ}`, `Format: ${CSQ}|ALLELE_NUM`) : line,
      ),
      [
        'chr3',
        '100',
        '.',
        'C',
        'T,G',
        '.',
        '.',
        'CSQ=T|x|LOW|A|ENST3.1|||1,G|y|LOW|A|ENST3.1|||3',
        'GT',
        '1/2',
      ],
    ]);
    expect(await ingestError(numbered)).toMatchObject({ line: 13, field: 'INFO/CSQ' });
    expect(await ingestError(numbered)).toEqual(await validationError(numbered));
  });

  it('meets the same first error as validation in any broken file', async () => {
    const lines = vcfText([...HEADER, ...RECORDS]).split('\n');
    const first = HEADER.length;
    const mutation = fc.record({
      line: fc.integer({ min: first, max: first + RECORDS.length - 1 }),
      at: fc.nat(),
      cut: fc.integer({ min: 0, max: 2 }),
      insert: fc.constantFrom('', '|', ',', ';', '=', 'x', '.', '1', '\t', '|x'),
    });
    // A line copied over another, its ALT given one more allele: repeated variants, also as a second ALT.
    const copy = fc.record({
      from: fc.integer({ min: first, max: first + RECORDS.length - 1 }),
      to: fc.integer({ min: first, max: first + RECORDS.length - 1 }),
      extraAlt: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        fc.option(copy),
        async (mutations, copied) => {
          const broken = [...lines];
          if (copied) {
            const columns = (broken[copied.from] as string).split('\t');
            if (copied.extraAlt) columns[4] = `A,${columns[4]}`;
            broken[copied.to] = columns.join('\t');
          }
          for (const { line, at, cut, insert } of mutations) {
            const text = broken[line] as string;
            const place = at % (text.length + 1);
            broken[line] = text.slice(0, place) + insert + text.slice(place + cut);
          }
          const text = broken.join('\n');
          const expected = await validationError(text);
          const found = await ingestError(text);
          expect(found).toEqual(expected);
        },
      ),
      { numRuns: 400 },
    );
  });
});

/** Records of several ALTs with every per-allele kind of field (R, A, G) and a CSQ entry per ALT. */
const SEVERAL = [
  '##fileformat=VCFv4.3',
  '##contig=<ID=chr3,length=198295559,assembly=GRCh38>',
  '##FILTER=<ID=lowq,Description="Low quality">',
  '##INFO=<ID=DP,Number=1,Type=Integer,Description="Depth">',
  '##INFO=<ID=AC,Number=A,Type=Integer,Description="Allele count">',
  `##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: ${CSQ}">`,
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
  '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allele depths">',
  '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">',
  '##FORMAT=<ID=AF,Number=A,Type=Float,Description="Allele fraction">',
  '##FORMAT=<ID=PL,Number=G,Type=Integer,Description="Likelihoods">',
  ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', 'T', 'N'],
];
const SEVERAL_LINE = [
  'chr3',
  '100',
  '.',
  'ACT',
  'A,ACTT,G',
  '50',
  'PASS',
  'DP=40;AC=1,1,0;CSQ=-|frameshift_variant|HIGH|X|ENST1.1|c.1del|0.01,CTT|inframe_insertion|MODERATE|X|ENST1.1||,G|missense_variant|MODERATE|X|ENST2.1|c.2A>G|0.5',
  'GT:AD:DP:AF:PL',
  '1/2:10,20,5,1:36:0.5,0.1,0.02:0,1,2,3,4,5,6,7,8,9',
  '0/3:30,0,0,2:32:0,0,0.06:.',
].join('\t');

/** Every batch's rows and the QC, or the error, of reading `text` with or without singleAlt's way for several ALTs. */
async function readOutcome(text: string, severalAlts: boolean): Promise<unknown> {
  try {
    const vcf = await openVcf(streamOf(text), { name: 'several.vcf' });
    const stream = readRows(vcf, { samples: ['T', 'N'], reference: null, batchRecords: 3, severalAlts });
    const batches: unknown[] = [];
    for await (const batch of stream.batches()) batches.push(batch);
    return { batches, qc: stream.qc() };
  } catch (error) {
    return { error: String(error) };
  }
}

describe('records of several ALTs', () => {
  it('give the same rows, QC and errors by singleAlt’s way as parsed and split, for files of edited lines', async () => {
    // Pieces that change the ALTs, genotypes, per-allele counts, missing values and the CSQ.
    const piece = fc.constantFrom(
      '',
      ',',
      ':',
      '.',
      '/',
      '|',
      '1',
      '2',
      '3',
      ',T',
      ',*',
      ',<DEL>',
      'a',
      'N',
      ';',
      '0.5,',
    );
    const edit = fc.record({ at: fc.nat(), cut: fc.integer({ min: 0, max: 3 }), piece });
    // AF declared with each Number, and the two samples' values of that count (G: diploid, three ALTs).
    const af = fc.constantFrom(
      { number: 'A', tumour: '0.5,0.1,0.02', normal: '0,0,0.06' },
      { number: 'R', tumour: '0.4,0.5,0.1,0.02', normal: '0.9,0,0,0.06' },
      { number: 'G', tumour: '0,0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9', normal: '.' },
      { number: '.', tumour: '0.5,0.1', normal: '0.3' },
    );
    let equalRows = 0;
    await fc.assert(
      fc.asyncProperty(
        af,
        fc.array(fc.option(fc.array(edit, { minLength: 1, maxLength: 2 }), { freq: 2 }), {
          minLength: 1,
          maxLength: 5,
        }),
        async (fraction, files) => {
          const header = SEVERAL.map((line) =>
            line === '##FORMAT=<ID=AF,Number=A,Type=Float,Description="Allele fraction">'
              ? line.replace('Number=A', `Number=${fraction.number}`)
              : line,
          );
          const written = SEVERAL_LINE.replace(':0.5,0.1,0.02:', `:${fraction.tumour}:`).replace(
            ':0,0,0.06:',
            `:${fraction.normal}:`,
          );
          const lines = files.map((edits, i) => {
            let line = written.replace('\t100\t', `\t${100 + 10 * i}\t`);
            for (const { at, cut, piece: inserted } of edits ?? []) {
              const place = at % (line.length + 1);
              line = line.slice(0, place) + inserted + line.slice(place + cut);
            }
            return line;
          });
          const text = vcfText([...header, ...lines]);
          const [short, general] = [await readOutcome(text, true), await readOutcome(text, false)];
          expect(short).toEqual(general);
          if (!('error' in (short as object))) equalRows++;
        },
      ),
      { numRuns: 300 },
    );
    // The edits must leave whole files to compare, or the property says little.
    expect(equalRows).toBeGreaterThan(50);
  });

  it('read by singleAlt’s way keep each ALT’s own values', async () => {
    const outcome = (await readOutcome(vcfText([...SEVERAL, SEVERAL_LINE]), true)) as {
      batches: { rows: { key: string[]; calls: string[]; annotations: string[] } }[];
    };
    const rows = outcome.batches[0]?.rows;
    expect(rows?.key).toEqual(['GRCh38:chr3:100:CT:', 'GRCh38:chr3:101::T', 'GRCh38:chr3:99:ACT:G']);
    expect(rows?.calls).toEqual([
      '[["1/.",36,10,20,0.5],["0/.",32,30,0,0]]',
      '[["./1",36,10,5,0.1],["0/.",32,30,0,0]]',
      '[["./.",36,10,1,0.02],["0/1",32,30,2,0.06]]',
    ]);
    expect(rows?.annotations[2]).toContain('missense_variant');
    expect(rows?.annotations[2]).not.toContain('frameshift_variant');
  });
});
