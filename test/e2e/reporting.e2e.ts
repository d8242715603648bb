import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path, { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { importCivic } from '../../src/modules/knowledge/imports.ts';
import { signInToApi } from '../support/apiSession.ts';
import { browserTest } from '../support/browserTest.ts';
import { finaliseCase } from '../support/casesOverHttp.ts';
import { fixtureUpload, ingestOverHttp, tumourNormalVcf } from '../support/ingestOverHttp.ts';
import { melanomaRequisition, type PlacedOrder, placeOrder } from '../support/ordersOverHttp.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const fonts = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

const MORPHOLOGY = 'Lymfeknutemetastase, pigmentert; ærlig talt tydelig, små celler';
const INTEGRATED =
  'Metastase fra malignt melanom med BRAF p.V600E; samsvar mellom SOX10-positivitet og sekvensering.';
const CONCLUSION_V1 =
  'BRAF p.V600E påvist (onkogen, Tier I nivå A). Aktuelt med BRAF/MEK-hemmer. Ærøå-test: Æ, Ø og Å.';
const CONCLUSION_V2 = 'BRAF p.V600E påvist. Tillegg: PD-L1 TPS 5 % i svulstceller.';
const AMENDMENT = 'Tillegg: PD-L1 immunhistokjemi';

const app = browserTest('reporting', { viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
const { newPage, signIn } = app;
let order: PlacedOrder;
let caseId: string;
let reportId = '';

beforeAll(async () => {
  // The operator's CIViC import (as `genvei import civic` does): the report names the release it used.
  await importCivic(app.server.database.db, {
    evidence: fixture('knowledge/civic-evidence.tsv'),
    release: '2026-11-01',
  });
  // What a report is made from, over the API: a melanoma order at Fjordvik, its tumour/normal
  // results ingested, and its case interpreted and finalised.
  order = await placeOrder(await signInToApi(app.base, 'rekvirent'), melanomaRequisition(0));
  const informatics = await signInToApi(app.base, 'bioinformatiker');
  const pipeline = { pipeline: 'DRAGEN somatic', pipelineVersion: '4.2.4' };
  const metrics = fixtureUpload('metrics', 'tumour-normal.metrics.json', pipeline);
  await ingestOverHttp(informatics, order.specimenId, tumourNormalVcf(pipeline));
  await ingestOverHttp(informatics, order.specimenId, metrics);
  ({ caseId } = await finaliseCase(await signInToApi(app.base, 'bioingenior'), informatics, order.id));
});

/** The text of every page of a PDF as a reader extracts it. */
async function pdfText(bytes: Buffer): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(bytes), standardFontDataUrl: fonts }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    pages.push(
      content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ' '}` : '')).join(''),
    );
  }
  return pages.join('\n');
}

const REPORT_PAGE = /\/reports\/([0-9a-f-]{36})\/versions\/(\d+)$/;
const notice = (page: Page) => page.getByTestId('report-notice').textContent();
const banner = (page: Page) => page.getByTestId('report-banner').textContent();
const editor = (page: Page) => page.getByRole('form', { name: 'Rediger utkastet' });
const reportHtml = (page: Page) => page.getByTestId('report-html').textContent();
const versionItem = (page: Page, n: number) =>
  page
    .getByTestId('report-version')
    .filter({ has: page.getByRole('link', { name: `Versjon ${n}`, exact: true }) });

describe('reporting in a browser', () => {
  it('lets the lab draft the report of a finalised case from the order page', async () => {
    const page = await newPage();
    await signIn(page, 'bioingenior', `/orders/${order.id}`);
    const section = page.getByTestId('order-reports');
    await expect
      .poll(() => section.textContent())
      .toContain('Tolkningssaken er godkjent og kan bli en svarrapport.');
    await section.getByRole('button', { name: 'Lag rapportutkast' }).click();
    await page.waitForURL(REPORT_PAGE);
    reportId = REPORT_PAGE.exec(page.url())?.[1] as string;
    expect(REPORT_PAGE.exec(page.url())?.[2]).toBe('1');
    await page.getByRole('heading', { level: 1, name: `Svarrapport ${order.orderNumber}` }).waitFor();
    await expect.poll(() => banner(page)).toContain('Versjon 1 er et utkast');
    await expect.poll(() => reportHtml(page)).toContain('BRAF');
    expect(await reportHtml(page)).toContain('UTKAST');
    // A draft has no Cancer Registry message yet.
    expect(await page.getByTestId('download-cancer-registry').count()).toBe(0);

    // The lab's list of finalised cases leads to the same report: a case has one.
    await page.getByRole('link', { name: 'Svarrapporter' }).click();
    const listed = page.getByTestId('finalised-cases').locator('tbody tr', { hasText: order.orderNumber });
    await listed.getByRole('button', { name: `Til rapporten: ${order.orderNumber}` }).click();
    await page.waitForURL(`${app.base}/reports/${reportId}`);
    await expect.poll(() => banner(page)).toContain('Versjon 1 er et utkast');

    await page.close();
  });

  it('refuses the signature of a role that does not sign reports', async () => {
    const page = await newPage();
    await signIn(page, 'bioinformatiker', `/reports/${reportId}`);
    await page.getByRole('button', { name: 'Signer versjon 1' }).click();
    await expect
      .poll(() => page.getByTestId('sign-error').textContent())
      .toBe(
        'Ikke tillatt: rollen din signerer ikke svarrapporter (det gjør patolog, medisinsk genetiker og bioingeniør/molekylærbiolog).',
      );
    await expect.poll(() => banner(page)).toContain('Versjon 1 er et utkast');
    const bioinformatician = await signInToApi(app.base, 'bioinformatiker');
    await expect(
      bioinformatician.request('POST', `/api/reports/${reportId}/versions/1/sign`),
    ).rejects.toThrow(/: 403 /);
    await page.close();
  });

  it('lets the pathologist add findings with æ, ø and å, shows what the template still lacks, and sign; the PDF keeps the letters', async () => {
    const page = await newPage();
    await signIn(page, 'patolog', `/reports/${reportId}`);
    await page.getByRole('heading', { level: 2, name: 'Rediger utkastet' }).waitFor();
    await editor(page).getByLabel('Morfologi', { exact: true }).fill(MORPHOLOGY);

    // Immunohistochemistry rows: added, filled, one removed again.
    for (let n = 0; n < 3; n++) await page.getByRole('button', { name: 'Legg til markør' }).click();
    const row = (n: number) => editor(page).getByRole('group', { name: `Markør ${n}`, exact: true });
    await row(1).getByLabel('Markør', { exact: true }).fill('SOX10');
    await row(1).getByLabel('Resultat').fill('positiv, små celler');
    await row(2).getByLabel('Markør', { exact: true }).fill('Ki-67');
    await row(2).getByLabel('Resultat').fill('feil rad');
    await row(3).getByLabel('Markør', { exact: true }).fill('Melan-A');
    await row(3).getByLabel('Resultat').fill('positiv');
    await page.getByRole('button', { name: 'Fjern markør 2' }).click();
    expect(await page.getByTestId('ihc-rows').getByRole('group').count()).toBe(2);
    expect(await row(2).getByLabel('Markør', { exact: true }).inputValue()).toBe('Melan-A');

    await editor(page).getByLabel('Konklusjon', { exact: true }).fill(CONCLUSION_V1);
    await page.getByRole('button', { name: 'Lagre utkastet' }).click();
    await expect.poll(() => page.getByTestId('draft-notice').textContent()).toBe('Utkastet er lagret.');
    await expect.poll(() => reportHtml(page)).toContain(MORPHOLOGY);
    expect(await reportHtml(page)).toContain('positiv, små celler');
    expect(await reportHtml(page)).toContain(CONCLUSION_V1);

    // The integrated conclusion is left empty: the server's list of what is missing leads to the field.
    await page.getByRole('button', { name: 'Signer versjon 1' }).click();
    const missing = page.getByTestId('sign-missing');
    await expect.poll(() => missing.textContent()).toContain('Integrert konklusjon: mangler');
    await page.screenshot({ path: path.join(tmpdir(), 'genvei-report-draft.png'), fullPage: true });
    await missing.getByRole('link', { name: 'Integrert konklusjon: mangler' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('report-integrated');
    await page.keyboard.type(INTEGRATED);
    await page.getByRole('button', { name: 'Lagre og signer versjon 1' }).click();

    await expect.poll(() => notice(page)).toBe('Versjon 1 er signert. Varslet: rekvirent.');
    await expect
      .poll(() => banner(page))
      .toContain('Versjon 1 er signert av Per Patolog (patolog, HPR 9100002)');
    expect(await page.getByRole('button', { name: 'Lagre utkastet' }).count()).toBe(0);
    expect(await reportHtml(page)).toContain(INTEGRATED);
    expect(await reportHtml(page)).not.toContain('UTKAST');
    expect(await versionItem(page, 1).textContent()).toContain('Gjeldende');
    await page.screenshot({ path: path.join(tmpdir(), 'genvei-report-signed.png'), fullPage: true });

    // The PDF, downloaded through the page's link, has the Norwegian letters as text.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'PDF', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${order.orderNumber}-v1.pdf`);
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pdfText(bytes)).replace(/\s+/g, ' ');
    for (const word of [
      'Lymfeknutemetastase',
      'ærlig',
      'små',
      'påvist',
      'Ærøå-test',
      'Æ, Ø og Å',
      'Molekylærpatologisk',
    ])
      expect(text).toContain(word);

    // The FHIR Bundle and the Cancer Registry message are there for a signed version.
    const fhir = await page.request.get(
      `${app.base}${await page.getByRole('link', { name: 'FHIR Bundle (JSON)' }).getAttribute('href')}`,
    );
    expect((await fhir.json()).resourceType).toBe('Bundle');
    const registry = await page.request.get(
      `${app.base}${await page.getByTestId('download-cancer-registry').getAttribute('href')}`,
    );
    expect(registry.status()).toBe(200);
    expect(await registry.text()).toContain('BRAF');
    await page.close();
  });

  it('amends the signed report with a reason; version 2 is signed and version 1 stays readable as superseded', async () => {
    const page = await newPage();
    await signIn(page, 'patolog', `/reports/${reportId}`);
    await page.getByRole('button', { name: 'Endre rapport (tillegg/rettelse)' }).click();
    // The reason is required, and the cursor is already in it.
    await page.getByRole('button', { name: 'Lag versjon 2' }).click();
    expect(await page.getByLabel('Årsak til endringen').getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.type(AMENDMENT);
    await page.getByRole('button', { name: 'Lag versjon 2' }).click();
    await page.waitForURL(`${app.base}/reports/${reportId}/versions/2`);
    await expect.poll(() => notice(page)).toBe('Versjon 2 er opprettet som utkast.');
    await expect.poll(() => banner(page)).toContain('Versjon 2 er et utkast');
    expect(await versionItem(page, 2).textContent()).toContain(`Årsak til endring: ${AMENDMENT}`);
    expect(await versionItem(page, 2).textContent()).toContain('Endring under arbeid (versjon 2)');
    // Until version 2 is signed, version 1 is still the one in force.
    expect(await versionItem(page, 1).textContent()).toContain('Gjeldende');

    // The draft starts from version 1's content.
    expect(await editor(page).getByLabel('Morfologi', { exact: true }).inputValue()).toBe(MORPHOLOGY);
    await page.getByRole('button', { name: 'Legg til markør' }).click();
    const added = editor(page).getByRole('group', { name: 'Markør 3', exact: true });
    await added.getByLabel('Markør', { exact: true }).fill('PD-L1 (22C3)');
    await added.getByLabel('Resultat').fill('TPS 5 %');
    await editor(page).getByLabel('Konklusjon', { exact: true }).fill(CONCLUSION_V2);
    await page.getByRole('button', { name: 'Lagre og signer versjon 2' }).click();
    await expect.poll(() => banner(page)).toContain('Versjon 2 er signert av Per Patolog');
    await expect.poll(() => reportHtml(page)).toContain(CONCLUSION_V2);
    expect(await versionItem(page, 2).textContent()).toContain('Gjeldende');
    expect(await versionItem(page, 1).textContent()).toContain('Erstattet av versjon 2');

    // Version 1, as it was signed.
    await versionItem(page, 1).getByRole('link', { name: 'Versjon 1', exact: true }).click();
    await page.waitForURL(`${app.base}/reports/${reportId}/versions/1`);
    await expect.poll(() => banner(page)).toContain('Denne versjonen er erstattet av versjon 2');
    await expect.poll(() => reportHtml(page)).toContain(CONCLUSION_V1);
    expect(await reportHtml(page)).not.toContain('PD-L1');
    expect(await page.getByRole('button', { name: 'Endre rapport (tillegg/rettelse)' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Lagre utkastet' }).count()).toBe(0);
    await page.close();
  });

  it('shows the requester the signed versions on the order, in either language', async () => {
    const page = await newPage();
    await signIn(page, 'rekvirent', `/orders/${order.id}`);
    const section = page.getByTestId('order-reports');
    await expect
      .poll(() => section.getByRole('link').allTextContents())
      .toEqual(['Versjon 2: Signert', 'Versjon 1: Signert']);
    expect(await section.textContent()).toContain(`endring: ${AMENDMENT}`);
    await section.getByRole('link', { name: 'Versjon 2: Signert' }).click();
    await page.waitForURL(`${app.base}/reports/${reportId}/versions/2`);
    await expect.poll(() => reportHtml(page)).toContain(CONCLUSION_V2);
    expect(await page.getByRole('button', { name: 'Endre rapport (tillegg/rettelse)' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Signer/ }).count()).toBe(0);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: `Report ${order.orderNumber}` }).waitFor();
    await expect
      .poll(() => page.getByTestId('report-html').locator('article').getAttribute('lang'))
      .toBe('en');
    expect(await page.getByTestId('report-versions').textContent()).toContain('Superseded by version 2');
    await page.close();
  });

  it('keeps the draft-from-case step to the lab: the case has exactly one report', async () => {
    const lab = await signInToApi(app.base, 'bioingenior');
    await expect(lab.request('POST', `/api/cases/${caseId}/report`)).rejects.toThrow(
      /: 409 .*has a report already/,
    );
  });
});
