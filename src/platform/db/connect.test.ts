import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../testing/testDatabase.ts';
import { type Database, openPostgres } from './connect.ts';

// Only a server can end a connection under us; on PGlite there is nothing to terminate.
const onServer = Boolean(process.env.GENVEI_TEST_DATABASE_URL);

describe.skipIf(!onServer)('a PostgreSQL pool', () => {
  let holder: Database & { url?: string };
  beforeAll(async () => {
    holder = await freshDatabase();
  });
  afterAll(() => holder?.close());

  it('survives the server ending an idle connection, reports it, and serves the next query', async () => {
    const url = holder.url as string;
    const ended: Error[] = [];
    const database = openPostgres(url, (error) => ended.push(error));
    try {
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db);
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query('select pg_terminate_backend($1)', [rows[0]?.pid]);
      await admin.end();
      for (let i = 0; i < 100 && ended.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(ended[0]?.message).toMatch(/terminating connection/);
      const after = await sql<{ one: number }>`select 1 as one`.execute(database.db);
      expect(after.rows[0]?.one).toBe(1);
    } finally {
      await database.close();
    }
  });
});
