import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openPGlite, openPostgres } from '../db/connect.ts';
import { listMigrations, migrate } from '../db/migrate.ts';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database
 * on the PostgreSQL server named by GENVEI_TEST_DATABASE_URL (CI runs the suite both ways).
 * close() drops what was created.
 */
export async function freshDatabase(
  /** The migrations to apply (all by default): a migration's own test starts from the one before. */
  migrations = listMigrations(),
): Promise<Database & { url?: string }> {
  const serverUrl = process.env.GENVEI_TEST_DATABASE_URL;
  const database = serverUrl ? await createServerDatabase(serverUrl) : await openPGlite(undefined);
  await migrate(database, migrations);
  return database;
}

async function createServerDatabase(serverUrl: string): Promise<Database & { url: string }> {
  const name = `genvei_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString());
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      await dropServerDatabase(serverUrl, name);
    },
  };
}

/** Drops a test database once the closed pool's connections have left (forcing them races their goodbye). */
export async function dropServerDatabase(serverUrl: string, name: string): Promise<void> {
  const cleanup = new pg.Client({ connectionString: serverUrl });
  await cleanup.connect();
  try {
    for (let i = 0; i < 100; i++) {
      const { rows } = await cleanup.query(
        'select count(*)::int as n from pg_stat_activity where datname = $1',
        [name],
      );
      if (rows[0].n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await cleanup.query(`drop database if exists ${name} with (force)`);
  } finally {
    await cleanup.end();
  }
}
