import { readdirSync } from 'node:fs';

/** This process's threads now (Linux): tests use it to see that a worker thread has ended. */
export function threads(): number {
  return readdirSync('/proc/self/task').length;
}

/** The thread count once it has stopped changing (a terminated thread takes a moment to go). */
export async function settledThreads(): Promise<number> {
  let last = threads();
  for (let i = 0; i < 40; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = threads();
    if (now === last && i >= 3) return now;
    last = now;
  }
  return last;
}
