import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Problem } from '../../platform/http/problems.ts';

/**
 * Ingests started over HTTP run after the upload has been answered, so the page can show their
 * progress. The job list lives in this process (a restart forgets finished jobs; the data itself
 * is in the database or, for a job that did not finish, not at all, as ingestion is one
 * transaction).
 */
/** `queued`: waiting for the ingest before it (VCF ingests run one at a time); `running` from its first progress. */
export type IngestJobStatus = 'queued' | 'running' | 'done' | 'failed';

/** Whether a job may still change: a page keeps asking until it is done or failed. */
export function unfinished(job: { status: IngestJobStatus }): boolean {
  return job.status === 'queued' || job.status === 'running';
}

export type IngestJob = {
  id: string;
  orderId: string;
  specimenId: string;
  kind: string;
  fileName: string;
  bytes: number;
  status: IngestJobStatus;
  records: number;
  startedAt: string;
  finishedAt: string | null;
  startedBy: string;
  result: Record<string, unknown> | null;
  error: { message: string; line: number | null; field: string | null } | null;
};

/** Finished jobs are kept this long for the page to read their outcome. */
const KEEP_FINISHED_MS = 6 * 60 * 60 * 1000;

export class IngestJobs {
  private readonly jobs = new Map<string, IngestJob>();
  private readonly running = new Set<Promise<unknown>>();

  get(id: string): IngestJob | undefined {
    return this.jobs.get(id);
  }

  forSpecimen(specimenId: string): IngestJob[] {
    return [...this.jobs.values()].filter((j) => j.specimenId === specimenId);
  }

  start(
    job: Omit<IngestJob, 'id' | 'status' | 'records' | 'startedAt' | 'finishedAt' | 'result' | 'error'>,
    run: (progress: (records: number) => void) => Promise<Record<string, unknown>>,
    cleanUp: () => Promise<void>,
  ): IngestJob {
    this.forget();
    const entry: IngestJob = {
      ...job,
      id: randomUUID(),
      status: 'queued',
      records: 0,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      result: null,
      error: null,
    };
    this.jobs.set(entry.id, entry);
    const work = run((records) => {
      entry.status = 'running';
      entry.records = records;
    })
      .then((result) => {
        entry.status = 'done';
        entry.result = result;
      })
      .catch((error: unknown) => {
        entry.status = 'failed';
        entry.error = describeError(error);
      })
      .finally(async () => {
        entry.finishedAt = new Date().toISOString();
        await cleanUp();
        this.running.delete(work);
      });
    this.running.add(work);
    return entry;
  }

  /** Waits for running jobs (server shutdown, tests). */
  async settle(): Promise<void> {
    await Promise.all([...this.running]);
  }

  private forget() {
    const before = Date.now() - KEEP_FINISHED_MS;
    for (const [id, job] of this.jobs)
      if (job.finishedAt && Date.parse(job.finishedAt) < before) this.jobs.delete(id);
  }
}

function describeError(error: unknown): IngestJob['error'] {
  const e = error as { message?: string; line?: unknown; field?: unknown; detail?: string };
  if (error instanceof Problem) return { message: error.detail ?? error.title, line: null, field: null };
  return {
    message: e?.message ?? String(error),
    line: typeof e?.line === 'number' ? e.line : null,
    field: typeof e?.field === 'string' ? e.field : null,
  };
}

/** An upload is written to a temporary file as it arrives: never the whole file in memory. */
export async function receiveUpload(body: NodeJS.ReadableStream): Promise<{ file: string; bytes: number }> {
  const file = path.join(os.tmpdir(), `genvei-upload-${randomUUID()}`);
  let bytes = 0;
  body.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
  });
  try {
    await pipeline(body, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
  return { file, bytes };
}
