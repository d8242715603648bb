import { Readable } from 'node:stream';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { openVcf } from '../vcf/reader.ts';
import { fixture, streamOf, vcfText } from '../vcf/testing.ts';
import { type BatchRows, textArray } from './batchRows.ts';
import {
  CopyRowSink,
  type CopyRows,
  isCopyRows,
  transferables,
  VARIANT_ID_AT,
  VARIANT_ROW_ID_AT,
} from './copyRows.ts';
import type { AlleleIdentity } from './identity.ts';
import { readRows } from './readRows.ts';
import { copyPayloadRows, textItems } from './testing.ts';

const FILE_ID = '0a1b2c3d-0000-4000-8000-00000000abcd';
const target = { fileId: FILE_ID, assembly: 'GRCh38' };

/**
 * Row `row` of a payload read back by its offsets (null for NULL), which must agree with reading
 * the whole payload from its signature to its trailer.
 */
function rowFields(payload: Uint8Array, starts: Int32Array, row: number): (Buffer | null)[] {
  const whole = copyPayloadRows(payload);
  expect(whole).toHaveLength(starts.length - 1);
  expect(starts[0]).toBe(19);
  expect(starts[starts.length - 1]).toBe(payload.length - 2);
  const bytes = Buffer.from(payload.buffer, payload.byteOffset, payload.length);
  const fields = copyPayloadRows(
    Buffer.concat([
      bytes.subarray(0, 19),
      bytes.subarray(starts[row], starts[row + 1]),
      Buffer.from([255, 255]),
    ]),
  )[0] as (Buffer | null)[];
  expect(fields).toEqual(whole[row]);
  return whole[row] as (Buffer | null)[];
}

/** CopyRows read back into the columns of BatchRows, as copyBatch's COPYs would store them. */
function asColumns(rows: CopyRows): BatchRows {
  const columns: BatchRows = {
    key: [],
    vrsId: [],
    chrom: [],
    start: [],
    ref: [],
    alt: [],
    kind: [],
    fullyNormalised: [],
    line: [],
    qual: [],
    filters: [],
    calls: [],
    annotations: [],
    transcripts: [...rows.transcripts],
    mergedLine: rows.mergedLine,
    mergedKey: [],
  };
  for (let i = 0; i < rows.count; i++) {
    const [file, id, line, qual, filters, calls, annotations] = rowFields(rows.records, rows.recordStart, i);
    expect(file?.toString('hex')).toBe(FILE_ID.replace(/-/g, ''));
    // The id's place, left for copyBatch, is where VARIANT_ID_AT says.
    expect(id?.byteOffset).toBe(rows.records.byteOffset + (rows.recordStart[i] as number) + VARIANT_ID_AT);
    expect(id?.length).toBe(8);
    columns.line.push(line?.readInt32BE(0) as number);
    expect(rows.line[i]).toBe(columns.line[i]);
    columns.qual.push(qual === null || qual === undefined ? null : qual.readFloatBE(0));
    columns.filters.push(textArray(textItems(filters as Buffer)));
    columns.calls.push(String(calls));
    columns.annotations.push(String(annotations));
    const [variantId, key, vrsId, assembly, chrom, start, ref, alt, kind, normalised] = rowFields(
      rows.variants,
      rows.variantStart,
      i,
    );
    expect(variantId?.byteOffset).toBe(
      rows.variants.byteOffset + (rows.variantStart[i] as number) + VARIANT_ROW_ID_AT,
    );
    expect(variantId?.length).toBe(8);
    expect(assembly?.toString()).toBe('GRCh38');
    columns.key.push(String(key));
    columns.vrsId.push(vrsId === null ? null : String(vrsId));
    columns.chrom.push(String(chrom));
    columns.start.push(Number(start?.readBigInt64BE(0)));
    columns.ref.push(String(ref));
    columns.alt.push(String(alt));
    columns.kind.push(String(kind));
    expect(normalised?.length).toBe(1);
    columns.fullyNormalised.push(normalised?.[0] === 1);
  }
  expect(rows.keys).toBe(textArray(columns.key));
  columns.mergedKey = rows.mergedRow.map((row) => columns.key[row] as string);
  return columns;
}

/**
 * A file's rows read both ways, in batches of `batchRecords`; given `chunk`, the text arrives in
 * pieces of that many bytes.
 */
async function batchesOf(name: string, text: string | null, copy: boolean, chunk = 0, batchRecords = 3) {
  const input =
    text === null
      ? fixture(name)
      : chunk > 0
        ? Readable.from(
            Array.from({ length: Math.ceil(text.length / chunk) }, (_, i) =>
              Buffer.from(text.slice(i * chunk, (i + 1) * chunk)),
            ),
          )
        : streamOf(text);
  const vcf = await openVcf(input, { name });
  const stream = readRows(vcf, {
    samples: vcf.header.samples,
    reference: null,
    batchRecords,
    copy: copy ? target : null,
  });
  const batches: (BatchRows | CopyRows)[] = [];
  for await (const batch of stream.batches()) batches.push(batch.rows);
  return { batches, qc: stream.qc() };
}

/** One ALT and two, a merge within a batch, a FILTER list, a gene outside ASCII (the JavaScript writer's way). */
const ODD = vcfText([
  '##fileformat=VCFv4.2',
  '##contig=<ID=chr2,length=243199373,assembly=GRCh38>',
  '##FILTER=<ID=q10,Description="Quality below 10">',
  '##FILTER=<ID=s50,Description="Few samples">',
  '##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: Allele|Consequence|SYMBOL|Feature|HGVSc">',
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
  '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allele depths">',
  ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', 'T'],
  [
    'chr2',
    '100',
    '.',
    'C',
    'T',
    '50.5',
    'PASS',
    'CSQ=T|missense_variant|GENÉ|ENST1.1|c.1C>T',
    'GT:AD',
    '0/1:3,4',
  ],
  ['chr2', '200', '.', 'C', 'T,G', '.', 'q10;s50', 'CSQ=T|x|A|ENST2.1|,G|y|A|ENST2.1|', 'GT:AD', '1/2:1,2,3'],
  ['chr2', '201', '.', 'GC', 'GT', '7', 'q10', '.', 'GT:AD', '0/1:5,5'],
  ['chr2', '202', '.', 'T', 'A', '1e-3', 'PASS', 'CSQ=A|x|A|ENST3.1|c.%3B', 'GT', '1|1'],
  ['chr2', '300', '.', 'A', 'AT', '30', 'PASS', '.', 'GT:AD', './.:.'],
  // Line 14, back in the file: trims to C>T at 200, the first ALT of line 10, and is merged into it.
  ['chr2', '199', '.', 'GC', 'GT', '9', 'PASS', '.', 'GT:AD', '0/1:2,2'],
]);

describe('a batch built as the bytes of COPY (CopyRows)', () => {
  it.each([
    ['tumour-normal.vep.vcf', null],
    ['germline.snpeff.vcf', null],
    ['structural.vcf', null],
    ['odd.vcf', ODD],
  ])('holds the rows, merges and QC that the columns of a statement hold: %s', async (name, text) => {
    const columns = await batchesOf(name, text, false);
    const copied = await batchesOf(name, text, true);
    expect(copied.qc).toEqual(columns.qc);
    expect(copied.batches.every((rows) => isCopyRows(rows))).toBe(true);
    expect(columns.batches.some((rows) => isCopyRows(rows))).toBe(false);
    const read = copied.batches.map((rows) => asColumns(rows as CopyRows));
    // QUAL goes as a 32-bit float, as the server stores it.
    const rounded = columns.batches.map((rows) => ({
      ...(rows as BatchRows),
      qual: (rows as BatchRows).qual.map((q) => (q === null ? null : Math.fround(q))),
    }));
    expect(read).toEqual(rounded);
    expect(read.flatMap((rows) => rows.key).length).toBeGreaterThan(0);
  });

  it('holds the same rows over several batches of a file that arrives in pieces', async () => {
    const columns = await batchesOf('odd.vcf', ODD, false, 150);
    const copied = await batchesOf('odd.vcf', ODD, true, 150);
    const read = copied.batches.map((rows) => asColumns(rows as CopyRows));
    expect(read.filter((rows) => rows.key.length > 0).length).toBeGreaterThan(1);
    expect(read).toEqual(
      columns.batches.map((rows) => ({
        ...(rows as BatchRows),
        qual: (rows as BatchRows).qual.map((q) => (q === null ? null : Math.fround(q))),
      })),
    );
    expect(copied.qc).toEqual(columns.qc);
  });

  it('hands a batch’s memory over to another thread, leaving none of it behind', async () => {
    const { batches } = await batchesOf('odd.vcf', ODD, true);
    const rows = batches[0] as CopyRows;
    const expected = asColumns(rows);
    const channel = new MessageChannel();
    channel.port1.postMessage(rows, transferables(rows));
    const received = receiveMessageOnPort(channel.port2)?.message as CopyRows;
    channel.port1.close();
    // Transferred, not copied: the sender's views are empty now.
    expect([
      rows.records.byteLength,
      rows.variants.byteLength,
      rows.line.length,
      rows.transcripts.length,
    ]).toEqual([0, 0, 0, 0]);
    expect(asColumns(received)).toEqual(expected);
  });

  it('keeps a merge within a batch, a FILTER list, and the JSON of a gene outside ASCII as UTF-8', async () => {
    // One batch for the whole file: the merged line and the record it merges into share it.
    const { batches } = await batchesOf('odd.vcf', ODD, true, 0, 100);
    expect(batches).toHaveLength(1);
    const read = batches.map((rows) => asColumns(rows as CopyRows));
    expect(read.flatMap((rows) => rows.annotations).some((json) => json.includes('"GENÉ"'))).toBe(true);
    expect(read.flatMap((rows) => rows.filters)).toContain('{"q10","s50"}');
    expect(read.flatMap((rows) => rows.mergedLine)).toEqual([14]);
    expect(read.flatMap((rows) => rows.mergedKey)).toEqual(['GRCh38:chr2:199:C:T']);
  });

  it('writes a variant row as its fields are, a backslash too, a telomere’s start of -1 and no assembly', () => {
    const sink = new CopyRowSink({ fileId: FILE_ID, assembly: null });
    const identity: AlleleIdentity = {
      key: 'GR\\Ch38:chr\\x:9:C:T',
      vrsId: null,
      chrom: 'chr\\x',
      start: -1,
      ref: 'C',
      alt: 'T',
      kind: 'snv',
      fullyNormalised: true,
    };
    sink.add({
      identity,
      line: 4,
      qual: null,
      filters: '{}',
      calls: '[null]',
      annotations: new TextEncoder().encode('[]'),
      transcripts: 0,
    });
    sink.add({
      identity: { ...identity, key: 'GR\\Ch38:chr\\x:10:C:T' },
      line: 5,
      qual: 1,
      filters: '{}',
      calls: '[null]',
      annotations: '[]',
      transcripts: 0,
    });
    sink.merge(6, 'GR\\Ch38:chr\\x:10:C:T', 1);
    const rows = sink.take();
    const [, key, vrsId, assembly, chrom, start] = rowFields(rows.variants, rows.variantStart, 0);
    expect([String(key), vrsId, assembly, String(chrom), start?.readBigInt64BE(0)]).toEqual([
      'GR\\Ch38:chr\\x:9:C:T',
      null,
      null,
      'chr\\x',
      -1n,
    ]);
    expect(rows.keys).toBe('{"GR\\\\Ch38:chr\\\\x:9:C:T","GR\\\\Ch38:chr\\\\x:10:C:T"}');
    expect({ line: [...rows.line], mergedLine: rows.mergedLine, mergedRow: rows.mergedRow }).toEqual({
      line: [4, 5],
      mergedLine: [6],
      mergedRow: [1],
    });
    // The next batch starts empty, in memory of its own.
    const next = sink.take();
    expect(next.count).toBe(0);
    expect(next.records.buffer).not.toBe(rows.records.buffer);
    expect(transferables(rows)).toHaveLength(4);
  });
});
