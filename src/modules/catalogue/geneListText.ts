/**
 * Gene lists as labs keep them in text files: Genetikkportalen's `HGNC_symbol;HGNC_id` lines, or
 * one symbol per line. Each entry remembers its line, so a gene we cannot resolve is reported
 * where the file holds it.
 */
export type ListedGene = { line: number; symbol: string; hgncId: string | null };

export type ListProblem = { line: number; message: string };

export function parseGeneListText(text: string): { genes: ListedGene[]; problems: ListProblem[] } {
  const genes: ListedGene[] = [];
  const problems: ListProblem[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    const content = raw.replace(/#.*/, '').trim();
    if (content === '' || /^HGNC_symbol;HGNC_id$/i.test(content)) continue;
    const [symbol = '', hgncId, ...rest] = content.split(/[;\t]/).map((part) => part.trim());
    if (rest.length > 0 || !/^[A-Za-z0-9][A-Za-z0-9@._-]*$/.test(symbol)) {
      problems.push({
        line,
        message: `expected a gene symbol, optionally followed by ;HGNC id — found "${content}"`,
      });
      continue;
    }
    if (hgncId !== undefined && hgncId !== '' && !/^HGNC:\d+$/.test(hgncId)) {
      problems.push({ line, message: `"${hgncId}" is not an HGNC id (HGNC:number)` });
      continue;
    }
    genes.push({ line, symbol, hgncId: hgncId ? hgncId : null });
  }
  return { genes, problems };
}
