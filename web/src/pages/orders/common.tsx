import type { ReactNode } from 'react';
import { formatDate, formatDateTime, localeOf } from '../../dates.ts';
import { useI18n } from '../../i18n.tsx';

/** The orders pages' words and the formats they share: dates, times and days in the reader's language. */
export function useOrdersText() {
  const { t, format, lang } = useI18n();
  const locale = localeOf(lang);
  const o = t.orders;
  return {
    o,
    t,
    format,
    status: (status: string) => o.status[status] ?? status,
    date: (iso: string | null) => formatDate(iso, lang),
    dateTime: (iso: string | null) => formatDateTime(iso, lang),
    days: (n: number | null) =>
      n === null ? '–' : n.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  };
}

/** The order's status in words as well as colour. */
export function StatusBadge({ status }: { status: string }) {
  const { status: name } = useOrdersText();
  return (
    <span className={`badge status-${status}`} data-testid="order-status">
      {name(status)}
    </span>
  );
}

export function UrgentBadge() {
  const { o } = useOrdersText();
  return <span className="badge urgent">{o.urgent}</span>;
}

/** A field's error, right under it, referenced by the control's aria-describedby. */
export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p id={id} className="error field-error">
      {error}
    </p>
  );
}

/** A short help text under a field, also referenced by aria-describedby. */
export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <span id={id} className="hint">
      {children}
    </span>
  );
}
