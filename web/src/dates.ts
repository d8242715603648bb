/**
 * Dates and times as Norwegian clinical records state them: in Norwegian time (Europe/Oslo),
 * whatever the clock of the machine showing them — a report signed at 00:30 in Bergen is signed
 * on that day, also on a laptop set to UTC, and says the same as the PDF and the audit log.
 */
import type { Language } from './i18n.tsx';

const ZONE = 'Europe/Oslo';

type Lang = Language;

/** The locale numbers and dates are written in for a language. */
export const localeOf = (lang: Lang) => (lang === 'nb' ? 'nb-NO' : 'en-GB');

/** A day: an ISO date (2026-10-01) as it is written, or the Norwegian day of an instant. */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  // A bare date has no time of day to convert; read it as noon UTC so no zone moves its day.
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso;
  return new Date(instant).toLocaleDateString(localeOf(lang), { dateStyle: 'medium', timeZone: ZONE });
}

/** An instant, to the minute, in Norwegian time. */
export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString(localeOf(lang), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: ZONE,
  });
}
