import { isBases } from '../vcf/alleles.ts';
import { type AnnotatedAllele, vepAlleles } from '../vcf/annotations.ts';
import { type FieldSpec, formatSpecs } from '../vcf/fieldSpecs.ts';
import { parseGenotype } from '../vcf/genotype.ts';
import type { LineLane } from '../vcf/lineLane.ts';
import type { AnnotationLayout, Cardinality, Genotype, Scalar, VcfHeader } from '../vcf/model.ts';
import { parseValues } from '../vcf/record.ts';
import type { FixedColumns } from '../vcf/recordCheck.ts';
import { parseFloatText } from '../vcf/scalars.ts';
import { forAllele, fractionFromDepths, genotypeFor, ploidyOf } from '../vcf/split.ts';
import type { PlacedValue } from '../vcf/transcriptsWasm.ts';
import type { StoredAllele, StoredAnnotation, StoredCall } from './storedAllele.ts';

/**
 * The ingest's short way through the common record — one ALT that is a base sequence — from a
 * line RecordChecker has accepted straight to what the writer stores. The general way (parse the
 * whole record, split it per ALT, keep every INFO and FORMAT value for later) builds maps and
 * objects the ingest never reads, and at a genome's millions of records that garbage cost more
 * than the reading. Both ways give the same stored allele (singleAlt.test.ts compares them).
 * A record of several ALTs, all base sequences, takes it too (readSeveral), one allele per ALT.
 */
export class SingleAltRecords {
  private readonly plans = new Map<string, FormatPlan>();
  /** The FORMAT of the line before and its plan: a file's lines nearly all share one FORMAT. */
  private lastFormat = '';
  private lastPlan: FormatPlan | null = null;
  private readonly filterLists = new Map<string, readonly string[]>();

  constructor(private readonly header: VcfHeader) {}

  /** Null unless the line has exactly one ALT and it is a base sequence. */
  read(columns: readonly string[], line: number): SingleAlt | null {
    const [chrom, pos, , ref, alt, qual, filter, info] = columns as FixedColumns;
    if (alt.indexOf(',') >= 0 || alt === '.' || !isBases(alt)) return null;
    const annotations: StoredAnnotation[] = [];
    const allele: StoredAllele = {
      line,
      qual: qual === '.' ? null : parseFloatText(qual),
      filters: this.filtersOf(filter),
      calls: columns.length > 8 ? this.callsOf(columns) : [],
      annotations,
    };
    if (info !== '.') {
      const annotated = onlyAlt(ref, alt);
      for (const layout of this.header.annotations) {
        const value = infoValue(info, layout.infoKey);
        if (value !== null) annotations.push({ layout, value, allele: annotated });
      }
    }
    return { allele, chrom, pos: Number(pos), ref, alt };
  }

  /**
   * Each ALT's allele of a line RecordChecker has accepted with several ALTs, all of them base
   * sequences; null otherwise. What splitAlleles gives for each ALT (singleAlt.test.ts compares
   * them): GT renumbered so the ALT is 1 and another ALT missing, AD as REF's and the ALT's
   * reads, AF picked by its Number. The annotation values are kept whole with the ALT's index:
   * the transcripts writer picks the ALT's entries, so they are neither split nor joined again.
   * A genome has tens of thousands of such lines, and parsing every INFO and FORMAT value of each
   * into maps, then splitting them per ALT, cost the reader about a tenth of its time.
   */
  readSeveral(columns: readonly string[], line: number): SingleAlt[] | null {
    const [chrom, pos, , ref, altColumn, qual, filter, info] = columns as FixedColumns;
    const alts = altColumn.split(',');
    const altCount = alts.length;
    for (let i = 0; i < altCount; i++) if (!isBases(alts[i] as string)) return null;
    const layouts = this.header.annotations;
    const values = info === '.' ? null : layouts.map((layout) => infoValue(info, layout.infoKey));
    const written = layouts.length > 0 ? vepAlleles(ref, alts) : null;
    const samples = columns.length > 8 ? this.samplesOf(columns) : null;
    const position = Number(pos);
    const quality = qual === '.' ? null : parseFloatText(qual);
    const filters = this.filtersOf(filter);
    const result: SingleAlt[] = new Array(altCount);
    for (let i = 0; i < altCount; i++) {
      const alt = alts[i] as string;
      const index = i + 1;
      const annotations: StoredAnnotation[] = [];
      if (values) {
        const annotated = { index, altCount, text: alt, vepAllele: written?.[i] ?? alt };
        for (let a = 0; a < layouts.length; a++) {
          const value = values[a];
          if (value !== null && value !== undefined)
            annotations.push({ layout: layouts[a] as AnnotationLayout, value, allele: annotated });
        }
      }
      const calls: StoredCall[] = [];
      if (samples) for (const sample of samples) calls.push(callOfAllele(sample, index, altCount));
      result[i] = {
        allele: { line, qual: quality, filters, calls, annotations },
        chrom,
        pos: position,
        ref,
        alt,
      };
    }
    return result;
  }

  /** Each sample's values the ingest stores, read once for all the record's ALTs. */
  private samplesOf(columns: readonly string[]): SampleReading[] {
    const plan = this.planOf(columns[8] as string);
    const samples: SampleReading[] = [];
    for (let i = 9; i < columns.length; i++) {
      const fields = (columns[i] as string).split(':');
      const gt = plan.gt >= 0 ? fields[plan.gt] : undefined;
      samples.push({
        name: this.header.samples[i - 9] as string,
        genotype: gt === undefined ? null : parseGenotype(gt),
        depth: numberOrNull(valuesAt(plan.dp, fields)?.[0]),
        depths: valuesAt(plan.ad, fields),
        fractions: valuesAt(plan.af, fields),
        fractionNumber: plan.af?.spec.number ?? '.',
      });
    }
    return samples;
  }

  /**
   * The same allele from a line the line lane accepted (lineLane.ts): its columns by the lane's
   * offsets, INFO not read at all. Its annotation values are appended to `placed` where they lie
   * in the kernel's memory, for TranscriptsWasm to write in place; the allele's own `annotations`
   * stay empty.
   */
  readLane(line: string, lineNumber: number, lane: LineLane, placed: PlacedValue[]): SingleAlt {
    const ref = lane.column(line, 3);
    const alt = lane.column(line, 4);
    const qual = lane.column(line, 5);
    const filterKind = lane.filterKind;
    let calls: StoredCall[] = [];
    const samples = this.header.samples.length;
    if (samples > 0) {
      const format = lane.column(line, 8);
      calls = new Array(samples);
      for (let i = 0; i < samples; i++) calls[i] = this.callFor(format, lane.column(line, 9 + i), i);
    }
    const allele: StoredAllele = {
      line: lineNumber,
      qual: qual === '.' ? null : parseFloatText(qual),
      filters: this.filtersOf(filterKind === 0 ? '.' : filterKind === 1 ? 'PASS' : lane.column(line, 6)),
      calls,
      annotations: NO_ANNOTATIONS,
    };
    const layouts = this.header.annotations;
    if (layouts.length > 0) {
      const annotated = onlyAlt(ref, alt);
      for (let a = 0; a < layouts.length; a++) {
        const value = lane.annotation(a);
        if (value === null) continue;
        const layout = layouts[a] as AnnotationLayout;
        placed.push({ layout, at: value[0], length: value[1], allele: annotated });
      }
    }
    return { allele, chrom: lane.chrom, pos: lane.pos, ref, alt };
  }

  private filtersOf(filter: string): readonly string[] {
    let filters = this.filterLists.get(filter);
    if (filters === undefined) {
      filters = filter === '.' ? [] : filter.split(';');
      // A file has a handful of FILTER combinations; a pathological one must not grow without end.
      if (this.filterLists.size < 1000) this.filterLists.set(filter, filters);
    }
    return filters;
  }

  private callsOf(columns: readonly string[]): StoredCall[] {
    const format = columns[8] as string;
    const calls: StoredCall[] = [];
    for (let i = 9; i < columns.length; i++) calls.push(this.callFor(format, columns[i] as string, i - 9));
    return calls;
  }

  /** The call of sample `index`, whose column is `sample`. */
  private callFor(format: string, sample: string, index: number): StoredCall {
    return callOf(this.planOf(format), sample.split(':'), this.header.samples[index] as string);
  }

  private planOf(format: string): FormatPlan {
    let plan = format === this.lastFormat ? this.lastPlan : null;
    if (plan === null) {
      plan = this.plans.get(format) ?? null;
      if (plan === null) {
        plan = formatPlan(formatSpecs(format, this.header));
        this.plans.set(format, plan);
      }
      this.lastFormat = format;
      this.lastPlan = plan;
    }
    return plan;
  }
}

const NO_ANNOTATIONS: readonly StoredAnnotation[] = [];

/** A one-ALT record's ALT as its annotation entries name it. */
function onlyAlt(ref: string, alt: string): AnnotatedAllele {
  // A substitution is its own VEP allele; an indel may lose its padding base (vepAlleles).
  const vepAllele = ref.length === alt.length ? alt : (vepAlleles(ref, [alt])[0] as string);
  return { index: 1, altCount: 1, text: alt, vepAllele };
}

export type SingleAlt = { allele: StoredAllele; chrom: string; pos: number; ref: string; alt: string };

/** Where the FORMAT fields the ingest stores sit in a FORMAT column, and their specs. */
type FormatPlan = { gt: number; dp: FieldAt | null; ad: FieldAt | null; af: FieldAt | null };
type FieldAt = { index: number; spec: FieldSpec };

function formatPlan(specs: FieldSpec[]): FormatPlan {
  const at = (key: string): FieldAt | null => {
    const index = specs.findIndex((spec) => spec.key === key);
    return index < 0 ? null : { index, spec: specs[index] as FieldSpec };
  };
  return { gt: specs.findIndex((spec) => spec.key === 'GT'), dp: at('DP'), ad: at('AD'), af: at('AF') };
}

/** One sample's call for the record's only ALT (what splitAlleles' callFor gives when there is one ALT). */
function callOf(plan: FormatPlan, fields: readonly string[], sample: string): StoredCall {
  const gt = plan.gt >= 0 ? fields[plan.gt] : undefined;
  const genotype = gt === undefined ? null : parseGenotype(gt);
  if (genotype) {
    const alleles = genotype.alleles as (number | null)[];
    for (let i = 0; i < alleles.length; i++) if (alleles[i] !== 0 && alleles[i] !== 1) alleles[i] = null;
  }
  const depths = valuesAt(plan.ad, fields);
  const fractions = valuesAt(plan.af, fields);
  return {
    sample,
    genotype,
    depth: numberOrNull(valuesAt(plan.dp, fields)?.[0]),
    alleleDepths: depths && depths.length === 2 ? [numberOrNull(depths[0]), numberOrNull(depths[1])] : null,
    alleleFraction: (fractions && numberOrNull(fractions[0])) ?? fractionFromDepths(depths, 1),
  };
}

/** A sample's GT as written, DP, AD and AF (with AF's Number) in a record of several ALTs. */
type SampleReading = {
  name: string;
  genotype: Genotype | null;
  depth: number | null;
  depths: Scalar[] | undefined;
  fractions: Scalar[] | undefined;
  fractionNumber: Cardinality;
};

/**
 * A sample's call for ALT `index` of `altCount` (what splitAlleles' callFor gives): the ploidy
 * for a Number=G AF comes from GT as written, diploid without one.
 */
function callOfAllele(sample: SampleReading, index: number, altCount: number): StoredCall {
  const { genotype, depths, fractions } = sample;
  const picked =
    fractions && forAllele(fractions, sample.fractionNumber, index, altCount, ploidyOf(genotype));
  return {
    sample: sample.name,
    genotype: genotype && genotypeFor(genotype, index),
    depth: sample.depth,
    alleleDepths:
      depths && depths.length === altCount + 1
        ? [numberOrNull(depths[0]), numberOrNull(depths[index])]
        : null,
    alleleFraction: (picked && numberOrNull(picked[0])) ?? fractionFromDepths(depths, index),
  };
}

function valuesAt(field: FieldAt | null, fields: readonly string[]) {
  if (field === null) return undefined;
  const text = fields[field.index];
  return text === undefined ? undefined : parseValues(field.spec, text);
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * The value of INFO key `key` (the last, as a Map built from the entries keeps it), or null when
 * the key is absent or has no value.
 */
export function infoValue(info: string, key: string): string | null {
  let found: string | null = null;
  for (let start = 0; start <= info.length; ) {
    let end = info.indexOf(';', start);
    if (end < 0) end = info.length;
    if (
      end - start > key.length &&
      info.charCodeAt(start + key.length) === 61 && // '='
      info.startsWith(key, start)
    ) {
      found = info.slice(start + key.length + 1, end);
    } else if (end - start === key.length && info.startsWith(key, start)) {
      found = null;
    }
    start = end + 1;
  }
  return found;
}
