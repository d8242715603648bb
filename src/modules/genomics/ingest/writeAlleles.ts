import { sql, type Transaction } from 'kysely';
import type pg from 'pg';
import type { DB } from '../../../platform/db/schema.ts';
import { transcriptsJson } from '../vcf/annotations.ts';
import { type BatchRows, booleanArray, emptyRows, numberArray, textArray } from './batchRows.ts';
import { copyBatch } from './copyBatch.ts';
import type { AlleleIdentity } from './identity.ts';
import type { SampleQc } from './qc.ts';
import type { StoredAllele } from './storedAllele.ts';

/** An allele to store and the variant it is. */
export type IdentifiedAllele = { allele: StoredAllele; identity: AlleleIdentity };

/**
 * Records per batch, by statement or COPY alike: big enough that a batch's overhead is small,
 * small enough to stay lean (COPY batches of 4,000 held more memory and were no faster).
 */
const BATCH_RECORDS = 1000;

/**
 * The write path of an ingest: a batch of identified alleles becomes variants (unique by
 * identity) and one `variant_record` per variant in this file — the record's QUAL and FILTER,
 * each sample's call and each transcript's annotation — inside the caller's transaction.
 * Per-sample QC is gathered on the way.
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
  /** Rows gathered from the reader's small batches, sent once there are BATCH_RECORDS of them. */
  private rows = emptyRows();
  /** Identity keys in `rows`: a second allele with the same identity in one batch is the same variant. */
  private inBatch = new Set<string>();
  /** The statement of the batch before, still running on the server. */
  private pending: Promise<unknown> = Promise.resolve();
  /** Sample name → its place in a record's calls (the order insertSamples gave them). */
  private readonly positions: Map<string, number>;
  /** Variants this file has a record of, when batches go by COPY (see copyBatch). */
  private readonly recorded = new Set<number>();
  /**
   * What the batches stored so far hold: observations and transcript annotations, and the alleles
   * merged into an earlier record of the file (their lines are in `merged_allele`).
   */
  readonly stored = { observations: 0, annotations: 0, merged: 0 };

  /**
   * With `copyClient` (the transaction's connection to a PostgreSQL server) batches go in by
   * COPY; without it (PGlite) as one statement each.
   */
  constructor(
    private readonly tx: Transaction<DB>,
    private readonly fileId: string,
    private readonly assembly: string | null,
    sampleIds: Map<string, string>,
    private readonly qc: Map<string, SampleQc>,
    private readonly copyClient: pg.PoolClient | null = null,
  ) {
    this.positions = new Map([...sampleIds.keys()].map((name, position) => [name, position]));
  }

  /**
   * Takes the reader's next alleles. Every BATCH_RECORDS records it sends a statement and
   * returns once the statement before it is done: with PostgreSQL the server stores one batch
   * while we parse the next. Call finish() after the last alleles; `stored` then counts it all.
   */
  async write(identities: readonly IdentifiedAllele[]): Promise<void> {
    this.add(identities);
    if (this.rows.key.length >= BATCH_RECORDS) await this.send();
  }

  /**
   * Waits for the batch being written, ignoring its outcome: call it before letting an error end
   * the transaction. A batch by COPY is several round trips; the rollback must not be queued
   * between them, or the rest would run outside the transaction.
   */
  async settle(): Promise<void> {
    await this.pending.catch(() => {});
  }

  /** Sends what is left and waits until every batch is stored; throws if one could not be. */
  async finish(): Promise<void> {
    await this.send();
    await this.pending;
  }

  private async send(): Promise<void> {
    const rows = this.rows;
    this.rows = emptyRows();
    this.inBatch.clear();
    await this.pending;
    if (rows.key.length === 0) return;
    const skipped = this.copyClient
      ? copyBatch(this.copyClient, rows, {
          fileId: this.fileId,
          assembly: this.assembly,
          recorded: this.recorded,
        })
      : insertBatch(rows, this.fileId, this.assembly)
          .execute(this.tx)
          .then((result) => result.rows.map((row) => Number(row.n) - 1));
    this.pending = skipped.then((indexes) => this.count(rows, indexes));
    // Awaited by the next send; until then a failure must not count as unhandled.
    this.pending.catch(() => {});
  }

  /** Counts what a stored batch holds: every row but those `skipped` (merged, see copyBatch). */
  private count(rows: BatchRows, skipped: readonly number[]): void {
    const stored = this.stored;
    let transcripts = 0;
    for (const count of rows.transcripts) transcripts += count;
    for (const index of skipped) transcripts -= rows.transcripts[index] as number;
    stored.observations += (rows.key.length - skipped.length) * this.positions.size;
    stored.annotations += transcripts;
    stored.merged += skipped.length + rows.mergedLine.length;
  }

  private add(identities: readonly IdentifiedAllele[]): void {
    const rows = this.rows;
    let lastFilters: readonly string[] | null = null;
    let filtersLiteral = '{}';
    for (const { allele, identity } of identities) {
      // QC counts every call the file makes, a merged allele's too.
      const calls = this.callsOf(allele, identity);
      // Two alleles of one file that normalise to the same variant: the first one's record stands,
      // and merged_allele keeps the later line.
      if (this.inBatch.has(identity.key)) {
        rows.mergedLine.push(allele.line);
        rows.mergedKey.push(identity.key);
        continue;
      }
      this.inBatch.add(identity.key);
      rows.key.push(identity.key);
      rows.vrsId.push(identity.vrsId);
      rows.chrom.push(identity.chrom);
      rows.start.push(identity.start);
      rows.ref.push(identity.ref);
      rows.alt.push(identity.alt);
      rows.kind.push(identity.kind);
      rows.fullyNormalised.push(identity.fullyNormalised);
      rows.line.push(allele.line);
      rows.qual.push(allele.qual);
      // The alleles of one record share their filter list.
      if (allele.filters !== lastFilters) {
        lastFilters = allele.filters;
        filtersLiteral = textArray(allele.filters);
      }
      rows.filters.push(filtersLiteral);
      rows.calls.push(calls);
      const transcripts: string[] = [];
      let count = 0;
      for (const a of allele.annotations)
        count += transcriptsJson(a.layout, a.entries, a.allele, transcripts);
      rows.annotations.push(`[${transcripts.join(',')}]`);
      rows.transcripts.push(count);
    }
  }

  /** The record's calls as JSON, one [genotype, depth, ref_depth, alt_depth, vaf] per sample position. */
  private callsOf(allele: StoredAllele, identity: AlleleIdentity): string {
    const calls: string[] = new Array(this.positions.size).fill('null');
    for (const call of allele.calls) {
      const position = this.positions.get(call.sample);
      if (position === undefined) continue;
      const genotype = call.genotype;
      calls[position] =
        `[${genotype ? `"${genotypeText(genotype.alleles, genotype.phased)}"` : 'null'},${json(call.depth)},` +
        `${json(call.alleleDepths?.[0])},${json(call.alleleDepths?.[1])},${json(call.alleleFraction)}]`;
      if (genotype === null || genotype.alleles.some((i) => i !== null && i > 0)) {
        (this.qc.get(call.sample) as SampleQc).add({
          filters: allele.filters,
          ref: identity.ref,
          alt: identity.alt,
          kind: identity.kind,
          depth: call.depth,
        });
      }
    }
    return `[${calls.join(',')}]`;
  }
}

/**
 * Call before the first batch of an ingest: takes the lock that keeps ingests from racing to a
 * new variant, held until the transaction ends, and turns off JIT compilation for the
 * transaction — once the tables are big the planner's estimates for a batch pass the JIT
 * threshold, and compiling each batch's statement took longer (≈ 0.6 s) than running it (≈ 15 ms).
 */
export async function prepareIngest(tx: Transaction<DB>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${VARIANT_IDENTITY_LOCK})`.execute(tx);
  await sql`set local jit = off`.execute(tx);
}

/** An arbitrary constant (the bytes of "genvar"), apart from the audit log's lock (auditLog.ts). */
const VARIANT_IDENTITY_LOCK = 0x67656e766172;

/** A number as JSON: null for missing, NaN and ±Infinity (JSON has no such numbers). */
function json(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? 'null' : String(value);
}

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
      select ${fileId}::uuid, id, line, qual, filters::text[], calls::json, annotations::json
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

function genotypeText(alleles: readonly (number | null)[], phased: boolean): string {
  let text = '';
  for (let i = 0; i < alleles.length; i++) {
    if (i > 0) text += phased ? '|' : '/';
    const allele = alleles[i];
    text += allele === null || allele === undefined ? '.' : String(allele);
  }
  return text;
}
