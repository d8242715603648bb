import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../testing/testDatabase.ts';
import type { Database } from './connect.ts';
import { listMigrations, migrate } from './migrate.ts';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

describe('migrations', () => {
  it('are applied once; a second run applies nothing', async () => {
    expect(await migrate(database)).toEqual([]);
    const rows = await database.db.selectFrom('schema_migration').select('name').orderBy('name').execute();
    expect(rows.map((r) => r.name)).toEqual(listMigrations().map((m) => m.name));
  });

  it('refuse to run when an applied migration was edited', async () => {
    const edited = listMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'changed' } : m));
    await expect(migrate(database, edited)).rejects.toThrow(/was changed after it was applied/);
  });

  it('give both engines the same value types for int8 and date', async () => {
    const row = await sql<{
      n: number;
      d: string;
      t: Date;
    }>`select 9007199254740::int8 as n, date '2024-02-29' as d, now() as t`
      .execute(database.db)
      .then((r) => r.rows[0]);
    expect(row).toMatchObject({ n: 9007199254740, d: '2024-02-29' });
    expect(row?.t).toBeInstanceOf(Date);
  });
});

describe('transactions', () => {
  it('roll back everything when one statement fails', async () => {
    await expect(
      database.db.transaction().execute(async (tx) => {
        await tx
          .insertInto('organisation')
          .values({
            id: crypto.randomUUID(),
            org_number: '974760673',
            name: 'x',
            kind: 'lab',
            parent_id: null,
          })
          .execute();
        await sql`select 1/0`.execute(tx);
      }),
    ).rejects.toThrow();
    const count = await database.db
      .selectFrom('organisation')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    expect(Number(count?.n)).toBe(0);
  });

  it('keep concurrent transactions apart', async () => {
    const insert = (orgNumber: string, fail: boolean) =>
      database.db.transaction().execute(async (tx) => {
        await tx
          .insertInto('organisation')
          .values({
            id: crypto.randomUUID(),
            org_number: orgNumber,
            name: orgNumber,
            kind: 'lab',
            parent_id: null,
          })
          .execute();
        await new Promise((resolve) => setTimeout(resolve, 10));
        if (fail) throw new Error('abort');
      });
    const results = await Promise.allSettled([insert('923609016', true), insert('983974899', false)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    const rows = await database.db.selectFrom('organisation').select('org_number').execute();
    expect(rows.map((r) => r.org_number)).toEqual(['983974899']);
    await database.db.deleteFrom('organisation').execute();
  });
});
