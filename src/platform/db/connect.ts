import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pgliteDialect.ts';
import type { DB } from './schema.ts';

export type Engine = 'pglite' | 'postgres';

export type Database = {
  db: Kysely<DB>;
  engine: Engine;
  /** Where the data lives, for messages: a directory or the server URL without its password. */
  location: string;
  close(): Promise<void>;
};

// Both engines return the same JS values: int8 as number (counters stay far below 2^53), and
// `date` as the ISO text it is, never a Date at local midnight.
const INT8 = 20;
const DATE = 1082;
const parsers = { [INT8]: (v: string) => Number(v), [DATE]: (v: string) => v };

/** Opens PGlite in `dataDir` (or in memory when it is undefined). */
export async function openPGlite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir, { parsers });
  return {
    db: new Kysely<DB>({ dialect: new PGliteDialect(pglite) }),
    engine: 'pglite',
    location: dataDir ?? 'memory',
    close: async () => {
      await pglite.close();
    },
  };
}

/**
 * Opens a pool on a PostgreSQL server. An idle connection the server ends (a restart, an
 * administrator's terminate, a dropped network) is reported to `onIdleError` and left to the pool,
 * which replaces it; without a listener Node would treat it as unhandled and stop the process.
 */
export function openPostgres(url: string, onIdleError: (error: Error) => void = reportIdleError): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types: {
      getTypeParser: ((oid: number, format: 'text' | 'binary') =>
        parsers[oid as keyof typeof parsers] ??
        pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  pool.on('error', onIdleError);
  const clients = new Map<number, pg.PoolClient>();
  pool.on('connect', (client) => {
    const pid = (client as pg.PoolClient & { processID: number }).processID;
    clients.set(pid, client);
    client.on('end', () => clients.delete(pid));
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  poolClients.set(db, clients);
  return { db, engine: 'postgres', location: redactPassword(url), close: () => db.destroy() };
}

/** A server pool's connections by backend process id, for serverConnectionOf. */
const poolClients = new WeakMap<Kysely<DB>, Map<number, pg.PoolClient>>();

/**
 * The node-postgres connection a transaction of `db` runs on, for what Kysely cannot say (COPY
 * FROM STDIN); null for PGlite, or when the backend is not one of the pool's own (a connection
 * pooler in between). Kysely does not hand out its connection, so the transaction asks the
 * server which backend it is talking to.
 */
export async function serverConnectionOf(db: Kysely<DB>, tx: Transaction<DB>): Promise<pg.PoolClient | null> {
  const clients = poolClients.get(db);
  if (!clients) return null;
  const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(tx);
  return clients.get(rows[0]?.pid ?? -1) ?? null;
}

function reportIdleError(error: Error): void {
  process.stderr.write(
    `${JSON.stringify({ level: 'warn', msg: 'idle database connection ended', error: error.message })}\n`,
  );
}

export function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparseable url)';
  }
}
