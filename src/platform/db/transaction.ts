import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.ts';

/** Runs `work` in the caller's transaction when there is one, otherwise in a new one. */
export function inTransaction<T>(db: Kysely<DB>, work: (tx: Transaction<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<DB>);
  return db.transaction().execute(work);
}
