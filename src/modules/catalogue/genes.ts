import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * Gene symbols as people write them, resolved against the stored HGNC genes: a current symbol
 * as is, an outdated or alias symbol to its current gene with a warning, anything else unknown.
 */
export type ResolvedGene =
  | { status: 'current'; hgncId: string; symbol: string }
  | { status: 'previous' | 'alias'; hgncId: string; symbol: string; warning: string }
  | { status: 'ambiguous'; candidates: { hgncId: string; symbol: string }[] }
  | { status: 'unknown' };

export async function resolveGeneSymbols(
  db: Kysely<DB>,
  symbols: readonly string[],
): Promise<Map<string, ResolvedGene>> {
  const keys = [...new Set(symbols.map((s) => s.trim().toUpperCase()))];
  const result = new Map<string, ResolvedGene>();
  if (keys.length === 0) return result;
  const current = await db
    .selectFrom('gene')
    .select(['hgnc_id', 'symbol'])
    .where(sql<string>`upper(symbol)`, 'in', keys)
    .execute();
  for (const gene of current)
    result.set(gene.symbol.toUpperCase(), { status: 'current', hgncId: gene.hgnc_id, symbol: gene.symbol });

  const rest = keys.filter((k) => !result.has(k));
  if (rest.length > 0) {
    const history = await db
      .selectFrom('gene_symbol_history as h')
      .innerJoin('gene as g', 'g.hgnc_id', 'h.hgnc_id')
      .select(['h.symbol as old', 'h.kind', 'g.hgnc_id', 'g.symbol'])
      .where(sql<string>`upper(h.symbol)`, 'in', rest)
      .execute();
    for (const key of rest) {
      const matches = history.filter((h) => h.old.toUpperCase() === key);
      // A previous symbol outranks an alias: aliases are loose and often shared between genes.
      const tier = matches.some((m) => m.kind === 'previous')
        ? matches.filter((m) => m.kind === 'previous')
        : matches;
      const genes = [...new Map(tier.map((m) => [m.hgnc_id, m])).values()];
      const only = genes[0];
      if (genes.length === 0 || !only) result.set(key, { status: 'unknown' });
      else if (genes.length > 1)
        result.set(key, {
          status: 'ambiguous',
          candidates: genes.map((g) => ({ hgncId: g.hgnc_id, symbol: g.symbol })),
        });
      else {
        const kind = only.kind === 'previous' ? 'a previous symbol' : 'an alias';
        result.set(key, {
          status: only.kind,
          hgncId: only.hgnc_id,
          symbol: only.symbol,
          warning: `${only.old} is ${kind} of ${only.symbol} (${only.hgnc_id}); using ${only.symbol}`,
        });
      }
    }
  }
  return result;
}

export function lookupResolved(resolved: Map<string, ResolvedGene>, symbol: string): ResolvedGene {
  return resolved.get(symbol.trim().toUpperCase()) ?? { status: 'unknown' };
}
