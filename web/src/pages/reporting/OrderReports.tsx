import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api, type Session } from '../../api.ts';
import { ErrorAlert, problemText } from '../../ErrorAlert.tsx';
import { Link, navigate } from '../../router.tsx';
import { LAB_ROLES } from '../orders/types.ts';
import { useReportingText } from './common.tsx';
import { existingReportId } from './refusals.ts';
import { type OrderReportRow, reportPath } from './types.ts';

type CaseRow = { id: string; status: string; order_number: string };

/**
 * On an order's page: its reports, each version a link (the server lists what the reader may see:
 * signed versions, and drafts for the lab). For the performing lab, a finalised interpretation case
 * without a report offers to draft one; the lab's list of finalised cases is the only way to find
 * an order's case, matched by the order number it shows.
 */
export function OrderReports({
  order,
  session,
}: {
  order: { id: string; orderNumber: string; performingLab: { id: string } };
  session: Session;
}) {
  const { r, format, status } = useReportingText();
  const lab = LAB_ROLES.includes(session.role ?? '') && session.purpose === 'care';
  const reports = useQuery({
    queryKey: ['reports', 'order', order.id],
    queryFn: () => api<{ reports: OrderReportRow[] }>('GET', `/api/orders/${order.id}/reports`),
  });
  const rows = reports.data?.reports ?? [];
  const finalised = useQuery({
    queryKey: ['interpretation', 'cases', order.performingLab.id, 'finalised'],
    queryFn: () =>
      api<{ cases: CaseRow[] }>('GET', `/api/labs/${order.performingLab.id}/cases?status=finalised`),
    enabled: lab && reports.isSuccess && rows.length === 0,
    retry: false,
  });
  // A reader with no access to the order's reports sees no section rather than a refusal.
  if (reports.error instanceof ApiError && reports.error.problem.status === 403) return null;
  const readyCase = finalised.data?.cases.find((c) => c.order_number === order.orderNumber);
  const ids = [...new Set(rows.map((row) => row.id))];

  return (
    <section
      aria-labelledby="order-reports-title"
      className="actions order-reports"
      data-testid="order-reports"
    >
      <h2 id="order-reports-title">{r.orderSection.title}</h2>
      {reports.isError && <ErrorAlert error={problemText(reports.error)} />}
      {reports.isSuccess && ids.length === 0 && !readyCase && (
        <p>{lab ? r.orderSection.noneLab : r.orderSection.none}</p>
      )}
      {ids.map((id) => (
        <ul key={id} className="plain report-links">
          {rows
            .filter((row) => row.id === id)
            .map((row) => (
              <li key={row.version}>
                <Link href={reportPath(id, row.version)}>
                  {format(r.orderSection.link, { n: row.version, status: status(row.status) })}
                </Link>
                {row.amendment_reason && (
                  <span className="muted">
                    {' '}
                    ({format(r.orderSection.amended, { reason: row.amendment_reason })})
                  </span>
                )}
              </li>
            ))}
        </ul>
      ))}
      {readyCase && (
        <>
          <p>{r.orderSection.caseReady}</p>
          <DraftReportButton caseId={readyCase.id} />
        </>
      )}
    </section>
  );
}

/**
 * Drafts the report of a finalised case and opens it. A case has one report: when it exists
 * already the server names it, and the button opens that one instead.
 */
export function DraftReportButton({
  caseId,
  label,
  name,
}: {
  caseId: string;
  label?: string;
  /** The accessible name where the visible label repeats down a table. */
  name?: string;
}) {
  const { r, problem } = useReportingText();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  // The error itself, worded at render: a language switch re-words it.
  const [error, setError] = useState<unknown>(null);
  const draft = async () => {
    setError(null);
    setBusy(true);
    try {
      const created = await api<{ id: string; version: number }>('POST', `/api/cases/${caseId}/report`);
      await queryClient.invalidateQueries({ queryKey: ['reports'] });
      navigate(reportPath(created.id, created.version));
    } catch (e) {
      const existing = e instanceof ApiError && e.problem.status === 409 ? existingReportId(e.problem) : null;
      if (existing) navigate(reportPath(existing));
      else setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" onClick={draft} disabled={busy} aria-label={name}>
        {busy ? r.orderSection.drafting : (label ?? r.orderSection.draftFromCase)}
      </button>
      <ErrorAlert error={error === null ? null : problem(error)} />
    </>
  );
}
