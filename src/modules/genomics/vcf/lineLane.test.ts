import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRows } from '../ingest/readRows.ts';
import { LineLane } from './lineLane.ts';
import type { VcfHeader } from './model.ts';
import { openVcf } from './reader.ts';
import { RecordChecker } from './recordCheck.ts';
import { streamOf, vcfText } from './testing.ts';
import { TranscriptsWasm } from './transcriptsWasm.ts';

const CSQ_FIELDS = 'Allele|Consequence|IMPACT|SYMBOL|Feature|HGVSc|gnomADe_AF';

/** A header with a key of every kind the lane plans (and a few it leaves to the checker). */
const HEADER = [
  '##fileformat=VCFv4.2',
  '##contig=<ID=chr1,length=5000>',
  '##contig=<ID=chr2>',
  '##FILTER=<ID=lowq,Description="Low quality">',
  '##INFO=<ID=DP,Number=1,Type=Integer,Description="Depth">',
  '##INFO=<ID=AF,Number=A,Type=Float,Description="Allele frequency">',
  '##INFO=<ID=AC,Number=A,Type=Integer,Description="Allele count">',
  '##INFO=<ID=SB,Number=4,Type=Integer,Description="Strand bias">',
  '##INFO=<ID=RD,Number=R,Type=Integer,Description="Read depths">',
  '##INFO=<ID=GS,Number=G,Type=Integer,Description="Per genotype">',
  '##INFO=<ID=TXT,Number=1,Type=String,Description="Text">',
  '##INFO=<ID=ANY,Number=.,Type=Float,Description="Any count">',
  '##INFO=<ID=CH,Number=1,Type=Character,Description="A character">',
  '##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description="Somatic">',
  '##INFO=<ID=CIGAR,Number=A,Type=String,Description="CIGAR">',
  `##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: ${CSQ_FIELDS}">`,
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
  '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allele depths">',
  '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">',
  '##FORMAT=<ID=AF,Number=A,Type=Float,Description="Allele fraction">',
  '##FORMAT=<ID=GL,Number=G,Type=Float,Description="Genotype likelihoods">',
  '##FORMAT=<ID=FT,Number=1,Type=String,Description="Filter">',
  '##FORMAT=<ID=CC,Number=1,Type=Character,Description="A character">',
  ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', 'TUMOR', 'NORMAL'],
];

const INFO =
  'DP=30;AF=0.25;AC=1;SB=1,2,3,4;RD=20,10;TXT=some_text;ANY=1.5,2e-3,.5;CH=x;SOMATIC;' +
  'CSQ=T|missense_variant|MODERATE|GENE1|ENST1.1|c.1A>T|0.001,T|intron_variant|MODIFIER|GENE1|ENST2.1||';
const LINE = [
  'chr1',
  '100',
  'rs1',
  'A',
  'T',
  '50.5',
  'PASS',
  INFO,
  'GT:AD:DP:AF:GL:FT:CC',
  '0/1:20,10:30:0.333:-1.5,-0.2,-3:PASS:x',
  '0|0:25,0:25:0:-0.1,-2,-5:.:y',
].join('\t');

async function headerOf(lines: (string | string[])[]): Promise<VcfHeader> {
  const vcf = await openVcf(streamOf(vcfText(lines)), { name: 'header.vcf' });
  await vcf.close();
  return vcf.header;
}

/** A lane on chr1, entered the way the ingest enters it: the checker's first line of the contig. */
function laneOn(header: VcfHeader): LineLane {
  const lane = LineLane.of(header, new TranscriptsWasm()) as LineLane;
  const checker = new RecordChecker(header, { deferAnnotationShapes: true });
  checker.check(LINE.replace('\t100\t', '\t1\t'), 1);
  lane.follow(checker.contig);
  return lane;
}

function checkerAccepts(header: VcfHeader, line: string): boolean {
  try {
    new RecordChecker(header, { deferAnnotationShapes: true }).check(line, 2);
    return true;
  } catch {
    return false;
  }
}

/** Pieces that matter to some field's grammar, to put into a line at random. */
const PIECES = [
  '\t',
  ';',
  '=',
  ',',
  '.',
  ':',
  '|',
  '/',
  '-',
  '+',
  'e',
  'E',
  '0',
  '1',
  '2',
  '9',
  '00',
  '2147483648',
  '9999999999',
  'A',
  'C',
  'N',
  'a',
  'X',
  '*',
  '<DEL>',
  ' ',
  'é',
  '\u0000',
  '\u007f',
  '"',
  'INF',
  'nan',
  'PASS',
  'DP',
  'DP=',
  'SOMATIC',
  'CSQ=',
  'GS=1,2',
  'CIGAR=1M',
  'lowq;lowq',
  '',
  'chr2',
  '5001',
  '5002',
  '0.000000000000000000000000000000000000000000000001',
  '1e39',
  '1.',
  '.5',
  '-0',
  '"a,b"',
];

const mutation = fc.array(
  fc.record({ at: fc.nat(), cut: fc.nat({ max: 3 }), piece: fc.constantFrom(...PIECES) }),
  { minLength: 1, maxLength: 4 },
);

function mutate(line: string, edits: { at: number; cut: number; piece: string }[]): string {
  let text = line;
  for (const { at, cut, piece } of edits) {
    const place = at % (text.length + 1);
    text = text.slice(0, place) + piece + text.slice(place + cut);
  }
  return text;
}

describe('LineLane', () => {
  it('accepts the common line on the contig entered, and reads its columns and annotation value', async () => {
    const header = await headerOf(HEADER);
    const wasm = new TranscriptsWasm();
    const lane = LineLane.of(header, wasm) as LineLane;
    // No contig entered yet: the first line of a contig is the checker's.
    expect(lane.accepts(LINE)).toBe(false);
    lane.follow({ name: 'chr1', length: 5000 });
    expect(lane.accepts(LINE)).toBe(true);
    expect([lane.chrom, lane.pos, lane.column(LINE, 3), lane.column(LINE, 4), lane.filterKind]).toEqual([
      'chr1',
      100,
      'A',
      'T',
      1,
    ]);
    expect(lane.column(LINE, 10)).toBe('0|0:25,0:25:0:-0.1,-2,-5:.:y');
    const [at, length] = lane.annotation(0) as [number, number];
    expect(wasm.memoryBytes.toString('latin1', at, at + length)).toBe(INFO.slice(INFO.indexOf('CSQ=') + 4));
  });

  it.each([
    ['another contig', LINE.replace('chr1', 'chr2')],
    ['two ALTs', LINE.replace('\tT\t', '\tT,G\t')],
    ['a symbolic ALT', LINE.replace('\tT\t', '\t<DEL>\t')],
    ['a list of filters', LINE.replace('PASS', 'lowq;PASS')],
    ['a Number=G INFO key', LINE.replace('DP=30', 'DP=30;GS=1,2,3')],
    ['a CIGAR', LINE.replace('DP=30', 'DP=30;CIGAR=1M')],
    ['a key the header does not declare', LINE.replace('DP=30', 'DP=30;XX=1')],
    ['text outside ASCII', LINE.replace('some_text', 'sømetext')],
    ['a position beyond the contig', LINE.replace('\t100\t', '\t5002\t')],
    ['a word for a number', LINE.replace('AF=0.25', 'AF=Inf')],
  ])('leaves a line with %s to the checker', async (_, line) => {
    const header = await headerOf(HEADER);
    expect(laneOn(header).accepts(line)).toBe(false);
  });

  it("plans no key whose Number the kernel cannot hold (2^31 and more): its lines are the checker's", async () => {
    const header = await headerOf([
      ...HEADER.slice(0, -1),
      '##INFO=<ID=XA,Number=4294967297,Type=Integer,Description="Wraps to 1 in 32 bits">',
      '##INFO=<ID=XB,Number=2147483648,Type=Integer,Description="Wraps to -2^31">',
      '##FORMAT=<ID=FX,Number=4294967297,Type=Integer,Description="Wraps to 1 in 32 bits">',
      HEADER.at(-1) as string[],
    ]);
    const lane = laneOn(header);
    expect(lane.accepts(LINE)).toBe(true);
    for (const line of [
      LINE.replace('DP=30', 'DP=30;XA=1'),
      LINE.replace('DP=30', 'DP=30;XB=1,2,3'),
      LINE.replace('GT:AD:DP:AF:GL:FT:CC', 'GT:FX')
        .replace(/0\/1:\S+/, '0/1:7')
        .replace(/0\|0:\S+/, '0|0:7'),
    ]) {
      expect(checkerAccepts(header, line)).toBe(false);
      expect(lane.accepts(line)).toBe(false);
    }
  });

  it('forgets its contig when the next one cannot be placed (a name over the line area)', async () => {
    const header = await headerOf(HEADER);
    const lane = laneOn(header);
    expect(lane.accepts(LINE)).toBe(true);
    lane.follow({ name: 'c'.repeat(4 * 1024 * 1024 + 1), length: null });
    expect(lane.accepts(LINE)).toBe(false);
  });

  it('accepts no line that the checker refuses (random edits of a valid line)', async () => {
    const header = await headerOf(HEADER);
    const lane = laneOn(header);
    let accepted = 0;
    fc.assert(
      fc.property(mutation, (edits) => {
        const line = mutate(LINE, edits);
        if (!lane.accepts(line)) return true;
        accepted++;
        return checkerAccepts(header, line);
      }),
      { numRuns: 4000 },
    );
    // The edits must leave the lane something to accept, or the property says nothing.
    expect(accepted).toBeGreaterThan(400);
  });

  it('gives the same rows, QC and errors as the checker alone, for files of edited lines', async () => {
    const lines = (edits: { at: number; cut: number; piece: string }[][]) =>
      [...HEADER, LINE.replace('\t100\t', '\t1\t')].concat(
        edits.map((e, i) => mutate(LINE.replace('\t100\t', `\t${100 + 10 * i}\t`), e)),
      );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(mutation, { freq: 3 }), { maxLength: 6 }), async (edits) => {
        const text = vcfText(lines(edits.map((e) => e ?? [])));
        const [withLane, without] = [await outcome(text, true), await outcome(text, false)];
        expect(withLane).toEqual(without);
      }),
      { numRuns: 300 },
    );
  });
});

/** Every batch's rows and the QC, or the error, of reading `text` with or without the lane. */
async function outcome(text: string, lineLane: boolean): Promise<unknown> {
  try {
    const vcf = await openVcf(streamOf(text), { name: 'edited.vcf' });
    const stream = readRows(vcf, {
      samples: ['TUMOR', 'NORMAL'],
      reference: null,
      batchRecords: 2,
      lineLane,
    });
    const batches: unknown[] = [];
    for await (const batch of stream.batches()) batches.push(batch.rows);
    return { batches, qc: stream.qc() };
  } catch (error) {
    return { error: String(error) };
  }
}
