import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VcfError } from '../vcf/errors.ts';
import { openVcf } from '../vcf/reader.ts';
import { bgzf, fixture } from '../vcf/testing.ts';
import type { BatchRows } from './batchRows.ts';
import { type CopyRows, type CopyTarget, isCopyRows } from './copyRows.ts';
import { type RowStream, readRows } from './readRows.ts';
import { settledThreads, threads } from './testing.ts';
import { ParseWorker, readRowsInWorker } from './workerRows.ts';

/** A batch size small enough that the test files make several batches (a server's is 5,000). */
const batchRecords = 1000;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'genvei-worker-rows-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Everything a stream gives: the rows of every batch in order, the counts, and the QC. */
async function drain(stream: RowStream) {
  const batches: { rows: BatchRows | ComparableCopyRows; records: number; alleles: number }[] = [];
  let lastBytes = 0;
  for await (const { rows, records, alleles, bytesRead } of stream.batches()) {
    expect(bytesRead).toBeGreaterThanOrEqual(lastBytes);
    lastBytes = bytesRead;
    batches.push({ rows: isCopyRows(rows) ? comparable(rows) : rows, records, alleles });
  }
  return { batches, qc: stream.qc() };
}

type ComparableCopyRows = ReturnType<typeof comparable>;

/** CopyRows with its bytes and numbers as plain values (a Buffer here arrives as a Uint8Array from a thread). */
function comparable(rows: CopyRows) {
  return {
    ...rows,
    line: [...rows.line],
    transcripts: [...rows.transcripts],
    records: Buffer.from(rows.records).toString('base64'),
    recordStart: [...rows.recordStart],
    variants: Buffer.from(rows.variants).toString('base64'),
    variantStart: [...rows.variantStart],
  };
}

async function here(file: string, samples: string[], copy: CopyTarget | null = null) {
  return drain(
    readRows(await openVcf(file, { name: path.basename(file) }), {
      samples,
      reference: null,
      batchRecords,
      copy,
    }),
  );
}

/** A file of `records` records over more than one batch: multi-allelic lines, and one that merges. */
function manyRecords(records: number): string {
  const csq = 'Allele|Consequence|IMPACT|SYMBOL|Feature|HGVSc|gnomADe_AF';
  const lines = [
    '##fileformat=VCFv4.2',
    '##contig=<ID=chr3,length=198295559,assembly=GRCh38>',
    `##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: ${csq}">`,
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allele depths">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">',
    '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tT\tN',
  ];
  for (let i = 0; i < records; i++) {
    const pos = 10_000 + i * 7;
    const alts = i % 20 === 0 ? ['T', 'G'] : ['T'];
    const entries = alts.flatMap((alt) => [
      `${alt}|missense_variant|MODERATE|PIK3CA|ENST00000263967.4|c.${i}C>${alt}|0.0${i % 9}`,
      `${alt}|intron_variant|MODIFIER|PIK3CA|ENST00000643187.1||`,
    ]);
    const gt = alts.length === 2 ? '1/2' : i % 3 === 0 ? '1/1' : '0/1';
    const ad = alts.length === 2 ? '3,10,12' : `${i % 40},${(i * 7) % 50}`;
    const normalAd = alts.length === 2 ? '30,0,0' : '30,0';
    lines.push(
      `chr3\t${pos}\t.\tC\t${alts.join(',')}\t${i % 60}\t${i % 4 === 0 ? 'lowq' : 'PASS'}\tCSQ=${entries.join(',')}\tGT:AD:DP\t${gt}:${ad}:${i % 90}\t0/0:${normalAd}:30`,
    );
  }
  // Trims to the record at 10,000 (C>T): merged into it.
  lines.push('chr3\t9999\t.\tAC\tAT\t50\tPASS\t.\tGT\t0/1\t0/0');
  return `${lines.join('\n')}\n`;
}

describe('reading a VCF in a worker thread', () => {
  it.each(['tumour-normal.vep.vcf', 'germline.snpeff.vcf', 'structural.vcf'])(
    'gives the rows, counts and QC that reading it here gives: %s',
    async (name) => {
      const vcf = await openVcf(fixture(name));
      const samples = [...vcf.header.samples];
      await vcf.close();
      const inWorker = await drain(readRowsInWorker(fixture(name), { name, samples, batchRecords }));
      expect(inWorker).toEqual(await here(fixture(name), samples));
      expect(inWorker.batches.flatMap((b) => (b.rows as BatchRows).key).length).toBeGreaterThan(0);
    },
  );

  it('gives the same batches of a bgzipped file of several batches, merged alleles included', async () => {
    const file = path.join(dir, 'many.vcf.gz');
    writeFileSync(file, bgzf(manyRecords(2_500), 20_000));
    const inWorker = await drain(
      readRowsInWorker(file, { name: 'many.vcf.gz', samples: ['T', 'N'], batchRecords }),
    );
    expect(inWorker).toEqual(await here(file, ['T', 'N']));
    expect(inWorker.batches.length).toBeGreaterThan(2);
    expect(inWorker.batches.reduce((n, b) => n + b.records, 0)).toBe(2_501);
    expect(inWorker.batches.reduce((n, b) => n + b.alleles, 0)).toBe(2_501 + 125);
  });

  it('gives the same bytes for COPY as reading here, each batch’s memory handed over', async () => {
    const file = path.join(dir, 'many-copy.vcf.gz');
    writeFileSync(file, bgzf(manyRecords(2_500), 20_000));
    const copy = { fileId: '0a1b2c3d-0000-4000-8000-00000000abcd', assembly: 'GRCh38' };
    const options = { name: 'many-copy.vcf.gz', samples: ['T', 'N'], batchRecords, copy };
    const inWorker = await drain(readRowsInWorker(file, options));
    expect(inWorker).toEqual(await here(file, ['T', 'N'], copy));
    expect(inWorker.batches.length).toBeGreaterThan(2);
    // The last line merges into a record of the first batch: a row here, which copyBatch finds recorded.
    expect(inWorker.batches.reduce((n, b) => n + (b.rows as ComparableCopyRows).count, 0)).toBe(2_501 + 125);
  });

  it('reads with a worker started before its file was known, and ends one that was never given a file', async () => {
    const file = path.join(dir, 'early-start.vcf.gz');
    writeFileSync(file, bgzf(manyRecords(1_200), 20_000));
    const whole = await drain(
      readRowsInWorker(file, { name: 'early-start.vcf.gz', samples: ['T', 'N'], batchRecords }),
    );
    const baseline = await settledThreads();
    const started = new ParseWorker();
    // Usually long enough for the thread to be waiting for its task; if not, the task waits in its port.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const early = await drain(
      readRowsInWorker(file, { name: 'early-start.vcf.gz', samples: ['T', 'N'], batchRecords }, started),
    );
    expect(early).toEqual(whole);
    expect(() => started.take({ file, name: 'x', samples: [], batchRecords, copy: null, ahead: 1 })).toThrow(
      /one file only/,
    );
    expect(await settledThreads()).toBe(baseline);
    const idle = new ParseWorker();
    expect(threads()).toBeGreaterThan(baseline);
    await idle.terminate();
    expect(await settledThreads()).toBe(baseline);
  });

  it('names the file, line and field of the first error, as reading here does', async () => {
    const lines = manyRecords(1_800).split('\n');
    // Line 7 is the first record: the 1,500th record is line 1,506.
    lines[1505] = (lines[1505] as string).replace(/:30$/, ':thirty');
    const file = path.join(dir, 'broken.vcf');
    writeFileSync(file, lines.join('\n'));
    const failure = await drain(
      readRowsInWorker(file, { name: 'broken.vcf', samples: ['T', 'N'], batchRecords }),
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(VcfError);
    expect(failure).toMatchObject({ file: 'broken.vcf', line: 1506, field: 'FORMAT/DP (sample N)' });
    const hereFailure = await here(file, ['T', 'N']).catch((error: unknown) => error);
    expect((failure as VcfError).message).toBe((hereFailure as VcfError).message);
  });

  it('refuses a file that is not there with the reader’s own error', async () => {
    const missing = path.join(dir, 'gone.vcf');
    await expect(
      drain(readRowsInWorker(missing, { name: 'gone.vcf', samples: [], batchRecords })),
    ).rejects.toThrow(/gone\.vcf:1: file: no such file/);
  });

  it('stops the worker when the reader stops early', async () => {
    const file = path.join(dir, 'early.vcf.gz');
    writeFileSync(file, bgzf(manyRecords(3_000), 20_000));
    // A whole read first: it also starts the threads gunzip uses, which stay.
    const whole = await drain(
      readRowsInWorker(file, { name: 'early.vcf.gz', samples: ['T', 'N'], batchRecords }),
    );
    expect(whole.batches.reduce((n, b) => n + b.records, 0)).toBe(3_001);
    const baseline = await settledThreads();
    const stream = readRowsInWorker(file, { name: 'early.vcf.gz', samples: ['T', 'N'], batchRecords });
    for await (const batch of stream.batches()) {
      expect((batch.rows as BatchRows).key.length).toBeGreaterThan(0);
      // The worker is a thread of this process while it reads …
      expect(threads()).toBeGreaterThan(baseline);
      break;
    }
    // … and gone once the reader has stopped.
    expect(await settledThreads()).toBe(baseline);
    expect(() => stream.qc()).toThrow(/once every batch is read/);
  });
});
