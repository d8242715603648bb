import type { Cardinality, ValueType, VcfVersion } from './model.ts';

/**
 * A key the spec reserves. A header that declares it must agree with the spec; a file that uses it
 * without declaring it is read with this definition.
 */
export interface ReservedField {
  /** null where the spec fixes no Number (4.2's GLE, a list of heterogeneous-ploidy likelihoods). */
  number: Cardinality | null;
  /** The first is the spec's type; others are tolerated declarations (see MQ). */
  types: readonly ValueType[];
  /** Counts, depths, frequencies and positions cannot be negative. */
  nonNegative?: true;
  /** The value must be a SAM CIGAR string. */
  cigar?: true;
}

const flag: ReservedField = { number: 0, types: ['Flag'] };
const count: ReservedField = { number: 1, types: ['Integer'], nonNegative: true };
const perAlleleDepth: ReservedField = { number: 'R', types: ['Integer'], nonNegative: true };

/**
 * The reserved INFO keys of VCF 4.3 Table 1. SB (4 Integer) is left out: the hts-specs corpus
 * accepts SB=0.150 undeclared, so it treats SB as free. INFO MQ also accepts Integer because
 * bcftools and Strelka2 declare it so, and every Integer is a valid Float.
 */
const INFO_42: Record<string, ReservedField> = {
  AA: { number: 1, types: ['String'] },
  AC: { number: 'A', types: ['Integer'], nonNegative: true },
  AF: { number: 'A', types: ['Float'], nonNegative: true },
  AN: count,
  BQ: { number: 1, types: ['Float'] },
  CIGAR: { number: 'A', types: ['String'], cigar: true },
  DB: flag,
  DP: count,
  END: count,
  H2: flag,
  H3: flag,
  MQ: { number: 1, types: ['Float', 'Integer'] },
  MQ0: count,
  NS: count,
  SOMATIC: flag,
  VALIDATED: flag,
  '1000G': flag,
};

/** 4.3 adds the per-allele depths; before it GATK 3 wrote AD as Number=., legally. */
const INFO_43: Record<string, ReservedField> = {
  ...INFO_42,
  AD: perAlleleDepth,
  ADF: perAlleleDepth,
  ADR: perAlleleDepth,
};

const FORMAT_COMMON: Record<string, ReservedField> = {
  DP: count,
  EC: { number: 'A', types: ['Integer'] },
  FT: { number: 1, types: ['String'] },
  GL: { number: 'G', types: ['Float'] },
  GP: { number: 'G', types: ['Float'] },
  GQ: { number: 1, types: ['Integer'] },
  GT: { number: 1, types: ['String'] },
  HQ: { number: 2, types: ['Integer'] },
  MQ: { number: 1, types: ['Integer'] },
  PL: { number: 'G', types: ['Integer'] },
  PQ: { number: 1, types: ['Integer'] },
  PS: count,
};

const FORMAT_42: Record<string, ReservedField> = {
  ...FORMAT_COMMON,
  GLE: { number: null, types: ['String'] },
};

const FORMAT_43: Record<string, ReservedField> = {
  ...FORMAT_COMMON,
  AD: perAlleleDepth,
  ADF: perAlleleDepth,
  ADR: perAlleleDepth,
  PP: { number: 'G', types: ['Integer'] },
};

// Maps, not object lookups: a key such as `constructor` must not find Object.prototype.
const tables = {
  info: { '4.3': new Map(Object.entries(INFO_43)), older: new Map(Object.entries(INFO_42)) },
  format: { '4.3': new Map(Object.entries(FORMAT_43)), older: new Map(Object.entries(FORMAT_42)) },
};

export function reservedFields(
  kind: 'info' | 'format',
  version: VcfVersion,
): ReadonlyMap<string, ReservedField> {
  return version === '4.3' ? tables[kind]['4.3'] : tables[kind].older;
}
