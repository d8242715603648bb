import type { ClinicalImplication, ReportLanguage, VariantClassification } from './content.ts';
import { WORDS } from './labels.ts';

/**
 * Numbers, dates and coded values as a Norwegian or English reader expects them. Dates are kept
 * as the ISO strings they are stored as and only re-ordered, so a date never shifts by a time
 * zone; date-times (signatures) are shown in Norwegian time, where the report is signed.
 */

const LOCALE: Record<ReportLanguage, string> = { nb: 'nb-NO', en: 'en-GB' };
const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number, lang: ReportLanguage, maximumFractionDigits = 1): string {
  const key = `${lang}:${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** Norwegian puts a space before the percent sign; English does not. */
export const formatPercent = (percent: number, lang: ReportLanguage, digits = 0): string =>
  `${formatNumber(percent, lang, digits)}${lang === 'nb' ? ' %' : '%'}`;

export const formatFraction = (fraction: number, lang: ReportLanguage): string =>
  formatPercent(fraction * 100, lang, fraction < 0.1 ? 1 : 0);

export function formatDate(iso: string, lang: ReportLanguage): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  return lang === 'nb' ? `${day}.${month}.${year}` : `${year}-${month}-${day}`;
}

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function formatDateTime(iso: string, lang: ReportLanguage): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const part = Object.fromEntries(dateTimeFormat.formatToParts(instant).map((p) => [p.type, p.value]));
  const date = `${part.year}-${part.month}-${part.day}`;
  return `${formatDate(date, lang)} ${part.hour}:${part.minute}`;
}

/** 148358 45665: the birth date part and the personal number, as Norwegian forms print them. */
export const formatNationalId = (id: string): string =>
  /^\d{11}$/.test(id) ? `${id.slice(0, 6)} ${id.slice(6)}` : id;

export function classLabel(classification: VariantClassification, lang: ReportLanguage): string {
  const w = WORDS[lang];
  switch (classification.scheme) {
    case 'acmg-2015':
      return `${w.germlineClass[classification.class]} (${w.scheme['acmg-2015']})`;
    case 'clingen-cgc-vicc-2022':
      return `${w.oncogenicityClass[classification.class]} (${w.scheme['clingen-cgc-vicc-2022']})`;
    case 'amp-asco-cap-2017':
      return `Tier ${classification.class} (${w.scheme['amp-asco-cap-2017']})`;
  }
}

/** The class, then the AMP/ASCO/CAP tier and level and the ESCAT tier where given: one per line. */
export function classificationLines(classification: VariantClassification, lang: ReportLanguage): string[] {
  const level = lang === 'nb' ? 'nivå' : 'level';
  const lines = [classLabel(classification, lang)];
  const { amp, escat } = classification;
  if (amp && classification.scheme !== 'amp-asco-cap-2017') {
    lines.push(`AMP/ASCO/CAP Tier ${amp.tier}${amp.level ? `, ${level} ${amp.level}` : ''}`);
  } else if (amp?.level) {
    lines.push(`AMP/ASCO/CAP ${level} ${amp.level}`);
  }
  if (escat) lines.push(`ESCAT ${escat}`);
  return lines;
}

/** Ends a phrase with one full stop, whether or not the author typed one. */
export const sentence = (text: string): string =>
  /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;

/** One implication as a sentence block: kind and expected response, text, drugs, evidence, source. */
export function implicationText(implication: ClinicalImplication, lang: ReportLanguage): string {
  const w = WORDS[lang];
  const response = implication.response ? ` (${w.response[implication.response]})` : '';
  const parts = [sentence(`${w.implication[implication.kind]}${response}: ${implication.text}`)];
  if (implication.condition) parts.push(sentence(`${w.field.condition}: ${implication.condition.text}`));
  if (implication.drugs.length > 0) {
    const drugs = implication.drugs.map((d) => (d.atc ? `${d.name} (${d.atc})` : d.name)).join(', ');
    parts.push(sentence(`${w.field.drugs}: ${drugs}`));
  }
  if (implication.evidenceLevel) parts.push(sentence(`${w.field.evidence}: ${implication.evidenceLevel}`));
  parts.push(sentence(`${w.field.source}: ${implication.source}`));
  return parts.join(' ');
}
