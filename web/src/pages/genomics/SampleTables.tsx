import { useGenomicsText } from './common.tsx';
import type { SequencedSample } from './types.ts';

const DEPTH_QUANTILES = ['p10', 'p25', 'p50', 'p75', 'p90'];

/**
 * TMB, MSI, purity and ploidy as the pipeline measured them, one row per sample and file that
 * carried them (a metrics JSON, or a VCF header that had them).
 */
export function MetricsSection({
  samples,
  fileName,
}: {
  samples: SequencedSample[];
  fileName(fileId: string): string;
}) {
  const { g, number, percent, role } = useGenomicsText();
  const measured = samples.filter((s) => s.metrics_source !== null);
  const m = g.metrics;
  return (
    <section aria-labelledby="metrics-title">
      <h2 id="metrics-title">{m.title}</h2>
      {measured.length === 0 ? (
        <p>{m.empty}</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="metrics">
            <thead>
              <tr>
                <th scope="col">{m.sample}</th>
                <th scope="col" className="number">
                  {m.tmb}
                </th>
                <th scope="col">{m.msi}</th>
                <th scope="col" className="number">
                  {m.msiScore}
                </th>
                <th scope="col">{m.msiMethod}</th>
                <th scope="col" className="number">
                  {m.purity}
                </th>
                <th scope="col" className="number">
                  {m.ploidy}
                </th>
                <th scope="col">{m.source}</th>
              </tr>
            </thead>
            <tbody>
              {measured.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    {s.name_in_file} <span className="muted">({role(s.role)})</span>
                  </th>
                  <td className="number">
                    {s.tmb === null ? '–' : `${number(s.tmb, 1)} ${s.tmb_unit ?? ''}`.trim()}
                  </td>
                  <td>
                    {s.msi_status ? (
                      <span className={`badge msi-${s.msi_status}`}>
                        {g.msiStatus[s.msi_status] ?? s.msi_status}
                      </span>
                    ) : (
                      '–'
                    )}
                  </td>
                  <td className="number">{number(s.msi_score)}</td>
                  <td>{s.msi_method ?? '–'}</td>
                  <td className="number">{percent(s.purity)}</td>
                  <td className="number">{number(s.ploidy)}</td>
                  <td>{fileName(s.file_id)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Each VCF sample's quality: how many calls, how many passed, Ti/Tv, and the spread of read depth. */
export function QcSection({
  samples,
  fileName,
}: {
  samples: SequencedSample[];
  fileName(fileId: string): string;
}) {
  const { g, number, percent, role } = useGenomicsText();
  const checked = samples.filter((s) => s.records !== null);
  const q = g.qc;
  return (
    <section aria-labelledby="qc-title">
      <h2 id="qc-title">{q.title}</h2>
      {checked.length === 0 ? (
        <p>{q.empty}</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="qc">
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>
                  {q.sample}
                </th>
                <th scope="col" rowSpan={2}>
                  {q.role}
                </th>
                <th scope="col" rowSpan={2}>
                  {q.file}
                </th>
                <th scope="col" rowSpan={2} className="number">
                  {q.records}
                </th>
                <th scope="col" rowSpan={2} className="number">
                  {q.observations}
                </th>
                <th scope="col" rowSpan={2} className="number">
                  {q.pass}
                </th>
                <th scope="col" rowSpan={2} className="number">
                  {q.tiTv}
                </th>
                <th scope="colgroup" colSpan={DEPTH_QUANTILES.length} className="group">
                  {q.depth}
                </th>
              </tr>
              <tr>
                {DEPTH_QUANTILES.map((p) => (
                  <th key={p} scope="col" className="number">
                    {p}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {checked.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.name_in_file}</th>
                  <td>{role(s.role)}</td>
                  <td>{fileName(s.file_id)}</td>
                  <td className="number">{number(s.records)}</td>
                  <td className="number">{number(s.observations)}</td>
                  <td className="number">{percent(s.pass_fraction, 1)}</td>
                  <td className="number">{number(s.ti_tv)}</td>
                  {DEPTH_QUANTILES.map((p) => (
                    <td key={p} className="number">
                      {number(s.depth_quantiles?.[p] ?? null)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
