import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Kysely, Transaction } from 'kysely';
import type { CancerTypeTable, DB, GeneTable } from '../../platform/db/schema.ts';
import { type HgncGene, parseHgncGenes } from './hgnc.ts';
import { type OncoTreeNode, parseOncoTreeJson } from './oncotree.ts';

/**
 * Reference data from files the operator provides. Each import is one transaction: a file that
 * fails anywhere leaves the database as it was. Rows that already hold the same values are left
 * alone, so importing the same release twice changes nothing.
 */
export type ImportSummary = { read: number; added: number; changed: number; unchanged: number };
export type Progress = (done: number, phase: 'reading' | 'writing') => void;

const BATCH = 500;

/** Whether a stored row differs from the row a file gives, field by field. */
function differs<T extends object>(stored: T, given: T): boolean {
  return (Object.keys(given) as (keyof T)[]).some((key) => stored[key] !== given[key]);
}

export async function importHgncFile(
  db: Kysely<DB>,
  file: string,
  progress: Progress = () => {},
): Promise<ImportSummary> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  const genes: HgncGene[] = [];
  for await (const gene of parseHgncGenes(lines, { file: path.basename(file) })) {
    genes.push(gene);
    if (genes.length % 5000 === 0) progress(genes.length, 'reading');
  }
  return db.transaction().execute((tx) => writeGenes(tx, genes, progress));
}

function geneRow(gene: HgncGene): GeneTable {
  return {
    hgnc_id: gene.hgncId,
    symbol: gene.symbol,
    name: gene.name,
    locus_group: gene.locusGroup,
    ensembl_gene_id: gene.ensemblGeneId,
    mane_select_ensembl: gene.maneSelect?.ensembl ?? null,
    mane_select_refseq: gene.maneSelect?.refseq ?? null,
    source: 'hgnc',
  };
}

async function writeGenes(
  tx: Transaction<DB>,
  genes: HgncGene[],
  progress: Progress,
): Promise<ImportSummary> {
  const existing = new Map((await tx.selectFrom('gene').selectAll().execute()).map((g) => [g.hgnc_id, g]));
  const summary: ImportSummary = { read: genes.length, added: 0, changed: 0, unchanged: 0 };
  const added: GeneTable[] = [];
  const changed: GeneTable[] = [];
  for (const gene of genes) {
    const row = geneRow(gene);
    const before = existing.get(row.hgnc_id);
    if (!before) added.push(row);
    else if (differs(before, row)) changed.push(row);
    else summary.unchanged++;
  }
  // Symbols move between genes across releases: clear the changed genes' symbols before writing.
  for (let i = 0; i < changed.length; i += BATCH) {
    const ids = changed.slice(i, i + BATCH).map((g) => g.hgnc_id);
    await tx
      .updateTable('gene')
      .set((eb) => ({ symbol: eb.fn('concat', ['hgnc_id', eb.val('~')]) }))
      .where('hgnc_id', 'in', ids)
      .execute();
  }
  for (const row of changed)
    await tx.updateTable('gene').set(row).where('hgnc_id', '=', row.hgnc_id).execute();
  for (let i = 0; i < added.length; i += BATCH) {
    await tx
      .insertInto('gene')
      .values(added.slice(i, i + BATCH))
      .execute();
    progress(i + BATCH, 'writing');
  }
  summary.added = added.length;
  summary.changed = changed.length;
  await writeSymbolHistory(tx, genes);
  return summary;
}

async function writeSymbolHistory(tx: Transaction<DB>, genes: HgncGene[]) {
  const rows = genes.flatMap((gene) => [
    ...gene.previousSymbols.map((symbol) => ({ hgnc_id: gene.hgncId, symbol, kind: 'previous' as const })),
    ...gene.aliasSymbols.map((symbol) => ({ hgnc_id: gene.hgncId, symbol, kind: 'alias' as const })),
  ]);
  const ids = genes.map((g) => g.hgncId);
  for (let i = 0; i < ids.length; i += BATCH) {
    await tx
      .deleteFrom('gene_symbol_history')
      .where('hgnc_id', 'in', ids.slice(i, i + BATCH))
      .execute();
  }
  for (let i = 0; i < rows.length; i += BATCH) {
    await tx
      .insertInto('gene_symbol_history')
      .values(rows.slice(i, i + BATCH))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export async function importOncoTreeFile(
  db: Kysely<DB>,
  file: string,
  progress: Progress = () => {},
): Promise<ImportSummary> {
  // Parsing also checks the tree (unique codes, parents present, no cycles) and throws on any problem.
  const nodes = parseOncoTreeJson(readFileSync(file, 'utf8'));
  progress(nodes.length, 'reading');
  return db.transaction().execute((tx) => writeCancerTypes(tx, nodes, progress));
}

function cancerTypeRow(node: OncoTreeNode): CancerTypeTable {
  return {
    code: node.code,
    name: node.name,
    main_type: node.mainType,
    tissue: node.tissue,
    level: node.level,
    parent_code: node.parentCode,
    umls: node.externalReferences.umls[0] ?? null,
    nci: node.externalReferences.nci[0] ?? null,
    source: 'oncotree',
  };
}

/** Nodes arrive parents first; the parent key is deferred anyway, so order inside the batch is free. */
async function writeCancerTypes(
  tx: Transaction<DB>,
  nodes: OncoTreeNode[],
  progress: Progress,
): Promise<ImportSummary> {
  const existing = new Map(
    (await tx.selectFrom('cancer_type').selectAll().execute()).map((c) => [c.code, c]),
  );
  const summary: ImportSummary = { read: nodes.length, added: 0, changed: 0, unchanged: 0 };
  const added: CancerTypeTable[] = [];
  for (const node of nodes) {
    const row = cancerTypeRow(node);
    const before = existing.get(row.code);
    if (!before) added.push(row);
    else if (differs(before, row)) {
      await tx.updateTable('cancer_type').set(row).where('code', '=', row.code).execute();
      summary.changed++;
    } else summary.unchanged++;
  }
  for (let i = 0; i < added.length; i += BATCH) {
    await tx
      .insertInto('cancer_type')
      .values(added.slice(i, i + BATCH))
      .execute();
    progress(i + BATCH, 'writing');
  }
  summary.added = added.length;
  return summary;
}
