import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserTest } from '../support/browserTest.ts';

const app = browserTest('catalogue', { viewport: { width: 1400, height: 900 } });
const { newPage, signIn } = app;

describe('the analysis catalogue in a browser', () => {
  it('lets anyone search by gene and open an analysis at a URL that stays', async () => {
    const page = await newPage();
    await page.goto(`${app.base}/catalogue`);
    await page.getByRole('heading', { name: 'Finn en analyse' }).waitFor();
    expect(await page.getByRole('link', { name: 'Logg inn', exact: true }).isVisible()).toBe(true);

    await page.getByLabel('Gen', { exact: true }).fill('ALK');
    await page.getByLabel('Gen', { exact: true }).press('Enter');
    await page.waitForURL(`${app.base}/catalogue?gene=ALK`);
    await page.getByRole('heading', { name: /Analyser som tester ALK/ }).waitFor();
    const results = page.getByTestId('analysis-results');
    const text = await results.textContent();
    expect(text).toContain('Laboratorium for molekylærpatologi, Nordlys');
    expect(text).toContain('Genomlaboratoriet, Østdal');
    expect(text).not.toContain('Fjordvik');

    // The search is a link: opened afresh, it shows the same.
    await page.reload();
    expect(await page.getByTestId('analysis-results').textContent()).toBe(text);

    await page.getByRole('link', { name: 'NGS solide svulster (DNA+RNA)' }).click();
    await page.waitForURL(`${app.base}/catalogue/analyses/nordlys-solid-ngs`);
    await page.getByRole('heading', { level: 1, name: 'NGS solide svulster (DNA+RNA)' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'NGS solide svulster (DNA+RNA)' }).waitFor();
    expect(await page.getByRole('link', { name: 'ALK', exact: true }).count()).toBeGreaterThan(0);

    // An alias finds the gene, and says so in the reader's language.
    await page.goto(`${app.base}/catalogue?gene=HER2`);
    await expect.poll(() => page.getByText(/HER2 er et alias for ERBB2/).count()).toBe(1);

    // Everything else still asks for a sign-in.
    await page.goto(`${app.base}/patients`);
    await page.getByRole('heading', { name: 'Logg inn i genvei' }).waitFor();
    await page.close();
  });

  it('shows the coverage matrix for lung adenocarcinoma, in words as well as colours', async () => {
    const page = await newPage();
    await page.goto(`${app.base}/catalogue/coverage/LUAD`);
    const matrix = page.getByTestId('coverage-matrix');
    await matrix.waitFor();
    const headers = await matrix.locator('thead th').allTextContents();
    expect(headers[1]).toMatch(/^ALK.*obligatorisk/);
    expect(headers.at(-1)).toMatch(/^ERBB2.*anbefalt/);

    const cell = (analysis: string, gene: string) =>
      matrix.locator(`tr[data-analysis="${analysis}"] td[data-gene="${gene}"]`);
    expect(await cell('fjordvik-lunge-ngs', 'ALK').textContent()).toContain('ikke i panelet');
    expect(await cell('fjordvik-lunge-ngs', 'MET').textContent()).toContain('finner ikke spleisevariant');
    expect(await cell('fjordvik-lunge-ngs', 'EGFR').textContent()).toContain('dekket');
    const nordlys = await matrix.locator('tr[data-analysis="nordlys-solid-ngs"] td').allTextContents();
    expect(nordlys).toHaveLength(11);
    for (const text of nordlys) expect(text).toBe('✓dekket');

    expect(await matrix.locator('tfoot td[data-gene="ALK"]').textContent()).toBe('2');
    await page.screenshot({ path: path.join(tmpdir(), 'genvei-catalogue-coverage.png'), fullPage: true });
    await page.close();
  });

  it('lets a curator edit a panel, release a version and see what changed', async () => {
    const page = await newPage();
    await page.goto(`${app.base}/catalogue/panels/nordlys-solid-dna-rna`);
    await page.getByRole('link', { name: 'Logg inn', exact: true }).click();
    await page.getByLabel('Brukernavn').fill('kurator');
    await page.getByLabel('Passord').fill('genvei-demo');
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
    await page.waitForURL(`${app.base}/catalogue/panels/nordlys-solid-dna-rna`);
    expect(await page.getByTestId('user-name').textContent()).toBe('Kjell Kurator');

    const editor = page.getByRole('form', { name: 'Endre genene' });
    await editor.waitFor();
    expect(await editor.getByTestId('editor-row').count()).toBe(17);
    // A new row takes the focus; an unknown gene is refused next to its row, nothing is stored.
    await editor.getByRole('button', { name: 'Legg til gen' }).click();
    await page.keyboard.type('LKB1');
    await editor.getByLabel('Konfidens, rad 18').selectOption('amber');
    await editor.getByRole('button', { name: 'Legg til gen' }).click();
    await page.keyboard.type('NOSUCHGENE1');
    await editor.getByLabel('Endringsnotat').fill('STK11 for samforekomst med KRAS');
    await editor.getByLabel('Endringsnotat').press('Enter');
    await expect
      .poll(() => editor.getByTestId('editor-row').nth(18).textContent())
      .toContain('NOSUCHGENE1 er ikke et kjent gensymbol.');
    expect(await editor.getByLabel('Gen, rad 19').getAttribute('aria-invalid')).toBe('true');
    expect(await editor.getByRole('alert').textContent()).toContain('Rett feilene');

    await editor.getByRole('button', { name: 'Fjern rad 19 (NOSUCHGENE1)' }).click();
    await editor.getByLabel('Gen, rad 18').press('Enter');
    await page.getByText('Lagret som versjon 1.1.').waitFor();
    expect(await page.getByText('LKB1 er et alias for STK11 (HGNC:11389); STK11 er brukt.').count()).toBe(1);
    await expect.poll(() => page.getByTestId('panel-version').textContent()).toBe('Viser versjon 1.1');
    expect(await page.getByTestId('panel-entries').textContent()).toContain('STK11');

    const release = page.getByRole('form', { name: 'Frigi ny hovedversjon' });
    await release.getByLabel('Endringsnotat').fill('Validert med STK11');
    await release.getByRole('button', { name: 'Frigi versjon 2.0' }).click();
    await page.getByText('Versjon 2.0 er frigitt.').waitFor();
    await page.getByRole('button', { name: 'Godkjenn versjon 2.0' }).click();
    await page.getByText('Versjon 2.0 er godkjent.').waitFor();
    await expect
      .poll(() => page.getByTestId('panel-history').locator('li').first().textContent())
      .toMatch(/^Versjon 2\.0 Godkjent.*Godkjent av Kjell Kurator/);

    // The comparison starts at the release before the newest; its URL can be cited.
    expect(await page.getByLabel('Fra versjon').inputValue()).toBe('1.0');
    expect(await page.getByLabel('Til versjon').inputValue()).toBe('2.0');
    await page.getByRole('button', { name: 'Sammenlign' }).click();
    await page.waitForURL(`${app.base}/catalogue/panels/nordlys-solid-dna-rna?from=1.0&to=2.0`);
    const diff = page.getByTestId('panel-diff');
    await diff.getByRole('heading', { name: 'Endringer fra versjon 1.0 til 2.0' }).waitFor();
    expect(await diff.getByRole('status').textContent()).toBe('1 lagt til, 0 fjernet, 0 endret, 17 uendret');
    const added = diff.locator('tr.diff-added');
    expect(await added.count()).toBe(1);
    expect(await added.textContent()).toMatch(/Lagt til.*STK11.*HGNC:11389/);
    await diff.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(tmpdir(), 'genvei-catalogue-diff.png'), fullPage: true });
    await page.close();
  });

  it('shows a lab scientist the server’s refusal, in bokmål, when their session may not edit, and in English after a switch', async () => {
    const page = await newPage();
    await signIn(page, 'bioingenior', '/catalogue/panels/ostdal-fusjon-rna');
    const editor = page.getByRole('form', { name: 'Endre genene' });
    await editor.getByLabel('Endringsnotat').fill('forsøk');
    await editor.getByRole('button', { name: 'Lagre ny versjon' }).click();
    await expect
      .poll(() => editor.getByRole('alert').textContent())
      .toContain('Ingen tilgang: formålet helsehjelp gir ikke denne tilgangen');
    // The refusal already shown is worded again in the language the reader switches to.
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/^Access refused: /);
    await page.getByRole('button', { name: 'Norsk' }).click();
    await page.close();
  });
  it('lets a curator set how DRAGEN metrics are read for an analysis, from the keyboard', async () => {
    const page = await newPage();
    await signIn(page, 'kurator', '/catalogue/analyses/nordlys-solid-ngs');
    const form = page.getByRole('form', { name: 'Tolkning av pipelinens målinger' });
    await form.waitFor();
    await form.getByLabel('TMB-tall fra DRAGEN').selectOption('AdjustedTmbPerMb');
    const cutOff = form.getByLabel('MSI-H fra andel ustabile seter (%)');
    await cutOff.fill('tjue');
    await cutOff.press('Enter');
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('et tall fra 0 til 100');
    await cutOff.fill('12,5');
    await cutOff.press('Enter');
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Innstillingene er lagret.');
    await page.reload();
    await page.getByRole('form', { name: 'Tolkning av pipelinens målinger' }).waitFor();
    expect(await page.getByLabel('TMB-tall fra DRAGEN').inputValue()).toBe('AdjustedTmbPerMb');
    expect(await page.getByLabel('MSI-H fra andel ustabile seter (%)').inputValue()).toBe('12.5');
    await page.close();
  });
});
