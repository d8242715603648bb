import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../platform/testing/testApp.ts';
import { melanomaOrder } from '../interpretation/testing.ts';
import type { IngestProgress } from './ingest/kinds.ts';
import { IngestJobs, unfinished } from './ingestJobs.ts';

let t: TestApp;
let job: {
  orderId: string;
  specimenId: string;
  kind: string;
  fileName: string;
  bytes: number;
  startedBy: string;
};

beforeAll(async () => {
  t = await testApp();
  const orderId = await melanomaOrder(t);
  const specimen = await t.database.db
    .selectFrom('specimen')
    .select('id')
    .where('order_id', '=', orderId)
    .executeTakeFirstOrThrow();
  job = {
    orderId,
    specimenId: specimen.id,
    kind: 'vcf',
    fileName: 'a.vcf',
    bytes: 10,
    startedBy: 'bioingenior',
  };
});
afterAll(() => t.close());

/** A job's run that reports progress and finishes when the test says so. */
function controlledRun() {
  const control = {
    report: (_records: number, _fraction?: number) => {},
    finish: (_result: Record<string, unknown>) => {},
    fail: (_error: unknown) => {},
  };
  const run = (progress: IngestProgress) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      control.report = progress;
      control.finish = resolve;
      control.fail = reject;
    });
  return { control, run };
}

const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 20));
};

describe('an ingest job', () => {
  it('is queued until its ingest reports progress, running after, and done with its result — for every instance', async () => {
    const jobs = new IngestJobs(t.database.db);
    const { control, run } = controlledRun();
    const entry = await jobs.start(job, run, async () => {});
    expect(entry.status).toBe('queued');
    expect(unfinished(entry)).toBe(true);
    control.report(0);
    expect((await jobs.get(entry.id))?.status).toBe('running');
    control.report(500);
    expect((await jobs.get(entry.id))?.records).toBe(500);
    control.finish({ status: 'ingested' });
    await jobs.settle();
    // Another server instance (or this one after a restart) reads the outcome from the database.
    const elsewhere = new IngestJobs(t.database.db);
    const done = await elsewhere.get(entry.id);
    expect(done).toMatchObject({ status: 'done', records: 500, result: { status: 'ingested' } });
    expect(done?.finishedAt).toEqual(expect.any(String));
    expect(unfinished(done as NonNullable<typeof done>)).toBe(false);
    expect((await elsewhere.forSpecimen(job.specimenId)).map((j) => j.id)).toContain(entry.id);
  });

  it('runs only when launched (an upload launches it once its request has committed)', async () => {
    const jobs = new IngestJobs(t.database.db);
    let launched: (() => void) | null = null;
    let ran = 0;
    const entry = await jobs.start(
      job,
      async () => {
        ran++;
        return { status: 'ingested' };
      },
      async () => {},
      {
        launch: (begin) => {
          launched = begin;
        },
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ran).toBe(0);
    expect((await jobs.get(entry.id))?.status).toBe('queued');
    (launched as unknown as () => void)();
    await jobs.settle();
    expect(ran).toBe(1);
    expect((await jobs.get(entry.id))?.status).toBe('done');
  });

  it('fails with the file line and field of the error, kept for the page to show', async () => {
    const jobs = new IngestJobs(t.database.db);
    const entry = await jobs.start(
      job,
      async () => {
        throw Object.assign(new Error('expected Integer'), { line: 5000, field: 'INFO/DP' });
      },
      async () => {},
    );
    await jobs.settle();
    expect(await new IngestJobs(t.database.db).get(entry.id)).toMatchObject({
      status: 'failed',
      error: { line: 5000, field: 'INFO/DP', message: 'expected Integer' },
    });
  });

  it('stays unfinished while its process beats, and reads as interrupted once the beat stops', async () => {
    const timing = { heartbeatMs: 40, staleMs: 200 };
    const jobs = new IngestJobs(t.database.db, timing);
    const { control, run } = controlledRun();
    const entry = await jobs.start(job, run, async () => {});
    control.report(10, 0.25);
    const elsewhere = new IngestJobs(t.database.db, timing);
    // Well past the stale limit, the heartbeat keeps it running, with how far it has come.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await elsewhere.get(entry.id)).toMatchObject({ status: 'running', records: 10, fraction: 0.25 });
    // A process that stopped writes no more beats: its job's last beat grows old.
    const oldBeat = async () => {
      await sql`update ingest_job set heartbeat_at = now() - interval '1 hour' where id = ${entry.id}`.execute(
        t.database.db,
      );
      return (await elsewhere.get(entry.id))?.status === 'interrupted';
    };
    await until(oldBeat);
    expect((await elsewhere.get(entry.id))?.status).toBe('interrupted');
    expect(unfinished({ status: 'interrupted' })).toBe(false);
    control.fail(new Error('stopped'));
    await jobs.settle();
  });
});
