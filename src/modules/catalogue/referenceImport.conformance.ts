import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/connect.ts';
import { freshDatabase } from '../../platform/testing/testDatabase.ts';
import { importOncoTreeFile } from './referenceImport.ts';

const ONCOTREE = fileURLToPath(
  new URL('../../../../shared/data/oncotree/oncotree_2025_10_03.json', import.meta.url),
);

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

describe('importing the real OncoTree release', () => {
  it('gives 898 cancer types with the hierarchy intact, and a second import changes nothing', async () => {
    const summary = await importOncoTreeFile(database.db, ONCOTREE);
    expect(summary).toMatchObject({ read: 898, added: 898, changed: 0 });
    const luad = await database.db
      .selectFrom('cancer_type')
      .selectAll()
      .where('code', '=', 'LUAD')
      .executeTakeFirstOrThrow();
    expect(luad.parent_code).toBe('NSCLC');
    const nsclc = await database.db
      .selectFrom('cancer_type')
      .selectAll()
      .where('code', '=', 'NSCLC')
      .executeTakeFirstOrThrow();
    expect(nsclc.parent_code).toBe('LUNG');
    const orphans = await database.db
      .selectFrom('cancer_type as c')
      .leftJoin('cancer_type as p', 'p.code', 'c.parent_code')
      .select('c.code')
      .where('c.parent_code', 'is not', null)
      .where('p.code', 'is', null)
      .execute();
    expect(orphans).toEqual([]);
    expect(await importOncoTreeFile(database.db, ONCOTREE)).toMatchObject({
      added: 0,
      changed: 0,
      unchanged: 898,
    });
  });
});
