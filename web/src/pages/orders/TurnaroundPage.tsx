import { useQueries } from '@tanstack/react-query';
import { api } from '../../api.ts';
import { problemText } from '../../ErrorAlert.tsx';
import { Loaded, useCatalogue } from '../catalogue/common.tsx';
import { useOrdersText } from './common.tsx';
import type { LabOption, Turnaround } from './types.ts';

/** Days from ordered to reported, per lab: median and 90th percentile, from the public figures. */
export function TurnaroundPage() {
  const { o } = useOrdersText();
  const labs = useCatalogue<{ labs: LabOption[] }>('/api/catalogue/labs');
  return (
    <section>
      <h1>{o.turnaroundTitle}</h1>
      <p>{o.turnaroundIntro}</p>
      <Loaded query={labs}>{({ labs }) => <TurnaroundTable labs={labs} />}</Loaded>
    </section>
  );
}

function TurnaroundTable({ labs }: { labs: LabOption[] }) {
  const { o, days, t } = useOrdersText();
  const figures = useQueries({
    queries: labs.map((lab) => ({
      queryKey: ['orders', 'turnaround', lab.id],
      queryFn: () => api<Turnaround>('GET', `/api/labs/${encodeURIComponent(lab.id)}/turnaround`),
    })),
  });
  return (
    <div className="table-scroll">
      <table data-testid="turnaround">
        <thead>
          <tr>
            <th scope="col">{o.lab}</th>
            <th scope="col" className="number">
              {o.reportedCount}
            </th>
            <th scope="col" className="number">
              {o.medianDays}
            </th>
            <th scope="col" className="number">
              {o.p90Days}
            </th>
          </tr>
        </thead>
        <tbody>
          {labs.map((lab, index) => {
            const figure = figures[index];
            const data = figure?.data;
            return (
              <tr key={lab.id}>
                <th scope="row">{lab.name}</th>
                {figure?.isError ? (
                  <td colSpan={3} className="error">
                    {problemText(figure.error)}
                  </td>
                ) : !data ? (
                  <td colSpan={3}>{t.loading}</td>
                ) : data.reported === 0 ? (
                  <>
                    <td className="number">0</td>
                    <td colSpan={2} className="muted">
                      {o.noneReported}
                    </td>
                  </>
                ) : (
                  <>
                    <td className="number">{data.reported}</td>
                    <td className="number">{days(data.medianDays)}</td>
                    <td className="number">{days(data.p90Days)}</td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
