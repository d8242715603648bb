import type { ReportContent, ReportLanguage } from './content.ts';
import { type Block, buildReportView } from './view.ts';

/**
 * The report as an HTML fragment for the web app: one <article> headed by an <h2> (the app's page
 * has the <h1>), an <h3> per section, definition lists for fields and captioned tables with column
 * headers, so a screen reader can move by heading and read a table cell with its column. Every
 * piece of text is escaped here, at the last moment, so no author's text can become markup. Class
 * names only; the app styles them.
 */
export function renderReportHtml(content: ReportContent, lang: ReportLanguage): string {
  const view = buildReportView(content, lang);
  const prefix = `genvei-report-${slug(content.orderNumber)}-v${content.version}`;
  const out: string[] = [];
  out.push(`<article class="genvei-report" lang="${lang}" aria-labelledby="${prefix}-title">`);
  out.push('<header class="genvei-report__header">');
  out.push(`<p class="genvei-report__lab">${escapeHtml(view.lab)}</p>`);
  if (view.labDetail) out.push(`<p class="genvei-report__lab-detail">${escapeHtml(view.labDetail)}</p>`);
  out.push(`<h2 id="${prefix}-title">${escapeHtml(view.title)}</h2>`);
  out.push(`<p class="genvei-report__patient">${escapeHtml(view.patientLine)}</p>`);
  out.push(`<p class="genvei-report__status">${escapeHtml(view.statusLine)}</p>`);
  if (view.watermark)
    out.push(`<p class="genvei-report__draft"><strong>${escapeHtml(view.watermark)}</strong></p>`);
  out.push('</header>');
  for (const section of view.sections) {
    const id = `${prefix}-${section.id}`;
    out.push(`<section class="genvei-report__section" aria-labelledby="${id}">`);
    out.push(`<h3 id="${id}">${escapeHtml(section.title)}</h3>`);
    for (const block of section.blocks) out.push(renderBlock(block));
    out.push('</section>');
  }
  out.push('</article>');
  return out.join('\n');
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'fields':
      return [
        '<dl class="genvei-report__fields">',
        ...block.fields.map((f) => `<div><dt>${escapeHtml(f.label)}</dt><dd>${lines(f.value)}</dd></div>`),
        '</dl>',
      ].join('\n');
    case 'heading':
      return `<h4>${escapeHtml(block.text)}</h4>`;
    case 'text': {
      const tone = block.tone === 'warning' ? ' genvei-report__warning' : '';
      const label = block.label ? `<strong>${escapeHtml(block.label)}:</strong> ` : '';
      return `<p class="genvei-report__text${tone}">${label}${lines(block.text)}</p>`;
    }
    case 'list': {
      const label = block.label
        ? `<p class="genvei-report__list-label">${escapeHtml(block.label)}</p>\n`
        : '';
      return `${label}<ul>\n${block.items.map((item) => `<li>${lines(item)}</li>`).join('\n')}\n</ul>`;
    }
    case 'table': {
      const head = block.columns.map(
        (c) => `<th scope="col"${numeric(c.numeric)}>${escapeHtml(c.label)}</th>`,
      );
      const rows = block.rows.map(
        (row) =>
          `<tr>${row.map((cell, i) => `<td${numeric(block.columns[i]?.numeric)}>${lines(cell)}</td>`).join('')}</tr>`,
      );
      return [
        '<table class="genvei-report__table">',
        `<caption>${escapeHtml(block.caption)}</caption>`,
        `<thead><tr>${head.join('')}</tr></thead>`,
        `<tbody>\n${rows.join('\n')}\n</tbody>`,
        '</table>',
      ].join('\n');
    }
  }
}

const numeric = (isNumeric: boolean | undefined) => (isNumeric ? ' class="genvei-report__number"' : '');

/** A line break the author typed is kept; nothing else the author typed is markup. */
const lines = (text: string) => text.split('\n').map(escapeHtml).join('<br>');

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const slug = (text: string) => text.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'report';
