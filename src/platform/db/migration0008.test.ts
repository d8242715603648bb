import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoNationalIds } from '../../demo/seed.ts';
import { type TestApp, testApp } from '../testing/testApp.ts';
import { listMigrations, migrate } from './migrate.ts';

// Migration 0008 moves observations and annotations into one record per file and variant. A
// database that already holds data must read the same afterwards, through the views.
let t: TestApp;
beforeAll(async () => {
  t = await testApp({ migrations: listMigrations().filter((m) => m.name < '0008') });
});
afterAll(() => t.close());

describe('migration 0008 (variant records)', () => {
  it('keeps every observation and annotation of a database that has them, sample by sample', async () => {
    const requester = await t.login('rekvirent');
    const placed = await requester.request('POST', '/api/orders', {
      patient: { nationalId: demoNationalIds()[0] },
      analysis: 'fjordvik-lunge-ngs',
      clinical: { diagnosis: { oncotree: 'LUAD' }, question: 'EGFR?' },
      specimens: [{ kind: 'ffpe-block', collectionDate: '2026-10-01', site: 'lunge', tumourCellPercent: 40 }],
      researchConsent: false,
    });
    const order = (await requester.request('GET', `/api/orders/${placed.json().id}`)).json();
    const file = randomUUID();
    const [tumour, normal] = [randomUUID(), randomUUID()];
    await sql`
      insert into sequencing_file (id, order_id, specimen_id, file_name, format, size_bytes, sha256, drs_id, records)
      values (${file}, ${order.id}, ${order.specimens[0].id}, 'old.vcf', 'vcf', 10, ${'a'.repeat(64)}, ${file}, 2)
    `.execute(t.database.db);
    // Names sort NORMAL before TUMOR: the calls must follow the samples, not the order rows were written in.
    await sql`
      insert into sequenced_sample (id, file_id, specimen_id, name_in_file, role) values
        (${tumour}, ${file}, ${order.specimens[0].id}, 'TUMOR', 'tumor'),
        (${normal}, ${file}, ${order.specimens[0].id}, 'NORMAL', 'normal')
    `.execute(t.database.db);
    const { rows: variants } = await sql<{ id: number }>`
      insert into variant (identity_key, chrom, start_pos, ref, alt, kind, fully_normalised) values
        ('GRCh38:chr7:140753335:A:T', 'chr7', 140753335, 'A', 'T', 'snv', false),
        ('GRCh38:chr12:25245349:C:A', 'chr12', 25245349, 'C', 'A', 'snv', false)
      returning id
    `.execute(t.database.db);
    const [braf, kras] = variants.map((v) => v.id) as [number, number];
    await sql`
      insert into observation (sample_id, variant_id, line, genotype, depth, ref_depth, alt_depth, vaf, filters, qual) values
        (${tumour}, ${braf}, 40, '0/1', 200, 120, 80, 0.4, '{PASS}', 50.5),
        (${normal}, ${braf}, 40, '0/0', 150, 150, 0, 0, '{PASS}', 50.5),
        (${tumour}, ${kras}, 41, '0/1', 90, 60, 30, 0.333, '{weak_evidence}', null)
    `.execute(t.database.db);
    await sql`
      insert into variant_annotation (file_id, variant_id, source, transcript, gene_symbol, gene_id, hgvsc, hgvsp,
        consequences, impact, mane_select, canonical, existing_variation, population_frequencies) values
        (${file}, ${braf}, 'VEP', 'ENST00000646891.2', 'BRAF', 'ENSG00000157764', 'ENST00000646891.2:c.1799T>A',
          'ENSP00000493543.1:p.Val600Glu', '{missense_variant}', 'MODERATE', 'NM_004333.6', true, '{rs113488022}',
          '{"gnomADe_AF": 0.00001}'),
        (${file}, ${braf}, 'VEP', 'ENST00000288602.11', 'BRAF', 'ENSG00000157764', null, null,
          '{missense_variant,splice_region_variant}', 'MODERATE', null, false, '{}', '{}')
    `.execute(t.database.db);
    const observations = sql`
      select sample_id, variant_id, line, genotype, depth, ref_depth, alt_depth, vaf, filters, qual
      from observation order by variant_id, sample_id`;
    const annotations = sql`select * from variant_annotation order by variant_id, transcript`;
    const before = {
      observations: (await observations.execute(t.database.db)).rows,
      annotations: (await annotations.execute(t.database.db)).rows,
    };

    // 0008 and whatever came after it.
    expect((await migrate(t.database))[0]).toBe('0008_variant_records.sql');

    expect((await observations.execute(t.database.db)).rows).toEqual(before.observations);
    expect((await annotations.execute(t.database.db)).rows).toEqual(before.annotations);
    const records = await t.database.db.selectFrom('variant_record').select('variant_id').execute();
    expect(records).toHaveLength(2);
  });
});
