import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseCopyNumber, readCopyNumber } from './copyNumber.ts';
import { COPY_NUMBER_THRESHOLDS, deriveCopyNumberCall } from './copyNumberCalls.ts';
import { badFixture, caseFixture, errorOf, tsv } from './testing.ts';

const HEADER = ['Chromosome', 'Start', 'End', 'Segment_Mean'];

describe('reading copy-number segments', () => {
  it('reads the case’s segments with their calls, written or derived', async () => {
    const segments = await readCopyNumber(caseFixture('tumour-normal.cna.tsv'));
    const row = (line: number, chrom: string, start: number, end: number, log2Ratio: number) => ({
      line,
      chrom,
      start,
      end,
      log2Ratio,
    });
    expect(segments).toEqual([
      {
        ...row(2, 'chr7', 1, 116500000, 0.33),
        copyNumber: 3,
        minorCopyNumber: 1,
        genes: ['EGFR'],
        call: 'gain',
        callBasis: 'copy-number',
      },
      {
        ...row(3, 'chr7', 116500001, 116900000, 1.58),
        copyNumber: 8,
        minorCopyNumber: 1,
        genes: ['MET'],
        call: 'amplification',
        callBasis: 'copy-number',
      },
      {
        ...row(4, 'chr7', 116900001, 159345973, 0.31),
        copyNumber: null,
        minorCopyNumber: null,
        genes: ['BRAF'],
        call: 'gain',
        callBasis: 'log2',
      },
      {
        ...row(5, 'chr9', 21900001, 22010000, -3.1),
        copyNumber: 0,
        minorCopyNumber: 0,
        genes: ['CDKN2A', 'CDKN2B'],
        call: 'homdel',
        callBasis: 'file',
      },
      {
        ...row(6, 'chr12', 1, 133275309, 0.02),
        copyNumber: 2,
        minorCopyNumber: 1,
        genes: ['KRAS'],
        call: 'neutral',
        callBasis: 'copy-number',
      },
      {
        ...row(7, 'chr17', 1, 22700000, -0.42),
        copyNumber: 1,
        minorCopyNumber: 0,
        genes: ['TP53'],
        call: 'loss',
        callBasis: 'copy-number',
      },
      {
        ...row(8, 'chr17', 22700001, 83257441, -0.03),
        copyNumber: 2,
        minorCopyNumber: 1,
        genes: ['ERBB2'],
        call: 'neutral',
        callBasis: 'copy-number',
      },
    ]);
  });

  it('reads text the same as the file, CR+LF line ends included', async () => {
    const text = readFileSync(caseFixture('tumour-normal.cna.tsv'), 'utf8');
    const fromFile = await readCopyNumber(caseFixture('tumour-normal.cna.tsv'));
    expect(parseCopyNumber(text)).toEqual(fromFile);
    expect(parseCopyNumber(text.replaceAll('\n', '\r\n'))).toEqual(fromFile);
  });

  it('finds columns by name in any order and case, and ignores columns it does not know', () => {
    const text = tsv([
      ['call', 'segment_mean', 'GENE', 'END', 'probes', 'chromosome', 'copy_number', 'START'],
      ['', '1.2', 'ERBB2', '39730426', '55', 'chr17', '', '39687914'],
    ]);
    expect(parseCopyNumber(text)).toEqual([
      {
        line: 2,
        chrom: 'chr17',
        start: 39687914,
        end: 39730426,
        log2Ratio: 1.2,
        copyNumber: null,
        minorCopyNumber: null,
        genes: ['ERBB2'],
        call: 'amplification',
        callBasis: 'log2',
      },
    ]);
  });

  it('skips comments and blank lines, and takes a #-prefixed header as the header', () => {
    const text = tsv([
      ['## segments from a synthetic caller'],
      ['#Chromosome', 'Start', 'End', 'Segment_Mean'],
      [''],
      ['chr12', '25205246', '25250929', '-0.1'],
      ['# a comment between rows'],
      ['chr12', '25250930', '133275309', '0.05'],
    ]);
    expect(parseCopyNumber(text).map(({ line, start }) => [line, start])).toEqual([
      [4, 25205246],
      [6, 25250930],
    ]);
  });

  it('accepts a header with no rows: a sample without segments', () => {
    expect(parseCopyNumber(tsv([HEADER]))).toEqual([]);
  });

  it('refuses overlapping segments (two samples or callers in one file), naming the later line', () => {
    const overlapping = tsv([
      HEADER,
      ['1', '5001', '9000', '-0.9'],
      ['2', '1', '1000', '0.1'],
      ['1', '1', '5001', '0.5'],
    ]);
    expect(() => parseCopyNumber(overlapping, { file: 'x.cna.tsv' })).toThrow(
      expect.objectContaining({
        name: 'CallsFileError',
        line: 4,
        field: 'Start',
        reason: "1:1-5001 overlaps 1:5001-9000 on line 2 (one sample's segments do not overlap)",
      }),
    );
    // Touching is not overlapping.
    const touching = tsv([HEADER, ['1', '1', '5000', '0.5'], ['1', '5001', '9000', '-0.9']]);
    expect(parseCopyNumber(touching)).toHaveLength(2);
  });
});

describe('CNVkit segments', () => {
  const CNS = ['chromosome', 'start', 'end', 'gene', 'log2', 'depth', 'probes', 'weight'];
  const CALLED = [...CNS, 'cn', 'cn1', 'cn2', 'baf'];

  it('reads a .call.cns: 0-based starts made 1-based, `-` as no gene, the smaller allele as the minor, NaN as none', () => {
    const text = tsv([
      CALLED,
      ['chr7', '55019016', '55211628', 'EGFR', '2.31', '812.4', '31', '28.9', '14', '12', '2', '0.14'],
      ['chr17', '0', '1000', 'TP53', '-0.9', '100', '3', '3', '1', 'NaN', 'NaN', 'NaN'],
      ['chr9', '21967751', '21995301', 'CDKN2A,CDKN2B', '-4.1', '40.1', '12', '10.2', '0', '0', '0', ''],
      ['chr13', '30000000', '31000000', '-', '0.02', '150.0', '4', '3.1', '2', '1', '1', '0.5'],
    ]);
    const segments = parseCopyNumber(text);
    expect(segments.map((g) => [g.start, g.end, g.genes, g.copyNumber, g.minorCopyNumber, g.call])).toEqual([
      [55019017, 55211628, ['EGFR'], 14, 2, 'amplification'],
      [1, 1000, ['TP53'], 1, null, 'loss'],
      [21967752, 21995301, ['CDKN2A', 'CDKN2B'], 0, 0, 'homdel'],
      [30000001, 31000000, [], 2, 1, 'neutral'],
    ]);
    expect(segments[0]).toMatchObject({ line: 2, chrom: 'chr7', log2Ratio: 2.31, callBasis: 'copy-number' });
  });

  it('refuses segments before cnvkit.py call: a male chrX would read as a deep deletion', () => {
    const raw = tsv([CNS, ['chrX', '70000000', '77800000', 'ATRX,MED12', '-1.0043', '90', '40', '35']]);
    expect(errorOf(() => parseCopyNumber(raw, { file: 's.cns' }))).toMatchObject({
      line: 1,
      field: 'cn',
      reason: expect.stringMatching(/^CNVkit segments without a copy number \(before cnvkit.py call\)/),
    });
  });

  it('refuses a log2 column beside PCGR’s columns rather than read PCGR’s file as CNVkit’s', () => {
    const mixed = tsv([
      ['Chromosome', 'Start', 'End', 'log2', 'Copy_Number', 'Call'],
      ['chr9', '21967752', '21995301', '-0.2', '0', 'homdel'],
    ]);
    expect(errorOf(() => parseCopyNumber(mixed, { file: 'm.tsv' })).message).toBe(
      "m.tsv:1: log2: a log2 column with PCGR's Copy_Number, Call: PCGR's layout names the log2 ratio Segment_Mean; CNVkit's .cns has no Copy_Number, Call",
    );
  });

  it('names the field of a bad .cns value in the file’s own terms', () => {
    const bad = (row: string[], header = CALLED) =>
      errorOf(() => parseCopyNumber(tsv([header, row]), { file: 's.cns' }));
    expect(bad(['chr7', '-1', '1000', 'EGFR', '0.1', '1', '1', '1', '2', '1', '1', '0.5']).message).toBe(
      's.cns:2: start: expected a whole number, got "-1"',
    );
    expect(bad(['chr7', '100', '100', 'EGFR', '0.1', '1', '1', '1', '2', '1', '1', '0.5']).message).toBe(
      's.cns:2: end: end 100 is not after start 100 (start is 0-based, end inclusive)',
    );
    expect(
      bad(['chr7', '0', '1000', 'EGFR', '0.1', '1', '1', '1', '2', '2'], [...CNS, 'cn', 'cn1']).message,
    ).toBe('s.cns:1: cn1: CNVkit gives cn1 and cn2 together; the header has one');
  });
});

describe('calling a segment when the file does not', () => {
  it.each([
    [1.0, 'amplification'],
    [0.9999, 'gain'],
    [0.3, 'gain'],
    [0.2999, 'neutral'],
    [0, 'neutral'],
    [-0.2999, 'neutral'],
    [-0.3, 'loss'],
    [-0.9999, 'loss'],
    [-1.0, 'deletion'],
    [-5, 'deletion'],
  ])('log2 %d → %s (bounds inclusive)', (log2, call) => {
    expect(deriveCopyNumberCall(log2, null)).toEqual({ call, basis: 'log2' });
  });

  it.each([
    [0, 2, 'homdel'],
    [1, 2, 'loss'],
    [2, 2, 'neutral'],
    [3, 2, 'gain'],
    [5, 2, 'gain'],
    [6, 2, 'amplification'],
    [2, 3.2, 'loss'],
    [3, 3.2, 'neutral'],
    [9, 3.2, 'gain'],
    [10, 3.2, 'amplification'],
  ])('copy number %d at ploidy %d → %s', (copies, ploidy, call) => {
    expect(deriveCopyNumberCall(0, copies, ploidy)).toEqual({ call, basis: 'copy-number' });
  });

  it('lets the copy number decide over the log2 ratio, which is not corrected for purity', () => {
    expect(deriveCopyNumberCall(1.5, 2)).toEqual({ call: 'neutral', basis: 'copy-number' });
    expect(deriveCopyNumberCall(-1.5, 1)).toEqual({ call: 'loss', basis: 'copy-number' });
  });

  it('calls against the ploidy and thresholds it is given', () => {
    const text = tsv([
      [...HEADER, 'Copy_Number'],
      ['chr7', '1', '1000', '0.5', '3'],
      ['chr7', '1001', '2000', '0.5', ''],
    ]);
    const thresholds = { ...COPY_NUMBER_THRESHOLDS, log2: { ...COPY_NUMBER_THRESHOLDS.log2, gain: 0.6 } };
    expect(parseCopyNumber(text, { ploidy: 3.1, thresholds }).map((segment) => segment.call)).toEqual([
      'neutral',
      'neutral',
    ]);
  });

  it('keeps a written call, in any case, and refuses one it does not know', () => {
    const text = (call: string) =>
      tsv([
        [...HEADER, 'Call'],
        ['chr9', '1', '100', '-0.2', call],
      ]);
    expect(parseCopyNumber(text('Deletion'))[0]).toMatchObject({ call: 'deletion', callBasis: 'file' });
    expect(errorOf(() => parseCopyNumber(text('LOH'), { file: 'x.tsv' })).message).toBe(
      'x.tsv:2: Call: expected one of amplification, gain, neutral, loss, deletion, homdel, got "LOH"',
    );
  });

  it('refuses thresholds out of order before reading anything', () => {
    const thresholds = { ...COPY_NUMBER_THRESHOLDS, log2: { ...COPY_NUMBER_THRESHOLDS.log2, gain: 1.5 } };
    expect(() => parseCopyNumber(tsv([HEADER]), { thresholds })).toThrow(RangeError);
  });
});

describe('copy-number errors name the file, line and column', () => {
  it('End before Start', async () => {
    const read = readCopyNumber(badFixture('end-before-start.cna.tsv'), { file: 'end-before-start.cna.tsv' });
    await expect(read).rejects.toMatchObject({
      name: 'CallsFileError',
      file: 'end-before-start.cna.tsv',
      line: 4,
      field: 'End',
      message:
        'end-before-start.cna.tsv:4: End: End 21900001 is before Start 22010000 (both are 1-based, inclusive)',
    });
  });

  it.each([
    [
      ['chr7', '1e+05', '200000', '0.1'],
      'Start',
      'expected a whole number, got "1e+05" (scientific notation: write plain digits)',
    ],
    [['chr7', '0', '200000', '0.1'], 'Start', 'positions are 1-based, got 0'],
    [['chr7', '1', '2.5', '0.1'], 'End', 'expected a whole number, got "2.5"'],
    [['chr7', '1', '200', 'NA'], 'Segment_Mean', 'expected a number, got "NA"'],
    [['chr7', '1', '200', '1e400'], 'Segment_Mean', '1e400 is beyond the range of a number'],
    [['chr7', '1', '200', ''], 'Segment_Mean', 'empty value'],
    [['', '1', '200', '0.1'], 'Chromosome', 'empty value'],
    [['chr7', '1', '200'], 'columns', '3 tab-separated fields, the header has 4'],
  ])('%j → %s', (fields, field, reason) => {
    const error = errorOf(() => parseCopyNumber(tsv([HEADER, fields]), { file: 'up.tsv' }));
    expect(error).toMatchObject({ file: 'up.tsv', line: 2, field, reason });
  });

  it('a minor copy number above the total', () => {
    const text = tsv([
      [...HEADER, 'Copy_Number', 'Minor_Copy_Number'],
      ['chr7', '1', '9', '0', '2', '3'],
    ]);
    expect(errorOf(() => parseCopyNumber(text))).toMatchObject({ line: 2, field: 'Minor_Copy_Number' });
  });

  it('a missing column, named on the header line', () => {
    const text = tsv([['# PCGR input'], ['Chromosome', 'Start', 'End', 'Mean'], ['chr7', '1', '9', '0']]);
    expect(errorOf(() => parseCopyNumber(text, { file: 'a.tsv' })).message).toBe(
      'a.tsv:2: Segment_Mean: missing column; the header has Chromosome, Start, End, Mean',
    );
  });

  it('a column given twice, and both Gene and Genes', () => {
    expect(errorOf(() => parseCopyNumber(tsv([[...HEADER, 'start']])))).toMatchObject({
      line: 1,
      field: 'start',
    });
    expect(errorOf(() => parseCopyNumber(tsv([[...HEADER, 'Gene', 'Genes']])))).toMatchObject({
      field: 'Genes',
    });
  });

  it('an empty file, and a file of comments only', () => {
    expect(errorOf(() => parseCopyNumber('', { file: 'e.tsv' })).message).toBe('e.tsv:1: header: empty file');
    expect(errorOf(() => parseCopyNumber('# nothing\n', { file: 'c.tsv' })).message).toBe(
      'c.tsv:1: header: no header line',
    );
  });

  it('reads a gzipped table as the plain one, and names a cut-off gzip as such', async () => {
    const plain = readFileSync(caseFixture('tumour-normal.cna.tsv'));
    const dir = mkdtempSync(path.join(tmpdir(), 'genvei-cna-'));
    try {
      const zipped = path.join(dir, 'x.cna.tsv.gz');
      writeFileSync(zipped, gzipSync(plain));
      expect(await readCopyNumber(zipped)).toEqual(
        await readCopyNumber(caseFixture('tumour-normal.cna.tsv')),
      );
      const cut = path.join(dir, 'cut.cna.tsv.gz');
      writeFileSync(cut, gzipSync(plain).subarray(0, 40));
      await expect(readCopyNumber(cut, { file: 'cut.cna.tsv.gz' })).rejects.toMatchObject({
        name: 'CallsFileError',
        file: 'cut.cna.tsv.gz',
        field: 'file',
        reason: expect.stringMatching(/^corrupt or truncated gzip data/),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a file that is not there', async () => {
    await expect(readCopyNumber('/nonexistent/x.cna.tsv', { file: 'x.cna.tsv' })).rejects.toMatchObject({
      name: 'CallsFileError',
      file: 'x.cna.tsv',
      field: 'file',
      reason: 'no such file',
    });
  });
});
