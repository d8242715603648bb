import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { unfinished } from '../modules/genomics/ingestJobs.ts';
import { importCivic, importClinVar } from '../modules/knowledge/imports.ts';
import type { Database } from '../platform/db/connect.ts';
import { DEMO_PASSWORD, demoNationalIds } from './seed.ts';

/**
 * Demo work on a first demo start: an order whose sequencing results are in (tumour/normal VCF,
 * copy number, fusions, metrics), a case opened on it, and small CIViC and ClinVar releases. It
 * goes through the same API a lab would use, so the demo shows what the product really does.
 * The files are the synthetic ones the tests use (test/fixtures).
 */
const fixture = (path: string) => fileURLToPath(new URL(`../../test/fixtures/${path}`, import.meta.url));

async function client(app: FastifyInstance, username: string) {
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: DEMO_PASSWORD },
  });
  if (login.statusCode !== 200) throw new Error(`demo login as ${username} failed: ${login.body}`);
  const headers = {
    cookie: `genvei_session=${login.cookies.find((c) => c.name === 'genvei_session')?.value}`,
    'x-csrf-token': login.json().csrfToken as string,
  };
  return async (method: 'GET' | 'POST', url: string, payload?: object | Buffer, contentType?: string) => {
    const response = await app.inject({
      method,
      url,
      headers: { ...headers, ...(contentType ? { 'content-type': contentType } : {}) },
      ...(payload === undefined ? {} : { payload }),
    });
    if (response.statusCode >= 400) throw new Error(`demo ${method} ${url} failed: ${response.body}`);
    return response.json();
  };
}

export async function seedDemoWork(app: FastifyInstance, database: Database): Promise<void> {
  await importCivic(database.db, {
    evidence: fixture('knowledge/civic-evidence.tsv'),
    assertions: fixture('knowledge/civic-assertions.tsv'),
    release: 'demo-2026-11-01',
  });
  await importClinVar(database.db, fixture('knowledge/clinvar-small.vcf'));

  const requester = await client(app, 'rekvirent');
  const placed = await requester('POST', '/api/orders', {
    patient: { nationalId: demoNationalIds()[0] },
    analysis: 'fjordvik-lunge-ngs',
    clinical: {
      diagnosis: { oncotree: 'LUAD' },
      question: 'Behandlingsrettede varianter før førstelinjebehandling?',
    },
    specimens: [
      {
        kind: 'ffpe-block',
        collectionDate: '2026-10-28',
        site: 'lunge, høyre overlapp',
        tumourCellPercent: 60,
      },
    ],
    researchConsent: false,
  });
  const order = await requester('GET', `/api/orders/${placed.id}`);
  const specimenId = order.specimens[0].id as string;

  const lab = await client(app, 'bioinformatiker');
  const uploads: [string, string, string][] = [
    [
      'vcf',
      'vcf/tumour-normal.vep.vcf',
      'sample=TUMOR%3Dtumor&sample=NORMAL%3Dnormal&pipeline=DRAGEN%20somatic&pipelineVersion=4.2.4',
    ],
    ['metrics', 'vcf/tumour-normal.metrics.json', 'role=tumor'],
    ['copy-number', 'vcf/tumour-normal.cna.tsv', 'role=tumor'],
    ['fusions', 'vcf/tumour-normal.fusions.tsv', 'role=tumor'],
  ];
  for (const [kind, path, query] of uploads) {
    const name = path.split('/').pop() as string;
    let job = await lab(
      'POST',
      `/api/specimens/${specimenId}/results?kind=${kind}&fileName=${name}&${query}`,
      readFileSync(fixture(path)),
      'application/octet-stream',
    );
    while (unfinished(job)) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      job = await lab('GET', `/api/ingest-jobs/${job.id}`);
    }
    if (job.status !== 'done') throw new Error(`demo ingest of ${name} failed: ${job.error?.message}`);
  }
  await lab('POST', `/api/specimens/${specimenId}/raw-files`, {
    name: 'FV-2026-0117-T.cram',
    uri: 's3://fjordvik-sekvensering/2026/run-41/FV-2026-0117-T.cram',
    format: 'cram',
    sizeBytes: 18_234_567_890,
    sha256: 'c0ffee'.padEnd(64, '0'),
    accessZone: 'Fjordvik HF sekvenseringslager',
  });
  await (await client(app, 'bioingenior'))('POST', `/api/orders/${placed.id}/cases`);
}
