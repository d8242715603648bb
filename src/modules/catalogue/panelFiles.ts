import { CHROMOSOMES, type Panel } from './panelModel.ts';

/**
 * Genetikkportalen's panel import file: `HGNC_symbol;HGNC_id`, then one gene a line, as Norwegian
 * labs upload it today (knowledge.md §2). Sorted by symbol so a new version diffs cleanly.
 */
export function toGenetikkportalenList(panel: Panel): string {
  const rows = panel.entries
    .map((entry) => `${entry.symbol};${entry.hgncId}`)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `${['HGNC_symbol;HGNC_id', ...rows].join('\n')}\n`;
}

export interface BedOptions {
  /** "chr" writes chr1…chrX, chrM (UCSC and the GRCh38 analysis sets); "" writes 1…X, MT (Ensembl). */
  chromPrefix?: 'chr' | '';
}

/**
 * The panel's targeted regions as BED (0-based, end exclusive): chrom, start, end and the gene symbol,
 * in karyotype order (1, 2 … 22, X, Y, MT) then by start, the order tabix and bedtools expect.
 * Entries without regions are absent: whole-gene intervals need a transcript annotation genvei does
 * not hold here.
 */
export function toBed(panel: Panel, options: BedOptions = {}): string {
  const prefix = options.chromPrefix ?? 'chr';
  const rank = new Map<string, number>(CHROMOSOMES.map((chrom, index) => [chrom, index]));
  const lines = panel.entries
    .flatMap((entry) => entry.regions.map((region) => ({ ...region, name: entry.symbol })))
    .sort(
      (a, b) =>
        (rank.get(a.chrom) ?? 0) - (rank.get(b.chrom) ?? 0) ||
        a.start - b.start ||
        a.end - b.end ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    )
    .map(({ chrom, start, end, name }) => {
      const written = prefix === 'chr' ? `chr${chrom === 'MT' ? 'M' : chrom}` : chrom;
      return `${written}\t${start}\t${end}\t${name}\n`;
    });
  return lines.join('');
}
