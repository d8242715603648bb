import type { ReactNode } from 'react';
import { formatDateTime, localeOf } from '../../dates.ts';
import { useI18n } from '../../i18n.tsx';
import { FieldError, Hint } from '../orders/common.tsx';
import { RequiredMark } from '../orders/fields.tsx';
import { drsObjectPath } from './types.ts';

/** The sequencing page's words and the number formats it shares, in the reader's language. */
export function useGenomicsText() {
  const { t, format, lang } = useI18n();
  const locale = localeOf(lang);
  const g = t.genomics;
  const number = (n: number | null | undefined, digits = 2) =>
    n === null || n === undefined ? '–' : n.toLocaleString(locale, { maximumFractionDigits: digits });
  return {
    g,
    t,
    format,
    number,
    /** A fraction (0.6) as a percentage in the reader's style: "60 %" or "60%". */
    percent: (fraction: number | null, digits = 0) =>
      fraction === null ? '–' : format(g.percent, { n: number(fraction * 100, digits) }),
    bytes: (n: number) => {
      const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
      const power = Math.min(units.length - 1, n > 0 ? Math.floor(Math.log10(n) / 3) : 0);
      return new Intl.NumberFormat(locale, {
        style: 'unit',
        unit: units[power],
        maximumFractionDigits: power === 0 ? 0 : 1,
      }).format(n / 1000 ** power);
    },
    dateTime: (iso: string | null) => formatDateTime(iso, lang),
    role: (role: string) => g.roles[role] ?? role,
  };
}

/** A checksum shortened for the eye; the whole of it in the tooltip and for screen readers. */
export function Checksum({ sha256 }: { sha256: string }) {
  return (
    <code className="checksum" title={sha256}>
      <span aria-hidden="true">{sha256.slice(0, 12)}…</span>
      <span className="sr-only">{sha256}</span>
    </code>
  );
}

/** The GA4GH DRS object of a raw or result file, named by the file for a screen reader's list of links. */
export function DrsLink({ id, name }: { id: string; name: string }) {
  const { g, format } = useGenomicsText();
  return (
    <a href={drsObjectPath(id)} aria-label={format(g.files.drsLabel, { name })} data-testid="drs-link">
      {g.files.drs}
    </a>
  );
}

/** "Lest inn 22. nov. 2026, 06:52 av Bjørn Bioinformatiker": when, and by whom when known. */
export function WhenBy({ at, by }: { at: string; by: string | null }) {
  const { g, format, dateTime } = useGenomicsText();
  return <>{by ? format(g.files.by, { at: dateTime(at), name: by }) : dateTime(at)}</>;
}

/** One part of the sequencing page under its heading, which also names it in a screen reader's list. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

/** A column heading: a plain label, or a numeric one, right-aligned so the digits line up. */
export type Column = string | { number: string };

/**
 * A table that scrolls sideways on a narrow screen instead of widening the page. The head is one
 * row of `columns`, or `head` for a table whose headings span rows; the children are the body rows.
 */
export function DataTable({
  testId,
  columns = [],
  head,
  children,
}: {
  testId: string;
  columns?: Column[];
  head?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="table-scroll">
      <table data-testid={testId}>
        <thead>
          {head ?? (
            <tr>
              {columns.map((column) =>
                typeof column === 'string' ? (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ) : (
                  <th key={column.number} scope="col" className="number">
                    {column.number}
                  </th>
                ),
              )}
            </tr>
          )}
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export type ControlProps = {
  id: string;
  required: boolean | undefined;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
};

/** A labelled field with its hint and, right under it, its error, both tied to the control. */
export function Field({
  id,
  label,
  hint,
  error,
  required,
  className,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error: string | undefined;
  required?: boolean;
  className?: string;
  children(props: ControlProps): ReactNode;
}) {
  const describedBy = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(' ');
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>
        {label}
        {required && <RequiredMark />}
      </label>
      {children({
        id,
        required,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {hint && <Hint id={`${id}-hint`}>{hint}</Hint>}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}
