import { DataTable, Section, useGenomicsText } from './common.tsx';
import { linesText } from './FileTables.tsx';
import { type IngestJob, unfinished } from './types.ts';

/**
 * How an ingest ended, in words: what was read, that the file was already there, or where it
 * failed (file line and field) — and that a failed file left nothing behind.
 */
export function JobOutcome({ job }: { job: IngestJob }) {
  const { g, format, number } = useGenomicsText();
  const o = g.outcome;
  const file = job.fileName;
  if (unfinished(job)) return null;
  if (job.status === 'interrupted')
    return <span data-testid="job-error">{format(o.interrupted, { file })}</span>;
  if (job.status === 'failed') {
    const error = job.error;
    const where =
      error?.line != null
        ? error.field
          ? format(o.atLineField, { line: number(error.line, 0), field: error.field })
          : format(o.atLine, { line: number(error.line, 0) })
        : null;
    return (
      <span data-testid="job-error">
        {format(o.failed, { file })} {where && <strong>{where}</strong>} {error?.message}
      </span>
    );
  }
  const result = job.result ?? {};
  const count = (key: string) => number(typeof result[key] === 'number' ? result[key] : null, 0);
  if (result.status === 'already-ingested') return <span>{format(o.already, { file })}</span>;
  const text =
    job.kind === 'vcf'
      ? format(o.vcf, {
          file,
          records: count('records'),
          variants: count('variants'),
          observations: count('observations'),
        })
      : format(o.calls, { file, records: count('records') });
  const merged = typeof result.merged === 'number' ? result.merged : 0;
  const mergedLines = Array.isArray(result.mergedLines) ? (result.mergedLines as number[]) : [];
  return (
    <span>
      {text}
      {merged > 0 &&
        ` ${format(o.merged, { count: number(merged, 0), where: linesText(mergedLines, g, format, number) })}`}
    </span>
  );
}

/** Records read so far, or in all once done (a metrics file reports no progress, only its result). */
export function recordsOf(job: IngestJob): number {
  const total = job.result?.records;
  return job.status === 'done' && typeof total === 'number' ? total : job.records;
}

/** The specimen's uploads this server has seen lately: running ones with their count, finished ones with their outcome. */
export function IngestJobsSection({ jobs }: { jobs: IngestJob[] }) {
  const { g, number, percent, dateTime } = useGenomicsText();
  if (jobs.length === 0) return null;
  const j = g.jobs;
  const newestFirst = [...jobs].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  return (
    <Section id="jobs" title={j.title}>
      <DataTable
        testId="ingest-jobs"
        columns={[j.file, j.kind, j.status, { number: j.records }, j.startedBy, j.started, j.outcome]}
      >
        {newestFirst.map((job) => (
          <tr key={job.id}>
            <th scope="row">{job.fileName}</th>
            <td>{g.kinds[job.kind] ?? job.kind}</td>
            <td>
              <span className={`badge job-${job.status}`}>{g.jobStatus[job.status] ?? job.status}</span>
              {job.status === 'running' && job.fraction !== null && ` ${percent(job.fraction)}`}
            </td>
            <td className="number">{number(recordsOf(job), 0)}</td>
            <td>{job.startedBy}</td>
            <td>{dateTime(job.startedAt)}</td>
            <td>
              <JobOutcome job={job} />
            </td>
          </tr>
        ))}
      </DataTable>
    </Section>
  );
}
