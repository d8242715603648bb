import { DataTable, Section, useGenomicsText } from './common.tsx';
import type { SequencedSample } from './types.ts';

const DEPTH_QUANTILES = ['p10', 'p25', 'p50', 'p75', 'p90'];

/** The samples as the page has them, and the name of the file each came from. */
type SamplesProps = { samples: SequencedSample[]; fileName(fileId: string): string };

/**
 * TMB, MSI, purity and ploidy as the pipeline measured them, one row per sample and file that
 * carried them (a metrics JSON, or a VCF header that had them).
 */
export function MetricsSection({ samples, fileName }: SamplesProps) {
  const { g, number, percent, role } = useGenomicsText();
  const measured = samples.filter((s) => s.metrics_source !== null);
  const m = g.metrics;
  return (
    <Section id="metrics" title={m.title}>
      {measured.length === 0 ? (
        <p>{m.empty}</p>
      ) : (
        <DataTable
          testId="metrics"
          columns={[
            m.sample,
            { number: m.tmb },
            m.msi,
            { number: m.msiScore },
            m.msiMethod,
            { number: m.purity },
            { number: m.ploidy },
            m.source,
          ]}
        >
          {measured.map((s) => (
            <tr key={s.id}>
              <th scope="row">
                {s.name_in_file} <span className="muted">({role(s.role)})</span>
              </th>
              <td className="number">
                {s.tmb === null ? '–' : `${number(s.tmb, 1)} ${s.tmb_unit ?? ''}`.trim()}
                {s.tmb !== null && s.tmb_method && <small> ({s.tmb_method})</small>}
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
        </DataTable>
      )}
    </Section>
  );
}

/** Each VCF sample's quality: how many calls, how many passed, Ti/Tv, and the spread of read depth. */
export function QcSection({ samples, fileName }: SamplesProps) {
  const { g, number, percent, role } = useGenomicsText();
  const checked = samples.filter((s) => s.records !== null);
  const q = g.qc;
  // Two heading rows: the depth percentiles sit under one "read depth" heading.
  const head = (
    <>
      <tr>
        {[q.sample, q.role, q.file].map((label) => (
          <th key={label} scope="col" rowSpan={2}>
            {label}
          </th>
        ))}
        {[q.records, q.observations, q.pass, q.tiTv].map((label) => (
          <th key={label} scope="col" rowSpan={2} className="number">
            {label}
          </th>
        ))}
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
    </>
  );
  return (
    <Section id="qc" title={q.title}>
      {checked.length === 0 ? (
        <p>{q.empty}</p>
      ) : (
        <DataTable testId="qc" head={head}>
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
        </DataTable>
      )}
    </Section>
  );
}
