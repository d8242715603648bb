import { sql, type Transaction } from 'kysely';
import type pg from 'pg';
import type { DB } from '../../../platform/db/schema.ts';
import { type BatchRows, booleanArray, numberArray, textArray } from './batchRows.ts';
import { copyBatch, RecordedVariants } from './copyBatch.ts';
import { type CopyRows, isCopyRows } from './copyRows.ts';

/**
 * The write path of an ingest: each batch of rows (rowBuilder.ts) becomes variants (unique by
 * identity) and one `variant_record` per variant in this file — the record's QUAL and FILTER,
 * each sample's call and each transcript's annotation — inside the caller's transaction.
 *
 * On a PostgreSQL server a batch goes in by COPY (copyBatch.ts); on PGlite it is ONE statement
 * (insertBatch). There, short columns travel as one array per column that `unnest` turns back
 * into rows; the calls and annotations travel as JSON texts, one per line of a single parameter,
 * that `string_to_table` splits (JSON never holds a raw newline, so nothing is escaped on either
 * side). New variants take their ids from the sequence within the statement.
 *
 * An allele that is the same variant as an earlier record of the file is merged: the earlier
 * record stands and `merged_allele` names the later line (migration 0010).
 *
 * Variants are looked up and then inserted without ON CONFLICT (whose speculative insertion cost
 * a third of the variant insert): that is safe because ingests take `prepareIngest`'s lock first
 * and so never race each other to a new variant.
 */
export class AlleleWriter {
  /** The statement of the batch before, still running on the server. */
  private pending: Promise<unknown> = Promise.resolve();
  /** Variants this file has a record of, when batches go by COPY (see copyBatch). */
  private readonly recorded = new RecordedVariants();
  /**
   * What the batches stored so far hold: records (the file's variants), observations and
   * transcript annotations, and the alleles merged into an earlier record of the file (their
   * lines are in `merged_allele`). Counted here, as each batch is stored: counting the file's
   * records afterwards read back a genome's million rows (0.6 s).
   */
  readonly stored = { records: 0, observations: 0, annotations: 0, merged: 0 };

  /**
   * With `copyClient` (the transaction's connection to a PostgreSQL server) batches go in by
   * COPY; without it (PGlite) as one statement each.
   */
  constructor(
    private readonly tx: Transaction<DB>,
    private readonly fileId: string,
    private readonly assembly: string | null,
    private readonly sampleCount: number,
    private readonly copyClient: pg.PoolClient | null = null,
  ) {}

  /**
   * Sends a batch once the batch before it is stored, and returns without waiting for this one:
   * the server stores one batch while the next is parsed. Call finish() after the last batch;
   * `stored` then counts it all.
   */
  async write(rows: BatchRows | CopyRows): Promise<void> {
    await this.pending;
    if (rowCount(rows) === 0) return;
    let skipped: Promise<number[]>;
    if (isCopyRows(rows)) {
      if (!this.copyClient) throw new Error('a batch for COPY needs a PostgreSQL server');
      skipped = copyBatch(this.copyClient, rows, { fileId: this.fileId, recorded: this.recorded });
    } else {
      if (this.copyClient) throw new Error('a batch for a PostgreSQL server goes by COPY (CopyRows)');
      skipped = insertBatch(rows, this.fileId, this.assembly)
        .execute(this.tx)
        .then((result) => result.rows.map((row) => Number(row.n) - 1));
    }
    this.pending = skipped.then((indexes) => this.count(rows, indexes));
    // Awaited by the next write; until then a failure must not count as unhandled.
    this.pending.catch(() => {});
  }

  /**
   * Waits for the batch being written, ignoring its outcome: call it before letting an error end
   * the transaction. A batch by COPY is several round trips; the rollback must not be queued
   * between them, or the rest would run outside the transaction.
   */
  async settle(): Promise<void> {
    await this.pending.catch(() => {});
  }

  /** Waits until every batch is stored; throws if one could not be. */
  async finish(): Promise<void> {
    await this.pending;
  }

  /** Counts what a stored batch holds: every row but those `skipped` (merged, see copyBatch). */
  private count(rows: BatchRows | CopyRows, skipped: readonly number[]): void {
    const stored = this.stored;
    let transcripts = 0;
    for (const count of rows.transcripts) transcripts += count;
    for (const index of skipped) transcripts -= rows.transcripts[index] as number;
    const records = rowCount(rows) - skipped.length;
    stored.records += records;
    stored.observations += records * this.sampleCount;
    stored.annotations += transcripts;
    stored.merged += skipped.length + rows.mergedLine.length;
  }
}

function rowCount(rows: BatchRows | CopyRows): number {
  return isCopyRows(rows) ? rows.count : rows.key.length;
}

/**
 * Call before the first batch of an ingest: takes the lock that keeps ingests from racing to a
 * new variant, held until the transaction ends, and sets two things for the transaction:
 * - JIT compilation off: once the tables are big the planner's estimates for a batch pass the JIT
 *   threshold, and compiling each batch's statement took longer (≈ 0.6 s) than running it (≈ 15 ms);
 * - memory for a batch's records as the parent-check trigger sees them (its transition table,
 *   every column of every row). At the default 4 MB a batch of 5,000 benchmark records (about
 *   4 MB) went to a temporary file and back, 731 MB for the million records. Held in memory, the
 *   server's CPU fell by 0.8–3.1 s in three alternating pairs (docs/benchmarks.md).
 */
export async function prepareIngest(tx: Transaction<DB>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${VARIANT_IDENTITY_LOCK})`.execute(tx);
  await sql`set local jit = off`.execute(tx);
  await sql`set local work_mem = '64MB'`.execute(tx);
}

/** An arbitrary constant (the bytes of "genvar"), apart from the audit log's lock (auditLog.ts). */
const VARIANT_IDENTITY_LOCK = 0x67656e766172;

/**
 * Variants first — those not stored yet are inserted, a stored one gains its VRS id when this
 * file brings one — then each variant's record in this file. A variant this file already has a
 * record of (two records normalising to one allele, in different batches) keeps its first record,
 * and the later line goes to merged_allele, as do the batch's own merged alleles. Returns the
 * ordinal (1-based) of each row that was merged rather than recorded.
 *
 * New variants take their ids from the sequence as the batch is resolved, so the records need no
 * join back to what was inserted. Every lookup is written so that it can only be an index probe
 * per row (a lateral subquery kept apart by OFFSET 0, a scalar subquery, `= any(array)`): the
 * planner believes a batch has 1,000 rows and the tables' statistics lag behind an ingest, and it
 * would otherwise hash-join each batch against a scan of the whole, growing variant table.
 */
function insertBatch(rows: BatchRows, fileId: string, assembly: string | null) {
  return sql<{ n: number | string }>`
    with input as (
      select * from rows from (
        unnest(${as.text(rows.key)}), unnest(${as.text(rows.vrsId)}), unnest(${as.text(rows.chrom)}),
        unnest(${as.int8(rows.start)}), unnest(${as.text(rows.ref)}), unnest(${as.text(rows.alt)}),
        unnest(${as.text(rows.kind)}), unnest(${as.bool(rows.fullyNormalised)}), unnest(${as.int4(rows.line)}),
        unnest(${as.float4(rows.qual)}), unnest(${as.text(rows.filters)}),
        string_to_table(${rows.calls.join('\n')}::text, chr(10)),
        string_to_table(${rows.annotations.join('\n')}::text, chr(10))
      ) with ordinality as input(identity_key, vrs_id, chrom, start_pos, ref, alt, kind, fully_normalised, line,
        qual, filters, calls, annotations, n)
    ),
    resolved as materialized (
      select input.*, known.id as known_id, known.vrs_id as known_vrs_id,
        coalesce(known.id, nextval('variant_id_seq')) as id,
        known.id is not null and (
          select true from variant_record r where r.file_id = ${fileId}::uuid and r.variant_id = known.id
        ) is not null as recorded
      from input
      left join lateral (
        select id, vrs_id from variant where variant.identity_key = input.identity_key offset 0
      ) known on true
    ),
    added as (
      insert into variant (id, identity_key, vrs_id, assembly, chrom, start_pos, ref, alt, kind, fully_normalised)
      select id, identity_key, vrs_id, ${assembly}::text, chrom, start_pos, ref, alt, kind, fully_normalised
      from resolved
      where known_id is null
      order by n
    ),
    filled as (
      update variant
      set vrs_id = (select r.vrs_id from resolved r where r.known_id = variant.id)
      where variant.id = any(array(
        select known_id from resolved where known_vrs_id is null and vrs_id is not null and known_id is not null
      ))
    ),
    records as (
      insert into variant_record (file_id, variant_id, line, qual, filters, calls, annotations)
      select ${fileId}::uuid, id, line, qual, filters::text[], calls::json, annotations
      from resolved
      where not recorded
      order by n
    ),
    merged as (
      insert into merged_allele (file_id, line, variant_id)
      select ${fileId}::uuid, line, id from resolved where recorded
      union all
      select ${fileId}::uuid, m.line, r.id
      from unnest(${as.int4(rows.mergedLine)}, ${as.text(rows.mergedKey)}) as m(line, identity_key)
      join resolved r on r.identity_key = m.identity_key
      on conflict do nothing
    )
    select n from resolved where recorded
  `;
}

/** A column of the batch as a typed array parameter: `${as.int4(depths)}` is `$n::int4[]`. */
const as = {
  text: (items: readonly (string | null)[]) => sql`${textArray(items)}::text[]`,
  int4: (items: readonly (number | null)[]) => sql`${numberArray(items)}::int4[]`,
  int8: (items: readonly number[]) => sql`${numberArray(items)}::int8[]`,
  float4: (items: readonly (number | null)[]) => sql`${numberArray(items)}::float4[]`,
  bool: (items: readonly boolean[]) => sql`${booleanArray(items)}::bool[]`,
};
