import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Session } from '../../api.ts';
import { ErrorAlert } from '../../ErrorAlert.tsx';
import { Link, navigate } from '../../router.tsx';
import { LAB_ROLES } from '../orders/types.ts';
import { useInterpretationText } from './common.tsx';
import { type CaseSummary, casePath } from './types.ts';

/**
 * On an order's page, for the performing lab: its interpretation case, or a button that opens one
 * from the ingested VCF. The lab's case list is the only way to find an order's case, matched by
 * the order number it shows.
 */
export function OrderCaseButton({
  order,
  session,
}: {
  order: { id: string; orderNumber: string; performingLab: { id: string } };
  session: Session;
}) {
  const { i, format, problem } = useInterpretationText();
  const queryClient = useQueryClient();
  // The error itself, worded at render: a language switch re-words it.
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const labId = session.organisationId;
  const performing =
    labId === order.performingLab.id && LAB_ROLES.includes(session.role ?? '') && session.purpose === 'care';
  const cases = useQuery({
    queryKey: ['interpretation', 'cases', labId, ''],
    queryFn: () => api<{ cases: CaseSummary[] }>('GET', `/api/labs/${labId}/cases`),
    enabled: performing,
  });
  if (!performing || !cases.data) return null;
  const existing = cases.data.cases.find((c) => c.order_number === order.orderNumber);

  const create = async () => {
    setError(null);
    setBusy(true);
    try {
      const created = await api<{ id: string }>('POST', `/api/orders/${order.id}/cases`);
      await queryClient.invalidateQueries({ queryKey: ['interpretation', 'cases'] });
      navigate(casePath(created.id));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="order-case-title" className="actions order-case">
      <h2 id="order-case-title">{i.orderCase.title}</h2>
      {existing ? (
        <Link href={casePath(existing.id)} className="button secondary" data-testid="open-case">
          {format(i.orderCase.open, { status: i.status[existing.status] ?? existing.status })}
        </Link>
      ) : (
        <button type="button" disabled={busy} onClick={create}>
          {i.orderCase.create}
        </button>
      )}
      <ErrorAlert error={error === null ? null : problem(error)} />
    </section>
  );
}
