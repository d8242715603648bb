import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../platform/db/connect.ts';
import { freshDatabase } from '../../../platform/testing/testDatabase.ts';
import { booleanArray, numberArray, textArray } from './batchRows.ts';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('the array literals a batch travels in', () => {
  it('come back from the database as the values that went in', async () => {
    const texts = [
      'plain',
      'a,b',
      'say "hi"',
      'back\\slash',
      '{braces}',
      'NULL',
      '',
      ' padded ',
      'æøå',
      null,
    ];
    const numbers = [1, -2.5, 1e-7, 2147483647, null, Number.NaN, Number.POSITIVE_INFINITY];
    const { rows } = await sql<{ texts: (string | null)[]; numbers: (number | null)[]; flags: boolean[] }>`
      select ${textArray(texts)}::text[] as texts, ${numberArray(numbers)}::float8[] as numbers,
        ${booleanArray([true, false, true])}::bool[] as flags
    `.execute(database.db);
    expect(rows[0]).toEqual({ texts, numbers, flags: [true, false, true] });
  });

  it('nest: a text[] literal inside a text[] literal reads back through a cast', async () => {
    const terms = ['missense_variant', 'quote"d', 'comma,term'];
    const { rows } = await sql<{ terms: string[] }>`
      select (${textArray([textArray(terms), textArray([])])}::text[])[1]::text[] as terms
    `.execute(database.db);
    expect(rows[0]?.terms).toEqual(terms);
  });
});
