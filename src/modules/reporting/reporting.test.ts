import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, lastAuditEntry, type TestApp, testApp } from '../../platform/testing/testApp.ts';
import { finalisedMelanomaCase, melanomaOrder } from '../interpretation/testing.ts';
import { importCivic } from '../knowledge/imports.ts';
import { checkGenomicsBundle } from './fhir/index.ts';

const civicFixture = fileURLToPath(
  new URL('../../../test/fixtures/knowledge/civic-evidence.tsv', import.meta.url),
);

let t: TestApp;
let lab: Client;
let pathologist: Client;
let orderId: string;
let caseId: string;
let reportId: string;

beforeAll(async () => {
  t = await testApp();
  lab = await t.login('bioingenior');
  pathologist = await t.login('patolog');
  await importCivic(t.database.db, { evidence: civicFixture, release: '2026-11-01' });
  const done = await finalisedMelanomaCase(t, lab, await t.login('bioinformatiker'));
  orderId = done.orderId;
  caseId = done.caseId;
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
    const refused = await bioinformatician.request('POST', v(1, '/sign'));
    expect(refused.statusCode).toBe(403);
    // Why, as a code the page words in bokmål or English (the English detail stays for the log).
    expect(refused.json().reason).toEqual({
      code: 'role-may-not',
      params: { role: 'bioinformatician', action: 'approve', resource: 'report' },
    });
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
    expect(edit.json().reason).toEqual({ code: 'version-signed', params: { version: 1 } });
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
    const registry = await lab.request('GET', v(2, '/cancer-registry'));
    expect(registry.statusCode).toBe(409);
    expect(registry.json().reason).toEqual({ code: 'registry-needs-signed', params: {} });
    const again = await pathologist.request('POST', `/api/reports/${reportId}/amend`, { reason: 'Enda en' });
    expect(again.statusCode).toBe(409);
    expect(again.json().reason).toEqual({ code: 'amend-draft', params: { version: 2 } });
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
    expect(twice.json().reason).toEqual({ code: 'same-signer', params: {} });
    const edit = await lab.request('PUT', `/api/reports/${second}/versions/1`, { conclusion: 'x' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().reason).toEqual({
      code: 'draft-has-signature',
      params: { signer: expect.stringMatching(/\S/) },
    });
    expect(edit.json().detail).toContain(edit.json().reason.params.signer);
    expect((await sign(lab)).json()).toMatchObject({ status: 'signed', signatures: 2 });
    const content = (await lab.request('GET', `/api/reports/${second}/versions/1`)).json().content;
    expect(content.signatures.map((s: { role: string }) => s.role)).toEqual([
      'pathologist',
      'molecular-biologist',
    ]);
  });
});

describe('a refusal names its reason as a code with params, next to the English detail', () => {
  it('refuses a second report for a case, naming the report it has', async () => {
    const twice = await lab.request('POST', `/api/cases/${caseId}/report`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({
      detail: `the case has a report already: ${reportId}`,
      reason: { code: 'report-exists', params: { reportId } },
    });
  });

  it('refuses signing a signed version again', async () => {
    const again = await pathologist.request('POST', v(1, '/sign'));
    expect(again.statusCode).toBe(409);
    expect(again.json().reason).toEqual({ code: 'already-signed', params: { version: 1 } });
  });

  it('refuses a report of a case that is not finalised', async () => {
    const nordlys = await t.login('bioingenior.nordlys');
    const order = await melanomaOrder(t, 2, 'rekvirent.nordlys', 'nordlys-solid-ngs');
    const created = await nordlys.request('POST', `/api/orders/${order}/cases`);
    expect(created.statusCode).toBe(201);
    const refused = await nordlys.request('POST', `/api/cases/${created.json().id}/report`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().reason).toEqual({ code: 'case-not-finalised', params: {} });
  });

  it('refuses signing a draft that lacks mandatory content, counting what is missing', async () => {
    const amended = await pathologist.request('POST', `/api/reports/${reportId}/amend`, {
      reason: 'Rettelse av konklusjonen',
    });
    const version = amended.json().version as number;
    const { content } = (await lab.request('GET', v(version))).json();
    await t.database.db
      .updateTable('report_version')
      .set({ content: JSON.stringify({ ...content, conclusion: '' }) })
      .where('report_id', '=', reportId)
      .where('version', '=', version)
      .execute();
    const refused = await pathologist.request('POST', v(version, '/sign'));
    expect(refused.statusCode).toBe(409);
    const problem = refused.json();
    expect(problem.reason).toEqual({ code: 'content-missing', params: { n: problem.errors.length } });
    expect(problem.errors).toContainEqual(expect.objectContaining({ path: '/content/conclusion' }));
  });
});
