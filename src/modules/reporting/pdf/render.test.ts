import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { ReportContent } from '../content.ts';
import { demoReportContent, reportWithVariants, signedDemoReportContent } from '../testing.ts';
import { renderReportPdf } from './render.ts';

const fonts = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

const open = (pdf: Buffer) => getDocument({ data: new Uint8Array(pdf), standardFontDataUrl: fonts }).promise;

/** The text of each page as a PDF reader extracts it, one string per page. */
async function pageTexts(pdf: Buffer): Promise<string[]> {
  const document = await open(pdf);
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    pages.push(
      content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ' '}` : '')).join(''),
    );
  }
  await document.destroy();
  return pages;
}

const render = async (content: ReportContent, lang: 'nb' | 'en' = 'nb') =>
  pageTexts(await renderReportPdf(content, lang));

describe('renderReportPdf', () => {
  it('is an A4 PDF whose text keeps æ, ø and å intact', async () => {
    const pdf = await renderReportPdf(demoReportContent(), 'nb');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const document = await open(pdf);
    const [, , width, height] = (await document.getPage(1)).view;
    expect([Math.round(width ?? 0), Math.round(height ?? 0)]).toEqual([595, 842]);
    await document.destroy();
    const text = (await pageTexts(pdf)).join('\n');
    expect(text).toContain('Åse Ødegård');
    expect(text).toContain('Fjordvik HF, Avdeling for patologi');
    expect(text).toContain('Molekylærpatologisk svarrapport');
    expect(text).toContain('Øystein Bråten');
    expect(text).toMatch(/Tumorcelleandel\s+60 %/);
  });

  it('puts the lab and the patient at the head of every page and "Side n av m" at its foot', async () => {
    const pages = await render(demoReportContent());
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, i) => {
      expect(page).toContain('Fjordvik HF, Avdeling for patologi');
      expect(page).toContain('Åse Ødegård, fødselsnummer 148358 45665');
      expect(page).toContain('Rekvisisjonsnr. FJ-2025-004211 · Versjon 1 · Utkast');
      expect(page).toContain(`Side ${i + 1} av ${pages.length}`);
    });
  });

  it('lists each variant with HGVS c. and p. on versioned references', async () => {
    const text = (await render(demoReportContent())).join('\n');
    expect(text).toContain('NM_004333.6:c.1799T>A');
    expect(text).toContain('NP_004324.2:p.(Val600Glu)');
    expect(text).toContain('NM_000546.6:c.916del');
    expect(text).toContain('BRAF NM_004333.6:c.1799T>A p.(Val600Glu)');
    expect(text).toContain('Henvisning til medisinsk genetikk for kimbanetesting anbefales.');
  });

  it('marks every page of a draft UTKAST, and no page of a signed report', async () => {
    const draft = await render(demoReportContent());
    for (const page of draft) expect(page).toContain('UTKAST');
    const signed = await render(signedDemoReportContent());
    for (const page of signed) expect(page).not.toContain('UTKAST');
    expect(signed.join('\n')).toContain('Per Ærø');
  });

  it('renders in English with English page numbers', async () => {
    const pages = await render(demoReportContent(), 'en');
    expect(pages[0]).toContain('Molecular pathology report');
    expect(pages[0]).toContain(`Page 1 of ${pages.length}`);
    expect(pages[0]).toContain('DRAFT');
  });

  it('breaks a long variant table across pages without losing a row', async () => {
    const pages = await render(reportWithVariants(30));
    expect(pages.length).toBeGreaterThan(2);
    const text = pages.join('\n');
    for (let i = 2; i < 30; i++) expect(text).toContain(`NM_${900000 + i}.1:c.`);
  });

  it('renders one version to the same bytes every time', async () => {
    const [a, b] = await Promise.all([
      renderReportPdf(demoReportContent(), 'nb'),
      renderReportPdf(demoReportContent(), 'nb'),
    ]);
    expect(a.equals(b)).toBe(true);
  });
});
