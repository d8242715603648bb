import { fileURLToPath } from 'node:url';

/** A file under test/fixtures/knowledge, written by us for these tests. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../../../../test/fixtures/knowledge/${name}`, import.meta.url));
}

/** Every record of a batched parse, and the batch sizes it came in. */
export async function collect<T>(batches: AsyncIterable<T[]>): Promise<{ records: T[]; sizes: number[] }> {
  const records: T[] = [];
  const sizes: number[] = [];
  for await (const batch of batches) {
    records.push(...batch);
    sizes.push(batch.length);
  }
  return { records, sizes };
}

/** The error a parse ends with (the test fails if it ends without one). */
export async function failure(batches: AsyncIterable<unknown[]>): Promise<unknown> {
  try {
    for await (const _ of batches);
  } catch (error) {
    return error;
  }
  throw new Error('expected the parse to fail');
}
