/**
 * Report rendering for a 30-variant report (issue 7): the PDF (pdfkit, A4, Norwegian) and the FHIR
 * Genomics Reporting bundle, each generated 50 times after a warm-up, plus the HTML and the
 * Cancer Registry message for comparison. No reference tool for these renderings runs on this
 * machine, so the figures are absolute. Target: p95 ≤ 1 s for the PDF and for the FHIR bundle.
 *
 *   npm run bench:report            (GENVEI_BENCH_RUNS=… to change the number of runs)
 */
import { performance } from 'node:perf_hooks';
import { toFhirBundle } from '../src/modules/reporting/fhir/bundle.ts';
import { checkGenomicsBundle } from '../src/modules/reporting/fhir/index.ts';
import { renderReportHtml } from '../src/modules/reporting/html.ts';
import { renderReportPdf } from '../src/modules/reporting/pdf/render.ts';
import { toCancerRegistryMessage } from '../src/modules/reporting/registry/cancerRegistry.ts';
import { reportWithVariants, signedDemoReportContent } from '../src/modules/reporting/testing.ts';

const VARIANTS = 30;
const RUNS = Number(process.env.GENVEI_BENCH_RUNS ?? 50);
const WARM_UP = 5;
const TARGET_MS = 1000;
const REPORT_ID = '0f6d8a52-3c1e-4b7a-9d2f-5e8c1a7b4d90';

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function measure(run: () => unknown) {
  for (let i = 0; i < WARM_UP; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  const sorted = times.sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) as number };
}

async function main() {
  const content = { ...reportWithVariants(VARIANTS), status: 'signed' as const };
  content.signatures = signedDemoReportContent().signatures;

  const pdf = await renderReportPdf(content, 'nb');
  const bundle = toFhirBundle(content, { report: REPORT_ID });
  const errors = checkGenomicsBundle(bundle).filter((i) => i.severity === 'error');
  if (errors.length > 0) throw new Error(`the bundle does not conform: ${JSON.stringify(errors[0])}`);
  console.log(
    `report: ${VARIANTS} variants; PDF ${(pdf.length / 1024).toFixed(0)} KiB, FHIR bundle ${bundle.entry?.length} entries (${(JSON.stringify(bundle).length / 1024).toFixed(0)} KiB JSON); ${RUNS} runs after ${WARM_UP} warm-up`,
  );

  const results = [
    { name: 'PDF (pdfkit)', target: true, ...(await measure(() => renderReportPdf(content, 'nb'))) },
    {
      name: 'FHIR bundle + JSON',
      target: true,
      ...(await measure(() => JSON.stringify(toFhirBundle(content, { report: REPORT_ID })))),
    },
    { name: 'HTML', target: false, ...(await measure(() => renderReportHtml(content, 'nb'))) },
    { name: 'registry message', target: false, ...(await measure(() => toCancerRegistryMessage(content))) },
  ];
  let failed = false;
  for (const r of results) {
    const verdict = r.target ? (r.p95 <= TARGET_MS ? 'PASS' : 'FAIL') : '(no target)';
    if (r.target && r.p95 > TARGET_MS) failed = true;
    console.log(
      `${r.name.padEnd(20)} p50 ${r.p50.toFixed(2).padStart(7)} ms, p95 ${r.p95.toFixed(2).padStart(7)} ms, max ${r.max.toFixed(2).padStart(7)} ms  ${verdict}`,
    );
  }
  console.log(`target p95 ≤ ${TARGET_MS} ms for PDF and FHIR: ${failed ? 'FAIL' : 'PASS'}`);
  if (failed) process.exitCode = 1;
}

await main();
