import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { HgncGene } from './hgnc.ts';

type Db = Kysely<DB>;

/** The stored genes in the parser's shape, for the symbol resolver a PanelApp import uses. */
export async function genesForResolver(db: Db): Promise<HgncGene[]> {
  const [genes, history] = await Promise.all([
    db.selectFrom('gene').selectAll().execute(),
    db.selectFrom('gene_symbol_history').selectAll().execute(),
  ]);
  const byGene = new Map<string, { alias: string[]; previous: string[] }>();
  for (const h of history) {
    const entry = byGene.get(h.hgnc_id) ?? { alias: [], previous: [] };
    entry[h.kind].push(h.symbol);
    byGene.set(h.hgnc_id, entry);
  }
  return genes.map((g) => ({
    hgncId: g.hgnc_id,
    symbol: g.symbol,
    name: g.name,
    locusGroup: g.locus_group,
    status: 'Approved',
    location: null,
    aliasSymbols: byGene.get(g.hgnc_id)?.alias ?? [],
    previousSymbols: byGene.get(g.hgnc_id)?.previous ?? [],
    entrezId: null,
    ensemblGeneId: g.ensembl_gene_id,
    refseqAccessions: [],
    maneSelect:
      g.mane_select_ensembl && g.mane_select_refseq
        ? { ensembl: g.mane_select_ensembl, refseq: g.mane_select_refseq }
        : null,
  }));
}

export function findGeneBySymbol(db: Db, symbol: string) {
  return db
    .selectFrom('gene')
    .selectAll()
    .where(sql<string>`upper(symbol)`, '=', symbol.trim().toUpperCase())
    .executeTakeFirst();
}

export function findCancerType(db: Db, code: string) {
  return db.selectFrom('cancer_type').selectAll().where('code', '=', code).executeTakeFirst();
}

export function childCancerTypes(db: Db, code: string) {
  return db
    .selectFrom('cancer_type')
    .select(['code', 'name'])
    .where('parent_code', '=', code)
    .orderBy('name')
    .execute();
}

/** Cancer types by code or name, those with a national gene list first. */
export function searchCancerTypes(db: Db, query: string, limit: number) {
  const pattern = `%${query.trim().toLowerCase()}%`;
  return db
    .selectFrom('cancer_type as c')
    .select([
      'c.code',
      'c.name',
      'c.main_type',
      'c.tissue',
      'c.parent_code',
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('gene_list_version as l')
              .select('l.id')
              .whereRef('l.cancer_type_code', '=', 'c.code'),
          )
          .as('has_gene_list'),
    ])
    .where((eb) => eb.or([eb(sql`lower(c.code)`, 'like', pattern), eb(sql`lower(c.name)`, 'like', pattern)]))
    .orderBy('has_gene_list', 'desc')
    .orderBy('c.code')
    .limit(limit)
    .execute();
}
