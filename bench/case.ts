/**
 * An interpretation case with 5,000 variants, on PGlite (issue 6): how fast it opens through the
 * API (case header + work-list under its filter chain, every row with its decision and offers)
 * and how fast a filter change answers (the work-list under another chain). The reference in the
 * same run is the one SQL statement that reads the case's rows: the ratio is what the API,
 * filters and decisions add on top of it. Targets: open p95 ≤ 300 ms, filter change p95 ≤ 150 ms.
 *
 *   npm run bench:case            (GENVEI_BENCH_RUNS=… to change the number of runs)
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { finished } from 'node:stream/promises';
import { demoNationalIds } from '../src/demo/seed.ts';
import { ingestVcf } from '../src/modules/genomics/ingest/ingestVcf.ts';
import { testApp } from '../src/platform/testing/testApp.ts';
import { writeSyntheticVcf } from './ingest/syntheticVcf.ts';

const VARIANTS = 5000;
const RUNS = Number(process.env.GENVEI_BENCH_RUNS ?? 40);
const WARM_UP = 5;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;

async function timed(run: () => Promise<unknown>) {
  for (let i = 0; i < WARM_UP; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

const dir = mkdtempSync(path.join(tmpdir(), 'genvei-bench-case-'));
const t = await testApp();
try {
  const vcf = path.join(dir, 'case.vcf');
  const out = createWriteStream(vcf);
  await writeSyntheticVcf(out, VARIANTS);
  out.end();
  await finished(out);

  const requester = await t.login('rekvirent');
  const placed = await requester.request('POST', '/api/orders', {
    patient: { nationalId: demoNationalIds()[0] },
    analysis: 'fjordvik-lunge-ngs',
    clinical: { diagnosis: { oncotree: 'LUAD' }, question: 'Benchmark' },
    specimens: [{ kind: 'ffpe-block', collectionDate: '2026-10-01', site: 'lunge', tumourCellPercent: 50 }],
    researchConsent: false,
  });
  const order = (await requester.request('GET', `/api/orders/${placed.json().id}`)).json();
  await ingestVcf(t.database.db, {
    file: vcf,
    orderId: order.id,
    specimenId: order.specimens[0].id,
    role: 'tumor',
    actor: { userId: null, username: 'bench' },
  });
  const lab = await t.login('bioingenior');
  const created = (await lab.request('POST', `/api/orders/${order.id}/cases`)).json();
  const caseId = created.id as string;

  let rows = 0;
  const open = await timed(async () => {
    const [header, list] = await Promise.all([
      lab.request('GET', `/api/cases/${caseId}`),
      lab.request('GET', `/api/cases/${caseId}/worklist`),
    ]);
    if (header.statusCode !== 200 || list.statusCode !== 200) throw new Error(list.body);
    const body = list.json();
    rows = body.kept.length + body.removed.length;
  });
  let chain = 'germline';
  const filterChange = await timed(async () => {
    const list = await lab.request('GET', `/api/cases/${caseId}/worklist?chain=${chain}`);
    if (list.statusCode !== 200) throw new Error(list.body);
    chain = chain === 'germline' ? 'somatic-tumour-dna-panel' : 'germline';
  });
  const sqlAlone = await timed(() =>
    t.database.db.selectFrom('case_variant').select('row').where('case_id', '=', caseId).execute(),
  );

  const line = (name: string, m: { p50: number; p95: number }, target: number | null) =>
    `${name.padEnd(28)} p50 ${m.p50.toFixed(1).padStart(7)} ms   p95 ${m.p95.toFixed(1).padStart(7)} ms   ` +
    `${(m.p95 / sqlAlone.p95).toFixed(1).padStart(5)}× SQL alone   ` +
    (target === null ? '' : `target p95 ≤ ${target} ms: ${m.p95 <= target ? 'PASS' : 'FAIL'}`);
  process.stdout.write(
    [
      `case with ${created.variants} variants (${rows} rows returned), PGlite, ${RUNS} runs after ${WARM_UP} warm-up`,
      line('open (header + work-list)', open, 300),
      line('filter change', filterChange, 150),
      line('reference: SQL rows alone', sqlAlone, null),
    ].join('\n') + '\n',
  );
} finally {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
}
