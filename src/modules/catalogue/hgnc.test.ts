import { describe, expect, it } from 'vitest';
import { type HgncGene, HgncParseError, parseHgncGenes, SymbolResolver } from './hgnc.ts';
import { hgncGenesIn } from './testing.ts';

const HEADER = [
  'hgnc_id',
  'symbol',
  'name',
  'status',
  'alias_symbol',
  'prev_symbol',
  'entrez_id',
  'mane_select',
];

async function parse(rows: string[][], header = HEADER): Promise<HgncGene[]> {
  const genes: HgncGene[] = [];
  for await (const gene of parseHgncGenes([header, ...rows].map((row) => row.join('\t')))) genes.push(gene);
  return genes;
}

async function failure(rows: string[][], header = HEADER): Promise<HgncParseError> {
  const error = await parse(rows, header).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(HgncParseError);
  return error as HgncParseError;
}

describe('parsing the HGNC complete set', () => {
  it('reads typed gene records from a streamed file, whatever the column order', async () => {
    const genes = await hgncGenesIn('hgnc_lung_genes.tsv');
    expect(genes).toHaveLength(15);
    expect(genes.find((gene) => gene.symbol === 'EGFR')).toEqual({
      hgncId: 'HGNC:3236',
      symbol: 'EGFR',
      name: 'epidermal growth factor receptor',
      locusGroup: 'protein-coding gene',
      status: 'Approved',
      location: '7p11.2',
      aliasSymbols: ['ERBB', 'ERBB1', 'HER1'],
      previousSymbols: [],
      entrezId: '1956',
      ensemblGeneId: 'ENSG00000146648',
      refseqAccessions: ['NM_005228'],
      maneSelect: { ensembl: 'ENST00000275493.7', refseq: 'NM_005228.5' },
    });
  });

  it('reads a row whose trailing empty fields HGNC left off', async () => {
    const genes = await hgncGenesIn('hgnc_lung_genes.tsv');
    expect(genes.at(-1)).toMatchObject({ symbol: 'MTRFR', previousSymbols: ['C12orf65'], maneSelect: null });
  });

  it('accepts files without the newer columns, and CRLF line ends', async () => {
    const lines = [
      'hgnc_id\tsymbol\tname\tstatus\r',
      'HGNC:1097\tBRAF\tB-Raf proto-oncogene\tApproved\r',
      '',
    ];
    const genes: HgncGene[] = [];
    for await (const gene of parseHgncGenes(lines)) genes.push(gene);
    expect(genes).toEqual([
      expect.objectContaining({ hgncId: 'HGNC:1097', symbol: 'BRAF', maneSelect: null, aliasSymbols: [] }),
    ]);
  });

  it('names the line and column of a malformed value', async () => {
    const error = await failure([
      ['HGNC:1097', 'BRAF', 'B-Raf', 'Approved', '', '', '673', ''],
      ['HGNC:427', 'ALK', 'ALK receptor tyrosine kinase', 'Approved', '', '', 'abc', ''],
    ]);
    expect(error).toMatchObject({ line: 3, column: 'entrez_id' });
    expect(error.message).toBe('hgnc_complete_set.txt:3: entrez_id: expected an NCBI Gene number, got "abc"');
  });

  it.each([
    [['BRAF', 'BRAF', 'B-Raf', 'Approved', '', '', '', ''], 'hgnc_id'],
    [['HGNC:1097', '', 'B-Raf', 'Approved', '', '', '', ''], 'symbol'],
    [['HGNC:1097', 'BRAF', 'B-Raf', 'Approved', '', '', '', 'NM_004333.6'], 'mane_select'],
    [['HGNC:1097', 'BRAF', 'B-Raf', 'Approved', '', '', '', '', 'extra'], 'row'],
  ])('rejects %j in column %s', async (row, column) => {
    expect(await failure([row])).toMatchObject({ line: 2, column });
  });

  it('rejects a header without a required column, and a gene listed twice', async () => {
    expect(await failure([], ['hgnc_id', 'symbol', 'status'])).toMatchObject({ line: 1, column: 'name' });
    expect(await failure([], [...HEADER, 'symbol'])).toMatchObject({ line: 1, column: 'symbol' });
    const row = ['HGNC:1097', 'BRAF', 'B-Raf', 'Approved', '', '', '', ''];
    expect(await failure([row, row])).toMatchObject({ line: 3, column: 'hgnc_id' });
  });

  it('rejects an empty file', async () => {
    await expect(parseHgncGenes([]).next()).rejects.toThrow(/the file is empty/);
  });
});

describe('resolving gene symbols', () => {
  const gene = (hgncId: string, symbol: string, previousSymbols: string[], aliasSymbols: string[]) =>
    ({ hgncId, symbol, previousSymbols, aliasSymbols }) as HgncGene;
  const resolver = new SymbolResolver([
    gene('HGNC:6407', 'KRAS', ['KRAS2'], ['RASK2']),
    gene('HGNC:3430', 'ERBB2', ['NGL'], ['HER2', 'NEU']),
    gene('HGNC:1', 'AAA1', ['OLD1'], ['SHARED', 'KRAS2']),
    gene('HGNC:2', 'BBB2', ['OLD1'], ['SHARED', 'AAA1']),
  ]);

  it('finds a current symbol, ignoring case and surrounding space', () => {
    expect(resolver.resolve(' kras ')).toMatchObject({ status: 'current', gene: { hgncId: 'HGNC:6407' } });
  });

  it('maps a previous symbol or an alias to the current gene with a warning', () => {
    expect(resolver.resolve('KRAS2')).toEqual({
      status: 'previous',
      gene: expect.objectContaining({ symbol: 'KRAS' }),
      warning: 'KRAS2 is a previous symbol of KRAS (HGNC:6407); using KRAS',
    });
    expect(resolver.resolve('her2')).toMatchObject({
      status: 'alias',
      gene: { symbol: 'ERBB2' },
      warning: 'her2 is an alias of ERBB2 (HGNC:3430); using ERBB2',
    });
  });

  it('prefers current over previous over alias symbols', () => {
    expect(resolver.resolve('AAA1')).toMatchObject({ status: 'current', gene: { hgncId: 'HGNC:1' } });
    expect(resolver.resolve('KRAS2')).toMatchObject({ status: 'previous', gene: { hgncId: 'HGNC:6407' } });
  });

  it('reports a symbol shared by several genes as ambiguous, and an unknown one as unknown', () => {
    const shared = resolver.resolve('OLD1');
    expect(shared).toMatchObject({ status: 'ambiguous', matchedAs: 'previous' });
    expect(shared.status === 'ambiguous' && shared.candidates.map((g) => g.hgncId)).toEqual([
      'HGNC:1',
      'HGNC:2',
    ]);
    expect(resolver.resolve('SHARED')).toMatchObject({ status: 'ambiguous', matchedAs: 'alias' });
    expect(resolver.resolve('NOTAGENE')).toEqual({ status: 'unknown' });
  });

  it('looks genes up by HGNC id', async () => {
    const fromFile = new SymbolResolver(await hgncGenesIn('hgnc_lung_genes.tsv'));
    expect(fromFile.size).toBe(15);
    expect(fromFile.gene('HGNC:427')?.symbol).toBe('ALK');
    expect(fromFile.resolve('ARMC4')).toMatchObject({ status: 'previous', gene: { symbol: 'ODAD2' } });
    expect(fromFile.gene('HGNC:999999')).toBeUndefined();
  });
});
