import { describe, expect, it } from 'vitest';
import { IngestJobs, unfinished } from './ingestJobs.ts';

const job = {
  orderId: 'o',
  specimenId: 's',
  kind: 'vcf',
  fileName: 'a.vcf',
  bytes: 10,
  startedBy: 'bioingenior',
};

describe('an ingest job', () => {
  it('is queued until its ingest reports progress, running after, and done with its result', async () => {
    const jobs = new IngestJobs();
    let report: (records: number) => void = () => {};
    let finish: (result: Record<string, unknown>) => void = () => {};
    const entry = jobs.start(
      job,
      (progress) => {
        report = progress;
        return new Promise((resolve) => {
          finish = resolve;
        });
      },
      async () => {},
    );
    expect(entry.status).toBe('queued');
    expect(unfinished(entry)).toBe(true);
    report(0);
    expect(entry.status).toBe('running');
    report(500);
    expect(entry.records).toBe(500);
    finish({ status: 'ingested' });
    await jobs.settle();
    expect(entry).toMatchObject({ status: 'done', result: { status: 'ingested' } });
    expect(unfinished(entry)).toBe(false);
  });

  it('fails with the file line and field of the error, without ever running', async () => {
    const jobs = new IngestJobs();
    const entry = jobs.start(
      job,
      async () => {
        throw Object.assign(new Error('expected Integer'), { line: 5000, field: 'INFO/DP' });
      },
      async () => {},
    );
    await jobs.settle();
    expect(entry).toMatchObject({
      status: 'failed',
      error: { line: 5000, field: 'INFO/DP', message: 'expected Integer' },
    });
  });
});
