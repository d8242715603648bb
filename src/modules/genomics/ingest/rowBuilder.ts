import { type BatchRows, emptyRows, textArray } from './batchRows.ts';
import type { AlleleIdentity } from './identity.ts';
import { SampleQc, type SampleQcSummary } from './qc.ts';
import type { StoredAllele } from './storedAllele.ts';

/** An allele to store, the variant it is, and its transcripts as JSON (written as the line is read). */
export type IdentifiedAllele = {
  allele: StoredAllele;
  identity: AlleleIdentity;
  /**
   * The transcripts as the JSON `variant_record.annotations` holds (text, or its UTF-8 bytes when
   * the rows go to COPY), and how many.
   */
  annotations: string | Uint8Array;
  transcripts: number;
};

/**
 * Records per batch. By statement (PGlite), 1,000: big enough that a statement's overhead is small
 * (250 was 8 % slower). By COPY (a server), 5,000: the server pays for each COPY statement in
 * proportion to its rows up to 1,000 — COPY sets up a tuple slot for each row it buffers (up to
 * 1,000) and drops them all at the statement's end — and once per statement for the records'
 * parent-check trigger. With 1,000-row batches the slots came to one made and dropped per row, 12 %
 * of the server's CPU, and the trigger (its set-up per statement and its probe per row) to 11 %
 * (`perf` over a million-record ingest). In four alternating pairs of that ingest 5,000 took
 * 1.5–4.6 s less of the server's CPU than 1,000 and no more wall time (24.7–27.8 s against
 * 26.2–31.1 s); 10,000 and 20,000 gained nothing more, and 20,000 took 55 MB more memory.
 * A server holds a batch's records for that trigger in the memory prepareIngest gives it (its
 * 64 MB over 5,000 records is about 13 KB each): a larger batch wants more, or it spills to disk.
 */
export const BATCH_RECORDS = { statement: 1000, copy: 5000 } as const;

/**
 * A row as RowBuilder hands it to its sink: the variant, the record's line, QUAL and FILTER list
 * (as a text[] literal), its calls' JSON, and its transcripts' JSON as text or as UTF-8 bytes (the
 * reader keeps bytes when the rows go to COPY), with how many transcripts that holds. One object
 * is reused for every row: a sink reads it at once and keeps nothing of it but its values.
 */
export type SinkRow = {
  identity: AlleleIdentity;
  line: number;
  qual: number | null;
  filters: string;
  calls: string;
  annotations: string | Uint8Array;
  transcripts: number;
};

/**
 * Where RowBuilder puts the rows of a batch: the columns of a statement (StatementRows, PGlite) or
 * the bytes of COPY (CopyRowSink, a PostgreSQL server).
 */
export interface RowSink<Rows> {
  /** Rows added since the last take(). */
  readonly size: number;
  add(row: SinkRow): void;
  /** An allele merged into row `row` of this batch (the same variant). */
  merge(line: number, key: string, row: number): void;
  /** The rows added so far, as one batch; the sink starts the next. */
  take(): Rows;
}

/** The columns of insertBatch's statement (writeAlleles.ts). */
export class StatementRows implements RowSink<BatchRows> {
  private rows = emptyRows();

  get size(): number {
    return this.rows.key.length;
  }

  add({ identity, line, qual, filters, calls, annotations, transcripts }: SinkRow): void {
    const rows = this.rows;
    rows.key.push(identity.key);
    rows.vrsId.push(identity.vrsId);
    rows.chrom.push(identity.chrom);
    rows.start.push(identity.start);
    rows.ref.push(identity.ref);
    rows.alt.push(identity.alt);
    rows.kind.push(identity.kind);
    rows.fullyNormalised.push(identity.fullyNormalised);
    rows.line.push(line);
    rows.qual.push(qual);
    rows.filters.push(filters);
    rows.calls.push(calls);
    rows.annotations.push(typeof annotations === 'string' ? annotations : utf8.decode(annotations));
    rows.transcripts.push(transcripts);
  }

  merge(line: number, key: string): void {
    this.rows.mergedLine.push(line);
    this.rows.mergedKey.push(key);
  }

  take(): BatchRows {
    const rows = this.rows;
    this.rows = emptyRows();
    return rows;
  }
}

const utf8 = new TextDecoder();

/**
 * Turns identified alleles into the rows of a batch — one `variant_record` per variant, the calls
 * and the transcripts as the JSON texts migration 0008 stores (the transcripts' JSON is written
 * by the reader, which checks the annotation entries as it writes them; see readRows) — and
 * gathers each sample's QC on the way. Pure, so that it can run beside the database work in a
 * worker thread (parseWorker.ts). The rows go to `sink`, in the form the writer sends them.
 *
 * An allele that is the same variant as an earlier row of the batch is merged: the earlier row
 * stands and the later line is kept as merged (the writer stores it in merged_allele; an
 * earlier batch's row is the writer's to find).
 */
export class RowBuilder<Rows = BatchRows> {
  /** Identity keys of the batch's rows, and their row: a second allele with the same identity in one batch is the same variant. */
  private readonly inBatch = new Map<string, number>();
  /** Sample name → its place in a record's calls (the order insertSamples gave them). */
  private readonly positions: Map<string, number>;
  /** Each sample's QC, by its position. */
  private readonly qc: SampleQc[];
  private readonly singleFilters = new Map<string, string>();
  private readonly row: SinkRow = {
    identity: undefined as unknown as AlleleIdentity,
    line: 0,
    qual: null,
    filters: '{}',
    calls: '[]',
    annotations: '[]',
    transcripts: 0,
  };

  /** `samples`: the file's sample names in position order. */
  constructor(
    samples: readonly string[],
    private readonly sink: RowSink<Rows>,
  ) {
    this.positions = new Map(samples.map((name, position) => [name, position]));
    this.qc = samples.map(() => new SampleQc());
  }

  /** Rows gathered since the last take(). */
  get size(): number {
    return this.sink.size;
  }

  /** The rows gathered so far, as one batch; the builder starts the next. */
  take(): Rows {
    this.inBatch.clear();
    return this.sink.take();
  }

  /** Each sample's QC over every allele added so far. */
  qcSummaries(): Record<string, SampleQcSummary> {
    return Object.fromEntries(
      [...this.positions].map(([name, position]) => [name, (this.qc[position] as SampleQc).summary()]),
    );
  }

  add(identities: readonly IdentifiedAllele[]): void {
    const sink = this.sink;
    let lastFilters: readonly string[] | null = null;
    let filtersLiteral = '{}';
    for (const { allele, identity, annotations, transcripts } of identities) {
      // QC counts every call the file makes, a merged allele's too.
      const calls = this.callsOf(allele, identity);
      const earlier = this.inBatch.get(identity.key);
      if (earlier !== undefined) {
        sink.merge(allele.line, identity.key, earlier);
        continue;
      }
      this.inBatch.set(identity.key, sink.size);
      // The alleles of one record share their filter list.
      if (allele.filters !== lastFilters) {
        lastFilters = allele.filters;
        filtersLiteral = this.filtersLiteral(allele.filters);
      }
      const row = this.row;
      row.identity = identity;
      row.line = allele.line;
      row.qual = allele.qual;
      row.filters = filtersLiteral;
      row.calls = calls;
      row.annotations = annotations;
      row.transcripts = transcripts;
      sink.add(row);
    }
  }

  /** The record's calls as JSON, one [genotype, depth, ref_depth, alt_depth, vaf] per sample position. */
  private callsOf(allele: StoredAllele, identity: AlleleIdentity): string {
    const count = this.positions.size;
    // One sample (most files) needs no list of texts to join.
    let only = 'null';
    const calls: string[] | null = count === 1 ? null : new Array(count).fill('null');
    for (const call of allele.calls) {
      const position = this.positions.get(call.sample);
      if (position === undefined) continue;
      const genotype = call.genotype;
      const depths = call.alleleDepths;
      const text =
        (genotype ? `["${genotypeText(genotype.alleles, genotype.phased)}",` : '[null,') +
        `${json(call.depth)},${json(depths ? depths[0] : null)},${json(depths ? depths[1] : null)},${json(call.alleleFraction)}]`;
      if (calls === null) only = text;
      else calls[position] = text;
      const qc = this.qc[position] as SampleQc;
      if (genotype === null || carriesAlt(genotype.alleles)) {
        qc.add(allele.filters, identity.ref, identity.alt, identity.kind);
      }
      qc.addDepth(call.depth);
    }
    return calls === null ? `[${only}]` : `[${calls.join(',')}]`;
  }

  /** A record's FILTER list as a text[] literal; a list of one item (most records) is written once per item. */
  private filtersLiteral(filters: readonly string[]): string {
    if (filters.length !== 1) return textArray(filters);
    const item = filters[0] as string;
    let literal = this.singleFilters.get(item);
    if (literal === undefined) {
      literal = textArray(filters);
      // A file has a handful of filters; a pathological one must not grow without end.
      if (this.singleFilters.size < 1000) this.singleFilters.set(item, literal);
    }
    return literal;
  }
}

/** Whether a genotype carries an ALT (an allele index above 0). */
function carriesAlt(alleles: readonly (number | null)[]): boolean {
  for (let i = 0; i < alleles.length; i++) {
    const allele = alleles[i];
    if (allele !== null && allele !== undefined && allele > 0) return true;
  }
  return false;
}

/** A number as JSON: null for missing, NaN and ±Infinity (JSON has no such numbers). */
function json(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? 'null' : String(value);
}

function genotypeText(alleles: readonly (number | null)[], phased: boolean): string {
  // A diploid call of allele indexes below ten (nearly every call) from a table: no string built.
  if (alleles.length === 2) {
    const [first, second] = alleles as [number | null, number | null];
    if (isSmallIndex(first) && isSmallIndex(second))
      return DIPLOID[(first * 10 + second) * 2 + (phased ? 1 : 0)] as string;
  }
  let text = '';
  for (let i = 0; i < alleles.length; i++) {
    if (i > 0) text += phased ? '|' : '/';
    const allele = alleles[i];
    text += allele === null || allele === undefined ? '.' : String(allele);
  }
  return text;
}

function isSmallIndex(allele: number | null): allele is number {
  return allele !== null && allele >= 0 && allele < 10 && Number.isInteger(allele);
}

/** `a/b` and `a|b` for allele indexes a and b below ten, at (a * 10 + b) * 2 (+ 1 when phased). */
const DIPLOID = Array.from({ length: 200 }, (_, i) => {
  const pair = i >> 1;
  return `${Math.floor(pair / 10)}${i & 1 ? '|' : '/'}${pair % 10}`;
});
