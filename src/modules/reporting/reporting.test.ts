import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, lastAuditEntry, type TestApp, testApp } from '../../platform/testing/testApp.ts';
import { finalisedMelanomaCase } from '../interpretation/testing.ts';
import { importCivic } from '../knowledge/imports.ts';
import { checkGenomicsBundle } from './fhir/index.ts';

const civicFixture = fileURLToPath(
  new URL('../../../test/fixtures/knowledge/civic-evidence.tsv', import.meta.url),
);

let t: TestApp;
let lab: Client;
let pathologist: Client;
let orderId: string;
let reportId: string;

beforeAll(async () => {
  t = await testApp();
  lab = await t.login('bioingenior');
  pathologist = await t.login('patolog');
  await importCivic(t.database.db, { evidence: civicFixture, release: '2026-11-01' });
  const done = await finalisedMelanomaCase(t, lab, await t.login('bioinformatiker'));
  orderId = done.orderId;
  const drafted = await lab.request('POST', `/api/cases/${done.caseId}/report`);
  expect(drafted.statusCode).toBe(201);
  reportId = drafted.json().id;
});
afterAll(async () => {
  await t?.close();
});

const v = (n: number, rest = '') => `/api/reports/${reportId}/versions/${n}${rest}`;

describe('a report drafted from a finalised case', () => {
  it('holds what the template asks for: patient, specimen, method, the classified variant, metrics', async () => {
    const { content, status, html } = (await lab.request('GET', v(1))).json();
    expect(status).toBe('draft');
    expect(content.variants).toHaveLength(1);
    expect(content.variants[0]).toMatchObject({
      gene: { symbol: 'BRAF' },
      transcript: 'NM_004333.6',
      hgvsc: 'c.1799T>A',
      hgvsp: 'p.Val600Glu',
      vaf: 0.4,
      depth: 100,
      classification: { scheme: 'clingen-cgc-vicc-2022', class: 'oncogenic', amp: { tier: 'I', level: 'A' } },
    });
    expect(content.variants[0].implications[0]).toMatchObject({ kind: 'therapeutic', evidenceLevel: 'A' });
    expect(content.biomarkers).toMatchObject({
      tmb: { value: 12.4, status: 'high' },
      msi: { status: 'stable' },
    });
    expect(content.method).toMatchObject({
      referenceGenome: 'GRCh38',
      pipeline: { name: 'DRAGEN somatic', version: '4.2.4' },
    });
    expect(content.clinical.diagnosis.oncotree).toBe('MEL');
    expect(html).toContain('BRAF');
  });

  it('takes the pathologist’s findings and an integrated conclusion while a draft', async () => {
    const edit = await pathologist.request('PUT', v(1), {
      pathology: {
        morphology: 'Malignt melanom, epiteloid type, Breslow 3,2 mm.',
        immunohistochemistry: [
          { marker: 'SOX10', result: 'positiv' },
          { marker: 'BRAF V600E (VE1)', result: 'positiv' },
        ],
        integratedConclusion:
          'Malignt melanom med BRAF p.V600E; samsvar mellom immunhistokjemi og sekvensering.',
        discordance: null,
      },
      conclusion: 'BRAF p.V600E påvist (onkogen, AMP nivå IA). Aktuelt med BRAF/MEK-hemmer. Æ, ø og å.',
    });
    expect(edit.statusCode).toBe(200);
  });

  it('refuses signing by a role that does not sign, and audits the refusal', async () => {
    const bioinformatician = await t.login('bioinformatiker');
    expect((await bioinformatician.request('POST', v(1, '/sign'))).statusCode).toBe(403);
    expect(await lastAuditEntry(t.database)).toMatchObject({
      resource_type: 'report',
      action: 'approve',
      outcome: 'deny',
    });
  });

  it('is signed by the pathologist, after which it never changes (refused and audited)', async () => {
    const signed = await pathologist.request('POST', v(1, '/sign'));
    expect(signed.json()).toMatchObject({ status: 'signed', signatures: 1, notified: ['rekvirent'] });
    const edit = await pathologist.request('PUT', v(1), { conclusion: 'Endret etter signering' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().detail).toMatch(/signed and never changes/);
    expect(await lastAuditEntry(t.database)).toMatchObject({
      resource_type: 'report',
      action: 'update',
      outcome: 'deny',
    });
    await expect(
      t.database.db
        .updateTable('report_version')
        .set({ content: '{}' })
        .where('report_id', '=', reportId)
        .execute(),
    ).rejects.toThrow(/signed and cannot change/);
  });

  it('is found by the requester on the order, signed versions only', async () => {
    const requester = await t.login('rekvirent');
    const reports = (await requester.request('GET', `/api/orders/${orderId}/reports`)).json().reports;
    expect(reports).toEqual([expect.objectContaining({ id: reportId, version: 1, status: 'signed' })]);
    expect(
      (await (await t.login('rekvirent.nordlys')).request('GET', `/api/reports/${reportId}`)).statusCode,
    ).toBe(403);
  });

  it('renders a PDF, a FHIR Bundle our profile checker accepts, the DiagnosticReport alone, and the registry message', async () => {
    const pdf = await lab.request('GET', v(1, '/pdf'));
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const bundle = (await lab.request('GET', v(1, '/fhir'))).json();
    expect(checkGenomicsBundle(bundle).filter((i) => i.severity === 'error')).toEqual([]);
    const report = (await lab.request('GET', v(1, '/fhir/diagnostic-report'))).json();
    expect(report).toMatchObject({
      resourceType: 'DiagnosticReport',
      code: { coding: [expect.objectContaining({ code: '51969-4' })] },
    });
    const registry = await lab.request('GET', v(1, '/cancer-registry'));
    expect(registry.statusCode).toBe(200);
    expect(JSON.stringify(registry.json())).toContain('BRAF');
  });

  it('is amended as a new version with a reason; version 1 stays readable as it was', async () => {
    const amended = await pathologist.request('POST', `/api/reports/${reportId}/amend`, {
      reason: 'Tillegg: PD-L1 immunhistokjemi',
    });
    expect(amended.json()).toEqual({ id: reportId, version: 2 });
    expect((await lab.request('GET', v(2, '/cancer-registry'))).statusCode).toBe(409);
    const requester = await t.login('rekvirent');
    expect((await requester.request('GET', v(2))).statusCode).toBe(404);
    expect((await requester.request('GET', `/api/reports/${reportId}`)).json().versions).toHaveLength(1);
    await pathologist.request('PUT', v(2), { conclusion: 'BRAF p.V600E påvist. PD-L1 TPS 5 %.' });
    const signed = await pathologist.request('POST', v(2, '/sign'));
    expect(signed.json()).toMatchObject({ status: 'signed' });
    const summary = (await lab.request('GET', `/api/reports/${reportId}`)).json();
    expect(
      summary.versions.map((x: { version: number; status: string; amendment_reason: string | null }) => [
        x.version,
        x.status,
        x.amendment_reason,
      ]),
    ).toEqual([
      [1, 'signed', null],
      [2, 'signed', 'Tillegg: PD-L1 immunhistokjemi'],
    ]);
    const first = (await lab.request('GET', v(1))).json();
    expect(first.content.conclusion).toMatch(/Aktuelt med BRAF\/MEK-hemmer/);
    expect((await lab.request('GET', v(2))).json().content).toMatchObject({
      status: 'amended',
      previousVersion: 1,
    });
  });
});

describe('a lab that requires two signatures', () => {
  it('keeps the version a draft after one signature, refuses the same signer twice, and signs with a second person', async () => {
    const kase = await t.database.db
      .selectFrom('report')
      .select('lab_id')
      .where('id', '=', reportId)
      .executeTakeFirstOrThrow();
    await t.database.db
      .updateTable('lab')
      .set({ signatures_required: 2 })
      .where('organisation_id', '=', kase.lab_id)
      .execute();
    const done = await finalisedMelanomaCase(t, lab, await t.login('bioinformatiker'), 1);
    const second = (await lab.request('POST', `/api/cases/${done.caseId}/report`)).json().id;
    const sign = (client: Client) => client.request('POST', `/api/reports/${second}/versions/1/sign`);
    expect((await sign(pathologist)).json()).toMatchObject({ status: 'draft', signatures: 1, required: 2 });
    const twice = await sign(pathologist);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toMatch(/someone else/);
    expect(
      (await lab.request('PUT', `/api/reports/${second}/versions/1`, { conclusion: 'x' })).statusCode,
    ).toBe(409);
    expect((await sign(lab)).json()).toMatchObject({ status: 'signed', signatures: 2 });
    const content = (await lab.request('GET', `/api/reports/${second}/versions/1`)).json().content;
    expect(content.signatures.map((s: { role: string }) => s.role)).toEqual([
      'pathologist',
      'molecular-biologist',
    ]);
  });
});
