import { describe, expect, it } from 'vitest';
import { parseCopyNumber } from './copyNumber.ts';
import { parseFusions } from './fusions.ts';
import { parseTable, type TableLayout, unquoted } from './table.ts';
import { errorOf, tsv } from './testing.ts';

/** Every row as the values of the named columns, read through Row as the real layouts read. */
function layoutOf(...names: string[]): TableLayout<(string | null)[]> {
  return {
    isHeader: (header) => header.includes(names[0]?.toLowerCase() ?? ''),
    begin: (header) => {
      const columns = names.map((name) => header.require(name));
      return (row) => columns.map((column) => row.optional(column));
    },
  };
}

/** A row as pandas' to_csv(quoting=QUOTE_ALL) writes it. */
const quoted = (row: string[]) => row.map((field) => `"${field}"`);

describe('quoted fields', () => {
  it.each([
    ['"BRAF"', 'BRAF'],
    ['""', ''],
    ['"say ""no"""', 'say "no"'],
    ['""""', '"'],
    ['BRAF', 'BRAF'],
    // Quotes inside an unquoted value are data: STAR-Fusion's annots column.
    ['["Mitelman","Cosmic"]', '["Mitelman","Cosmic"]'],
  ])('%s is %s', (text, value) => {
    expect(unquoted(text, 'Gene')).toBe(value);
  });

  it.each([
    ['"BRAF', 'unbalanced quote: "BRAF opens a quote it does not close'],
    ['"', 'unbalanced quote: " opens a quote it does not close'],
    ['BRAF"', 'unbalanced quote: BRAF" closes a quote it did not open'],
    ['"BR"AF"', 'unbalanced quote: "BR"AF" (a quote inside a quoted value is written "")'],
    ['"BRAF"""x"', 'unbalanced quote: "BRAF"""x" (a quote inside a quoted value is written "")'],
  ])('refuses %s', (text, reason) => {
    expect(() => unquoted(text, 'Gene')).toThrow(reason);
  });

  it('reads a table R wrote with quote = TRUE: names and values unquoted, "" and NA as no value', () => {
    const text = tsv([
      ['"Gene"', '"Chrom"', '"Note"'],
      ['"BRAF"', '"7"', '"a ""quoted"" word"'],
      ['"KRAS"', '"12"', '""'],
      ['"EGFR"', '"7"', 'NA'],
    ]);
    expect(parseTable(text, 'r.tsv', layoutOf('Gene', 'Chrom', 'Note'))).toEqual([
      ['BRAF', '7', 'a "quoted" word'],
      ['KRAS', '12', null],
      ['EGFR', '7', null],
    ]);
  });

  it('names the file, line and column of an unbalanced quote', () => {
    const text = tsv([
      ['Gene', 'Chrom'],
      ['BRAF', '7'],
      ['"KRAS', '12'],
    ]);
    expect(errorOf(() => parseTable(text, 'r.tsv', layoutOf('Gene', 'Chrom'))).message).toBe(
      'r.tsv:3: Gene: unbalanced quote: "KRAS opens a quote it does not close',
    );
  });

  it('names the column of an unbalanced quote in the header by its place', () => {
    const text = tsv([
      ['Gene', '"Chrom'],
      ['BRAF', '7'],
    ]);
    expect(errorOf(() => parseTable(text, 'r.tsv', layoutOf('Gene', 'Chrom'))).message).toBe(
      'r.tsv:1: header column 2: unbalanced quote: "Chrom opens a quote it does not close',
    );
  });

  it('leaves a column no layout reads as it is, stray quote and all', () => {
    const text = tsv([
      ['Gene', 'Comment'],
      ['BRAF', '12" of tape'],
    ]);
    expect(parseTable(text, 'r.tsv', layoutOf('Gene'))).toEqual([['BRAF']]);
  });

  it('lets a # comment before the header hold quotes', () => {
    const text = tsv([['# exported by "segment.R" v2'], ['Gene', 'Chrom'], ['"BRAF"', '"7"']]);
    expect(parseTable(text, 'r.tsv', layoutOf('Gene', 'Chrom'))).toEqual([['BRAF', '7']]);
  });

  it('reads a copy-number table pandas wrote with QUOTE_ALL', () => {
    const text = tsv([
      quoted(['Chromosome', 'Start', 'End', 'Segment_Mean', 'Copy_Number', 'Genes']),
      quoted(['chr7', '116500001', '116900000', '1.58', '8', 'MET']),
      quoted(['chr9', '21900001', '22010000', '-3.1', '0', 'CDKN2A,CDKN2B']),
    ]);
    expect(parseCopyNumber(text)).toMatchObject([
      { chrom: 'chr7', start: 116500001, end: 116900000, log2Ratio: 1.58, copyNumber: 8, genes: ['MET'] },
      { chrom: 'chr9', copyNumber: 0, genes: ['CDKN2A', 'CDKN2B'], call: 'homdel' },
    ]);
  });

  it('reads a fusion table R wrote with quoted genes and breakpoints', () => {
    const text = tsv([
      quoted(['Gene5', 'Gene3', 'Breakpoint5', 'Breakpoint3', 'SpanningReads', 'JunctionReads', 'Frame']),
      quoted(['KIF5B', 'RET', 'chr10:32017143:-', 'chr10:43114480:+', '12', '30', 'in-frame']),
    ]);
    expect(parseFusions(text)).toMatchObject([
      {
        gene5: 'KIF5B',
        gene3: 'RET',
        breakpoint5: { chrom: 'chr10', pos: 32017143, strand: '-' },
        spanningReads: 12,
        junctionReads: 30,
        frame: 'in-frame',
        name: 'KIF5B::RET',
      },
    ]);
  });
});
