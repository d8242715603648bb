import { demoNationalIds } from '../../demo/seed.ts';
import type { TestApp } from '../../platform/testing/testApp.ts';

/**
 * A lung NGS order at the Fjordvik lab with one FFPE specimen, placed by the requester through the
 * API as a clinician places it: what sequencing data is ingested into in tests.
 */
export async function lungOrder(
  t: TestApp,
  options: { patient?: number; tumourCellPercent?: number; duplicateOverrideReason?: string } = {},
): Promise<{ id: string; specimenId: string }> {
  const requester = await t.login('rekvirent');
  const placed = await requester.request('POST', '/api/orders', {
    patient: { nationalId: demoNationalIds()[options.patient ?? 0] },
    analysis: 'fjordvik-lunge-ngs',
    clinical: { diagnosis: { oncotree: 'LUAD' }, question: 'Behandlingsrettede varianter?' },
    specimens: [
      {
        kind: 'ffpe-block',
        collectionDate: '2026-10-01',
        site: 'lunge',
        tumourCellPercent: options.tumourCellPercent ?? 40,
      },
    ],
    researchConsent: false,
    ...(options.duplicateOverrideReason ? { duplicateOverrideReason: options.duplicateOverrideReason } : {}),
  });
  if (placed.statusCode !== 201) throw new Error(`the order was not placed: ${placed.body}`);
  const id = placed.json().id as string;
  const view = (await requester.request('GET', `/api/orders/${id}`)).json();
  return { id, specimenId: view.specimens[0].id as string };
}
