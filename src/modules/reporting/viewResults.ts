import {
  codingHgvs,
  type Finding,
  proteinHgvs,
  type ReportContent,
  type ReportLanguage,
  type SequenceVariant,
} from './content.ts';
import { classificationLines, formatFraction, formatNumber, implicationText } from './format.ts';
import { WORDS } from './labels.ts';
import type { Block, Field } from './view.ts';

/**
 * The results section of the report view: a table per kind of finding, each finding's detail
 * (interpretation, implications, trials) under its own heading, and the biomarkers.
 */

/** Fields whose value is missing are left out rather than shown empty. */
export const present = (fields: (Field | null)[]): Field[] => fields.filter((f): f is Field => f !== null);
export const field = (label: string, value: string | null | undefined): Field | null =>
  value === null || value === undefined || value === '' ? null : { label, value };

const variantLine = (v: SequenceVariant) => [codingHgvs(v), proteinHgvs(v)].filter(Boolean).join('\n');

/** Interpretation, implications and trials of one finding, under a heading naming it. */
function findingDetail(heading: string, extra: Field[], f: Finding, lang: ReportLanguage): Block[] {
  const w = WORDS[lang];
  const blocks: Block[] = [{ kind: 'heading', text: heading }];
  if (extra.length > 0) blocks.push({ kind: 'fields', fields: extra });
  blocks.push({ kind: 'text', label: w.field.interpretation, text: f.interpretation });
  if (f.implications.length > 0) {
    blocks.push({ kind: 'list', items: f.implications.map((i) => implicationText(i, lang)) });
  }
  if (f.trials.length > 0) {
    const trials = f.trials.map((t) => `${t.id}: ${t.title}${t.site ? ` (${t.site})` : ''}`);
    blocks.push({ kind: 'list', label: w.field.trials, items: trials });
  }
  return blocks;
}

export function resultBlocks(content: ReportContent, lang: ReportLanguage): Block[] {
  const w = WORDS[lang];
  const blocks: Block[] = [];
  const { variants, copyNumbers, fusions } = content;
  if (variants.length + copyNumbers.length + fusions.length === 0) {
    blocks.push({ kind: 'text', text: w.sentence.noFindings });
  }
  if (variants.length > 0) {
    blocks.push({
      kind: 'table',
      caption: w.field.variantsCaption,
      columns: [
        { label: w.field.gene, width: 0.9 },
        { label: w.field.variant, width: 3 },
        { label: w.field.vaf, width: 0.7, numeric: true },
        { label: w.field.depth, width: 0.7, numeric: true },
        { label: w.field.classification, width: 3.4 },
      ],
      rows: variants.map((v) => [
        v.gene.symbol,
        variantLine(v),
        formatFraction(v.vaf, lang),
        formatNumber(v.depth, lang, 0),
        classificationLines(v.classification, lang).join('\n'),
      ]),
    });
    for (const v of variants) {
      const extra = present([
        field(w.field.genomic, v.genomic?.hgvsg ? `${v.genomic.hgvsg} (${v.genomic.assembly})` : null),
        field(w.field.origin, w.origin[v.origin]),
        field(w.field.consequence, v.consequence),
      ]);
      blocks.push(
        ...findingDetail(`${v.gene.symbol} ${codingHgvs(v)} ${v.hgvsp ?? ''}`.trim(), extra, v, lang),
      );
    }
  }
  if (copyNumbers.length > 0) {
    blocks.push({
      kind: 'table',
      caption: w.field.copyNumbers,
      columns: [
        { label: w.field.gene, width: 1 },
        { label: w.field.copyNumbers, width: 2 },
        { label: w.field.copies, width: 1, numeric: true },
        { label: w.field.classification, width: 2.8 },
      ],
      rows: copyNumbers.map((c) => [
        c.gene.symbol,
        [w.copyNumber[c.kind], c.iscn].filter(Boolean).join('\n'),
        c.copyNumber === null ? '' : formatNumber(c.copyNumber, lang),
        classificationLines(c.classification, lang).join('\n'),
      ]),
    });
    for (const c of copyNumbers) {
      blocks.push(...findingDetail(`${c.gene.symbol} ${w.copyNumber[c.kind].toLowerCase()}`, [], c, lang));
    }
  }
  if (fusions.length > 0) {
    blocks.push({
      kind: 'table',
      caption: w.field.fusions,
      columns: [
        { label: w.field.fusions, width: 3 },
        { label: w.field.reads, width: 1, numeric: true },
        { label: w.field.classification, width: 2.8 },
      ],
      rows: fusions.map((f) => [
        [`${f.fivePrime.symbol}::${f.threePrime.symbol}`, f.description, f.iscn].filter(Boolean).join('\n'),
        f.supportingReads === null ? '' : formatNumber(f.supportingReads, lang, 0),
        classificationLines(f.classification, lang).join('\n'),
      ]),
    });
    for (const f of fusions) {
      blocks.push(...findingDetail(`${f.fivePrime.symbol}::${f.threePrime.symbol}`, [], f, lang));
    }
  }
  blocks.push(...biomarkerBlocks(content, lang));
  return blocks;
}

function biomarkerBlocks(content: ReportContent, lang: ReportLanguage): Block[] {
  const w = WORDS[lang];
  const { tmb, msi } = content.biomarkers;
  if (!tmb && !msi) return [];
  const fields: Field[] = [];
  if (tmb) {
    const threshold =
      tmb.threshold === null
        ? ''
        : ` (${w.field.threshold} ${formatNumber(tmb.threshold, lang)} ${w.field.perMb})`;
    const value = `${formatNumber(tmb.value, lang)} ${w.field.perMb}: ${w.tmb[tmb.status]}${threshold}`;
    fields.push({ label: w.field.tmb, value: [value, tmb.interpretation].filter(Boolean).join('. ') });
  }
  if (msi) {
    const score = msi.score === null ? '' : ` (score ${formatNumber(msi.score, lang)})`;
    const parts = [`${w.msi[msi.status]}${score}`, msi.method, msi.interpretation].filter(Boolean);
    fields.push({ label: w.field.msi, value: parts.join('. ') });
  }
  return [
    { kind: 'heading', text: w.field.biomarkers },
    { kind: 'fields', fields },
  ];
}
