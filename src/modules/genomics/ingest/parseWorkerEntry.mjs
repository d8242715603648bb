// A worker thread's way into TypeScript: the loader the main thread registered (bin/genvei.js, or
// the test runner's) does not reach worker threads, so the worker registers tsx's itself.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
