import fc from 'fast-check';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { describe, expect, it } from 'vitest';
import { textArray } from './batchRows.ts';
import { BinaryCopy, textArrayField, uuidField } from './binaryCopy.ts';
import { textItems } from './testing.ts';

/** Reads a text[] field back: [length][ndim][flags][oid]([size][lower])[items…]. */
function itemsOfField(field: Buffer): string[] {
  expect(field.readInt32BE(0)).toBe(field.length - 4);
  const dimensions = field.readInt32BE(4);
  expect(field.readInt32BE(8)).toBe(0);
  expect(field.readInt32BE(12)).toBe(25);
  if (dimensions === 0) {
    expect(field.length).toBe(16);
    return [];
  }
  expect(dimensions).toBe(1);
  expect(field.readInt32BE(20)).toBe(1);
  const items = textItems(field.subarray(4));
  // Nothing after the last item.
  expect(24 + items.reduce((n, item) => n + 4 + Buffer.byteLength(item), 0)).toBe(field.length);
  return items;
}

describe('binary COPY rows', () => {
  it('reads back every list textArray writes as a text[] field', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 6 }), (items) => {
        expect(itemsOfField(textArrayField(textArray(items)))).toEqual(items);
      }),
    );
    expect(itemsOfField(textArrayField('{}'))).toEqual([]);
    expect(() => textArrayField('{NULL}')).toThrow(/quoted item/);
  });

  it('writes the signature, each field with its length, and the trailer', () => {
    const copy = new BinaryCopy(8);
    copy.row(5);
    copy.encoded(uuidField('0a1b2c3d-0000-4000-8000-00000000abcd'));
    copy.int8(2 ** 40 + 5);
    copy.int4(-3);
    copy.null();
    copy.text('Å"');
    const bytes = copy.finish();
    expect(bytes.subarray(0, 11).toString('latin1')).toBe('PGCOPY\n\xff\r\n\0');
    expect(bytes.readInt32BE(11)).toBe(0);
    expect(bytes.readInt32BE(15)).toBe(0);
    // The row: field count at 19, then each field's length and bytes.
    expect(bytes.readInt16BE(19)).toBe(5);
    expect(bytes.readInt32BE(21)).toBe(16);
    expect(bytes.toString('hex', 25, 41)).toBe('0a1b2c3d00004000800000000000abcd');
    expect(bytes.readInt32BE(41)).toBe(8);
    expect(bytes.readBigInt64BE(45)).toBe(2n ** 40n + 5n);
    expect(bytes.readInt32BE(53)).toBe(4);
    expect(bytes.readInt32BE(57)).toBe(-3);
    expect(bytes.readInt32BE(61)).toBe(-1);
    expect(bytes.readInt32BE(65)).toBe(3); // Å is two bytes in UTF-8
    expect(bytes.toString('utf8', 69, 72)).toBe('Å"');
    expect(bytes.readInt16BE(72)).toBe(-1);
    expect(bytes.length).toBe(74);
  });

  it('refuses a real the server would refuse, and rounds the rest to 32 bits', () => {
    const copy = new BinaryCopy();
    expect(() => copy.float4(1e39)).toThrow(/out of range/);
    expect(() => copy.float4(1e-50)).toThrow(/out of range/);
    copy.row(4);
    for (const value of [405.2, Number.POSITIVE_INFINITY, Number.NaN, 0]) copy.float4(value);
    const bytes = copy.finish();
    const reals = [0, 1, 2, 3].map((i) => bytes.readFloatBE(19 + 2 + i * 8 + 4));
    expect(reals).toEqual([Math.fround(405.2), Number.POSITIVE_INFINITY, Number.NaN, 0]);
  });
  it('grows from any size, and refuses an id it cannot write exactly', () => {
    expect(new BinaryCopy(0).finish().length).toBe(21); // signature, flags, extension, trailer
    expect(() => new BinaryCopy().int8(2 ** 53)).toThrow(/not an id/);
    expect(() => new BinaryCopy().int8(-1)).toThrow(/not an id/);
  });

  it('writes any safe integer as a bigint, a boolean as one byte, and text short or long, ASCII or not', () => {
    const copy = new BinaryCopy(4);
    const texts = [
      '',
      'chr1',
      'GRCh38:chr1:9:C:T',
      'ø',
      `${'A'.repeat(31)}é`,
      'A'.repeat(33),
      'T'.repeat(40_000),
    ];
    copy.row(4 + texts.length);
    for (const value of [-1, -(2 ** 53 - 1), 2 ** 53 - 1]) copy.bigint(value);
    copy.bool(true);
    for (const text of texts) copy.text(text);
    const bytes = copy.finish();
    let at = 21;
    const integers = [0, 1, 2].map(() => {
      expect(bytes.readInt32BE(at)).toBe(8);
      at += 12;
      return bytes.readBigInt64BE(at - 8);
    });
    expect(integers).toEqual([-1n, -(2n ** 53n - 1n), 2n ** 53n - 1n]);
    expect([bytes.readInt32BE(at), bytes[at + 4]]).toEqual([1, 1]);
    at += 5;
    for (const text of texts) {
      const length = bytes.readInt32BE(at);
      expect(bytes.toString('utf8', at + 4, at + 4 + length)).toBe(text);
      at += 4 + length;
    }
    expect(bytes.readInt16BE(at)).toBe(-1);
    expect(() => new BinaryCopy().bigint(2 ** 53)).toThrow(/not an integer/);
    expect(() => new BinaryCopy().bigint(0.5)).toThrow(/not an integer/);
  });

  it('rejects what is not a uuid', () => {
    expect(() => uuidField('not-a-uuid')).toThrow(/not a uuid/);
  });
});

/** Sends binary COPY rows into `table` on the client's connection. */
function copyInto(client: pg.Client, table: string, rows: Buffer): Promise<void> {
  const stream = client.query(copyFrom(`copy ${table} from stdin with (format binary)`));
  return new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve).on('error', reject);
    stream.end(rows);
  });
}

// The server is the judge of the format; PGlite's API has no COPY FROM STDIN (CI runs this on a server).
const server = process.env.GENVEI_TEST_DATABASE_URL;
describe.skipIf(!server)('binary COPY rows on a PostgreSQL server', () => {
  it('are stored as the values they were written from', async () => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(
        'create temp table t (id uuid, n int8, line int4, qual real, filters text[], calls json, annotations json)',
      );
      const copy = new BinaryCopy(16);
      const rows = [
        [2 ** 53 - 1, 1, 405.2, '{"PASS"}', '[["0/1",30,null,null,0.5]]', '[["VEP","ENST1.2","GENÉ"]]'],
        [7, 2_000_000_000, null, '{}', '[null]', '[]'],
        [8, 3, 1e-40, textArray(['q10', 'a"b\\c', 'ø']), '[]', '["\\\\ \\" \\u0001"]'],
      ] as const;
      for (const [n, line, qual, filters, calls, annotations] of rows) {
        copy.row(7);
        copy.encoded(uuidField('0a1b2c3d-0000-4000-8000-00000000abcd'));
        copy.int8(n);
        copy.int4(line);
        if (qual === null) copy.null();
        else copy.float4(qual);
        copy.encoded(textArrayField(filters));
        copy.text(calls);
        copy.text(annotations);
      }
      await copyInto(client, 't', copy.finish());
      const stored = await client.query(
        'select id::text, n::text, line, qual::text, filters, calls::text, annotations::text from t order by line',
      );
      expect(stored.rows).toEqual([
        {
          id: '0a1b2c3d-0000-4000-8000-00000000abcd',
          n: String(2 ** 53 - 1),
          line: 1,
          qual: '405.2',
          filters: ['PASS'],
          calls: rows[0][4],
          annotations: rows[0][5],
        },
        {
          id: '0a1b2c3d-0000-4000-8000-00000000abcd',
          n: '8',
          line: 3,
          qual: '1e-40',
          filters: ['q10', 'a"b\\c', 'ø'],
          calls: '[]',
          annotations: rows[2][5],
        },
        {
          id: '0a1b2c3d-0000-4000-8000-00000000abcd',
          n: '7',
          line: 2_000_000_000,
          qual: null,
          filters: [],
          calls: '[null]',
          annotations: '[]',
        },
      ]);
    } finally {
      await client.end();
    }
  });

  it('store bigints, booleans and text as they were written', async () => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await client.query('create temp table v (n int8, b bool, t text)');
      const copy = new BinaryCopy(16);
      const rows = [
        [-1, true, 'GRCh38:chr1:0:C:T'],
        [2 ** 53 - 1, false, 'ø\\'],
      ] as const;
      for (const [n, b, t] of rows) {
        copy.row(3);
        copy.bigint(n);
        copy.bool(b);
        copy.text(t);
      }
      await copyInto(client, 'v', copy.finish());
      const stored = await client.query('select n::text, b, t from v order by n');
      expect(stored.rows).toEqual([
        { n: '-1', b: true, t: 'GRCh38:chr1:0:C:T' },
        { n: String(2 ** 53 - 1), b: false, t: 'ø\\' },
      ]);
    } finally {
      await client.end();
    }
  });

  it('are refused by the server when the JSON is not JSON', async () => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await client.query('create temp table j (annotations json)');
      const copy = new BinaryCopy();
      copy.row(1);
      copy.text('[["VEP",');
      await expect(copyInto(client, 'j', copy.finish())).rejects.toThrow(
        /invalid input syntax for type json/,
      );
    } finally {
      await client.end();
    }
  });
});
