import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely, Selectable } from 'kysely';
import type { IngestJobError, IngestJobTable } from '../../platform/db/genomicsSchema.ts';
import type { DB } from '../../platform/db/schema.ts';
import { Problem } from '../../platform/http/problems.ts';
import { type IngestJobStatus, type IngestProgress, unfinished } from './ingest/kinds.ts';

/**
 * Ingests started over HTTP run after the upload has been answered, so the page can show their
 * progress. Each job is a row of `ingest_job` (migration 0009): its outcome outlives the server
 * process and every instance sees it. While a job is unfinished its process writes a heartbeat;
 * a queued or running job whose heartbeat stopped was cut off with its process — its ingest was one
 * transaction, so nothing of it is stored — and reads as `interrupted`: the file can simply be
 * uploaded again.
 */
export { type IngestJobStatus, unfinished };

export type IngestJob = {
  id: string;
  orderId: string;
  specimenId: string;
  kind: string;
  fileName: string;
  bytes: number;
  status: IngestJobStatus;
  records: number;
  /** The share of the file done, while it runs; null when the ingest cannot say. */
  fraction: number | null;
  startedAt: string;
  finishedAt: string | null;
  startedBy: string;
  result: Record<string, unknown> | null;
  error: IngestJobError | null;
};

export type IngestJobTiming = {
  /** How often a process writes the heartbeat (and the record count) of its unfinished jobs. */
  heartbeatMs: number;
  /** How old a heartbeat may be before its job reads as interrupted: several missed beats. */
  staleMs: number;
};

const TIMING: IngestJobTiming = { heartbeatMs: 10_000, staleMs: 60_000 };

export class IngestJobs {
  /** This process's unfinished jobs, for their progress between heartbeats. */
  private readonly live = new Map<string, IngestJob>();
  private readonly running = new Set<Promise<unknown>>();
  /** Each live job's last write, which the next one waits for. */
  private readonly saving = new Map<string, Promise<void>>();
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly timing: IngestJobTiming = TIMING,
  ) {}

  /** `db`: the request's transaction when there is one (PGlite has one connection). */
  async get(id: string, db: Kysely<DB> = this.db): Promise<IngestJob | undefined> {
    const row = await db.selectFrom('ingest_job').selectAll().where('id', '=', id).executeTakeFirst();
    return row && this.jobOf(row);
  }

  async forSpecimen(specimenId: string, db: Kysely<DB> = this.db): Promise<IngestJob[]> {
    const rows = await db
      .selectFrom('ingest_job')
      .selectAll()
      .where('specimen_id', '=', specimenId)
      .orderBy('started_at')
      .execute();
    return rows.map((row) => this.jobOf(row));
  }

  /**
   * Stores the job (in `db`: the request's transaction when there is one) and has `launch` start
   * it: an upload route launches it once its transaction has committed, so the job's own writes
   * always find its row; a job never launched is never run (`launch` then cleans up).
   */
  async start(
    job: Omit<
      IngestJob,
      'id' | 'status' | 'records' | 'fraction' | 'startedAt' | 'finishedAt' | 'result' | 'error'
    >,
    run: (progress: IngestProgress) => Promise<Record<string, unknown>>,
    cleanUp: () => Promise<void>,
    options: { db?: Kysely<DB>; launch?: (begin: () => void) => void } = {},
  ): Promise<IngestJob> {
    const { db = this.db, launch = (begin) => begin() } = options;
    const started = await db
      .insertInto('ingest_job')
      .values({
        id: randomUUID(),
        order_id: job.orderId,
        specimen_id: job.specimenId,
        kind: job.kind,
        file_name: job.fileName,
        bytes: job.bytes,
        status: 'queued',
        started_by: job.startedBy,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const entry = this.jobOf(started);
    launch(() => this.begin(entry, run, cleanUp));
    return { ...entry };
  }

  private begin(
    entry: IngestJob,
    run: (progress: IngestProgress) => Promise<Record<string, unknown>>,
    cleanUp: () => Promise<void>,
  ): void {
    this.live.set(entry.id, entry);
    this.beat();
    const work = run((records, fraction) => {
      const first = entry.status === 'queued';
      entry.status = 'running';
      entry.records = records;
      if (fraction !== undefined) entry.fraction = fraction;
      // The page sees "running" at once; the count follows with the heartbeat.
      if (first) void this.save(entry);
    })
      .then(
        (result) => ({ status: 'done' as const, result, error: null }),
        (error: unknown) => ({ status: 'failed' as const, result: null, error: describeError(error) }),
      )
      .then(async (outcome) => {
        // The uploaded file is gone before anyone can read the job as finished.
        await cleanUp().catch(() => {});
        Object.assign(entry, outcome, { finishedAt: new Date().toISOString() });
        await this.save(entry);
        this.live.delete(entry.id);
        this.saving.delete(entry.id);
        this.running.delete(work);
      });
    this.running.add(work);
  }

  /** Waits for running jobs (server shutdown, tests). */
  async settle(): Promise<void> {
    await Promise.all([...this.running]);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  /** Starts the heartbeat when the first job starts; it stops itself once no job is unfinished. */
  private beat(): void {
    if (this.heartbeat) return;
    this.heartbeat = setInterval(() => {
      if (this.live.size === 0 && this.heartbeat) {
        clearInterval(this.heartbeat);
        this.heartbeat = null;
        return;
      }
      for (const entry of this.live.values()) void this.save(entry);
    }, this.timing.heartbeatMs);
    // A heartbeat must not keep a finished server process alive.
    this.heartbeat.unref();
  }

  /**
   * Writes a job's state and heartbeat, one write per job at a time and in order (a heartbeat must
   * not land after the job's last word). A failed write is reported, not thrown: the ingest goes on.
   */
  private save(entry: IngestJob): Promise<void> {
    const previous = this.saving.get(entry.id) ?? Promise.resolve();
    const next = previous.then(() => this.write({ ...entry }));
    this.saving.set(entry.id, next);
    return next;
  }

  private async write(entry: IngestJob): Promise<void> {
    const finished = entry.finishedAt !== null;
    try {
      await this.db
        .updateTable('ingest_job')
        .set({
          status: entry.status === 'interrupted' ? 'failed' : entry.status,
          records: entry.records,
          fraction: entry.fraction,
          heartbeat_at: new Date(),
          ...(finished
            ? {
                finished_at: new Date(entry.finishedAt as string),
                result: entry.result && JSON.stringify(entry.result),
                error: entry.error && JSON.stringify(entry.error),
              }
            : {}),
        })
        .where('id', '=', entry.id)
        .execute();
    } catch (error) {
      process.stderr.write(
        `${JSON.stringify({ level: 'warn', msg: 'could not save ingest job', job: entry.id, error: (error as Error).message })}\n`,
      );
    }
  }

  private jobOf(row: Selectable<IngestJobTable>): IngestJob {
    const live = this.live.get(row.id);
    if (live) return { ...live };
    const stopped =
      (row.status === 'queued' || row.status === 'running') &&
      Date.now() - new Date(row.heartbeat_at).getTime() > this.timing.staleMs;
    return {
      id: row.id,
      orderId: row.order_id,
      specimenId: row.specimen_id,
      kind: row.kind,
      fileName: row.file_name,
      bytes: Number(row.bytes),
      status: stopped ? 'interrupted' : row.status,
      records: row.records,
      fraction: row.fraction,
      startedAt: new Date(row.started_at).toISOString(),
      finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
      startedBy: row.started_by,
      result: row.result,
      error: row.error,
    };
  }
}

function describeError(error: unknown): IngestJobError {
  const e = error as { message?: string; line?: unknown; field?: unknown; detail?: string };
  if (error instanceof Problem) return { message: error.detail ?? error.title, line: null, field: null };
  return {
    message: e?.message ?? String(error),
    line: typeof e?.line === 'number' ? e.line : null,
    field: typeof e?.field === 'string' ? e.field : null,
  };
}

/** An upload longer than the limit; what was received of it is removed. */
export class UploadTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`the upload is larger than ${maxBytes} bytes`);
  }
}

/**
 * An upload is written to a temporary file as it arrives: never the whole file in memory. One
 * longer than `maxBytes` is cut off there (UploadTooLarge), leaving no file.
 */
export async function receiveUpload(
  body: NodeJS.ReadableStream,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<{ file: string; bytes: number }> {
  const file = path.join(os.tmpdir(), `genvei-upload-${randomUUID()}`);
  let bytes = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > maxBytes ? new UploadTooLarge(maxBytes) : null, chunk);
    },
  });
  try {
    await pipeline(body, counted, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
  return { file, bytes };
}
