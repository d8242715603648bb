import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lungOrder } from '../../modules/genomics/testing.ts';
import { type TestApp, testApp } from '../testing/testApp.ts';
import { listMigrations, migrate } from './migrate.ts';

// Migration 0012 keeps a segment's call only when the file made it; derived calls are made on read.
let t: TestApp;
beforeAll(async () => {
  t = await testApp({ migrations: listMigrations().filter((m) => m.name < '0012') });
});
afterAll(() => t.close());

describe('migration 0012 (copy-number calls on read)', () => {
  it('keeps the file’s calls and the values a call is derived from, and drops the derived calls', async () => {
    const order = await lungOrder(t);
    const [file, sample] = [randomUUID(), randomUUID()];
    const db = t.database.db;
    await sql`
      insert into sequencing_file (id, order_id, specimen_id, file_name, format, size_bytes, sha256, drs_id, records)
      values (${file}, ${order.id}, ${order.specimenId}, 'old.cna.tsv', 'copy-number-tsv', 10, ${'b'.repeat(64)}, ${file}, 2)
    `.execute(db);
    await sql`
      insert into sequenced_sample (id, file_id, specimen_id, name_in_file, role, position)
      values (${sample}, ${file}, ${order.specimenId}, 'TUMOR', 'tumor', 0)
    `.execute(db);
    await sql`
      insert into copy_number_segment (file_id, sample_id, line, chrom, start_pos, end_pos, log2_ratio,
        copy_number, minor_copy_number, genes, call, call_basis) values
        (${file}, ${sample}, 2, 'chr7', 1, 1000, 0.4, 3, 1, '{EGFR}', 'gain', 'copy-number'),
        (${file}, ${sample}, 3, 'chr9', 1, 1000, -3.1, 0, 0, '{CDKN2A}', 'homdel', 'file')
    `.execute(db);

    await migrate(
      t.database,
      listMigrations().filter((m) => m.name >= '0012'),
    );

    const { rows } = await sql<Record<string, unknown>>`
      select line, log2_ratio, copy_number, genes, file_call from copy_number_segment order by line
    `.execute(db);
    expect(rows).toEqual([
      { line: 2, log2_ratio: expect.closeTo(0.4), copy_number: 3, genes: ['EGFR'], file_call: null },
      { line: 3, log2_ratio: expect.closeTo(-3.1), copy_number: 0, genes: ['CDKN2A'], file_call: 'homdel' },
    ]);
    const page = (
      await (await t.login('rekvirent')).request('GET', `/api/specimens/${order.specimenId}/genomics`)
    ).json();
    expect(page.segments.map((s: { call: string; call_basis: string }) => [s.call, s.call_basis])).toEqual([
      ['gain', 'copy-number'],
      ['homdel', 'file'],
    ]);
  });
});
