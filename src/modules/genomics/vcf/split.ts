import { consequencesFor, vepAlleles } from './annotations.ts';
import { cardinalityOf } from './fieldSpecs.ts';
import { biallelicGenotypeIndex, genotypeCount, ploidyForCount } from './genotype.ts';
import type {
  AlleleAnnotations,
  Cardinality,
  Genotype,
  InfoValue,
  SampleCall,
  Scalar,
  TranscriptConsequence,
  VariantAllele,
  VcfHeader,
  VcfRecord,
} from './model.ts';

/**
 * Splits a record into one VariantAllele per ALT, keeping per-allele values right:
 * Number=A keeps the ALT's value, Number=R keeps REF's and the ALT's, Number=G keeps the
 * likelihoods of the genotypes made of REF and this ALT only, and GT is renumbered so that
 * this ALT is 1. An allele of another ALT becomes missing (`.`), not REF: a 1/2 call split
 * for ALT 2 reads ./1, because claiming the sample carries REF there would be false.
 */
export function splitAlleles(record: VcfRecord, header: VcfHeader): VariantAllele[] {
  const altCount = record.alts.length;
  const facts = factsOf(header);
  // VEP's allele strings tell whose entry is whose (see belongsTo in annotations.ts).
  const written = header.annotations.length > 0 ? vepAlleles(record.ref, record.altText) : null;
  return record.alts.map((alt, position) => {
    const index = position + 1;
    const alleleInfo = () => {
      const info = new Map<string, InfoValue>();
      for (const [key, value] of record.info) {
        if (facts.annotationKeys.has(key)) continue;
        // INFO has no ploidy of its own; G values are read as diploid, the common case.
        info.set(
          key,
          value === true ? true : forAllele(value, facts.number('INFO', key), index, altCount, 2),
        );
      }
      return info;
    };
    const altText = record.altText[position] as string;
    const annotations: AlleleAnnotations[] = [];
    for (const layout of header.annotations) {
      const entries = record.info.get(layout.infoKey);
      if (!Array.isArray(entries)) continue;
      const vepAllele = written?.[position] ?? altText;
      annotations.push({
        layout,
        entries: entries as string[],
        allele: { index, altCount, text: altText, vepAllele },
      });
    }
    // Read on demand: the ingest stores neither (it writes the entries straight to JSON).
    let info: Map<string, InfoValue> | undefined;
    let consequences: TranscriptConsequence[] | undefined;
    return {
      line: record.line,
      chrom: record.chrom,
      pos: record.pos,
      ids: record.ids,
      ref: record.ref,
      alt,
      altText,
      altIndex: index,
      altCount,
      qual: record.qual,
      filters: record.filters,
      get info() {
        info ??= alleleInfo();
        return info;
      },
      calls: record.samples.map((sample) => callFor(sample, facts, index, altCount)),
      annotations,
      get consequences() {
        consequences ??= annotations.flatMap((a) => consequencesFor(a.layout, a.entries, a.allele));
        return consequences;
      },
    };
  });
}

/** What splitting needs from a header, looked up once per key rather than once per allele. */
interface HeaderFacts {
  annotationKeys: Set<string>;
  number(kind: 'INFO' | 'FORMAT', key: string): Cardinality;
}

const factsByHeader = new WeakMap<VcfHeader, HeaderFacts>();

function factsOf(header: VcfHeader): HeaderFacts {
  let facts = factsByHeader.get(header);
  if (facts === undefined) {
    const numbers = { INFO: new Map<string, Cardinality>(), FORMAT: new Map<string, Cardinality>() };
    facts = {
      annotationKeys: new Set(header.annotations.map((layout) => layout.infoKey)),
      number(kind, key) {
        let number = numbers[kind].get(key);
        if (number === undefined) {
          number = cardinalityOf(kind, key, header);
          numbers[kind].set(key, number);
        }
        return number;
      },
    };
    factsByHeader.set(header, facts);
  }
  return facts;
}

function callFor(
  sample: VcfRecord['samples'][number],
  facts: HeaderFacts,
  index: number,
  altCount: number,
): SampleCall {
  const ploidy = ploidyOf(sample.genotype);
  const pick = (key: string, value: Scalar[]) =>
    forAllele(value, facts.number('FORMAT', key), index, altCount, ploidy);
  const depths = sample.values.get('AD');
  const alleleDepths: [number | null, number | null] | null =
    depths && depths.length === altCount + 1 ? [numberOrNull(depths[0]), numberOrNull(depths[index])] : null;
  const fractions = sample.values.get('AF');
  // Every value picked for this ALT, built when first asked for: the ingest reads only the fields above.
  let values: Map<string, Scalar[]> | undefined;
  return {
    sample: sample.sample,
    genotype: sample.genotype && genotypeFor(sample.genotype, index),
    get values() {
      values ??= new Map([...sample.values].map(([key, value]) => [key, pick(key, value)]));
      return values;
    },
    depth: numberOrNull(sample.values.get('DP')?.[0]),
    alleleDepths,
    alleleFraction:
      (fractions && numberOrNull(pick('AF', fractions)[0])) ?? fractionFromDepths(depths, index),
  };
}

/** Diploid without GT (the spec's default); open (null) for a lone `.`, where G values give the ploidy. */
export function ploidyOf(genotype: Genotype | null | undefined): number | null {
  if (genotype === null || genotype === undefined) return 2;
  return genotype.alleles.length === 1 && genotype.alleles[0] === null ? null : genotype.alleles.length;
}

/** A field's values for ALT `index` by its Number (the whole list when it cannot tell). */
export function forAllele(
  values: Scalar[],
  number: Cardinality,
  index: number,
  altCount: number,
  ploidy: number | null,
): Scalar[] {
  // With one ALT every per-allele pick is the whole list.
  if (altCount === 1 || (values.length === 1 && values[0] === null)) return values;
  switch (number) {
    case 'A':
      return values.length === altCount ? [values[index - 1] ?? null] : values;
    case 'R':
      return values.length === altCount + 1 ? [values[0] ?? null, values[index] ?? null] : values;
    case 'G': {
      const p = ploidy ?? ploidyForCount(altCount + 1, values.length);
      return p !== null && values.length === genotypeCount(altCount + 1, p)
        ? biallelicGenotypes(values, index, p)
        : values;
    }
    default:
      return values;
  }
}

/** The G values of the genotypes holding only REF and ALT `index`: 0…0, 0…0k, …, k…k. */
function biallelicGenotypes(values: Scalar[], index: number, ploidy: number): Scalar[] {
  const picked: Scalar[] = [];
  for (let copies = 0; copies <= ploidy; copies++) {
    picked.push(values[biallelicGenotypeIndex(index, ploidy, copies)] ?? null);
  }
  return picked;
}

/** GT renumbered for ALT `index`: REF stays 0, the ALT becomes 1, another ALT missing. */
export function genotypeFor(genotype: Genotype, index: number): Genotype {
  return {
    alleles: genotype.alleles.map((allele) => (allele === 0 ? 0 : allele === index ? 1 : null)),
    phased: genotype.phased,
  };
}

function numberOrNull(value: Scalar | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** VAF when the caller wrote none: ALT `index`'s reads over all reads counted in AD. */
export function fractionFromDepths(depths: Scalar[] | undefined, index: number): number | null {
  if (!depths) return null;
  const reads = numberOrNull(depths[index]);
  let total = 0;
  for (const depth of depths) total += numberOrNull(depth) ?? 0;
  return reads === null || total === 0 ? null : reads / total;
}
