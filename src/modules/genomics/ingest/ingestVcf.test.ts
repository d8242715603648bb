import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../platform/testing/testApp.ts';
import { lungOrder } from '../testing.ts';
import { bgzf } from '../vcf/testing.ts';
import { InMemoryReference } from '../vrs/reference.ts';
import { ingestVcf } from './ingestVcf.ts';
import type { IngestProgress } from './kinds.ts';
import { settledThreads, threads } from './testing.ts';

const FIXTURE = fileURLToPath(
  new URL('../../../../test/fixtures/vcf/tumour-normal.vep.vcf', import.meta.url),
);
const actor = { userId: null, username: 'cli:test' };

let t: TestApp;
let dir: string;
let order: { id: string; specimenId: string };

beforeAll(async () => {
  t = await testApp();
  dir = mkdtempSync(path.join(tmpdir(), 'genvei-ingest-'));
  order = await lungOrder(t);
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = async (
  table:
    | 'observation'
    | 'sequencing_file'
    | 'variant_annotation'
    | 'sequenced_sample'
    | 'variant_record'
    | 'variant',
) =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const countVariants = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('variant')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/**
 * 1,502 records, more than one batch on either engine, of which lines 1,506–1,508 are the same
 * variants as earlier records (see the test that uses it).
 */
function mergingLines(): string[] {
  const csq = 'Allele|Consequence|IMPACT|SYMBOL|Feature|HGVSc';
  const lines = [
    '##fileformat=VCFv4.2',
    '##contig=<ID=chr2,length=242193529,assembly=GRCh38>',
    `##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: ${csq}">`,
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">',
    '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1',
  ];
  for (let i = 0; i < 1499; i++) {
    const gene = i === 0 ? 'GENE"Q\\' : `GENE${i}`;
    lines.push(
      `chr2\t${10_000 + i * 10}\t.\tC\tT\t50\tPASS\tCSQ=T|missense_variant|MODERATE|${gene}|ENST${i}.1|c.${i}C>T\tGT:DP\t0/1:${i + 1}`,
    );
  }
  lines.push('chr2\t24949\t.\tGC\tGT\t50\tPASS\t.\tGT:DP\t1/1:5555'); // line 1,506
  lines.push('chr2\t9999\t.\tAC\tAT\t50\tPASS\t.\tGT:DP\t1/1:7777'); // line 1,507
  // Line 1,508: both ALTs trim onto earlier records (C>T at 10,020 and at 10,030). The checker
  // refuses a repeat it can see in a sorted file; these come after the file went back.
  lines.push('chr2\t10020\t.\tCAAAAAAAAAC\tTAAAAAAAAAC,CAAAAAAAAAT\t50\tPASS\t.\tGT:DP\t1/2:9');
  return lines;
}

/**
 * Records per batch in these tests, on either engine: a server's default (5,000) would put each
 * test file in one batch, and the tests are about what crosses batches.
 */
const TEST_BATCH_RECORDS = 1000;

/** A file into the test order's specimen, as the tumour's. */
const ingestPath = (file: string, options: { inWorker?: boolean } = {}, progress?: IngestProgress) =>
  ingestVcf(
    t.database.db,
    {
      file,
      orderId: order.id,
      specimenId: order.specimenId,
      role: 'tumor',
      actor,
      batchRecords: TEST_BATCH_RECORDS,
      ...options,
    },
    progress,
  );

/** The tumour/normal fixture into the test order's specimen. */
const ingestFixture = (options: { inWorker?: boolean } = {}) =>
  ingestVcf(t.database.db, {
    file: FIXTURE,
    orderId: order.id,
    specimenId: order.specimenId,
    samples: { TUMOR: 'tumor', NORMAL: 'normal' },
    actor,
    ...options,
  });

describe('ingesting a tumour/normal VCF with VEP annotations', () => {
  it('stores what the file says: observations per sample, annotations, QC and provenance', async () => {
    const result = await ingestFixture();
    expect(result).toMatchObject({ status: 'ingested', records: 4, alleles: 5 });
    const { db } = t.database;
    const braf = await db
      .selectFrom('observation as o')
      .innerJoin('variant as v', 'v.id', 'o.variant_id')
      .innerJoin('sequenced_sample as s', 's.id', 'o.sample_id')
      .select([
        's.role',
        'o.genotype',
        'o.depth',
        'o.ref_depth',
        'o.alt_depth',
        'o.vaf',
        'o.filters',
        'o.qual',
        'v.identity_key',
        'v.kind',
      ])
      .where('v.chrom', '=', 'chr7')
      .orderBy('s.role', 'desc')
      .execute();
    expect(braf).toEqual([
      {
        role: 'tumor',
        genotype: '0/1',
        depth: 100,
        ref_depth: 60,
        alt_depth: 40,
        vaf: expect.closeTo(0.4, 5),
        filters: ['PASS'],
        qual: 250,
        identity_key: 'GRCh38:chr7:140753335:A:T',
        kind: 'snv',
      },
      {
        role: 'normal',
        genotype: '0/0',
        depth: 80,
        ref_depth: 80,
        alt_depth: 0,
        vaf: 0,
        filters: ['PASS'],
        qual: 250,
        identity_key: 'GRCh38:chr7:140753335:A:T',
        kind: 'snv',
      },
    ]);
    // The multi-allelic CA>C,CAA record is split: each ALT is its own trimmed variant with its own depths.
    const tp53 = await db
      .selectFrom('observation as o')
      .innerJoin('variant as v', 'v.id', 'o.variant_id')
      .innerJoin('sequenced_sample as s', 's.id', 'o.sample_id')
      .select(['v.identity_key', 'v.kind', 'v.fully_normalised', 'o.genotype', 'o.alt_depth'])
      .where('v.chrom', '=', 'chr17')
      .where('s.role', '=', 'tumor')
      .orderBy('v.identity_key')
      .execute();
    expect(tp53).toEqual([
      // 1/2 split per ALT: the other ALT becomes missing, so the second ALT's call reads ./1.
      {
        identity_key: 'GRCh38:chr17:7675088::A',
        kind: 'insertion',
        fully_normalised: false,
        genotype: './1',
        alt_depth: 20,
      },
      {
        identity_key: 'GRCh38:chr17:7675088:A:',
        kind: 'deletion',
        fully_normalised: false,
        genotype: '1/.',
        alt_depth: 30,
      },
      {
        identity_key: 'GRCh38:chr17:7679999:G:<DEL>:7681500',
        kind: 'symbolic',
        fully_normalised: false,
        genotype: '0/1',
        alt_depth: null,
      },
    ]);
    const annotation = await db
      .selectFrom('variant_annotation')
      .selectAll()
      .where('gene_symbol', '=', 'BRAF')
      .executeTakeFirstOrThrow();
    expect(annotation).toMatchObject({
      source: 'VEP',
      transcript: 'ENST00000646891.2',
      hgvsc: 'ENST00000646891.2:c.1799T>A',
      hgvsp: 'ENSP00000493543.1:p.Val600Glu',
      impact: 'MODERATE',
      consequences: ['missense_variant'],
    });
    // A transcript the file gives no frequencies for reads as an empty object, as it always has.
    const frequencies = await db.selectFrom('variant_annotation').select('population_frequencies').execute();
    expect(frequencies.every((a) => a.population_frequencies !== null)).toBe(true);
    expect(frequencies.map((a) => a.population_frequencies)).toContainEqual({});
    const file = await db.selectFrom('sequencing_file').selectAll().executeTakeFirstOrThrow();
    expect(file).toMatchObject({
      records: 4,
      reference_build: 'GRCh38',
      annotation_source: 'VEP',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      drs_id: file.id,
    });
    const qc = await db
      .selectFrom('sample_qc as q')
      .innerJoin('sequenced_sample as s', 's.id', 'q.sample_id')
      .select(['s.role', 'q.records', 'q.pass_fraction', 'q.ti_tv'])
      .where('s.role', '=', 'tumor')
      .executeTakeFirstOrThrow();
    // Tumour calls with an ALT: BRAF (PASS, A>T transversion), KRAS (weak_evidence, T>C transition), two TP53 indels, the deletion.
    expect(qc).toMatchObject({ records: 5, pass_fraction: expect.closeTo(0.8, 5), ti_tv: 1 });
    // The normal is 0/0 at the tumour's variants: no calls of its own, but its depth there is QC.
    const normal = await db
      .selectFrom('sample_qc as q')
      .innerJoin('sequenced_sample as s', 's.id', 'q.sample_id')
      .select(['q.records', 'q.depth_quantiles'])
      .where('s.role', '=', 'normal')
      .executeTakeFirstOrThrow();
    expect(normal.records).toBe(0);
    expect(normal.depth_quantiles).toMatchObject({ p50: expect.any(Number) });
  });

  it('does nothing the second time, and says so', async () => {
    const before = await count('observation');
    const again = await ingestFixture();
    expect(again.status).toBe('already-ingested');
    expect(await count('observation')).toBe(before);
    // Also when a worker thread was started for the reading: it ends without having read.
    const threadsBefore = threads();
    const inWorker = await ingestFixture({ inWorker: true });
    expect(inWorker.status).toBe('already-ingested');
    expect(await settledThreads()).toBeLessThanOrEqual(threadsBefore);
  });

  it.each([
    ['here', false],
    ['in a worker thread', true],
  ])(
    'leaves nothing behind when line 5,000 is broken, and names that line (file read %s)',
    async (_, inWorker) => {
      const header = [
        '##fileformat=VCFv4.2',
        '##contig=<ID=chr1,length=248956422,assembly=GRCh38>',
        '##INFO=<ID=DP,Number=1,Type=Integer,Description="Depth">',
        '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
        '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1',
      ];
      const lines = [...header];
      for (let pos = 1000; lines.length < 4999; pos += 10)
        lines.push(`chr1\t${pos}\t.\tA\tG\t50\tPASS\tDP=30\tGT\t0/1`);
      lines.push('chr1\t99999999\t.\tA\tG\t50\tPASS\tDP=thirty\tGT\t0/1');
      for (let pos = 200_000_000; lines.length < 5100; pos += 10)
        lines.push(`chr1\t${pos}\t.\tC\tT\t50\tPASS\tDP=30\tGT\t0/1`);
      // BGZF blocks reach the reader one by one: batches before line 5,000 are being written when it fails.
      const broken = path.join(dir, 'broken.vcf.gz');
      writeFileSync(broken, bgzf(`${lines.join('\n')}\n`, 16_000));
      const before = {
        observations: await count('observation'),
        files: await count('sequencing_file'),
        samples: await count('sequenced_sample'),
        records: await count('variant_record'),
        variants: await count('variant'),
      };
      await expect(
        ingestVcf(t.database.db, {
          file: broken,
          orderId: order.id,
          specimenId: order.specimenId,
          role: 'tumor',
          actor,
          inWorker,
          batchRecords: TEST_BATCH_RECORDS,
        }),
      ).rejects.toThrow(/broken\.vcf\.gz:5000: INFO\/DP/);
      // Give a write that outlived the ingest's transaction time to land (it must not).
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect({
        observations: await count('observation'),
        files: await count('sequencing_file'),
        samples: await count('sequenced_sample'),
        records: await count('variant_record'),
        variants: await count('variant'),
      }).toEqual(before);
    },
  );

  it('refuses a QUAL beyond a 32-bit Float, naming its line, and leaves nothing behind', async () => {
    const lines = [
      '##fileformat=VCFv4.2',
      '##contig=<ID=chr1,length=248956422,assembly=GRCh38>',
      '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
      '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1',
      'chr1\t3000\t.\tA\tG\t3.4e38\tPASS\t.\tGT\t0/1',
      'chr1\t3010\t.\tA\tG\t1e39\tPASS\t.\tGT\t0/1',
    ];
    const file = path.join(dir, 'quality.vcf');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const before = { records: await count('variant_record'), files: await count('sequencing_file') };
    await expect(
      ingestVcf(t.database.db, {
        file,
        orderId: order.id,
        specimenId: order.specimenId,
        role: 'tumor',
        actor,
      }),
    ).rejects.toThrow(/quality\.vcf:6: QUAL: 1e39 is beyond the range of a 32-bit Float/);
    expect({ records: await count('variant_record'), files: await count('sequencing_file') }).toEqual(before);
  });

  it('finds the variants other files brought, keeps the first of two records that are one variant, names the merged lines, and keeps escapes', async () => {
    // 1,502 records, more than one batch on either engine. Line 1,507 (AC>AT at 9,999) trims to
    // the first record (C>T at 10,000), a batch later; its record must not replace the first.
    // Line 1,506 (GC>GT at 24,949) trims to the record just before it, in the same batch.
    const lines = mergingLines();
    // BGZF blocks of 64 KiB reach the reader one by one, so the last record comes in a later batch.
    const first = path.join(dir, 'first.vcf.gz');
    writeFileSync(first, bgzf(`${lines.join('\n')}\n`));
    const reported: [number, number | undefined][] = [];
    const stored = await ingestVcf(
      t.database.db,
      {
        file: first,
        orderId: order.id,
        specimenId: order.specimenId,
        role: 'tumor',
        actor,
        batchRecords: TEST_BATCH_RECORDS,
      },
      (records, fraction) => reported.push([records, fraction]),
    );
    // Progress by the file's bytes: from 0, never back, to all of it (this small file is read at
    // once; reader.test.ts shows the count growing chunk by chunk).
    const shares = reported.map(([, fraction]) => fraction as number);
    expect(shares[0]).toBe(0);
    expect(shares.at(-1)).toBe(1);
    expect(shares.every((share, i) => i === 0 || share >= (shares[i - 1] as number))).toBe(true);
    expect(reported.at(-1)?.[0]).toBe(1502);
    expect(stored).toMatchObject({
      status: 'ingested',
      records: 1502,
      alleles: 1503,
      variants: 1499,
      observations: 1499,
      annotations: 1499,
      merged: 4,
      mergedLines: [1506, 1507, 1508],
    });
    const { db } = t.database;
    // The writer counts what it stored; the table must hold exactly that.
    const recordRows = await db
      .selectFrom('variant_record')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('file_id', '=', stored.status === 'ingested' ? stored.fileId : '')
      .executeTakeFirstOrThrow();
    expect(Number(recordRows.n)).toBe(1499);
    const firstRecord = await db
      .selectFrom('observation as o')
      .innerJoin('variant as v', 'v.id', 'o.variant_id')
      .innerJoin('sequenced_sample as s', 's.id', 'o.sample_id')
      .select(['o.depth', 'o.genotype', 'v.id', 'v.identity_key'])
      .where('s.file_id', '=', stored.status === 'ingested' ? stored.fileId : '')
      .where('v.start_pos', '=', 9999)
      .executeTakeFirstOrThrow();
    expect(firstRecord).toMatchObject({ depth: 1, genotype: '0/1', identity_key: 'GRCh38:chr2:9999:C:T' });
    // The merged lines are kept, each naming the variant whose earlier record stands.
    const merged = await db
      .selectFrom('merged_allele as m')
      .innerJoin('variant as v', 'v.id', 'm.variant_id')
      .innerJoin('variant_record as r', (join) =>
        join.onRef('r.variant_id', '=', 'm.variant_id').onRef('r.file_id', '=', 'm.file_id'),
      )
      .select(['m.line', 'v.identity_key', 'r.line as kept_line'])
      .orderBy('m.line')
      .orderBy('r.line')
      .execute();
    expect(merged).toEqual([
      { line: 1506, identity_key: 'GRCh38:chr2:24949:C:T', kept_line: 1502 },
      { line: 1507, identity_key: 'GRCh38:chr2:9999:C:T', kept_line: 7 },
      { line: 1508, identity_key: 'GRCh38:chr2:10019:C:T', kept_line: 9 },
      { line: 1508, identity_key: 'GRCh38:chr2:10029:C:T', kept_line: 10 },
    ]);
    await expect(db.deleteFrom('merged_allele').execute()).rejects.toThrow(/append-only|append only/i);
    const escaped = await db
      .selectFrom('variant_annotation')
      .select(['gene_symbol', 'hgvsc'])
      .where('variant_id', '=', firstRecord.id)
      .execute();
    expect(escaped).toEqual([{ gene_symbol: 'GENE"Q\\', hgvsc: 'c.0C>T' }]);

    // A second file with a share of the same variants: they are found, not added again.
    const variantsBefore = await countVariants();
    const second = path.join(dir, 'second.vcf');
    writeFileSync(
      second,
      `${[...lines.slice(0, 6), ...lines.slice(6, 1006), 'chr2\t5\t.\tG\tA\t50\tPASS\t.\tGT:DP\t0/1:9'].join('\n')}\n`,
    );
    const again = await ingestVcf(t.database.db, {
      file: second,
      orderId: order.id,
      specimenId: order.specimenId,
      role: 'tumor',
      actor,
    });
    expect(again).toMatchObject({ status: 'ingested', records: 1001, variants: 1001 });
    expect(await countVariants()).toBe(variantsBefore + 1);
  });

  it('makes the second of two ingests of one file at once the no-op a repeat is, not a database error', async () => {
    const lines = mergingLines();
    const file = path.join(dir, 'twice-at-once.vcf.gz');
    writeFileSync(file, bgzf(`${[lines[0], '##note=twice', ...lines.slice(1)].join('\n')}\n`));
    const ingest = () => ingestPath(file);
    // Both pass the first check before either has stored anything.
    const results = await Promise.all([ingest(), ingest()]);
    expect(results.map((r) => r.status).sort()).toEqual(['already-ingested', 'ingested']);
    expect(new Set(results.map((r) => r.fileId)).size).toBe(1);
  });

  it('lets the event loop turn between batches, so a server storing an upload still answers', async () => {
    // On PGlite nothing in a batch's storing waits for I/O, and a worker's batches are always
    // ready: the whole ingest once ran in one turn of the event loop, a server answering nothing
    // (not even the job's progress) until it ended.
    const lines = mergingLines().slice(0, 6);
    for (let i = 0; i < 6000; i++)
      lines.push(`chr2\t${100_000 + i * 10}\t.\tC\tT\t50\tPASS\t.\tGT:DP\t0/1:${i + 1}`);
    const file = path.join(dir, 'turns.vcf.gz');
    writeFileSync(file, bgzf(`${lines.join('\n')}\n`));
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const seen: number[] = [];
    try {
      const result = await ingestPath(file, { inWorker: true }, () => seen.push(turns));
      expect(result).toMatchObject({ status: 'ingested', records: 6000 });
    } finally {
      ticking = false;
    }
    // Several batches, and the loop turned before each was reported.
    expect(seen.length).toBeGreaterThan(4);
    for (let i = 1; i < seen.length; i++)
      expect(seen[i], `progress call ${i}`).toBeGreaterThan(seen[i - 1] as number);
  });

  it('stores a file read in a worker thread as the same rows, merged lines and QC as one read here', async () => {
    const lines = mergingLines();
    const { db } = t.database;
    const stored = async (name: string, inWorker: boolean) => {
      // A header line of its own gives each file its own sha256.
      const file = path.join(dir, name);
      writeFileSync(file, bgzf(`${[lines[0], `##note=${name}`, ...lines.slice(1)].join('\n')}\n`));
      const result = await ingestVcf(db, {
        file,
        orderId: order.id,
        specimenId: order.specimenId,
        role: 'tumor',
        actor,
        inWorker,
        batchRecords: TEST_BATCH_RECORDS,
      });
      if (result.status !== 'ingested') throw new Error(result.status);
      const { fileId, drsId, sha256, ...counts } = result;
      return {
        counts,
        records: await db
          .selectFrom('variant_record')
          .select(['variant_id', 'line', 'qual', 'filters', 'calls', 'annotations'])
          .where('file_id', '=', fileId)
          .orderBy('variant_id')
          .execute(),
        merged: await db
          .selectFrom('merged_allele')
          .select(['line', 'variant_id'])
          .where('file_id', '=', fileId)
          .orderBy('line')
          .orderBy('variant_id')
          .execute(),
        qc: await db
          .selectFrom('sample_qc as q')
          .innerJoin('sequenced_sample as s', 's.id', 'q.sample_id')
          .select(['q.records', 'q.pass_fraction', 'q.ti_tv', 'q.depth_quantiles'])
          .where('s.file_id', '=', fileId)
          .execute(),
      };
    };
    const here = await stored('here.vcf.gz', false);
    const inWorker = await stored('worker.vcf.gz', true);
    expect(inWorker).toEqual(here);
    expect(inWorker.records).toHaveLength(1499);
    expect(inWorker.merged).toHaveLength(4);
  });

  it('gives a variant stored without a reference its VRS id when a file brings one', async () => {
    const residues = 'GATTACAGATTACACCGGTTAAGG';
    const vcf = (name: string) => {
      const file = path.join(dir, name);
      writeFileSync(
        file,
        [
          '##fileformat=VCFv4.2',
          `##run=${name}`,
          `##contig=<ID=chrQ,length=${residues.length},assembly=GRCh38>`,
          '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
          '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1',
          'chrQ\t15\t.\tC\tT\t50\tPASS\t.\tGT\t0/1',
          '',
        ].join('\n'),
      );
      return file;
    };
    const request = { orderId: order.id, specimenId: order.specimenId, role: 'tumor' as const, actor };
    await ingestVcf(t.database.db, { ...request, file: vcf('no-reference.vcf') });
    const variant = () =>
      t.database.db
        .selectFrom('variant')
        .select(['id', 'vrs_id', 'fully_normalised'])
        .where('identity_key', '=', 'GRCh38:chrQ:14:C:T')
        .executeTakeFirstOrThrow();
    const before = await variant();
    expect(before.vrs_id).toBeNull();
    const reference = new InMemoryReference({ chrQ: residues });
    // Asking for the worker thread does not lose the reference: such a file is read here.
    await ingestVcf(t.database.db, {
      ...request,
      file: vcf('with-reference.vcf'),
      reference,
      inWorker: true,
    });
    const after = await variant();
    expect(after).toMatchObject({ id: before.id, vrs_id: expect.stringMatching(/^ga4gh:VA\./) });
  });

  it('asks for sample roles when the file has several samples', async () => {
    const copy = path.join(dir, 'another-run.vcf');
    writeFileSync(
      copy,
      readFileSync(FIXTURE, 'utf8').replace('##fileformat=VCFv4.2\n', '##fileformat=VCFv4.2\n##run=2\n'),
    );
    await expect(
      ingestVcf(t.database.db, {
        file: copy,
        orderId: order.id,
        specimenId: order.specimenId,
        role: 'tumor',
        actor,
      }),
    ).rejects.toThrow(/give each sample its role/);
  });
});
