import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { type BatchRows, textArray } from './batchRows.ts';
import { BinaryCopy, textArrayField, uuidField } from './binaryCopy.ts';

/**
 * The PostgreSQL server's write path of an ingest batch (PGlite has no COPY FROM STDIN through
 * its API and keeps insertBatch). Three steps on the transaction's own connection:
 *
 *   1. one statement looks each identity up (an index probe per row) and takes a sequence id
 *      for each variant not stored yet, returning all ids as one text;
 *   2. COPY of the new variants;
 *   3. COPY of this file's records;
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
  rows: BatchRows,
  target: { fileId: string; assembly: string | null; recorded: RecordedVariants },
): Promise<number[]> {
  // A named statement: the server parses and plans it once per connection, not once per batch.
  const resolved = await client.query<{ ids: string }>({
    name: 'genvei-resolve-variants',
    text: RESOLVE,
    values: [textArray(rows.key)],
  });
  const ids = (resolved.rows[0]?.ids ?? '').split(',');
  const assembly = target.assembly === null ? '\\N' : escaped(target.assembly);
  let variants = '';
  const records = new BinaryCopy(rows.key.length * 1024);
  const fileField = fileFieldOf(target.fileId);
  let recordCount = 0;
  const filled: { ids: number[]; vrsIds: string[] } = { ids: [], vrsIds: [] };
  const skipped: number[] = [];
  const merged: { lines: number[]; ids: number[] } = { lines: [], ids: [] };
  const idOf: number[] = new Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const token = ids[i] as string;
    const isNew = token.charCodeAt(0) === 45; // '-'
    const lacksVrs = token.charCodeAt(token.length - 1) === 63; // '?'
    const id = Number(token.slice(isNew ? 1 : 0, lacksVrs ? -1 : undefined));
    idOf[i] = id;
    const vrsId = rows.vrsId[i] ?? null;
    if (isNew) {
      const key = rows.key[i] as string;
      // The key holds CHROM, REF and ALT: when it has no backslash, no field of the row has one.
      variants +=
        key.indexOf('\\') < 0 && key.indexOf('\r') < 0
          ? `${id}\t${key}\t${vrsId ?? '\\N'}\t${assembly}\t${rows.chrom[i]}\t${rows.start[i]}\t` +
            `${rows.ref[i]}\t${rows.alt[i]}\t${rows.kind[i]}\t${rows.fullyNormalised[i] ? 't' : 'f'}\n`
          : copyRow([
              id,
              key,
              vrsId,
              target.assembly,
              rows.chrom[i],
              rows.start[i],
              rows.ref[i],
              rows.alt[i],
              rows.kind[i],
              rows.fullyNormalised[i] ? 't' : 'f',
            ]);
    } else {
      if (lacksVrs && vrsId !== null) {
        filled.ids.push(id);
        filled.vrsIds.push(vrsId);
      }
      // Two records of this file normalising to one variant: the first record stands.
      if (target.recorded.has(id)) {
        skipped.push(i);
        merged.lines.push(rows.line[i] as number);
        merged.ids.push(id);
        continue;
      }
    }
    if (isNew) target.recorded.created(id);
    else target.recorded.add(id);
    const qual = rows.qual[i] ?? null;
    records.row(7);
    records.encoded(fileField);
    records.int8(id);
    records.int4(rows.line[i] as number);
    // A QUAL beyond a 32-bit float's range was refused by the line check (recordCheck.ts).
    if (qual === null) records.null();
    else records.float4(qual);
    records.encoded(filtersField(rows.filters[i] as string));
    records.text(rows.calls[i] as string);
    records.text(rows.annotations[i] as string);
    recordCount++;
  }
  if (variants) await copyIn(client, VARIANT_COPY, variants);
  if (recordCount > 0) await copyIn(client, RECORD_COPY, records.finish());
  // Alleles merged within the batch: the row they merge into is the one with their identity.
  for (let m = 0; m < rows.mergedKey.length; m++) {
    merged.lines.push(rows.mergedLine[m] as number);
    merged.ids.push(idOf[rows.key.indexOf(rows.mergedKey[m] as string)] as number);
  }
  if (merged.lines.length > 0) {
    await client.query(
      `insert into merged_allele (file_id, line, variant_id)
       select $1::uuid, m.line, m.variant_id from unnest($2::int4[], $3::int8[]) as m(line, variant_id)
       on conflict do nothing`,
      [target.fileId, `{${merged.lines.join(',')}}`, `{${merged.ids.join(',')}}`],
    );
  }
  if (filled.ids.length > 0) {
    await client.query(
      'update variant set vrs_id = v.vrs_id from unnest($1::int8[], $2::text[]) as v(id, vrs_id) where variant.id = v.id',
      [`{${filled.ids.join(',')}}`, textArray(filled.vrsIds)],
    );
  }
  return skipped;
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

const VARIANT_COPY =
  'copy variant (id, identity_key, vrs_id, assembly, chrom, start_pos, ref, alt, kind, fully_normalised) from stdin';
// Binary (binaryCopy.ts): the records are most of what the server is sent.
const RECORD_COPY =
  'copy variant_record (file_id, variant_id, line, qual, filters, calls, annotations) from stdin with (format binary)';

/** The file's id as a uuid field; one file is ingested at a time, so one is kept. */
let lastFile: { id: string; field: Buffer } | null = null;
function fileFieldOf(id: string): Buffer {
  if (lastFile?.id !== id) lastFile = { id, field: uuidField(id) };
  return lastFile.field;
}

/** FILTER lists as text[] fields, by their literal: a file has a handful of distinct lists. */
const filterFields = new Map<string, Buffer>();
function filtersField(literal: string): Buffer {
  let field = filterFields.get(literal);
  if (field === undefined) {
    if (filterFields.size >= 1024) filterFields.clear();
    field = textArrayField(literal);
    filterFields.set(literal, field);
  }
  return field;
}

async function copyIn(client: pg.PoolClient, statement: string, data: string | Buffer): Promise<void> {
  const stream = client.query(copyFrom(statement));
  const done = once(stream, 'finish');
  stream.end(data);
  await done;
}

/**
 * A row of COPY's text format: fields between tabs, \\N for null. Fields hold no tab or line
 * feed (they come from tab-separated VCF columns and from JSON we wrote); a backslash (JSON's
 * escapes, a rare VCF value) or a carriage return is escaped, on the rare row that has one.
 */
function copyRow(fields: readonly (string | number | null | undefined)[]): string {
  let row = '';
  let plain = true;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    const text = field === null || field === undefined ? '\\N' : String(field);
    if (plain && typeof field === 'string' && (field.indexOf('\\') >= 0 || field.indexOf('\r') >= 0))
      plain = false;
    row += i === 0 ? text : `\t${text}`;
  }
  if (plain) return `${row}\n`;
  return `${fields.map((field) => (field === null || field === undefined ? '\\N' : escaped(String(field)))).join('\t')}\n`;
}

function escaped(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}
