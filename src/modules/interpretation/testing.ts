import { fileURLToPath } from 'node:url';
import { demoNationalIds } from '../../demo/seed.ts';
import type { Client, TestApp } from '../../platform/testing/testApp.ts';
import { ingestResultFile } from '../genomics/ingest/ingestResultFile.ts';
import { ingestVcf } from '../genomics/ingest/ingestVcf.ts';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/vcf/${name}`, import.meta.url));

/** BRAF p.V600E in melanoma: OS2 + OS3 + OP1 + OP4 = 10 points (oncogenic), level A evidence (Tier I). */
export const ONCOGENIC_BRAF_V600E = {
  scheme: 'clingen-cgc-vicc-2022',
  criteria: [
    { criterion: 'functional-studies-oncogenic' },
    { criterion: 'hotspot-strong' },
    { criterion: 'computational-evidence-oncogenic' },
    { criterion: 'absent-from-population' },
  ],
  evidence: [
    {
      type: 'therapeutic',
      level: 'A',
      tumourTypeMatches: true,
      source: 'FDA label: vemurafenib, dabrafenib+trametinib in BRAF V600E melanoma',
      pubmedId: '21639808',
      text: 'BRAF-hemmer gir forlenget overlevelse ved BRAF V600E-mutert melanom.',
      therapies: ['vemurafenib'],
    },
  ],
  interpretation: 'BRAF p.V600E er en kjent onkogen driver; behandlingsrettet ved melanom.',
};

/** A melanoma order at the Fjordvik lab with its tumour/normal VCF and metrics ingested. */
export async function melanomaOrder(
  t: TestApp,
  patient = 0,
  requester = 'rekvirent',
  analysis = 'fjordvik-lunge-ngs',
) {
  const client = await t.login(requester);
  const placed = await client.request('POST', '/api/orders', {
    patient: { nationalId: demoNationalIds()[patient] },
    analysis,
    clinical: { diagnosis: { oncotree: 'MEL' }, question: 'BRAF-status før behandling?' },
    specimens: [
      {
        kind: 'ffpe-block',
        blockId: 'H2026-04711 A2',
        collectionDate: '2026-10-01',
        site: 'hud, rygg',
        tumourCellPercent: 70,
      },
    ],
    researchConsent: false,
  });
  if (placed.statusCode !== 201) throw new Error(`order failed: ${placed.body}`);
  const order = (await client.request('GET', `/api/orders/${placed.json().id}`)).json();
  const base = {
    orderId: order.id,
    specimenId: order.specimens[0].id,
    actor: { userId: null, username: 'cli:test' },
  };
  await ingestVcf(t.database.db, {
    ...base,
    file: fixture('tumour-normal.vep.vcf'),
    samples: { TUMOR: 'tumor', NORMAL: 'normal' },
    pipeline: 'DRAGEN somatic',
    pipelineVersion: '4.2.4',
  });
  await ingestResultFile(t.database.db, 'metrics', { ...base, file: fixture('tumour-normal.metrics.json') });
  return order.id as string;
}

/** The same order taken through a case: BRAF classified, the rest not relevant, finalised by a second person. */
export async function finalisedMelanomaCase(t: TestApp, first: Client, second: Client, patient = 0) {
  const orderId = await melanomaOrder(t, patient);
  const caseId = (await first.request('POST', `/api/orders/${orderId}/cases`)).json().id as string;
  const list = (await first.request('GET', `/api/cases/${caseId}/worklist`)).json();
  for (const row of list.kept as { id: number; label: string }[]) {
    if (row.label === 'BRAF p.V600E')
      await first.request('PUT', `/api/cases/${caseId}/variants/${row.id}/assessment`, ONCOGENIC_BRAF_V600E);
    else
      await first.request('POST', `/api/cases/${caseId}/variants/${row.id}/not-relevant`, {
        reason: 'Ikke relevant',
      });
  }
  await first.request('POST', `/api/cases/${caseId}/submit`);
  const finalised = await second.request('POST', `/api/cases/${caseId}/finalise`);
  if (finalised.statusCode !== 200) throw new Error(`finalise failed: ${finalised.body}`);
  return { orderId, caseId };
}
