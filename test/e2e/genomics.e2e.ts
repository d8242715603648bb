import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticNationalId } from '../../src/demo/seed.ts';
import { signInToApi } from '../support/apiSession.ts';
import { browserTest } from '../support/browserTest.ts';
import { type PlacedOrder, placeOrder } from '../support/ordersOverHttp.ts';

const app = browserTest('genomics', { viewport: { width: 1400, height: 900 } });
const { newPage, signIn } = app;
let order: PlacedOrder;

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/vcf/${name}`, import.meta.url));

beforeAll(async () => {
  // The order itself is the orders test's subject: here the requester places it over the API.
  order = await placeOrder(await signInToApi(app.base, 'rekvirent'), {
    patient: { nationalId: syntheticNationalId('1958-03-11') },
    analysis: 'fjordvik-lunge-ngs',
    clinical: { diagnosis: { oncotree: 'LUAD' }, question: 'Behandlingsrettede varianter?' },
    specimens: [
      {
        kind: 'ffpe-block',
        blockId: 'B2026-04711 A2',
        collectionDate: '2026-11-02',
        site: 'Lunge, høyre overlapp',
        tumourCellPercent: 60,
      },
    ],
    researchConsent: false,
  });
});

/** From the order page to the specimen's sequencing page, as a user gets there. */
async function openSequencingFromOrder(page: Page) {
  await page.getByRole('link', { name: 'Sekvensering for prøve 1' }).click();
  await page.waitForURL(`${app.base}/genomics/specimens/${order.specimenId}`);
  await page.getByRole('heading', { level: 1, name: 'Sekvensering: FFPE-blokk B2026-04711 A2' }).waitFor();
}

/** Every text the upload's status line shows, kept as it changes: the steps pass too fast to catch. */
async function recordUploadStatus(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { uploadStatus: string[] }).uploadStatus = seen;
    const status = document.querySelector('[data-testid="upload-status"]') as HTMLElement;
    new MutationObserver(() => {
      const text = status.textContent ?? '';
      if (text && seen[seen.length - 1] !== text) seen.push(text);
    }).observe(status, { childList: true, subtree: true, characterData: true });
  });
}
const uploadStatusSeen = (page: Page) =>
  page.evaluate(() => (window as unknown as { uploadStatus: string[] }).uploadStatus);

async function uploadResult(
  page: Page,
  file: string | { name: string; mimeType: string; buffer: Buffer },
  expectedKind: string,
  sampleRoles = '',
) {
  const form = page.getByRole('form', { name: 'Last opp resultatfil' });
  await form.getByLabel('Resultatfil').setInputFiles(typeof file === 'string' ? fixture(file) : file);
  expect(await form.getByLabel('Type').inputValue()).toBe(expectedKind);
  await form.getByLabel('Prøveroller').fill(sampleRoles);
  await form.getByRole('button', { name: 'Last opp og les inn' }).click();
}

describe('a specimen’s sequencing in a browser', () => {
  it('lets the lab upload result files, follow their ingest and register raw files', async () => {
    const page = await newPage();
    await signIn(page, 'bioinformatiker', `/orders/${order.id}`);
    await openSequencingFromOrder(page);
    expect(await page.getByTestId('specimen-facts').textContent()).toContain(order.orderNumber);
    expect(await page.getByTestId('no-data').textContent()).toContain('Ingen sekvensdata ennå.');
    expect(await page.getByTestId('raw-files-empty').textContent()).toBe('Ingen råfiler er registrert.');

    // The VCF names its two samples' roles; the bytes go up, then the ingest is followed to its end.
    await recordUploadStatus(page);
    const form = page.getByRole('form', { name: 'Last opp resultatfil' });
    await form.getByLabel('Pipeline').fill('DRAGEN');
    await form.getByLabel('Versjon').fill('4.2.4');
    await uploadResult(page, 'tumour-normal.vep.vcf', 'vcf', 'TUMOR=tumor, NORMAL=normal');
    const status = page.getByTestId('upload-status');
    await expect
      .poll(() => status.textContent())
      .toBe('tumour-normal.vep.vcf er lest inn. Poster: 4, varianter: 5, observasjoner: 10.');
    expect(await uploadStatusSeen(page)).toEqual(
      expect.arrayContaining([
        'Laster opp tumour-normal.vep.vcf …',
        'Leser inn tumour-normal.vep.vcf … Poster lest så langt: 0',
      ]),
    );

    const qc = page.getByTestId('qc');
    await qc.waitFor();
    const tumour = qc.locator('tbody tr', { hasText: 'TUMOR' });
    expect(await tumour.locator('th, td').allTextContents()).toEqual([
      'TUMOR',
      'Tumor',
      'tumour-normal.vep.vcf',
      '5',
      '5',
      '80 %',
      '1',
      '50',
      '50',
      '100',
      '100',
      '100',
    ]);

    await uploadResult(page, 'tumour-normal.metrics.json', 'metrics');
    await expect.poll(() => status.textContent()).toBe('tumour-normal.metrics.json er lest inn. Poster: 1.');
    const metrics = page.getByTestId('metrics').locator('tbody tr');
    await expect.poll(() => metrics.count()).toBe(1);
    expect(await metrics.locator('th, td').allTextContents()).toEqual([
      'TUMOR (Tumor)',
      '12,4 mut/Mb',
      'MSS (stabil)',
      '1,85',
      'DRAGEN MSI',
      '60 %',
      '2,1',
      'tumour-normal.metrics.json',
    ]);

    await uploadResult(page, 'tumour-normal.cna.tsv', 'copy-number');
    await expect.poll(() => status.textContent()).toBe('tumour-normal.cna.tsv er lest inn. Poster: 7.');
    const met = page.getByTestId('copy-number').locator('tbody tr', { hasText: 'MET' });
    expect(await met.getAttribute('data-call')).toBe('amplification');
    expect(await met.textContent()).toContain('Amplifikasjon');
    expect(await met.textContent()).toContain('chr7:116500001-116900000');
    // Derived from the copy number against the ploidy of the metrics ingested above.
    expect(await met.textContent()).toContain('Kopitall mot ploiditet 2,1');
    const cdkn2a = page.getByTestId('copy-number').locator('tbody tr', { hasText: 'CDKN2A' });
    expect(await cdkn2a.textContent()).toContain('Homozygot delesjon');
    expect(await page.getByTestId('fusions').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Fusjoner' }).count()).toBe(1);

    // A broken file fails whole, and says the line and field.
    const broken = readFileSync(fixture('tumour-normal.vep.vcf'), 'utf8').replace('DP=90;', 'DP=ninety;');
    await uploadResult(
      page,
      { name: 'broken.vcf', mimeType: 'text/plain', buffer: Buffer.from(broken) },
      'vcf',
      'TUMOR=tumor, NORMAL=normal',
    );
    const failure = page.getByRole('form', { name: 'Last opp resultatfil' }).getByRole('alert');
    await failure.waitFor();
    expect(await failure.textContent()).toContain(
      'Innlesingen av broken.vcf feilet, og ingenting er lagret. Linje 25, felt INFO/DP:',
    );

    // A record repeated at line 28 is one variant: the earlier record is stored, the line is named.
    const fixtureText = readFileSync(fixture('tumour-normal.vep.vcf'), 'utf8');
    const repeated = `${fixtureText}${fixtureText.split('\n').find((line) => line.startsWith('chr7'))}\n`;
    await uploadResult(
      page,
      { name: 'repeated.vcf', mimeType: 'text/plain', buffer: Buffer.from(repeated) },
      'vcf',
      'TUMOR=tumor, NORMAL=normal',
    );
    await expect
      .poll(() => status.textContent())
      .toBe(
        'repeated.vcf er lest inn. Poster: 5, varianter: 5, observasjoner: 10. ' +
          'Alleler som var samme variant som en tidligere post: 1 (linje 28).',
      );
    expect(await page.getByTestId('merged-alleles').textContent()).toBe(
      'repeated.vcf: alleler som var samme variant som en tidligere post i filen: 1 (linje 28). ' +
        'Den tidligere postens kall og annotasjoner er lagret; disse linjene er ikke lagret for seg.',
    );

    // A file big enough to take a while shows the ingest's progress bar, by the file's bytes. At
    // 4.4 MB it is also read in a worker thread (from 4 MiB; decision 0009), in the real server.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { ingestProgress: string[] }).ingestProgress = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('progress[id$="ingest-progress"]') as HTMLProgressElement | null;
        const label = bar && document.querySelector(`label[for="${bar.id}"]`)?.textContent;
        if (bar) seen.push(`${label}: ${bar.value}`);
      }).observe(document.body, { childList: true, subtree: true, attributes: true });
    });
    const big = [
      '##fileformat=VCFv4.2',
      '##contig=<ID=chr1,length=248956422,assembly=GRCh38>',
      '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
      '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read depth">',
      '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR',
      ...Array.from(
        { length: 40_000 },
        (_, i) =>
          `chr1\t${1000 + i * 10}\tbig${String(i).padStart(66, '0')}\tA\tC\t50\tPASS\t.\tGT:DP\t0/1:80`,
      ),
    ];
    await uploadResult(
      page,
      { name: 'big.vcf', mimeType: 'text/plain', buffer: Buffer.from(`${big.join('\n')}\n`) },
      'vcf',
      'tumor',
    );
    await expect
      .poll(() => status.textContent(), { timeout: 60_000 })
      .toMatch(/^big\.vcf er lest inn\. Poster: 40\s000/);
    const progressSeen = await page.evaluate(
      () => (window as unknown as { ingestProgress: string[] }).ingestProgress,
    );
    expect(progressSeen.length).toBeGreaterThan(0);
    expect(progressSeen.every((text) => /^Innlesing av big\.vcf: (0(\.\d+)?|1)$/.test(text))).toBe(true);

    // Provenance of what was read, each file a DRS object.
    const files = page.getByTestId('result-files').locator('tbody tr');
    await expect.poll(() => files.count()).toBe(5);
    const vcf = files.filter({ hasText: 'tumour-normal.vep.vcf' });
    const vcfText = await vcf.textContent();
    for (const expected of ['DRAGEN 4.2.4', 'GRCh38', 'VEP', 'Bjørn Bioinformatiker'])
      expect(vcfText).toContain(expected);
    const checksum = await vcf.locator('code.checksum').getAttribute('title');
    expect(checksum).toMatch(/^[0-9a-f]{64}$/);
    const drsHref = (await vcf
      .getByRole('link', { name: 'DRS-objekt for tumour-normal.vep.vcf' })
      .getAttribute('href')) as string;
    const drs = await page.context().request.get(`${app.base}${drsHref}`);
    expect(await drs.json()).toMatchObject({ name: 'tumour-normal.vep.vcf', checksums: [{ checksum }] });

    const jobs = page.getByTestId('ingest-jobs').locator('tbody tr');
    expect(await jobs.count()).toBe(6);
    expect(await jobs.filter({ hasText: 'Ferdig' }).count()).toBe(5);
    expect(await jobs.filter({ hasText: 'Feilet' }).count()).toBe(1);

    // A raw file by reference: the server's error lands by its field, then the good one is listed.
    const register = page.getByRole('form', { name: 'Registrer råfil' });
    await register.getByLabel('Filnavn').fill('tumour.cram');
    expect(await register.getByLabel('Format').inputValue()).toBe('cram');
    const uri = register.getByRole('textbox', { name: 'URI', exact: true });
    await uri.fill('smb://lab/share/tumour.cram');
    await register.getByLabel('Størrelse (byte)').fill('18234567890');
    await register.getByLabel('SHA-256-sjekksum').fill('a'.repeat(64));
    await register.getByLabel('Tilgangssone').fill('Fjordvik HF forskningssone');
    await register.getByLabel('Tilgangssone').press('Enter');
    await expect.poll(() => uri.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#raw-file-uri-error').textContent()).toBe(
      'Oppgi en URI med skjema s3, gs, ftp, https, file eller htsget.',
    );
    expect(await uri.getAttribute('aria-describedby')).toContain('raw-file-uri-error');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('raw-file-uri');
    await page.screenshot({ path: path.join(tmpdir(), 'genvei-sequencing-raw-error.png'), fullPage: true });

    await uri.fill('s3://fjordvik-sekvensering/run-2026-41/tumour.cram');
    expect(await uri.getAttribute('aria-invalid')).toBeNull();
    await uri.press('Enter');
    await expect
      .poll(() => page.getByTestId('raw-file-notice').textContent())
      .toBe('Råfilen tumour.cram er registrert.');
    const raw = page.getByTestId('raw-files').locator('tbody tr');
    expect(await raw.count()).toBe(1);
    const rawText = await raw.textContent();
    expect(rawText).toContain('s3://fjordvik-sekvensering/run-2026-41/tumour.cram');
    expect(rawText).toContain('CRAM');
    expect(rawText).toContain('Fjordvik HF forskningssone');
    expect(await raw.getByRole('link', { name: 'DRS-objekt for tumour.cram' }).getAttribute('href')).toMatch(
      /^\/ga4gh\/drs\/v1\/objects\/[0-9a-f-]{36}$/,
    );
    expect(await register.getByLabel('Filnavn').inputValue()).toBe('');
    await page.screenshot({ path: path.join(tmpdir(), 'genvei-sequencing-lab.png'), fullPage: true });

    // The same page in English, numbers in English style.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sequencing: FFPE block B2026-04711 A2' }).waitFor();
    const english = await page.getByTestId('metrics').locator('tbody tr').textContent();
    expect(english).toContain('12.4 mut/Mb');
    expect(english).toContain('60%');
    const metInEnglish = await page
      .getByTestId('copy-number')
      .locator('tbody tr', { hasText: 'MET' })
      .textContent();
    expect(metInEnglish).toContain('Amplification');
    expect(metInEnglish).toContain('Copy number against ploidy 2.1');
    await page.getByRole('button', { name: 'Norsk' }).click();
    await page.close();
  });

  it('shows the requester the sequencing data, without the lab’s forms', async () => {
    const page = await newPage();
    await signIn(page, 'rekvirent', `/orders/${order.id}`);
    await openSequencingFromOrder(page);
    await page.getByTestId('metrics').waitFor();
    expect(await page.getByTestId('metrics').textContent()).toContain('MSS (stabil)');
    expect(await page.getByTestId('raw-files').textContent()).toContain('tumour.cram');
    expect(await page.getByRole('form', { name: 'Last opp resultatfil' }).count()).toBe(0);
    expect(await page.getByRole('form', { name: 'Registrer råfil' }).count()).toBe(0);
    expect(await page.locator('input[type="file"]').count()).toBe(0);
    await page.close();
  });
});
