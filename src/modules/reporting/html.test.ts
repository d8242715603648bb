import { describe, expect, it } from 'vitest';
import type { SequenceVariant } from './content.ts';
import { escapeHtml, renderReportHtml } from './html.ts';
import { WORDS } from './labels.ts';
import { demoReportContent, signedDemoReportContent } from './testing.ts';

/** The text a reader sees: tags dropped, entities left as they are. */
const visibleText = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('renderReportHtml', () => {
  it('has every section of the template, headed in Norwegian', () => {
    const html = renderReportHtml(demoReportContent(), 'nb');
    for (const title of Object.values(WORDS.nb.sections)) expect(html).toContain(`>${title}</h3>`);
    expect(html).toMatch(/^<article class="genvei-report" lang="nb" aria-labelledby="([^"]+)">/);
    const labelledBy = /aria-labelledby="([^"]+)"/.exec(html)?.[1];
    expect(html).toContain(`<h2 id="${labelledBy}">Molekylærpatologisk svarrapport</h2>`);
  });

  it('renders the same report in English', () => {
    const html = renderReportHtml(demoReportContent(), 'en');
    for (const title of Object.values(WORDS.en.sections)) expect(html).toContain(`>${title}</h3>`);
    expect(html).toContain('lang="en"');
    expect(visibleText(html)).toContain('Tumour cell content 60%');
  });

  it('shows each variant with HGVS on its transcript, VAF, depth and classification', () => {
    const text = visibleText(renderReportHtml(demoReportContent(), 'nb'));
    expect(text).toContain('BRAF NM_004333.6:c.1799T&gt;A NP_004324.2:p.(Val600Glu) 34 % 412');
    expect(text).toContain('Onkogen (ClinGen/CGC/VICC 2022) AMP/ASCO/CAP Tier I, nivå A ESCAT I-A');
    expect(text).toContain('TP53 NM_000546.6:c.916del NP_000537.3:p.(Arg306fs) 41 % 380');
    expect(text).toContain('Legemidler: dabrafenib (L01EC02), trametinib (L01EE01)');
    expect(text).toContain('NCT04817956');
    expect(text).toContain('14,2 mut/Mb: Høy (grense 10 mut/Mb)');
    expect(text).toContain('KIT ekson 11 (kodon 550-560) 180×');
  });

  it('gives tables a caption and column headers, and fields a definition list', () => {
    const html = renderReportHtml(demoReportContent(), 'nb');
    expect(html).toContain('<caption>Påviste sekvensvarianter</caption>');
    expect(html).toContain('<th scope="col">Gen</th>');
    expect(html).toContain('<div><dt>Fødselsnummer</dt><dd>148358 45665</dd></div>');
  });

  it('escapes every piece of text an author or a source supplied', () => {
    const content = demoReportContent();
    const braf = content.variants[0] as SequenceVariant;
    braf.interpretation = '<script>alert("x")</script> & <b>bold</b>';
    content.patient.familyName = `O'Brien <img src=x onerror=alert(1)>`;
    content.conclusion = 'Første linje\nandre linje';
    const html = renderReportHtml(content, 'nb');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>bold');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;');
    expect(html).toContain('O&#39;Brien &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Første linje<br>andre linje');
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });

  it('marks a draft and lists the signatures of a signed report', () => {
    expect(renderReportHtml(demoReportContent(), 'nb')).toContain('<strong>UTKAST</strong>');
    expect(renderReportHtml(demoReportContent(), 'nb')).toContain('Ikke signert.');
    const signed = renderReportHtml(signedDemoReportContent(), 'nb');
    expect(signed).not.toContain('UTKAST');
    expect(visibleText(signed)).toContain('Kari Løvås Molekylærbiolog 7712345 12.03.2025 14:02');
    expect(visibleText(signed)).toContain('Per Ærø Patolog 6612398 12.03.2025 15:30');
  });

  it('recommends referral to medical genetics when germline origin is suspected', () => {
    const text = visibleText(renderReportHtml(demoReportContent(), 'nb'));
    expect(text).toContain('kimbaneopphav kan ikke utelukkes');
    expect(text).toContain('Henvisning til medisinsk genetikk for kimbanetesting anbefales.');
    const none = demoReportContent();
    none.germline = { present: false, note: null, referralRecommended: false };
    expect(visibleText(renderReportHtml(none, 'nb'))).toContain('Ingen funn gir mistanke om kimbaneopphav.');
  });

  it('shows the pathologist’s findings, and the discordance when molecular and morphology disagree', () => {
    const content = demoReportContent();
    expect(visibleText(renderReportHtml(content, 'nb'))).toContain(
      'Molekylære og morfologiske funn er forenlige.',
    );
    if (!content.pathology) throw new Error('the demo is integrated');
    content.pathology.discordance =
      'BRAF V600E (VE1) var negativ ved immunhistokjemi, men mutasjonen er påvist ved NGS.';
    const html = renderReportHtml(content, 'nb');
    expect(html).toContain(
      'genvei-report__warning"><strong>Avvik mellom molekylære og morfologiske funn:</strong>',
    );
    expect(visibleText(html)).toContain('SOX10 Positiv i tumorceller');
    const molecularOnly = demoReportContent();
    molecularOnly.pathology = null;
    expect(renderReportHtml(molecularOnly, 'nb')).not.toContain(WORDS.nb.sections.pathology);
  });

  it('states the amendment reason and the version an amendment replaces', () => {
    const content = {
      ...signedDemoReportContent(),
      status: 'amended' as const,
      version: 2,
      previousVersion: 1,
    };
    content.amendmentReason = 'TP53-varianten er reklassifisert.';
    const text = visibleText(renderReportHtml(content, 'nb'));
    expect(text).toContain('Versjon 2 · Endret');
    expect(text).toContain('Erstatter versjon 1');
    expect(text).toContain('Årsak til endring TP53-varianten er reklassifisert.');
  });
});
