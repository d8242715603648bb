import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signInToApi } from '../support/apiSession.ts';
import { browserTest } from '../support/browserTest.ts';
import { finaliseCase } from '../support/casesOverHttp.ts';
import { ingestOverHttp, tumourNormalVcf } from '../support/ingestOverHttp.ts';
import { melanomaRequisition, type PlacedOrder, placeOrder } from '../support/ordersOverHttp.ts';

const FJORDVIK_LAB = 'Molekylærpatologisk laboratorium, Fjordvik';
const NORDLYS_LAB = 'Laboratorium for molekylærpatologi, Nordlys';
/** Rows in the large case: the bench covers scrolling speed; here, that only a window is rendered. */
const LARGE_CASE_ROWS = 5000;

const app = browserTest('interpretation', { viewport: { width: 1600, height: 1000 } });
const { newPage, signIn } = app;

let first: PlacedOrder;
let second: PlacedOrder;
let nordlys: PlacedOrder;
let large: PlacedOrder;

/** Thousands of annotated BRAF missense calls that all pass the filters: a case far larger than a screen. */
function largeVcf(rows: number): string {
  const header = String(tumourNormalVcf().bytes)
    .split('\n')
    .filter((line) => line.startsWith('#'));
  const records = Array.from({ length: rows }, (_, n) => {
    const csq = `T|missense_variant|MODERATE|BRAF|ENSG00000157764|Transcript|ENST00000646891.2|protein_coding|15/18||ENST00000646891.2:c.${1000 + n}G>A|ENSP00000493543.1:p.Ala${300 + n}Thr||1|YES|NM_004333.6||`;
    return `chr7\t${140_700_000 + n * 7}\t.\tC\tT\t200\tPASS\tDP=300;CSQ=${csq}\tGT:AD:AF:DP\t0/1:150,150:0.5:300\t0/0:200,0:0:200`;
  });
  return `${[...header, ...records].join('\n')}\n`;
}

beforeAll(async () => {
  // Orders and their sequencing are other tests' subjects: here they are placed and ingested over the API.
  const requester = await signInToApi(app.base, 'rekvirent');
  const nordlysRequester = await signInToApi(app.base, 'rekvirent.nordlys');
  first = await placeOrder(requester, melanomaRequisition(0, 'fjordvik-lunge-ngs'));
  second = await placeOrder(requester, melanomaRequisition(1, 'fjordvik-lunge-ngs'));
  nordlys = await placeOrder(nordlysRequester, melanomaRequisition(2, 'nordlys-solid-ngs'));
  large = await placeOrder(nordlysRequester, melanomaRequisition(5, 'nordlys-solid-ngs'));
  const fjordvikLab = await signInToApi(app.base, 'bioinformatiker');
  const nordlysLab = await signInToApi(app.base, 'bioinformatiker.nordlys');
  await ingestOverHttp(fjordvikLab, first.specimenId, tumourNormalVcf());
  await ingestOverHttp(fjordvikLab, second.specimenId, tumourNormalVcf());
  await ingestOverHttp(nordlysLab, nordlys.specimenId, tumourNormalVcf());
  await ingestOverHttp(nordlysLab, large.specimenId, {
    ...tumourNormalVcf(),
    name: 'large.vep.vcf',
    bytes: largeVcf(LARGE_CASE_ROWS),
  });
});

const CASE_PAGE = /\/cases\/([0-9a-f-]{36})$/;

/** From the order page, the lab opens the order's interpretation case. */
async function createCaseFromOrder(page: Page, order: PlacedOrder): Promise<string> {
  await page.getByRole('button', { name: 'Opprett tolkningssak' }).click();
  await page.waitForURL(CASE_PAGE);
  await page.getByRole('heading', { level: 1, name: `Tolkningssak ${order.orderNumber}` }).waitFor();
  return CASE_PAGE.exec(page.url())?.[1] as string;
}

const keptLabels = (page: Page) =>
  page.getByTestId('kept-variants').locator('tbody tr.variant-row th').allTextContents();
const notice = (page: Page) => page.getByTestId('case-notice').textContent();
const liveClass = (page: Page) => page.getByTestId('live-classification').textContent();
const liveTier = (page: Page) => page.getByTestId('live-tier').textContent();
const keptRow = (page: Page, label: string) =>
  page.getByTestId('kept-variants').locator('tbody tr.variant-row', { hasText: label });

async function openVariant(page: Page, label: string) {
  await page.getByRole('button', { name: label, exact: true }).click();
  await page.getByRole('heading', { level: 2, name: `Variant ${label}` }).waitFor();
}

async function tick(page: Page, code: string) {
  await page.getByRole('checkbox', { name: new RegExp(`^${code} `) }).check();
}

let firstCaseId = '';
let brafId = 0;

describe('interpreting a tumour case in a browser', () => {
  it('lets a lab scientist open a case from the order, filter it, classify BRAF p.V600E and send it for review', async () => {
    const page = await newPage();
    await signIn(page, 'bioingenior', `/orders/${first.id}`);
    firstCaseId = await createCaseFromOrder(page, first);
    expect(await page.getByTestId('case-context').textContent()).toBe('MEL');
    expect(await page.getByTestId('case-status').textContent()).toBe('Under tolkning');
    expect(await page.getByTestId('rounds').textContent()).toContain('Runde 1: tolkning');

    // What passed the filters, and what each filter removed.
    await expect.poll(() => keptLabels(page)).toEqual(['TP53 c.490del', 'TP53 c.490dup', 'BRAF p.V600E']);
    const vcfFilter = page.getByTestId('filter-counts').locator('tbody tr', { hasText: 'VCF FILTER' });
    expect(await vcfFilter.locator('td').first().textContent()).toBe('1');
    expect(await page.getByTestId('worklist-summary').textContent()).toContain(
      '3 varianter passerte filtrene (3 uten beslutning); 2 er filtrert bort.',
    );
    await page.getByLabel('Vis bortfiltrerte varianter').check();
    await expect.poll(() => page.url()).toContain('removed=1');
    const kras = page.getByTestId('removed-variants').locator('tbody tr.variant-row', { hasText: 'KRAS' });
    expect(await kras.locator('td').nth(7).textContent()).toBe('VCF FILTER');
    expect(await kras.locator('td').nth(8).textContent()).toContain('weak_evidence');
    expect(
      await kras.getByRole('button', { name: 'Hent KRAS c.36T>C tilbake til arbeidslisten' }).count(),
    ).toBe(1);
    await page.getByLabel('Søk (gen, variant eller HGVS)').fill('tp53');
    await expect.poll(() => keptLabels(page)).toEqual(['TP53 c.490del', 'TP53 c.490dup']);
    await page.getByLabel('Søk (gen, variant eller HGVS)').fill('');
    await page.getByLabel('Vis bortfiltrerte varianter').uncheck();

    // The arrow keys move between rows.
    await page.getByRole('button', { name: 'BRAF p.V600E', exact: true }).focus();
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('TP53 c.490dup');

    // Classify: the total and the class follow the criteria as they are ticked.
    await openVariant(page, 'BRAF p.V600E');
    brafId = Number(new URL(page.url()).searchParams.get('variant'));
    expect(await page.getByTestId('variant-panel').textContent()).toContain('40 % (40 / 100)');
    await page.getByRole('button', { name: 'Klassifiser', exact: true }).click();
    expect(await liveClass(page)).toBe('Sum 0 poeng: Usikker betydning (VUS)');
    await tick(page, 'OS2');
    expect(await liveClass(page)).toBe('Sum 4 poeng: Usikker betydning (VUS)');
    await tick(page, 'OS3');
    expect(await liveClass(page)).toBe('Sum 8 poeng: Sannsynlig onkogen');
    await tick(page, 'OP1');
    await tick(page, 'OP4');
    expect(await liveClass(page)).toBe('Sum 10 poeng: Onkogen');
    // The SOP excludes OM1 with OS3: the form says so and will not save.
    await tick(page, 'OM1');
    expect(await liveClass(page)).toContain(
      'Kriteriene kan ikke brukes slik: OM1 (critical-functional-domain) and OS3',
    );
    expect(await page.getByRole('button', { name: 'Lagre klassifiseringen' }).isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: /^OM1 / }).uncheck();
    expect(await liveClass(page)).toBe('Sum 10 poeng: Onkogen');

    // Evidence: level A from another tumour type counts as C; for melanoma it is Tier I level A.
    expect(await liveTier(page)).toBe('AMP/ASCO/CAP 2017: Tier III (uten evidens for klinisk betydning)');
    await page.getByRole('button', { name: 'Legg til evidens' }).click();
    const evidence = page.getByRole('group', { name: 'Evidens 1' });
    await evidence.getByLabel('Type', { exact: true }).selectOption('therapeutic');
    await evidence.getByLabel('AMP-evidensnivå').selectOption('A');
    expect(await liveTier(page)).toBe('AMP/ASCO/CAP 2017: Tier II, nivå C');
    await evidence.getByLabel('Gjelder pasientens tumortype').check();
    expect(await liveTier(page)).toBe('AMP/ASCO/CAP 2017: Tier I, nivå A');
    // A source is required: the error is by the field, and the cursor goes there.
    await page.getByRole('button', { name: 'Lagre klassifiseringen' }).click();
    const source = evidence.getByLabel('Kilde');
    await expect.poll(() => source.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(await source.getAttribute('id'));
    await source.fill('FDA label: vemurafenib, dabrafenib+trametinib in BRAF V600E melanoma');
    expect(await source.getAttribute('aria-invalid')).toBeNull();
    await evidence.getByLabel('PubMed-id').fill('21639808');
    await evidence
      .getByLabel('Sammendrag')
      .fill('BRAF-hemmer gir forlenget overlevelse ved BRAF V600E-mutert melanom.');
    await evidence.getByLabel('Behandlinger').fill('vemurafenib, dabrafenib');
    await page
      .getByLabel('Tolkning (tekst til svarrapporten)')
      .fill('BRAF p.V600E er en kjent onkogen driver; behandlingsrettet ved melanom.');
    await page.screenshot({ path: path.join(tmpdir(), 'genvei-interpretation-form.png'), fullPage: true });
    await page.getByRole('button', { name: 'Lagre klassifiseringen' }).click();
    await expect
      .poll(() => notice(page))
      .toBe('BRAF p.V600E: Onkogen, 10 poeng, Tier I, nivå A. Lagret som versjon 1.');
    expect(await keptRow(page, 'BRAF p.V600E').locator('td').last().textContent()).toBe(
      'Onkogen Tier I, nivå A',
    );

    // The TP53 calls are not relevant to the question asked.
    for (const label of ['TP53 c.490del', 'TP53 c.490dup']) {
      await openVariant(page, label);
      await page.getByTestId('variant-panel').getByLabel('Årsak').fill('Ikke relevant for problemstillingen');
      await page.getByRole('button', { name: 'Marker som ikke relevant' }).click();
      await expect.poll(() => notice(page)).toBe(`${label} er markert som ikke relevant.`);
      expect(await keptRow(page, label).locator('td').last().textContent()).toBe('Ikke relevant');
    }
    await page.screenshot({ path: path.join(tmpdir(), 'genvei-interpretation-case.png'), fullPage: true });

    await page.getByRole('button', { name: 'Send til kontroll' }).click();
    await expect.poll(() => notice(page)).toBe('Saken er sendt til kontroll.');
    expect(await page.getByTestId('case-status').textContent()).toBe('Til kontroll');
    expect(await page.getByTestId('rounds').textContent()).toContain('Runde 2: kontroll');

    // The one who sent it cannot finalise it too.
    await page.getByRole('button', { name: 'Godkjenn saken' }).click();
    await expect
      .poll(() => page.getByTestId('case-error').textContent())
      .toBe('Ikke tillatt: godkjenning krever en annen person: du sendte selv saken til kontroll.');
    expect(await page.getByTestId('case-status').textContent()).toBe('Til kontroll');
    await page.close();
  });

  it('lets a second person find the case in the lab’s list and finalise it', async () => {
    const page = await newPage();
    await signIn(page, 'bioinformatiker', '/interpretation');
    await page.getByRole('heading', { level: 1, name: 'Tolkningssaker' }).waitFor();
    await page.getByLabel('Status').selectOption('in-review');
    await expect.poll(() => page.url()).toContain('status=in-review');
    const row = page.getByTestId('case-list').locator('tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Til kontroll');
    await row.getByRole('link', { name: first.orderNumber }).click();
    await page.waitForURL(`${app.base}/cases/${firstCaseId}`);
    await page.getByRole('button', { name: 'Godkjenn saken' }).click();
    await expect.poll(() => notice(page)).toBe('Saken er godkjent.');
    expect(await page.getByTestId('case-status').textContent()).toBe('Godkjent');
    expect(await page.getByTestId('rounds').textContent()).toContain('godkjent');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: `Interpretation case ${first.orderNumber}` }).waitFor();
    expect(await page.getByTestId('case-status').textContent()).toBe('Finalised');
    expect(await keptRow(page, 'BRAF p.V600E').locator('td').last().textContent()).toBe(
      'Oncogenic Tier I, level A',
    );
    await page.getByRole('button', { name: 'Norsk' }).click();
    // A finalised case is read-only until someone reopens it with a reason.
    await openVariant(page, 'BRAF p.V600E');
    expect(await page.getByRole('button', { name: 'Klassifiser på nytt' }).count()).toBe(0);
    expect(await page.getByRole('form', { name: 'Gjenåpne saken' }).count()).toBe(1);
    await page.close();
  });

  it('offers the finalised assessment, with its age, when the variant shows up in a new case', async () => {
    const page = await newPage();
    await signIn(page, 'bioingenior', `/orders/${second.id}`);
    const secondCaseId = await createCaseFromOrder(page, second);
    await expect
      .poll(() => keptRow(page, 'BRAF p.V600E').getByTestId('offer-badge').textContent())
      .toBe('Onkogen (i dag)');
    await openVariant(page, 'BRAF p.V600E');
    const offer = page.getByTestId('offers').locator('li');
    expect(await offer.textContent()).toContain(`${FJORDVIK_LAB} (eget laboratorium)`);
    expect(await offer.getByTestId('offer-age').textContent()).toBe('i dag');
    await page.getByRole('button', { name: `Gjenbruk vurderingen fra ${FJORDVIK_LAB}` }).click();
    expect(await page.getByTestId('reuse-notice').textContent()).toContain(
      `vurderingen til ${FJORDVIK_LAB} (versjon 1`,
    );
    for (const code of ['OS2', 'OS3', 'OP1', 'OP4'])
      expect(await page.getByRole('checkbox', { name: new RegExp(`^${code} `) }).isChecked()).toBe(true);
    expect(await liveClass(page)).toBe('Sum 10 poeng: Onkogen');
    expect(await liveTier(page)).toBe('AMP/ASCO/CAP 2017: Tier I, nivå A');
    expect(await page.getByRole('group', { name: 'Evidens 1' }).getByLabel('PubMed-id').inputValue()).toBe(
      '21639808',
    );
    await page.getByRole('button', { name: 'Lagre klassifiseringen' }).click();
    await expect.poll(() => notice(page)).toContain('Lagret som versjon 2.');

    // A call a filter removed can be pulled back into the work-list, and the panel says why it is there.
    await page.getByLabel('Vis bortfiltrerte varianter').check();
    await page.getByRole('button', { name: 'Hent KRAS c.36T>C tilbake til arbeidslisten' }).click();
    await expect.poll(() => notice(page)).toBe('KRAS c.36T>C er hentet tilbake til arbeidslisten.');
    await expect.poll(() => keptLabels(page)).toContain('KRAS c.36T>C');
    await openVariant(page, 'KRAS c.36T>C');
    expect(await page.getByTestId('variant-panel').textContent()).toContain('hentet tilbake (VCF FILTER:');

    const lab = await signInToApi(app.base, 'bioingenior');
    const knowledge = await lab.request<{ assessments: { case_id: string; reused_from: string | null }[] }>(
      'GET',
      `/api/variants/${brafId}`,
    );
    const reused = knowledge.assessments.find((a) => a.case_id === secondCaseId);
    const original = knowledge.assessments.find((a) => a.case_id === firstCaseId) as { id?: string };
    expect(reused?.reused_from).toBe(original.id);
    await page.close();
  });

  it('raises a conflict for both labs when another lab finalises a different class', async () => {
    // Nordlys classifies BRAF p.V600E as likely oncogenic (OS3 + OP1 + OP4 = 6) and finalises.
    const nordlysLab = await signInToApi(app.base, 'bioingenior.nordlys');
    const nordlysInformatics = await signInToApi(app.base, 'bioinformatiker.nordlys');
    const { classified, finalised } = await finaliseCase(nordlysLab, nordlysInformatics, nordlys.id, {
      scheme: 'clingen-cgc-vicc-2022',
      criteria: [
        { criterion: 'hotspot-strong' },
        { criterion: 'computational-evidence-oncogenic' },
        { criterion: 'absent-from-population' },
      ],
      evidence: [],
    });
    expect(classified).toMatchObject({ classification: 'likely-oncogenic', points: 6 });
    expect(finalised).toMatchObject({ status: 'finalised', conflicts: 1 });
    const seenByNordlys = await nordlysLab.request<{ conflicts: unknown[] }>('GET', '/api/conflicts');
    expect(seenByNordlys.conflicts).toEqual([
      expect.objectContaining({
        raised_by_lab: NORDLYS_LAB,
        raised_classification: 'likely-oncogenic',
        other_lab: FJORDVIK_LAB,
        other_classification: 'oncogenic',
        context: 'MEL',
      }),
    ]);

    // Fjordvik sees the same conflict in its list, and on the variant's page with every lab's class.
    const page = await newPage();
    await signIn(page, 'bioingenior', '/interpretation/conflicts');
    const conflict = page.getByTestId('conflicts').locator('tbody tr');
    await expect.poll(() => conflict.count()).toBe(1);
    const cells = await conflict.locator('th, td').allTextContents();
    expect(cells[1]).toBe('MEL');
    expect(cells[3]).toBe(`Sannsynlig onkogen ${NORDLYS_LAB}`);
    expect(cells[4]).toBe(`Onkogen ${FJORDVIK_LAB}`);

    await conflict.getByRole('link').click();
    await page.waitForURL(`${app.base}/variants/${brafId}`);
    const current = page.getByTestId('current-by-lab').locator('tbody tr');
    await expect.poll(() => current.count()).toBe(2);
    expect(await page.getByTestId('current-by-lab').textContent()).toContain('Sannsynlig onkogen');
    const fjordvikHistory = page.getByTestId('assessment-history').filter({ hasText: FJORDVIK_LAB });
    expect(await fjordvikHistory.getByTestId('assessment-version').count()).toBe(2);
    expect(await fjordvikHistory.getByTestId('assessment-version').first().textContent()).toContain(
      'Versjon 2',
    );
    expect(await page.getByTestId('variant-conflicts').textContent()).toContain(
      `Sannsynlig onkogen (${NORDLYS_LAB}) ↔ Onkogen (${FJORDVIK_LAB})`,
    );
    expect(await page.getByText('Ingen ClinVar-oppføringer (eller ClinVar er ikke importert).').count()).toBe(
      1,
    );
    await page.screenshot({ path: path.join(tmpdir(), 'genvei-interpretation-variant.png'), fullPage: true });

    // One of the two labs resolves it, with a note; then neither sees it.
    await page.goto(`${app.base}/interpretation/conflicts`);
    await page.getByLabel('Notat').fill('Avklart i nasjonalt faggruppemøte: onkogen.');
    await page.getByRole('button', { name: 'Marker som løst' }).click();
    await expect.poll(() => page.getByTestId('conflict-notice').textContent()).toContain('er løst.');
    expect(await page.getByText('Ingen åpne konflikter.').count()).toBe(1);
    expect((await nordlysLab.request<{ conflicts: unknown[] }>('GET', '/api/conflicts')).conflicts).toEqual(
      [],
    );
    await page.close();
  });

  it('renders only the rows in view of a case with thousands of variants', async () => {
    const nordlysLab = await signInToApi(app.base, 'bioingenior.nordlys');
    const created = await nordlysLab.request<{ id: string; variants: number }>(
      'POST',
      `/api/orders/${large.id}/cases`,
    );
    expect(created.variants).toBe(LARGE_CASE_ROWS);
    const page = await newPage();
    await signIn(page, 'bioingenior.nordlys', `/cases/${created.id}`);
    const table = page.getByTestId('kept-variants');
    await table.waitFor();
    expect(await table.getAttribute('aria-rowcount')).toBe(String(LARGE_CASE_ROWS + 1));
    const rendered = table.locator('tbody tr.variant-row');
    expect(await rendered.count()).toBeLessThan(60);
    expect(await rendered.first().getAttribute('aria-rowindex')).toBe('2');

    // Scrolled to the end, the last rows are there and still only a window of them.
    const scroller = page.getByTestId('kept-variants-scroll');
    const frames = await scroller.evaluate(async (element) => {
      const times: number[] = [];
      for (let step = 1; step <= 40; step++) {
        const started = performance.now();
        element.scrollTop = (element.scrollHeight * step) / 40;
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        times.push(performance.now() - started);
      }
      return times;
    });
    await expect.poll(() => rendered.last().getAttribute('aria-rowindex')).toBe(String(LARGE_CASE_ROWS + 1));
    expect(await rendered.count()).toBeLessThan(60);
    // Two animation frames per step: a table that re-rendered every row would take seconds.
    expect(frames.reduce((a, b) => a + b, 0) / frames.length).toBeLessThan(200);

    // The keyboard reaches the end too.
    await rendered.last().getByRole('button').focus();
    await page.keyboard.press('Home');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('aria-rowindex')))
      .toBe('2');
    await page.close();
  });
});
