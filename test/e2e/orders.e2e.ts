import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { syntheticNationalId } from '../../src/demo/seed.ts';
import { browserTest } from '../support/browserTest.ts';

const app = browserTest('orders', { viewport: { width: 1400, height: 900 } });
const { newPage, signIn } = app;

/** Astrid Fjellheim, a synthetic patient in Fjordvik HF's care (demo data). */
const ASTRID = syntheticNationalId('1958-03-11');
const ORDER_PAGE = /\/orders\/([0-9a-f-]{36})\?placed=1$/;

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await page.getByRole('heading', { name: 'Logg inn i genvei' }).waitFor();
}

/** The parts of the requisition every order in this test has in common. */
async function fillRequisition(page: Page, clinicalQuestion: string) {
  await page.getByLabel('Fødselsnummer eller D-nummer').fill(ASTRID);
  await expect.poll(() => page.getByTestId('patient-status').textContent()).toContain('Astrid Fjellheim');
  await page.getByRole('combobox', { name: 'Analyse', exact: true }).selectOption('fjordvik-lunge-ngs');
  await page.getByLabel('Diagnose (OncoTree-kode)').fill('LUAD');
  await page.getByLabel('ICD-10-kode').fill('C34.1');
  await page.getByLabel('Klinisk problemstilling').fill(clinicalQuestion);
  const specimen = page.getByRole('group', { name: 'Prøve 1' });
  await specimen.getByLabel('Blokk-id').fill('B2026-04711 A2');
  await specimen.getByLabel('Prøvetakingsdato').fill('2026-11-02');
  await specimen.getByLabel('Prøvested').fill('Lunge, høyre overlapp');
  await specimen.getByLabel('Andel tumorceller (%)').fill('40');
  await page.getByRole('radio', { name: 'Nei' }).check();
}

describe('requisitions in a browser', () => {
  let orderId = '';
  let orderNumber = '';

  it('lets a requester order a panel, checking fields as they are typed and placing server errors by their field', async () => {
    const page = await newPage();
    await signIn(page, 'rekvirent', '/orders/new');
    await page.getByRole('heading', { level: 1, name: 'Ny rekvisisjon' }).waitFor();

    // The fødselsnummer is checked while it is typed, naming the rule that failed.
    const nationalId = page.getByLabel('Fødselsnummer eller D-nummer');
    await nationalId.fill(`${ASTRID.slice(0, 10)}${(Number(ASTRID[10]) + 1) % 10}`);
    await expect.poll(() => nationalId.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#order-patient-nationalId-error').textContent()).toBe(
      'Andre kontrollsiffer (11. siffer) stemmer ikke (modulus 11).',
    );
    await nationalId.fill(ASTRID);
    await expect.poll(() => page.getByTestId('patient-status').textContent()).toContain('Astrid Fjellheim');
    expect(await nationalId.getAttribute('aria-invalid')).toBeNull();

    await page.getByRole('combobox', { name: 'Analyse', exact: true }).selectOption('fjordvik-lunge-ngs');
    await expect.poll(() => page.getByTestId('analysis-facts').textContent()).toContain('20 %');
    expect(await page.getByTestId('test-history').textContent()).toContain('Ingen tidligere');
    expect(await page.getByTestId('duplicate-warning').count()).toBe(0);

    await page.getByLabel('Diagnose (OncoTree-kode)').fill('LUAX');
    await page.getByLabel('ICD-10-kode').fill('C34.1');
    await page.getByRole('button', { name: 'Legg til behandlingslinje' }).click();
    await page.keyboard.type('Karboplatin/pemetreksed');
    const line = page.getByRole('group', { name: 'Linje, rad 1' });
    await line.getByLabel('Start').fill('2026-06-01');
    await line.getByLabel('Slutt').fill('2026-10-01');
    await line.getByLabel('Respons').selectOption('progressive');
    await page.getByLabel('Metastaselokalisasjoner').fill('lever, skjelett');

    const specimen = page.getByRole('group', { name: 'Prøve 1' });
    await specimen.getByLabel('Blokk-id').fill('B2026-04711 A2');
    await specimen.getByLabel('Prøvetakingsdato').fill('2026-11-02');
    await specimen.getByLabel('Prøvested').fill('Lunge, høyre overlapp');
    await specimen.getByLabel('Andel tumorceller (%)').fill('15');
    expect(await page.getByTestId('tumour-cells-low').textContent()).toContain('minimum på 20 %');
    await page.getByRole('radio', { name: 'Nei' }).check();

    // The clinical question is left empty: Enter sends, the browser says what is missing, by the field.
    await specimen.getByLabel('Prøvested').press('Enter');
    const question = page.getByLabel('Klinisk problemstilling');
    await expect.poll(() => question.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#order-clinical-question-error').textContent()).toBe('Må fylles ut.');
    expect(await question.getAttribute('aria-describedby')).toContain('order-clinical-question-error');
    expect(await page.locator('.error-summary').textContent()).toContain('Rett disse feltene');
    expect(page.url()).toBe(`${app.base}/orders/new`);
    await page.screenshot({ path: path.join(tmpdir(), 'genvei-orders-form.png'), fullPage: true });

    // The server knows the OncoTree codes: its error lands next to the diagnosis field.
    await question.fill('EGFR, ALK, ROS1, KRAS G12C? Progresjon etter førstelinje.');
    await question.press('Tab');
    await page.getByLabel('ICD-10-kode').press('Enter');
    const oncotree = page.getByLabel('Diagnose (OncoTree-kode)');
    await expect.poll(() => oncotree.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#order-clinical-diagnosis-oncotree-error').textContent()).toBe(
      'Dette er ikke en OncoTree-kode genvei kjenner.',
    );
    expect(await question.getAttribute('aria-invalid')).toBeNull();

    await oncotree.fill('LUAD');
    await expect
      .poll(() => page.getByTestId('oncotree-match').textContent())
      .toBe('LUAD: Lung Adenocarcinoma');
    expect(await oncotree.getAttribute('aria-invalid')).toBeNull();
    await oncotree.press('Enter');
    await page.waitForURL(ORDER_PAGE);
    orderId = (ORDER_PAGE.exec(page.url()) as RegExpExecArray)[1] as string;

    const heading = page.getByRole('heading', { level: 1, name: /^Rekvisisjon GV-/ });
    await heading.waitFor();
    orderNumber = ((await heading.textContent()) as string).replace('Rekvisisjon ', '');
    expect(await page.getByTestId('order-status').textContent()).toBe('Bestilt');
    expect(await page.getByTestId('order-notice').textContent()).toBe('Rekvisisjonen er sendt.');
    const summary = await page.getByTestId('order-summary').textContent();
    expect(summary).toContain('Astrid Fjellheim');
    expect(summary).toContain('LUAD · C34.1');
    expect(summary).toContain('Karboplatin/pemetreksed');
    expect(summary).toContain('lever, skjelett');
    expect(await page.getByTestId('specimen-card').textContent()).toContain(
      'under analysens minimum på 20 %',
    );
    expect(await page.getByRole('link', { name: 'Last ned som FHIR R4 (JSON)' }).getAttribute('href')).toBe(
      `/api/orders/${orderId}/fhir`,
    );
    await page.screenshot({ path: path.join(tmpdir(), 'genvei-orders-placed.png'), fullPage: true });
    await signOut(page);
    await page.close();
  });

  it('lets the lab find the order on its work-list, receive the specimen and register a DNA extract', async () => {
    const page = await newPage();
    await signIn(page, 'bioingenior', '/');
    await page.getByRole('link', { name: 'Rekvisisjoner' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Rekvisisjoner' }).waitFor();
    await page.getByRole('article', { name: 'Arbeidsliste' }).getByRole('link').click();
    await page.waitForURL(`${app.base}/orders/worklist`);
    const worklist = page.getByTestId('worklist');
    await worklist.waitFor();
    const lab = page.locator('select[name="lab"]');
    expect(await lab.locator('option:checked').textContent()).toBe(
      'Molekylærpatologisk laboratorium, Fjordvik',
    );
    expect(await page.getByRole('link', { name: 'Bestilt (1)' }).count()).toBe(1);
    expect(await worklist.textContent()).toContain('Astrid Fjellheim');
    await page.getByRole('link', { name: 'Mottatt (0)' }).click();
    await page.getByText('Ingen rekvisisjoner.').waitFor();
    await page.getByRole('link', { name: 'Bestilt (1)' }).click();
    await page.getByTestId('worklist').getByRole('link', { name: orderNumber }).click();
    await page.waitForURL(`${app.base}/orders/${orderId}`);

    const receive = page.getByRole('form', { name: 'Motta prøve 1' });
    await receive.getByLabel('Akkresjonsnummer').fill('FV26-00042');
    await receive.getByLabel('Lagringssted').fill('Blokkarkiv, skap 3');
    await receive.getByLabel('Lagringssted').press('Enter');
    await expect
      .poll(() => page.getByTestId('order-notice').textContent())
      .toBe('Prøven er mottatt som FV26-00042.');
    expect(await page.getByTestId('order-status').textContent()).toBe('Mottatt');
    expect(await page.getByTestId('accession').textContent()).toBe('FV26-00042');

    const derive = page.getByRole('form', { name: 'Registrer ekstrakt eller alikvot fra prøve 1' });
    expect(await derive.getByLabel('Type').inputValue()).toBe('dna');
    await derive.getByLabel('Akkresjonsnummer').fill('FV26-00042-D1');
    await derive.getByLabel('Mengde (ng)').fill('250');
    await derive.getByLabel('Lagringssted').fill('Fryser −20 °C, boks 7');
    await derive.getByLabel('Lagringssted').press('Enter');
    await expect
      .poll(() => page.getByTestId('order-notice').textContent())
      .toBe('Ekstraktet FV26-00042-D1 er registrert.');
    const extracts = await page.getByTestId('extracts').textContent();
    expect(extracts).toContain('DNA-ekstrakt');
    expect(extracts).toContain('FV26-00042-D1');
    const custody = await page.getByTestId('custody').locator('tbody tr').allTextContents();
    expect(custody.map((row) => row.replace(/^.*?\d{2}:\d{2}/, ''))).toEqual([
      expect.stringMatching(/^Tatt.*Lunge, høyre overlapp.*Kari Onkolog$/),
      expect.stringMatching(/^Mottatt.*Blokkarkiv, skap 3.*Berit Bioingeniør$/),
      expect.stringMatching(/^Ekstrahert.*DNA-ekstrakt FV26-00042-D1.*Berit Bioingeniør$/),
      expect.stringMatching(/^Lagret.*DNA-ekstrakt FV26-00042-D1.*Fryser −20 °C, boks 7.*Berit Bioingeniør$/),
    ]);
    expect(await page.getByTestId('timeline').textContent()).toContain(
      'Status endret fra «Bestilt» til «Mottatt»',
    );
    await page.screenshot({ path: path.join(tmpdir(), 'genvei-orders-lab.png'), fullPage: true });
    await signOut(page);
    await page.close();
  });

  it('shows the requester the new status, and warns when the same panel is ordered again', async () => {
    const page = await newPage();
    // The requester finds the order among their own, without knowing its URL.
    await signIn(page, 'rekvirent', '/orders');
    const mine = page.getByTestId('my-orders').locator('tbody tr').first();
    await mine.waitFor();
    expect(await mine.textContent()).toContain('Mottatt');
    await mine.getByRole('link').first().click();
    await page.waitForURL(`${app.base}/orders/${orderId}`);
    await expect.poll(() => page.getByTestId('order-status').textContent()).toBe('Mottatt');
    expect(await page.getByRole('heading', { name: 'Laboratoriets handlinger' }).count()).toBe(0);
    expect(await page.getByRole('form', { name: 'Kanseller rekvisisjonen' }).count()).toBe(1);

    await page.getByRole('link', { name: 'Ny rekvisisjon' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny rekvisisjon' }).waitFor();
    await fillRequisition(page, 'Ny biopsi etter progresjon: resistensmekanisme?');
    const warning = page.getByTestId('duplicate-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toContain(orderNumber);
    const history = await page.getByTestId('test-history').textContent();
    expect(history).toContain(orderNumber);
    expect(history).toContain('Mottatt');

    // Ordering anyway needs a reason.
    const reason = page.getByLabel('Begrunnelse for å bestille likevel');
    await reason.press('Enter');
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#order-duplicateOverrideReason-error').textContent()).toBe('Må fylles ut.');
    await warning.screenshot({ path: path.join(tmpdir(), 'genvei-orders-duplicate.png') });

    await reason.fill('Ny biopsi etter progresjon på osimertinib');
    await reason.press('Enter');
    await page.waitForURL(ORDER_PAGE);
    await page.getByRole('heading', { level: 1, name: /^Rekvisisjon GV-/ }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).not.toBe(
      `Rekvisisjon ${orderNumber}`,
    );
    expect(await page.getByTestId('duplicate-override').textContent()).toBe(
      'Ny biopsi etter progresjon på osimertinib',
    );
    await page.close();
  });

  it('shows turnaround per lab, in English too', async () => {
    const page = await newPage();
    await signIn(page, 'rekvirent', '/orders/turnaround');
    const table = page.getByTestId('turnaround');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(3);
    await expect.poll(() => table.textContent()).toContain('ingen besvart ennå');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Turnaround per lab' }).waitFor();
    expect(await table.locator('thead').textContent()).toContain('90th percentile (days)');
    await page.getByRole('button', { name: 'Norsk' }).click();
    await page.close();
  });
});
