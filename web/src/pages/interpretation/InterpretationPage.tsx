import { useQuery } from '@tanstack/react-query';
import { api, type Session } from '../../api.ts';
import { Link, navigate, useSearchParams, withQuery } from '../../router.tsx';
import { Loaded } from '../catalogue/common.tsx';
import { LAB_ROLES } from '../orders/types.ts';
import { SubNav } from '../SubNav.tsx';
import { ConflictsPage } from './ConflictsPage.tsx';
import { CaseStatusBadge, useInterpretationText } from './common.tsx';
import { CASE_STATUSES, type CaseSummary, casePath } from './types.ts';
import './interpretation.css';

const SECTIONS = [
  { key: 'cases', path: '/interpretation' },
  { key: 'conflicts', path: '/interpretation/conflicts' },
];

/** The lab's interpretation: its cases by status, and the conflicts it shares with other labs. */
export function InterpretationPage({ path, session }: { path: string; session: Session }) {
  const { i } = useInterpretationText();
  const current = SECTIONS.find((s) => s.path === path);
  let page = <p>{i.pageNotFound}</p>;
  if (!LAB_ROLES.includes(session.role ?? '') || !session.organisationId) page = <p>{i.labOnly}</p>;
  else if (current?.key === 'cases') page = <CaseList labId={session.organisationId} />;
  else if (current?.key === 'conflicts') page = <ConflictsPage />;
  return (
    <div className="interpretation">
      <SubNav label={i.sectionsLabel} sections={SECTIONS} names={i.sections} current={current} />
      {page}
    </div>
  );
}

function CaseList({ labId }: { labId: string }) {
  const { i, date } = useInterpretationText();
  const status = useSearchParams().get('status') ?? '';
  const cases = useQuery({
    queryKey: ['interpretation', 'cases', labId, status],
    queryFn: () => api<{ cases: CaseSummary[] }>('GET', withQuery(`/api/labs/${labId}/cases`, { status })),
  });
  const c = i.columns;
  return (
    <section aria-labelledby="cases-title">
      <h1 id="cases-title">{i.listTitle}</h1>
      <p>{i.listIntro}</p>
      <div className="filters">
        <label>
          {i.statusFilter}
          <select
            value={status}
            onChange={(event) =>
              navigate(withQuery('/interpretation', { status: event.target.value }), { replace: true })
            }
          >
            <option value="">{i.allStatuses}</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {i.status[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Loaded query={cases}>
        {(data) =>
          data.cases.length === 0 ? (
            <p>{i.listEmpty}</p>
          ) : (
            <table data-testid="case-list">
              <thead>
                <tr>
                  <th scope="col">{c.order}</th>
                  <th scope="col">{c.patient}</th>
                  <th scope="col">{c.analysis}</th>
                  <th scope="col">{c.context}</th>
                  <th scope="col">{c.origin}</th>
                  <th scope="col">{c.status}</th>
                  <th scope="col" className="number">
                    {c.variants}
                  </th>
                  <th scope="col">{c.created}</th>
                </tr>
              </thead>
              <tbody>
                {data.cases.map((row) => (
                  <tr key={row.id}>
                    <th scope="row">
                      <Link href={casePath(row.id)}>{row.order_number}</Link>
                    </th>
                    <td>
                      {row.given_name} {row.family_name}
                    </td>
                    <td>{row.analysis}</td>
                    <td>{row.context}</td>
                    <td>{i.origins[row.origin] ?? row.origin}</td>
                    <td>
                      <CaseStatusBadge status={row.status} />
                    </td>
                    <td className="number">{row.variants}</td>
                    <td>{date(row.created_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </section>
  );
}
