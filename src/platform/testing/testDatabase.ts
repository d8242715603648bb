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
  const created = await createEmptyServerDatabase(serverUrl, 'genvei_test');
  const database = openPostgres(created.url);
  return {
    ...database,
    url: created.url,
    close: async () => {
      await database.close();
      await created.drop();
    },
  };
}

/** A new, empty database on the server, named `prefix_<random>`: its URL and how to drop it. */
export async function createEmptyServerDatabase(
  serverUrl: string,
  prefix: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => dropServerDatabase(serverUrl, name) };
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
