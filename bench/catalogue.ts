/**
 * Catalogue search at national scale: 1,000 analyses over 20,000 panel entries, on PGlite.
 * Times the public search API (HTTP inject → guard → SQL → JSON) for a mix of searches, and, as
 * the reference in the same run, the same SQL statements alone on the same database: the ratio
 * is what the API adds on top of the query. Target (issue 3): API p95 ≤ 50 ms.
 *
 *   npm run bench:catalogue            (GENVEI_BENCH_QUERIES=… to change the number of searches)
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { type Kysely, sql } from 'kysely';
import { searchAnalyses } from '../src/modules/catalogue/analysisStore.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openPGlite } from '../src/platform/db/connect.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { buildApp } from '../src/platform/http/app.ts';

const ANALYSES = 1000;
const PANELS = 100;
const ENTRIES_PER_PANEL = 200;
const GENES = 2000;
const LABS = 25;
const QUERIES = Number(process.env.GENVEI_BENCH_QUERIES ?? 400);
const METHODS = ['ngs-dna-panel', 'ngs-rna-panel', 'exome', 'ctdna', 'pcr'] as const;

// A fixed-seed generator, so every run searches the same catalogue.
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;

async function populate(db: Kysely<DB>) {
  const genes = Array.from({ length: GENES }, (_, i) => ({
    hgnc_id: `HGNC:${900_000 + i}`,
    symbol: `GENE${i}`,
    name: `synthetic gene ${i}`,
    locus_group: 'protein-coding gene',
    ensembl_gene_id: null,
    mane_select_ensembl: null,
    mane_select_refseq: null,
    source: 'bench',
  }));
  for (let i = 0; i < genes.length; i += 500)
    await db
      .insertInto('gene')
      .values(genes.slice(i, i + 500))
      .execute();

  const labs = Array.from({ length: LABS }, (_, i) => ({
    id: randomUUID(),
    org_number: String(800_000_000 + i),
    name: `Lab ${i}`,
    kind: 'lab' as const,
    parent_id: null,
  }));
  await db.insertInto('organisation').values(labs).execute();
  await db
    .insertInto('lab')
    .values(
      labs.map((l) => ({
        organisation_id: l.id,
        contact_email: null,
        contact_phone: null,
        address: null,
        accreditation_standard: 'ISO 15189',
        accreditation_number: null,
        accreditation_scope: null,
      })),
    )
    .execute();

  const versions: string[] = [];
  for (let p = 0; p < PANELS; p++) {
    const panelId = randomUUID();
    const versionId = randomUUID();
    await db
      .insertInto('gene_panel')
      .values({
        id: panelId,
        slug: `panel-${p}`,
        name: `Panel ${p}`,
        purpose: 'somatic',
        lab_id: pick(labs).id,
        panelapp_id: null,
      })
      .execute();
    await db
      .insertInto('gene_panel_version')
      .values({
        id: versionId,
        panel_id: panelId,
        major: 1,
        minor: 0,
        previous_id: null,
        change_note: 'bench',
        created_by: null,
        signed_off_by: null,
        signed_off_at: null,
      })
      .execute();
    const chosen = new Set<number>();
    while (chosen.size < ENTRIES_PER_PANEL) chosen.add(Math.floor(random() * GENES));
    await db
      .insertInto('gene_panel_entry')
      .values(
        [...chosen].map((g) => ({
          version_id: versionId,
          hgnc_id: `HGNC:${900_000 + g}`,
          symbol: `GENE${g}`,
          confidence: 'green' as const,
          mode_of_inheritance: null,
          transcript: null,
          regions: '[]',
          evidence: [],
          phenotypes: [],
          publications: [],
        })),
      )
      .execute();
    versions.push(versionId);
  }
  for (let i = 0; i < ANALYSES; i += 250) {
    await db
      .insertInto('analysis')
      .values(
        Array.from({ length: 250 }, (_, j) => ({
          id: randomUUID(),
          slug: `analysis-${i + j}`,
          lab_id: pick(labs).id,
          name: `Analysis ${i + j} ${pick(['lung', 'colon', 'breast', 'melanoma', 'sarcoma'])}`,
          method: pick(METHODS),
          platform: pick(['Illumina NextSeq', 'Ion Torrent', 'MiSeq']),
          variant_types: ['SNV', 'indel'],
          panel_version_id: pick(versions),
          materials: ['ffpe'],
          min_tumour_cell_percent: 20,
          min_dna_ng: 10,
          turnaround_days: 10,
          how_to_order: null,
          status: random() < 0.9 ? ('active' as const) : ('retired' as const),
          validation_report_url: null,
        })),
      )
      .execute();
  }
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) as number };
};

async function main() {
  const database = await openPGlite(undefined);
  await migrate(database);
  const started = performance.now();
  await populate(database.db);
  const entries = Number(
    (await sql<{ n: number }>`select count(*)::int as n from gene_panel_entry`.execute(database.db)).rows[0]
      ?.n,
  );
  console.log(
    `catalogue: ${ANALYSES} analyses, ${PANELS} panels, ${entries} panel entries, ${GENES} genes (built in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );

  const app = await buildApp({
    config: loadConfig({ GENVEI_MODE: 'test', GENVEI_LOG_LEVEL: 'warn' }),
    database,
  });
  await app.ready();
  // Each search once as a URL for the API and once as the same filters for the SQL reference.
  const searches = Array.from({ length: QUERIES }, (_, i) => {
    const gene = Math.floor(random() * GENES);
    const method = pick(METHODS);
    const text = pick(['lung', 'colon', 'ion', 'lab 1']);
    switch (i % 4) {
      case 0:
        return { url: `/api/catalogue/search?gene=GENE${gene}`, query: { hgncId: `HGNC:${900_000 + gene}` } };
      case 1:
        return { url: `/api/catalogue/search?q=${encodeURIComponent(text)}`, query: { q: text } };
      case 2:
        return { url: `/api/catalogue/search?method=${method}`, query: { method } };
      default:
        return {
          url: `/api/catalogue/search?gene=GENE${gene}&method=${method}`,
          query: { hgncId: `HGNC:${900_000 + gene}`, method },
        };
    }
  });
  for (const s of searches.slice(0, 20)) await app.inject({ method: 'GET', url: s.url }); // warm-up

  const apiTimes: number[] = [];
  for (const s of searches) {
    const t0 = performance.now();
    const response = await app.inject({ method: 'GET', url: s.url });
    apiTimes.push(performance.now() - t0);
    if (response.statusCode !== 200) throw new Error(`${s.url}: ${response.statusCode} ${response.body}`);
  }
  const sqlTimes: number[] = [];
  for (const s of searches) {
    const t0 = performance.now();
    await searchAnalyses(database.db, { ...s.query, status: 'active', limit: 100 });
    sqlTimes.push(performance.now() - t0);
  }
  const api = summary(apiTimes);
  const reference = summary(sqlTimes);
  console.log(
    `search API   (${QUERIES} searches): p50 ${api.p50.toFixed(2)} ms, p95 ${api.p95.toFixed(2)} ms, max ${api.max.toFixed(2)} ms`,
  );
  console.log(
    `search SQL alone (reference)      : p50 ${reference.p50.toFixed(2)} ms, p95 ${reference.p95.toFixed(2)} ms`,
  );
  console.log(
    `ratio API/SQL p95: ${(api.p95 / reference.p95).toFixed(2)}; target API p95 ≤ 50 ms: ${api.p95 <= 50 ? 'met' : 'NOT met'}`,
  );
  await app.close();
  await database.close();
  if (api.p95 > 50) process.exitCode = 1;
}

await main();
