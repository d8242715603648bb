import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Database } from './connect.ts';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url).pathname;
// Any constant works; it keeps two processes from migrating one PostgreSQL server at once.
const MIGRATION_LOCK = 4_711_001;

export type Migration = { name: string; sql: string; checksum: string };

export class MigrationError extends Error {}

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((name) => {
      const text = readFileSync(path.join(dir, name), 'utf8');
      return { name, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
    });
}

/**
 * Applies the migrations not yet applied, each in its own transaction with its bookkeeping row.
 * An applied migration whose file has changed stops everything: the schema would no longer be
 * what the files say.
 */
export async function migrate(database: Database, migrations = listMigrations()): Promise<string[]> {
  const { db } = database;
  await sql`create table if not exists schema_migration (
    name text primary key,
    checksum text not null,
    applied_at timestamptz not null default now()
  )`.execute(db);

  const applied: string[] = [];
  for (const migration of migrations) {
    const done = await db.transaction().execute(async (tx) => {
      await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(tx);
      const row = await tx
        .selectFrom('schema_migration')
        .select('checksum')
        .where('name', '=', migration.name)
        .executeTakeFirst();
      if (row) {
        if (row.checksum !== migration.checksum) {
          throw new MigrationError(
            `migration ${migration.name} was changed after it was applied; add a new migration instead`,
          );
        }
        return false;
      }
      await sql.raw(migration.sql).execute(tx);
      await tx
        .insertInto('schema_migration')
        .values({ name: migration.name, checksum: migration.checksum })
        .execute();
      return true;
    });
    if (done) applied.push(migration.name);
  }
  return applied;
}

export async function pendingMigrations(database: Database): Promise<string[]> {
  const rows = await database.db
    .selectFrom('schema_migration')
    .select('name')
    .execute()
    .catch(() => []);
  const applied = new Set(rows.map((r) => r.name));
  return listMigrations()
    .map((m) => m.name)
    .filter((name) => !applied.has(name));
}
