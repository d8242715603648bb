import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../platform/db/connect.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { freshDatabase } from '../../../platform/testing/testDatabase.ts';
import { booleanArray, numberArray, textArray } from './batchRows.ts';
import { prepareIngest } from './writeAlleles.ts';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('the array literals a batch travels in', () => {
  it('come back from the database as the values that went in', async () => {
    const texts = [
      'plain',
      'a,b',
      'say "hi"',
      'back\\slash',
      '{braces}',
      'NULL',
      '',
      ' padded ',
      'æøå',
      null,
    ];
    const numbers = [1, -2.5, 1e-7, 2147483647, null, Number.NaN, Number.POSITIVE_INFINITY];
    const { rows } = await sql<{ texts: (string | null)[]; numbers: (number | null)[]; flags: boolean[] }>`
      select ${textArray(texts)}::text[] as texts, ${numberArray(numbers)}::float8[] as numbers,
        ${booleanArray([true, false, true])}::bool[] as flags
    `.execute(database.db);
    expect(rows[0]).toEqual({ texts, numbers, flags: [true, false, true] });
  });

  it('nest: a text[] literal inside a text[] literal reads back through a cast', async () => {
    const terms = ['missense_variant', 'quote"d', 'comma,term'];
    const { rows } = await sql<{ terms: string[] }>`
      select (${textArray([textArray(terms), textArray([])])}::text[])[1]::text[] as terms
    `.execute(database.db);
    expect(rows[0]?.terms).toEqual(terms);
  });
});

describe('an ingest transaction', () => {
  /** Temporary files this database has written, as the server counts them once this backend's counts are in. */
  async function temporaryFiles(db: Kysely<DB>): Promise<number> {
    await sql`select pg_stat_force_next_flush()`.execute(db);
    await sql`select pg_stat_clear_snapshot()`.execute(db);
    const { rows } = await sql<{ files: string }>`
      select temp_files::text as files from pg_stat_database where datname = current_database()
    `.execute(db);
    return Number(rows[0]?.files);
  }

  it('holds a batch’s rows, as a statement trigger’s transition table sees them, in memory', async () => {
    // Like variant_record's parent check: a statement trigger reading every row the statement added.
    await sql`create table wide_record (line integer, annotations text)`.execute(database.db);
    await sql`
      create function wide_record_seen() returns trigger language plpgsql as $$
      begin perform count(*) from added; return null; end $$
    `.execute(database.db);
    await sql`
      create trigger wide_record_seen after insert on wide_record
      referencing new table as added for each statement execute function wide_record_seen()
    `.execute(database.db);
    // 5,000 records of 1.2 KB: a large benchmark batch, over the server's default 4 MB.
    const batch = sql`insert into wide_record select g, repeat(md5(g::text), 40) from generate_series(1, 5000) g`;
    await database.db.connection().execute(async (connection) => {
      const before = await temporaryFiles(connection);
      // At PostgreSQL's default the rows go to a temporary file (the test can see a spill).
      await connection.transaction().execute(async (tx) => {
        await sql`set local work_mem = '4MB'`.execute(tx);
        await batch.execute(tx);
      });
      const spilled = await temporaryFiles(connection);
      expect(spilled).toBeGreaterThan(before);
      await connection.transaction().execute(async (tx) => {
        await prepareIngest(tx);
        await batch.execute(tx);
      });
      expect(await temporaryFiles(connection)).toBe(spilled);
    });
  });
});
