import { parentPort } from 'node:worker_threads';
import { VcfError } from '../vcf/errors.ts';
import { openVcf } from '../vcf/reader.ts';
import { isCopyRows, transferables } from './copyRows.ts';
import { readRows } from './readRows.ts';
import type { WorkerFailure, WorkerMessage, WorkerTask } from './workerRows.ts';

/**
 * The body of the worker thread workerRows.ts starts: reads and checks the file and builds its
 * rows (readRows), posting each batch to the main thread, which stores it. It runs at most
 * `ahead` batches ahead of the main thread, which grants one more with each batch it takes, so
 * a slow database cannot make the batches pile up in memory.
 */
const port = parentPort as NonNullable<typeof parentPort>;
// The thread may start before its file is known (ParseWorker): the first message is the task.
const task = await new Promise<WorkerTask>((resolve) => port.once('message', resolve));
let credits = task.ahead;
let granted: (() => void) | null = null;
port.on('message', () => {
  credits++;
  granted?.();
  granted = null;
});

/** A batch of CopyRows leaves with its memory (transferred, not copied). */
function post(message: WorkerMessage): void {
  if (message.kind === 'batch' && isCopyRows(message.batch.rows)) {
    port.postMessage(message, transferables(message.batch.rows));
  } else port.postMessage(message);
}

try {
  const vcf = await openVcf(task.file, { name: task.name });
  const stream = readRows(vcf, {
    samples: task.samples,
    reference: null,
    batchRecords: task.batchRecords,
    copy: task.copy,
  });
  for await (const batch of stream.batches()) {
    while (credits === 0) {
      await new Promise<void>((resolve) => {
        granted = resolve;
      });
    }
    credits--;
    post({ kind: 'batch', batch });
  }
  post({ kind: 'done', qc: stream.qc() });
} catch (error) {
  post({ kind: 'failed', error: failureOf(error) });
}

/** An error as data: a structured clone would keep the message of an error but not its class. */
function failureOf(error: unknown): WorkerFailure {
  if (error instanceof VcfError) {
    return { kind: 'vcf', file: error.file, line: error.line, field: error.field, reason: error.reason };
  }
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
}
