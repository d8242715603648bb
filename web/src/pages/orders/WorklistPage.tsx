import { useQuery } from '@tanstack/react-query';
import { api, type Session } from '../../api.ts';
import { Link, navigate, useSearchParams, withQuery } from '../../router.tsx';
import { Loaded, useCatalogue } from '../catalogue/common.tsx';
import { StatusBadge, UrgentBadge, useOrdersText } from './common.tsx';
import { type LabOption, ORDER_STATUSES, type Worklist } from './types.ts';

/**
 * A lab's work-list at /orders/worklist?lab=&status=. Lab staff see their own lab; anyone else
 * (a pathologist in a department, say) picks the lab, and the server decides whether they may.
 */
export function WorklistPage({ session }: { session: Session }) {
  const { o, format } = useOrdersText();
  const params = useSearchParams();
  const forwarded = params.get('forwarded');
  const labs = useCatalogue<{ labs: LabOption[] }>('/api/catalogue/labs');
  const ownLab = session.memberships.find(
    (m) => m.organisationId === session.organisationId && m.organisationKind === 'lab',
  )?.organisationId;
  const labId = params.get('lab') ?? ownLab ?? '';
  const status = params.get('status') ?? '';

  return (
    <section>
      <h1>{o.worklistTitle}</h1>
      <p>{o.worklistIntro}</p>
      <p role="status" className="ok">
        {forwarded && format(o.done.forwarded, { orderNumber: forwarded })}
      </p>
      <div className="filters">
        <label>
          {o.lab}
          <select
            name="lab"
            value={labId}
            onChange={(e) => navigate(withQuery('/orders/worklist', { lab: e.target.value }))}
          >
            {!labId && <option value="">{o.choose}</option>}
            {labs.data?.labs.map((lab) => (
              <option key={lab.id} value={lab.id}>
                {lab.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {labId ? <LabWorklist key={labId} labId={labId} status={status} /> : <p>{o.chooseLab}</p>}
    </section>
  );
}

function LabWorklist({ labId, status }: { labId: string; status: string }) {
  const { o, format, status: statusName, dateTime } = useOrdersText();
  const worklist = useQuery({
    queryKey: ['orders', 'worklist', labId, status],
    queryFn: () =>
      api<Worklist>('GET', withQuery(`/api/labs/${encodeURIComponent(labId)}/worklist`, { status })),
  });
  return (
    <Loaded query={worklist}>
      {({ counts, orders }) => {
        const total = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
        const filters = [
          { value: '', label: o.allStatuses, n: total },
          ...ORDER_STATUSES.map((s) => ({ value: s, label: statusName(s), n: counts[s] ?? 0 })),
        ];
        return (
          <>
            <nav aria-label={o.statusFilter} className="subnav status-filter">
              <ul>
                {filters.map((f) => (
                  <li key={f.value}>
                    <Link
                      href={withQuery('/orders/worklist', { lab: labId, status: f.value })}
                      aria-current={f.value === status ? 'page' : undefined}
                    >
                      {format(o.countLabel, { label: f.label, n: f.n })}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
            {orders.length === 0 ? (
              <p>{o.noOrders}</p>
            ) : (
              <div className="table-scroll">
                <table data-testid="worklist">
                  <thead>
                    <tr>
                      <th scope="col">{o.orderNumber}</th>
                      <th scope="col">{o.priorityCol}</th>
                      <th scope="col">{o.statusCol}</th>
                      <th scope="col">{o.patient}</th>
                      <th scope="col">{o.analysisCol}</th>
                      <th scope="col">{o.requestedBy}</th>
                      <th scope="col">{o.orderedAt}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {orders.map((order) => (
                      <tr key={order.id}>
                        <th scope="row">
                          <Link href={`/orders/${order.id}`}>{order.orderNumber}</Link>
                        </th>
                        <td>{order.priority === 'urgent' ? <UrgentBadge /> : o.priorities.routine}</td>
                        <td>
                          <StatusBadge status={order.status} />
                        </td>
                        <td>{order.patientName}</td>
                        <td>{order.analysis}</td>
                        <td>{order.requestedBy}</td>
                        <td>{dateTime(order.orderedAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        );
      }}
    </Loaded>
  );
}
