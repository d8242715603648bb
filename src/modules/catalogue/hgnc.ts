import { z } from 'zod';

const HGNC_ID = /^HGNC:[1-9]\d*$/;

/** HGNC's stable gene identifier, the key of every gene in genvei (symbols change, ids do not). */
export const hgncIdSchema = z.string().regex(HGNC_ID, 'expected an HGNC id such as HGNC:1100');

/** One row of HGNC's complete set: the fields genvei keeps (knowledge.md §5). */
export interface HgncGene {
  hgncId: string;
  symbol: string;
  name: string;
  /** e.g. "protein-coding gene", "pseudogene", "non-coding RNA". */
  locusGroup: string | null;
  /** "Approved" in the complete set; withdrawn symbols live in a separate HGNC file. */
  status: string;
  location: string | null;
  aliasSymbols: string[];
  previousSymbols: string[];
  entrezId: string | null;
  ensemblGeneId: string | null;
  refseqAccessions: string[];
  /** The MANE Select transcript pair; null for genes MANE has not chosen one for. */
  maneSelect: { ensembl: string; refseq: string } | null;
}

/** A broken row, named by line (1 is the header) and column: `hgnc_complete_set.txt:57: entrez_id: …`. */
export class HgncParseError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: string,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${column}: ${reason}`);
    this.name = 'HgncParseError';
  }
}

const REQUIRED_COLUMNS = ['hgnc_id', 'symbol', 'name', 'status'] as const;

/**
 * Gene records from the lines of hgnc_complete_set.txt, one at a time, so the ~40 MB file is never
 * held whole (feed it `readline.createInterface({ input: createReadStream(path), crlfDelay: Infinity })`).
 * Older files lack newer columns such as mane_select; those fields are then null or empty.
 */
export async function* parseHgncGenes(
  lines: AsyncIterable<string> | Iterable<string>,
  options: { file?: string } = {},
): AsyncGenerator<HgncGene> {
  const file = options.file ?? 'hgnc_complete_set.txt';
  let lineNumber = 0;
  let columns: Map<string, number> | undefined;
  const seen = new Set<string>();
  for await (const rawLine of lines) {
    lineNumber++;
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (columns === undefined) {
      columns = readHeader(line, file);
      continue;
    }
    if (line === '') continue;
    const fields = line.split('\t');
    if (fields.length > columns.size) {
      throw new HgncParseError(
        file,
        lineNumber,
        'row',
        `${fields.length} fields, the header has ${columns.size}`,
      );
    }
    try {
      const gene = geneFrom(fields, columns);
      if (seen.has(gene.hgncId)) throw new RowFault('hgnc_id', `${gene.hgncId} appears twice`);
      seen.add(gene.hgncId);
      yield gene;
    } catch (error) {
      if (error instanceof RowFault) throw new HgncParseError(file, lineNumber, error.column, error.message);
      throw error;
    }
  }
  if (columns === undefined) throw new HgncParseError(file, 1, 'header', 'the file is empty');
}

/** A rule broken inside one row; the line loop adds the file and line number. */
class RowFault extends Error {
  constructor(
    readonly column: string,
    message: string,
  ) {
    super(message);
  }
}

function readHeader(line: string, file: string): Map<string, number> {
  const columns = new Map<string, number>();
  for (const [index, name] of line.split('\t').entries()) {
    if (columns.has(name.trim())) throw new HgncParseError(file, 1, name.trim(), 'the header names it twice');
    columns.set(name.trim(), index);
  }
  for (const name of REQUIRED_COLUMNS) {
    if (!columns.has(name)) throw new HgncParseError(file, 1, name, 'the header has no such column');
  }
  return columns;
}

function geneFrom(fields: string[], columns: Map<string, number>): HgncGene {
  const text = (column: string): string | null => {
    const index = columns.get(column);
    const value = index === undefined ? '' : unquote(fields[index] ?? '');
    return value === '' ? null : value;
  };
  const required = (column: string): string => {
    const value = text(column);
    if (value === null) throw new RowFault(column, 'is empty');
    return value;
  };
  const list = (column: string): string[] => (text(column) ?? '').split('|').filter((item) => item !== '');
  const matching = (column: string, pattern: RegExp, expected: string): string | null => {
    const value = text(column);
    if (value !== null && !pattern.test(value))
      throw new RowFault(column, `expected ${expected}, got "${value}"`);
    return value;
  };

  const hgncId = required('hgnc_id');
  if (!HGNC_ID.test(hgncId)) {
    throw new RowFault('hgnc_id', `expected an id such as HGNC:1100, got "${hgncId}"`);
  }
  return {
    hgncId,
    symbol: required('symbol'),
    name: required('name'),
    locusGroup: text('locus_group'),
    status: required('status'),
    location: text('location'),
    aliasSymbols: list('alias_symbol'),
    previousSymbols: list('prev_symbol'),
    entrezId: matching('entrez_id', /^\d+$/, 'an NCBI Gene number'),
    ensemblGeneId: matching('ensembl_gene_id', /^ENSG\d{11}$/, 'an Ensembl gene id (ENSG…)'),
    refseqAccessions: list('refseq_accession'),
    maneSelect: maneSelectFrom(text('mane_select')),
  };
}

/** `ENST00000357654.9|NM_007294.4`: HGNC writes the Ensembl transcript first, but we do not rely on it. */
function maneSelectFrom(value: string | null): HgncGene['maneSelect'] {
  if (value === null) return null;
  const parts = value.split('|');
  const ensembl = parts.find((part) => /^ENST\d+\.\d+$/.test(part));
  const refseq = parts.find((part) => /^NM_\d+\.\d+$/.test(part));
  if (parts.length !== 2 || ensembl === undefined || refseq === undefined) {
    throw new RowFault('mane_select', `expected ENST….n|NM_….n, got "${value}"`);
  }
  return { ensembl, refseq };
}

/** HGNC quotes fields that hold a pipe-separated list; the values themselves never contain quotes. */
function unquote(field: string): string {
  return field.length >= 2 && field.startsWith('"') && field.endsWith('"') ? field.slice(1, -1) : field;
}

export type SymbolResolution =
  | { status: 'current'; gene: HgncGene }
  | { status: 'previous' | 'alias'; gene: HgncGene; warning: string }
  | { status: 'ambiguous'; matchedAs: 'current' | 'previous' | 'alias'; candidates: HgncGene[] }
  | { status: 'unknown' };

/**
 * Finds the current gene for a symbol as people write it. Case is ignored (clinicians write "Kras");
 * a current symbol wins over a previous one, and a previous one over an alias, because aliases are
 * the loosest and most often shared between genes.
 */
export class SymbolResolver {
  private readonly byId = new Map<string, HgncGene>();
  private readonly current = new Map<string, HgncGene[]>();
  private readonly previous = new Map<string, HgncGene[]>();
  private readonly alias = new Map<string, HgncGene[]>();

  constructor(genes: Iterable<HgncGene>) {
    for (const gene of genes) {
      this.byId.set(gene.hgncId, gene);
      addTo(this.current, gene.symbol, gene);
      for (const symbol of gene.previousSymbols) addTo(this.previous, symbol, gene);
      for (const symbol of gene.aliasSymbols) addTo(this.alias, symbol, gene);
    }
  }

  get size(): number {
    return this.byId.size;
  }

  gene(hgncId: string): HgncGene | undefined {
    return this.byId.get(hgncId);
  }

  resolve(symbol: string): SymbolResolution {
    const key = symbol.trim().toUpperCase();
    const tiers = [
      ['current', this.current],
      ['previous', this.previous],
      ['alias', this.alias],
    ] as const;
    for (const [matchedAs, index] of tiers) {
      const candidates = index.get(key);
      if (candidates === undefined) continue;
      if (candidates.length > 1) return { status: 'ambiguous', matchedAs, candidates };
      const gene = candidates[0] as HgncGene;
      if (matchedAs === 'current') return { status: 'current', gene };
      const kind = matchedAs === 'previous' ? 'a previous symbol' : 'an alias';
      const warning = `${symbol.trim()} is ${kind} of ${gene.symbol} (${gene.hgncId}); using ${gene.symbol}`;
      return { status: matchedAs, gene, warning };
    }
    return { status: 'unknown' };
  }
}

function addTo(index: Map<string, HgncGene[]>, symbol: string, gene: HgncGene): void {
  const key = symbol.toUpperCase();
  const genes = index.get(key);
  if (genes === undefined) index.set(key, [gene]);
  // A gene's own symbols are added one after another, so a repeat can only be the last one added.
  else if (genes.at(-1) !== gene) genes.push(gene);
}
