import { Worker } from 'node:worker_threads';
import { VcfError } from '../vcf/errors.ts';
import type { CopyTarget } from './copyRows.ts';
import type { SampleQcSummary } from './qc.ts';
import type { RowBatch, RowStream } from './readRows.ts';

/** What the worker is given: the file, its name for errors, the samples in position order. */
export type WorkerTask = {
  file: string;
  name: string;
  samples: readonly string[];
  batchRecords: number;
  /** When the rows go to a PostgreSQL server (readRows' `copy`). */
  copy: CopyTarget | null;
  /** How many batches the worker may post before the main thread has taken them. */
  ahead: number;
};

export type WorkerFailure =
  | { kind: 'vcf'; file: string; line: number; field: string; reason: string }
  | { kind: 'other'; message: string };

export type WorkerMessage =
  | { kind: 'batch'; batch: RowBatch }
  | { kind: 'done'; qc: Record<string, SampleQcSummary> }
  | { kind: 'failed'; error: WorkerFailure };

const ENTRY = new URL('./parseWorkerEntry.mjs', import.meta.url);
const MODULE = new URL('./parseWorker.ts', import.meta.url).href;
/** Enough to keep the worker busy while a batch is stored (a batch of 1,000 records is about 1 MB). */
const AHEAD = 4;

/**
 * A worker thread for readRowsInWorker, started before its file is known: the thread loads its
 * modules (a third of a second, tsx's loader included) while the ingest hashes the file and
 * begins its transaction. It waits for its one task; terminate() ends it either way, so an
 * ingest that stops before reading (the file was ingested before, an error) must call it.
 */
export class ParseWorker {
  readonly thread = new Worker(ENTRY, { workerData: { module: MODULE } });
  readonly inbox = new Inbox(this.thread);
  private taken = false;

  /** Sends the task; a worker takes one task only. */
  take(task: WorkerTask): void {
    if (this.taken) throw new Error('a parse worker reads one file only');
    this.taken = true;
    this.thread.postMessage(task);
  }

  async terminate(): Promise<void> {
    await this.thread.terminate();
  }
}

/**
 * readRows in a worker thread: the file is read, checked and turned into rows on the machine's
 * other core while this thread and the database store the batches before. The rows are the same
 * as readRows gives (workerRows.test.ts). Starting a worker costs a third of a second, which
 * only a large file earns back (ingestVcf decides, and may start it early: ParseWorker).
 * Stopping early — an error here or in the worker, or the consumer leaving the loop — ends the
 * worker.
 */
export function readRowsInWorker(
  file: string,
  options: { name: string; samples: readonly string[]; batchRecords: number; copy?: CopyTarget | null },
  started: ParseWorker | null = null,
): RowStream {
  let qc: Record<string, SampleQcSummary> | null = null;
  return {
    async *batches() {
      const worker = started ?? new ParseWorker();
      try {
        worker.take({
          file,
          name: options.name,
          samples: [...options.samples],
          batchRecords: options.batchRecords,
          copy: options.copy ?? null,
          ahead: AHEAD,
        });
        for (;;) {
          const message = await worker.inbox.next();
          if (message.kind === 'done') {
            qc = message.qc;
            return;
          }
          if (message.kind === 'failed') throw revived(message.error);
          yield message.batch;
          worker.thread.postMessage('more');
        }
      } finally {
        await worker.terminate();
      }
    },
    qc() {
      if (qc === null) throw new Error('the QC is known only once every batch is read');
      return qc;
    },
  };
}

/** The worker's messages in order; a crash of the worker (or its loader) becomes an error here. */
class Inbox {
  private readonly messages: WorkerMessage[] = [];
  private failure: Error | null = null;
  private wake: (() => void) | null = null;

  constructor(worker: Worker) {
    worker.on('message', (message: WorkerMessage) => {
      this.messages.push(message);
      this.notify();
    });
    worker.on('error', (error) => {
      this.failure ??= error;
      this.notify();
    });
    // A batch that could not be read back would otherwise leave next() waiting for ever.
    worker.on('messageerror', (error) => {
      this.failure ??= error;
      this.notify();
    });
    worker.on('exit', (code) => {
      this.failure ??= new Error(`the VCF reader's worker thread stopped early (exit code ${code})`);
      this.notify();
    });
  }

  async next(): Promise<WorkerMessage> {
    for (;;) {
      const message = this.messages.shift();
      if (message) return message;
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  private notify(): void {
    this.wake?.();
    this.wake = null;
  }
}

function revived(error: WorkerFailure): Error {
  return error.kind === 'vcf'
    ? new VcfError(error.file, error.line, error.field, error.reason)
    : new Error(error.message);
}
