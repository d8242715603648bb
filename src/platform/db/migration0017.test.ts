import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lungOrder } from '../../modules/genomics/testing.ts';
import { type TestApp, testApp } from '../testing/testApp.ts';
import { listMigrations, migrate } from './migrate.ts';

// Migration 0017 stores a record's transcripts as text: records stored as json before it must read
// the same through the view, and a text that is not JSON must still fail on read, not pass as rows.
let t: TestApp;
beforeAll(async () => {
  t = await testApp({ migrations: listMigrations().filter((m) => m.name < '0017') });
});
afterAll(() => t.close());

describe('migration 0017 (annotations as text)', () => {
  it('keeps what the annotation view reads, and the view refuses text that is not JSON', async () => {
    const order = await lungOrder(t);
    const db = t.database.db;
    const file = randomUUID();
    await sql`
      insert into sequencing_file (id, order_id, specimen_id, file_name, format, size_bytes, sha256, drs_id, records)
      values (${file}, ${order.id}, ${order.specimenId}, 'old.vcf', 'vcf', 10, ${'c'.repeat(64)}, ${file}, 2)
    `.execute(db);
    const { rows } = await sql<{ id: number }>`
      insert into variant (identity_key, chrom, start_pos, ref, alt, kind, fully_normalised) values
        ('GRCh38:chr7:140753335:A:T', 'chr7', 140753335, 'A', 'T', 'snv', false),
        ('GRCh38:chr12:25245349:C:A', 'chr12', 25245349, 'C', 'A', 'snv', false)
      returning id
    `.execute(db);
    const [braf, kras] = rows.map((row) => row.id) as [number, number];
    const brafTranscripts = JSON.stringify([
      [
        'VEP',
        'ENST00000646891.2',
        'BRAF',
        'ENSG00000157764',
        'ENST00000646891.2:c.1799T>A',
        'ENSP00000493543.1:p.Val600Glu',
        ['missense_variant'],
        'MODERATE',
        'NM_004333.6',
        true,
        ['rs113488022'],
        { gnomADe_AF: 0.00001 },
      ],
      [
        'VEP',
        'ENST00000288602.11',
        'BRAF',
        'ENSG00000157764',
        null,
        null,
        ['missense_variant', 'splice_region_variant'],
        'MODERATE',
        null,
        false,
        [],
        null,
      ],
    ]);
    await sql`
      insert into variant_record (file_id, variant_id, line, qual, filters, calls, annotations) values
        (${file}, ${braf}, 40, 50.5, '{PASS}', '[["0/1",200,120,80,0.4]]', ${brafTranscripts}),
        (${file}, ${kras}, 41, null, '{PASS}', '[["0/1",90,60,30,0.333]]', '[]')
    `.execute(db);
    const annotations = sql`select * from variant_annotation order by variant_id, transcript`;
    const before = (await annotations.execute(db)).rows;
    expect(before).toHaveLength(2);

    await migrate(
      t.database,
      listMigrations().filter((m) => m.name >= '0017'),
    );

    expect((await annotations.execute(db)).rows).toEqual(before);
    const { rows: columns } = await sql<{ column_name: string; data_type: string }>`
      select column_name, data_type from information_schema.columns
      where table_name = 'variant_record' and column_name in ('calls', 'annotations') order by column_name
    `.execute(db);
    expect(columns).toEqual([
      { column_name: 'annotations', data_type: 'text' },
      { column_name: 'calls', data_type: 'json' },
    ]);
    // Only the ingest writes this column; should anything else store a broken text, reading it fails.
    const other = randomUUID();
    await sql`
      insert into sequencing_file (id, order_id, specimen_id, file_name, format, size_bytes, sha256, drs_id, records)
      values (${other}, ${order.id}, ${order.specimenId}, 'broken.vcf', 'vcf', 10, ${'d'.repeat(64)}, ${other}, 1)
    `.execute(db);
    await sql`
      insert into variant_record (file_id, variant_id, line, qual, filters, calls, annotations)
      values (${other}, ${kras}, 2, null, '{PASS}', '[]', '[["VEP",')
    `.execute(db);
    await expect(sql`select * from variant_annotation where file_id = ${other}`.execute(db)).rejects.toThrow(
      /invalid input syntax for type json/,
    );
  });
});
