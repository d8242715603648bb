import { sql, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { VariantAllele } from '../vcf/model.ts';
import type { AlleleIdentity } from './identity.ts';
import type { SampleQc } from './qc.ts';

/** Variants per statement: big enough that a statement's overhead is small, small enough to stay lean. */
const BATCH_VARIANTS = 500;

/**
 * The write path of an ingest: a batch of identified alleles becomes variants (unique by
 * identity), observations per sample and per-transcript annotations, inside the caller's
 * transaction. Per-sample QC is gathered on the way.
 *
 * A batch is ONE statement on either engine: its rows travel as one array per column and
 * `unnest` turns them back into rows — PostgreSQL reads a few long arrays much faster than
 * thousands of VALUES tuples — and the variant insert's RETURNING feeds the observation and
 * annotation inserts in the same statement, so no ids come back to us.
 */
export class AlleleWriter {
  /** Rows gathered from the reader's small batches, sent once there are BATCH_VARIANTS of them. */
  private rows = emptyRows();
  /** 1-based position of each identity key in `rows.variants`: how observations and annotations name their variant. */
  private numbers = new Map<string, number>();
  /** The statement of the batch before, still running on the server. */
  private pending: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly tx: Transaction<DB>,
    private readonly fileId: string,
    private readonly assembly: string | null,
    private readonly sampleIds: Map<string, string>,
    private readonly qc: Map<string, SampleQc>,
  ) {}

  /**
   * Takes the reader's next alleles. Every BATCH_VARIANTS variants it sends a statement and
   * returns once the statement before it is done: with PostgreSQL the server stores one batch
   * while we parse the next. Call finish() after the last alleles.
   */
  async write(identities: Map<VariantAllele, AlleleIdentity>) {
    const { observations, annotations } = this.rows;
    const before = { observations: observations.variant.length, annotations: annotations.variant.length };
    this.add(identities);
    const written = {
      observations: observations.variant.length - before.observations,
      annotations: annotations.variant.length - before.annotations,
    };
    if (this.rows.variants.key.length >= BATCH_VARIANTS) await this.send();
    return written;
  }

  /** Sends what is left and waits until every batch is stored; throws if one could not be. */
  async finish(): Promise<void> {
    await this.send();
    await this.pending;
  }

  private async send(): Promise<void> {
    const rows = this.rows;
    this.rows = emptyRows();
    this.numbers.clear();
    await this.pending;
    if (rows.variants.key.length === 0) return;
    this.pending = insertBatch(rows, this.fileId, this.assembly).execute(this.tx);
    // Awaited by the next send; until then a failure must not count as unhandled.
    this.pending.catch(() => {});
  }

  private add(identities: Map<VariantAllele, AlleleIdentity>): void {
    const { variants, observations: o, annotations: a } = this.rows;
    let lastFilters: string[] | null = null;
    let filtersLiteral = '{}';
    for (const [allele, identity] of identities) {
      let number = this.numbers.get(identity.key);
      if (number === undefined) {
        variants.key.push(identity.key);
        variants.vrsId.push(identity.vrsId);
        variants.chrom.push(identity.chrom);
        variants.start.push(identity.start);
        variants.ref.push(identity.ref);
        variants.alt.push(identity.alt);
        variants.kind.push(identity.kind);
        variants.fullyNormalised.push(identity.fullyNormalised);
        number = variants.key.length;
        this.numbers.set(identity.key, number);
      }
      // The alleles of one record share their filter list.
      if (allele.filters !== lastFilters) {
        lastFilters = allele.filters;
        filtersLiteral = textArray(allele.filters);
      }
      for (const call of allele.calls) {
        const sampleId = this.sampleIds.get(call.sample);
        if (!sampleId) continue;
        const genotype = call.genotype;
        o.variant.push(number);
        o.sample.push(sampleId);
        o.line.push(allele.line);
        o.genotype.push(genotype ? genotypeText(genotype.alleles, genotype.phased) : null);
        o.depth.push(call.depth);
        o.refDepth.push(call.alleleDepths?.[0] ?? null);
        o.altDepth.push(call.alleleDepths?.[1] ?? null);
        o.vaf.push(call.alleleFraction);
        o.filters.push(filtersLiteral);
        o.qual.push(allele.qual);
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
      for (const c of allele.consequences) {
        if (!c.transcriptId) continue;
        a.variant.push(number);
        a.source.push(c.source);
        a.transcript.push(c.transcriptId);
        a.geneSymbol.push(c.geneSymbol);
        a.geneId.push(c.geneId);
        a.hgvsc.push(c.hgvsc);
        a.hgvsp.push(c.hgvsp);
        a.consequences.push(textArray(c.consequences));
        a.impact.push(c.impact);
        a.maneSelect.push(c.maneSelect);
        a.canonical.push(c.canonical);
        a.existingVariation.push(textArray(c.existingVariation));
        a.populationFrequencies.push(JSON.stringify(c.populationFrequencies));
      }
    }
  }
}

type BatchRows = ReturnType<typeof emptyRows>;

function emptyRows() {
  return {
    variants: {
      key: [] as string[],
      vrsId: [] as (string | null)[],
      chrom: [] as string[],
      start: [] as number[],
      ref: [] as string[],
      alt: [] as string[],
      kind: [] as string[],
      fullyNormalised: [] as boolean[],
    },
    observations: {
      variant: [] as number[],
      sample: [] as string[],
      line: [] as number[],
      genotype: [] as (string | null)[],
      depth: [] as (number | null)[],
      refDepth: [] as (number | null)[],
      altDepth: [] as (number | null)[],
      vaf: [] as (number | null)[],
      filters: [] as string[],
      qual: [] as (number | null)[],
    },
    annotations: {
      variant: [] as number[],
      source: [] as string[],
      transcript: [] as string[],
      geneSymbol: [] as (string | null)[],
      geneId: [] as (string | null)[],
      hgvsc: [] as (string | null)[],
      hgvsp: [] as (string | null)[],
      consequences: [] as string[],
      impact: [] as (string | null)[],
      maneSelect: [] as (string | null)[],
      canonical: [] as boolean[],
      existingVariation: [] as string[],
      populationFrequencies: [] as string[],
    },
  };
}

/**
 * Variants first (an existing variant gains its VRS id when this file brings one), then each
 * observation and annotation with its variant's id: `ids[n]` is the id of the batch's n-th
 * variant. Rows are stored in file order. Observations and annotations already stored are left
 * as they are.
 */
function insertBatch(
  { variants: v, observations: o, annotations: a }: BatchRows,
  fileId: string,
  assembly: string | null,
) {
  return sql`
    with input as (
      select * from unnest(
        ${as.text(v.key)}, ${as.text(v.vrsId)}, ${as.text(v.chrom)}, ${as.int8(v.start)},
        ${as.text(v.ref)}, ${as.text(v.alt)}, ${as.text(v.kind)}, ${as.bool(v.fullyNormalised)}
      ) with ordinality as input(identity_key, vrs_id, chrom, start_pos, ref, alt, kind, fully_normalised, n)
    ),
    stored as (
      insert into variant (identity_key, vrs_id, assembly, chrom, start_pos, ref, alt, kind, fully_normalised)
      select identity_key, vrs_id, ${assembly}::text, chrom, start_pos, ref, alt, kind, fully_normalised
      from input
      on conflict (identity_key) do update set vrs_id = coalesce(variant.vrs_id, excluded.vrs_id)
      returning id, identity_key
    ),
    ids as (
      select array_agg(stored.id order by input.n) as id from stored join input using (identity_key)
    ),
    observed as (
      insert into observation (sample_id, variant_id, line, genotype, depth, ref_depth, alt_depth, vaf, filters, qual)
      select o.sample_id, (select id from ids)[o.n], o.line, o.genotype, o.depth, o.ref_depth, o.alt_depth, o.vaf,
        o.filters::text[], o.qual
      from unnest(
        ${as.int4(o.variant)}, ${as.uuid(o.sample)}, ${as.int4(o.line)}, ${as.text(o.genotype)},
        ${as.int4(o.depth)}, ${as.int4(o.refDepth)}, ${as.int4(o.altDepth)}, ${as.float4(o.vaf)},
        ${as.text(o.filters)}, ${as.float4(o.qual)}
      ) as o(n, sample_id, line, genotype, depth, ref_depth, alt_depth, vaf, filters, qual)
      on conflict (sample_id, variant_id) do nothing
    )
    insert into variant_annotation (
      file_id, variant_id, source, transcript, gene_symbol, gene_id, hgvsc, hgvsp, consequences, impact,
      mane_select, canonical, existing_variation, population_frequencies
    )
    select ${fileId}::uuid, (select id from ids)[a.n], a.source, a.transcript, a.gene_symbol, a.gene_id, a.hgvsc,
      a.hgvsp, a.consequences::text[], a.impact, a.mane_select, a.canonical, a.existing_variation::text[],
      a.population_frequencies::jsonb
    from unnest(
      ${as.int4(a.variant)}, ${as.text(a.source)}, ${as.text(a.transcript)}, ${as.text(a.geneSymbol)},
      ${as.text(a.geneId)}, ${as.text(a.hgvsc)}, ${as.text(a.hgvsp)}, ${as.text(a.consequences)},
      ${as.text(a.impact)}, ${as.text(a.maneSelect)}, ${as.bool(a.canonical)}, ${as.text(a.existingVariation)},
      ${as.text(a.populationFrequencies)}
    ) as a(n, source, transcript, gene_symbol, gene_id, hgvsc, hgvsp, consequences, impact, mane_select,
      canonical, existing_variation, population_frequencies)
    on conflict do nothing
  `;
}

/** A column of the batch as a typed array parameter: `${as.int4(depths)}` is `$n::int4[]`. */
const as = {
  text: (items: readonly (string | null)[]) => sql`${textArray(items)}::text[]`,
  uuid: (items: readonly string[]) => sql`${textArray(items)}::uuid[]`,
  int4: (items: readonly (number | null)[]) => sql`${numberArray(items)}::int4[]`,
  int8: (items: readonly number[]) => sql`${numberArray(items)}::int8[]`,
  float4: (items: readonly (number | null)[]) => sql`${numberArray(items)}::float4[]`,
  bool: (items: readonly boolean[]) => sql`${booleanArray(items)}::bool[]`,
};

// A batch travels as PostgreSQL array literals that we write ourselves: node-postgres would run
// two regular expressions over every element, and a batch has tens of thousands of them.

/** A text[] literal: each item quoted (so commas, braces and the word NULL stay text), null as NULL. */
export function textArray(items: readonly (string | null)[]): string {
  let literal = '{';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) literal += ',';
    const item = items[i];
    if (item === null || item === undefined) literal += 'NULL';
    else if (item.includes('"') || item.includes('\\')) literal += `"${item.replace(/["\\]/g, '\\$&')}"`;
    else literal += `"${item}"`;
  }
  return `${literal}}`;
}

/** A numeric array literal; NaN and ±Infinity are written as PostgreSQL reads them. */
export function numberArray(items: readonly (number | null)[]): string {
  let literal = '{';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) literal += ',';
    const item = items[i];
    literal += item === null || item === undefined ? 'NULL' : String(item);
  }
  return `${literal}}`;
}

export function booleanArray(items: readonly boolean[]): string {
  let literal = '{';
  for (let i = 0; i < items.length; i++) literal += i > 0 ? (items[i] ? ',t' : ',f') : items[i] ? 't' : 'f';
  return `${literal}}`;
}

function genotypeText(alleles: readonly (number | null)[], phased: boolean): string {
  let text = '';
  for (let i = 0; i < alleles.length; i++) {
    if (i > 0) text += phased ? '|' : '/';
    const allele = alleles[i];
    text += allele === null || allele === undefined ? '.' : String(allele);
  }
  return text;
}
