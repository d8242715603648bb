import { useQuery } from '@tanstack/react-query';
import { api, type Session } from '../../api.ts';
import { Link } from '../../router.tsx';
import { Loaded } from '../catalogue/common.tsx';
import { LAB_ROLES } from '../orders/types.ts';
import { useReportingText } from './common.tsx';
import { DraftReportButton } from './OrderReports.tsx';
import './reporting.css';

type FinalisedCase = {
  id: string;
  order_number: string;
  given_name: string;
  family_name: string;
  analysis: string;
};

/**
 * /reporting: for someone working in a lab, the lab's finalised interpretation cases, each a step
 * from its report; for everyone else, where reports are found (on each requisition).
 */
export function ReportingPage({ session }: { session: Session }) {
  const { r } = useReportingText();
  const membership = session.memberships.find(
    (m) => m.organisationId === session.organisationId && m.role === session.role,
  );
  const inLab =
    membership?.organisationKind === 'lab' &&
    LAB_ROLES.includes(session.role ?? '') &&
    session.purpose === 'care';
  const cases = useQuery({
    queryKey: ['interpretation', 'cases', session.organisationId, 'finalised'],
    queryFn: () =>
      api<{ cases: FinalisedCase[] }>('GET', `/api/labs/${session.organisationId}/cases?status=finalised`),
    enabled: inLab,
  });
  return (
    <section aria-labelledby="reporting-title" className="reporting">
      <h1 id="reporting-title">{r.list.title}</h1>
      {!inLab ? (
        <>
          <p>{r.list.notLab}</p>
          <Link href="/orders">{r.list.toOrders}</Link>
        </>
      ) : (
        <>
          <p>{r.list.intro}</p>
          <Loaded query={cases}>
            {(data) =>
              data.cases.length === 0 ? (
                <p>{r.list.empty}</p>
              ) : (
                <div className="table-scroll">
                  <table data-testid="finalised-cases">
                    <caption>{r.list.caption}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{r.list.orderNumber}</th>
                        <th scope="col">{r.list.patient}</th>
                        <th scope="col">{r.list.analysis}</th>
                        <th scope="col">{r.list.case}</th>
                        <th scope="col">{r.list.report}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.cases.map((c) => (
                        <tr key={c.id}>
                          <th scope="row">{c.order_number}</th>
                          <td>
                            {c.given_name} {c.family_name}
                          </td>
                          <td>{c.analysis}</td>
                          <td>
                            <Link href={`/cases/${c.id}`}>{r.list.openCase}</Link>
                          </td>
                          <td>
                            <DraftReportButton
                              caseId={c.id}
                              label={r.list.toReport}
                              name={`${r.list.toReport}: ${c.order_number}`}
                            />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )
            }
          </Loaded>
        </>
      )}
    </section>
  );
}
