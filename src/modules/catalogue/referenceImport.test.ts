import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/connect.ts';
import { freshDatabase } from '../../platform/testing/testDatabase.ts';
import { lookupResolved, resolveGeneSymbols } from './genes.ts';
import { importHgncFile, importOncoTreeFile } from './referenceImport.ts';
import { fixture } from './testing.ts';

let database: Database;
let dir: string;
beforeAll(async () => {
  database = await freshDatabase();
  dir = mkdtempSync(path.join(tmpdir(), 'genvei-ref-'));
});
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = async (table: 'gene' | 'cancer_type') =>
  Number(
    (
      await database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('HGNC import', () => {
  it('imports the genes, and importing the same file again changes nothing', async () => {
    const first = await importHgncFile(database.db, fixture('hgnc_lung_genes.tsv'));
    expect(first).toMatchObject({ added: first.read, changed: 0, unchanged: 0 });
    expect(first.read).toBeGreaterThan(10);
    const again = await importHgncFile(database.db, fixture('hgnc_lung_genes.tsv'));
    expect(again).toEqual({ read: first.read, added: 0, changed: 0, unchanged: first.read });
  });

  it('resolves previous and alias symbols to the current gene with a warning, and knows what it does not know', async () => {
    const resolved = await resolveGeneSymbols(database.db, ['egfr', 'KRAS2', 'ERBB1', 'NOTAGENE']);
    expect(lookupResolved(resolved, 'egfr')).toEqual({
      status: 'current',
      hgncId: 'HGNC:3236',
      symbol: 'EGFR',
    });
    expect(lookupResolved(resolved, 'KRAS2')).toMatchObject({
      status: 'previous',
      symbol: 'KRAS',
      warning: expect.stringMatching(/KRAS2 is a previous symbol of KRAS/),
    });
    expect(lookupResolved(resolved, 'ERBB1')).toMatchObject({ status: 'alias', symbol: 'EGFR' });
    expect(lookupResolved(resolved, 'NOTAGENE')).toEqual({ status: 'unknown' });
  });

  it('refuses a broken file by line and column, and changes nothing', async () => {
    const before = await count('gene');
    const lines = readFileSync(fixture('hgnc_lung_genes.tsv'), 'utf8').split('\n');
    lines.splice(3, 0, 'HGNC:notanumber\tBROKEN\tbroken gene');
    const broken = path.join(dir, 'broken.tsv');
    writeFileSync(broken, lines.join('\n'));
    await expect(importHgncFile(database.db, broken)).rejects.toThrow(/broken\.tsv:4: /);
    expect(await count('gene')).toBe(before);
  });
});

describe('OncoTree import', () => {
  it('imports the tree with parents, is a no-op the second time, and refuses a corrupted file whole', async () => {
    const first = await importOncoTreeFile(database.db, fixture('oncotree_small.json'));
    expect(first.added).toBe(first.read);
    const again = await importOncoTreeFile(database.db, fixture('oncotree_small.json'));
    expect(again).toMatchObject({ added: 0, changed: 0, unchanged: first.read });
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, readFileSync(fixture('oncotree_small.json'), 'utf8').slice(0, -40));
    const before = await count('cancer_type');
    await expect(importOncoTreeFile(database.db, broken)).rejects.toThrow(/not JSON/);
    expect(await count('cancer_type')).toBe(before);
  });
});
