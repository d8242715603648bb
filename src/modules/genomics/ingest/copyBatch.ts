import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { textArray } from './batchRows.ts';
import { writeBigint } from './binaryCopy.ts';
import { type CopyRows, VARIANT_ID_AT, VARIANT_ROW_ID_AT } from './copyRows.ts';

/**
 * The PostgreSQL server's write path of an ingest batch (PGlite has no COPY FROM STDIN through
 * its API and keeps insertBatch). The batch arrives as the bytes of its COPYs (copyRows.ts), and
 * three steps run on the transaction's own connection:
 *
 *   1. one statement looks each identity up (an index probe per row) and takes a sequence id
 *      for each variant not stored yet, returning all ids as one text;
 *   2. COPY of the new variants, their ids written into their places;
 *   3. COPY of this file's records, the ids written into their places;
 *
 * and, on the rare batch with an allele merged into an earlier record of the file, an insert of
 * those lines into merged_allele. Returns the indexes of the rows so merged (not recorded).
 *
 * COPY is the server's cheapest way in (no statement, no parameters to parse, no planner), and
 * knowing the ids before the records are written lets them go straight into `variant_record`.
 * Like insertBatch this relies on prepareIngest's lock: no other ingest can add the same new
 * variant between the lookup and the COPY.
 */
export async function copyBatch(
  client: pg.PoolClient,
  rows: CopyRows,
  target: { fileId: string; recorded: RecordedVariants },
): Promise<number[]> {
  if (rows.count === 0) return [];
  // A named statement: the server parses and plans it once per connection, not once per batch.
  const resolved = await client.query<{ ids: string }>({
    name: 'genvei-resolve-variants',
    text: RESOLVE,
    values: [rows.keys],
  });
  const plan = placeIds(rows, (resolved.rows[0]?.ids ?? '').split(','), target.recorded);
  if (plan.variants) await copyIn(client, VARIANT_COPY, plan.variants);
  if (plan.records) await copyIn(client, RECORD_COPY, plan.records);
  if (plan.merged.lines.length > 0) {
    await client.query(
      `insert into merged_allele (file_id, line, variant_id)
       select $1::uuid, m.line, m.variant_id from unnest($2::int4[], $3::int8[]) as m(line, variant_id)
       on conflict do nothing`,
      [target.fileId, `{${plan.merged.lines.join(',')}}`, `{${plan.merged.ids.join(',')}}`],
    );
  }
  if (plan.filled.ids.length > 0) {
    await client.query(
      'update variant set vrs_id = v.vrs_id from unnest($1::int8[], $2::text[]) as v(id, vrs_id) where variant.id = v.id',
      [`{${plan.filled.ids.join(',')}}`, textArray(plan.filled.vrsIds)],
    );
  }
  return plan.skipped;
}

/** What copyBatch sends for a batch, once the server has given its ids (placeIds). */
export type CopyPlan = {
  /** The COPY of the new variants, or null when every variant is stored already. */
  variants: Buffer | null;
  /** The COPY of the records, or null when every row was merged into an earlier record. */
  records: Buffer | null;
  /** Rows not recorded: their variant has a record of this file already (they are in `merged`). */
  skipped: number[];
  /** Lines to keep in merged_allele, and the variant each merges into. */
  merged: { lines: number[]; ids: number[] };
  /** Stored variants without a VRS id that this batch brings one for. */
  filled: { ids: number[]; vrsIds: string[] };
};

/**
 * Puts the variant ids the lookup returned (RESOLVE's tokens, one per row) into the batch's
 * payloads and decides what is sent: the rows of new variants, the records of variants this file
 * has no record of yet (RecordedVariants, updated here), the merged lines. Pure but for
 * `recorded` and the payloads' bytes, which it writes.
 */
export function placeIds(rows: CopyRows, tokens: readonly string[], recorded: RecordedVariants): CopyPlan {
  if (tokens.length !== rows.count) throw new Error(`${tokens.length} variant ids for ${rows.count} rows`);
  const variants = Buffer.from(rows.variants.buffer, rows.variants.byteOffset, rows.variants.length);
  const records = Buffer.from(rows.records.buffer, rows.records.byteOffset, rows.records.length);
  const stored: number[] = [];
  const plan: CopyPlan = {
    variants: null,
    records: null,
    skipped: [],
    merged: { lines: [], ids: [] },
    filled: { ids: [], vrsIds: [] },
  };
  const idOf: number[] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const isNew = token.charCodeAt(0) === 45; // '-'
    const lacksVrs = token.charCodeAt(token.length - 1) === 63; // '?'
    const id = Number(token.slice(isNew ? 1 : 0, lacksVrs ? -1 : undefined));
    if (token.length === 0 || !Number.isSafeInteger(id) || id < 0)
      throw new Error(`not a variant id: "${token}"`);
    idOf[i] = id;
    if (isNew) {
      writeBigint(variants, (rows.variantStart[i] as number) + VARIANT_ROW_ID_AT, id);
    } else {
      stored.push(i);
      const vrsId = rows.vrsId[i] ?? null;
      if (lacksVrs && vrsId !== null) {
        plan.filled.ids.push(id);
        plan.filled.vrsIds.push(vrsId);
      }
      // Two records of this file normalising to one variant: the first record stands.
      if (recorded.has(id)) {
        plan.skipped.push(i);
        plan.merged.lines.push(rows.line[i] as number);
        plan.merged.ids.push(id);
        continue;
      }
    }
    if (isNew) recorded.created(id);
    else recorded.add(id);
    writeBigint(records, (rows.recordStart[i] as number) + VARIANT_ID_AT, id);
  }
  if (stored.length < rows.count) {
    plan.variants = stored.length === 0 ? variants : without(variants, rows.variantStart, stored);
  }
  if (plan.skipped.length < rows.count) {
    plan.records = plan.skipped.length === 0 ? records : without(records, rows.recordStart, plan.skipped);
  }
  // Alleles merged within the batch: the row they merge into.
  for (let m = 0; m < rows.mergedLine.length; m++) {
    plan.merged.lines.push(rows.mergedLine[m] as number);
    plan.merged.ids.push(idOf[rows.mergedRow[m] as number] as number);
  }
  return plan;
}

/**
 * A binary COPY payload without the rows `left` (ascending indexes; row i spans starts[i] to
 * starts[i + 1]): its signature and header, the other rows, its trailer.
 */
export function without(payload: Buffer, starts: Int32Array, left: readonly number[]): Buffer {
  const pieces: Buffer[] = [];
  let from = 0;
  for (const row of left) {
    pieces.push(payload.subarray(from, starts[row]));
    from = starts[row + 1] as number;
  }
  pieces.push(payload.subarray(from));
  return Buffer.concat(pieces);
}

/**
 * The variants this file has a record of, so that copyBatch can tell a later allele of an earlier
 * record (see AlleleWriter). A variant this ingest created got its record in the batch that
 * created it, and its ids come from the sequence one after another (prepareIngest's lock keeps
 * other ingests, the only writers of variants, out meanwhile): they are kept as runs of
 * consecutive ids, a genome's million new variants one run rather than a set of a million. A gap
 * (another session's nextval, a sequence cache) only starts another run. Stored variants that the
 * file also has are kept one by one.
 */
export class RecordedVariants {
  /** Runs of created ids, [first, last], in the order created (the sequence only grows). */
  private readonly firsts: number[] = [];
  private readonly lasts: number[] = [];
  private readonly stored = new Set<number>();

  has(id: number): boolean {
    if (this.stored.has(id)) return true;
    // The last run whose first id is at most `id` (the runs ascend), by bisection.
    let low = 0;
    let high = this.firsts.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if ((this.firsts[middle] as number) <= id) low = middle + 1;
      else high = middle - 1;
    }
    return high >= 0 && id <= (this.lasts[high] as number);
  }

  /** A variant this ingest created (and recorded). */
  created(id: number): void {
    const last = this.lasts.length - 1;
    if (last >= 0 && id === (this.lasts[last] as number) + 1) this.lasts[last] = id;
    else if (last < 0 || id > (this.lasts[last] as number)) {
      this.firsts.push(id);
      this.lasts.push(id);
    } else this.stored.add(id); // not after the last run (never from one sequence): kept one by one
  }

  /** A variant stored before this ingest that the file has a record of. */
  add(id: number): void {
    this.stored.add(id);
  }
}

/**
 * Each input identity's variant id, in input order, as `id` for a stored variant (`id?` when it
 * has no VRS id yet) and `-id` for a new one, whose id is drawn from the sequence here. The
 * lookup is a lateral subquery kept apart by OFFSET 0 so it can only be an index probe per row
 * (see insertBatch).
 */
const RESOLVE = `
  select string_agg(
    case when known.id is null then '-' || nextval('variant_id_seq')
         when known.vrs_id is null then known.id || '?'
         else known.id::text end,
    ',' order by input.n) as ids
  from unnest($1::text[]) with ordinality as input(identity_key, n)
  left join lateral (
    select id, vrs_id from variant where variant.identity_key = input.identity_key offset 0
  ) known on true`;

// Binary (binaryCopy.ts): no field is parsed from text on the server.
const VARIANT_COPY =
  'copy variant (id, identity_key, vrs_id, assembly, chrom, start_pos, ref, alt, kind, fully_normalised) from stdin with (format binary)';
const RECORD_COPY =
  'copy variant_record (file_id, variant_id, line, qual, filters, calls, annotations) from stdin with (format binary)';

async function copyIn(client: pg.PoolClient, statement: string, data: Buffer): Promise<void> {
  const stream = client.query(copyFrom(statement));
  const done = once(stream, 'finish');
  stream.end(data);
  await done;
}
