import { describe, expect, it } from 'vitest';
import { placeIds, RecordedVariants, without } from './copyBatch.ts';
import { CopyRowSink, type CopyRows } from './copyRows.ts';
import type { AlleleIdentity } from './identity.ts';
import { copyPayloadRows } from './testing.ts';

const FILE_ID = '0a1b2c3d-0000-4000-8000-00000000abcd';

function identity(start: number, vrsId: string | null = null): AlleleIdentity {
  return {
    key: `GRCh38:chr1:${start}:C:T`,
    vrsId,
    chrom: 'chr1',
    start,
    ref: 'C',
    alt: 'T',
    kind: 'snv',
    fullyNormalised: true,
  };
}

/** Four rows (lines 10–13) and a line (14) merged into the second within the batch. */
function batch(): CopyRows {
  const sink = new CopyRowSink({ fileId: FILE_ID, assembly: 'GRCh38' });
  [identity(1), identity(2), identity(3, 'ga4gh:VA.three'), identity(4)].forEach((variant, i) => {
    sink.add({
      identity: variant,
      line: 10 + i,
      qual: 50,
      filters: '{"PASS"}',
      calls: '[null]',
      annotations: `[["VEP","ENST${i}"]]`,
      transcripts: 1,
    });
  });
  sink.merge(14, identity(2).key, 1);
  return sink.take();
}

/** A row's bigint field `at` (a variant id) as a number. */
const idOf = (row: (Buffer | null)[], at: number) => Number(row[at]?.readBigInt64BE(0));

describe('the ids a batch is given (placeIds)', () => {
  it('go into the new variants’ rows and every record, and decide what is sent', () => {
    const rows = batch();
    const recorded = new RecordedVariants();
    recorded.add(500); // a stored variant this file already has a record of
    // New, stored (recorded before), stored without a VRS id, new.
    const plan = placeIds(rows, ['-101', '500', '77?', '-102'], recorded);
    const variants = copyPayloadRows(plan.variants as Buffer);
    expect(variants.map((row) => [idOf(row, 0), String(row[1])])).toEqual([
      [101, 'GRCh38:chr1:1:C:T'],
      [102, 'GRCh38:chr1:4:C:T'],
    ]);
    const records = copyPayloadRows(plan.records as Buffer);
    expect(records.map((row) => [idOf(row, 1), row[2]?.readInt32BE(0), String(row[6])])).toEqual([
      [101, 10, '[["VEP","ENST0"]]'],
      [77, 12, '[["VEP","ENST2"]]'],
      [102, 13, '[["VEP","ENST3"]]'],
    ]);
    expect(plan.skipped).toEqual([1]);
    // Line 11 (its variant's record stands) and line 14 (merged into line 11's row, variant 500).
    expect(plan.merged).toEqual({ lines: [11, 14], ids: [500, 500] });
    expect(plan.filled).toEqual({ ids: [77], vrsIds: ['ga4gh:VA.three'] });
    expect([101, 77, 102, 500].map((id) => recorded.has(id))).toEqual([true, true, true, true]);
    expect(recorded.has(103)).toBe(false);
  });

  it('send no variants when all are stored, and no records when all are recorded', () => {
    const recorded = new RecordedVariants();
    for (const id of [1, 2, 3, 4]) recorded.add(id);
    const plan = placeIds(batch(), ['1', '2', '3', '4'], recorded);
    expect(plan).toMatchObject({ variants: null, records: null, skipped: [0, 1, 2, 3] });
    expect(plan.merged.lines).toEqual([10, 11, 12, 13, 14]);
  });

  it('refuses ids that do not match the rows', () => {
    expect(() => placeIds(batch(), ['-1', '2'], new RecordedVariants())).toThrow(/2 variant ids for 4 rows/);
    expect(() => placeIds(batch(), ['-1', '2', 'x', '4'], new RecordedVariants())).toThrow(
      /not a variant id: "x"/,
    );
    expect(() => placeIds(batch(), ['-1', '2', '', '4'], new RecordedVariants())).toThrow(/not a variant id/);
  });
});

describe('a COPY payload without some of its rows', () => {
  it('keeps its signature, header and trailer, and the other rows whole', () => {
    const rows = batch();
    const payload = Buffer.from(rows.records);
    const lines = (bytes: Buffer) => copyPayloadRows(bytes).map((row) => row[2]?.readInt32BE(0));
    for (const [left, kept] of [
      [[0], [11, 12, 13]],
      [
        [1, 2],
        [10, 13],
      ],
      [[3], [10, 11, 12]],
      [[0, 1, 3], [12]],
      [[0, 1, 2, 3], []],
    ] as const) {
      expect(lines(without(payload, rows.recordStart, left))).toEqual(kept);
    }
    expect(lines(without(payload, rows.recordStart, []))).toEqual([10, 11, 12, 13]);
  });
});
