import { describe, expect, it } from 'vitest';
import { parseGeneListText } from './geneListText.ts';

describe('gene list text', () => {
  it("reads Genetikkportalen's HGNC_symbol;HGNC_id format and bare symbols, remembering lines", () => {
    const { genes, problems } = parseGeneListText(
      'HGNC_symbol;HGNC_id\nBRCA1;HGNC:1100\n\n# comment\nHER2\n',
    );
    expect(problems).toEqual([]);
    expect(genes).toEqual([
      { line: 2, symbol: 'BRCA1', hgncId: 'HGNC:1100' },
      { line: 5, symbol: 'HER2', hgncId: null },
    ]);
  });

  it('names the line of anything that is not a gene', () => {
    const { problems } = parseGeneListText('BRCA1\nBRCA2;1101\nnot a gene\n');
    expect(problems.map((p) => p.line)).toEqual([2, 3]);
  });
});
