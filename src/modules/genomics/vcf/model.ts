/** The vocabulary of the VCF reader: header, records, split alleles and their annotations. */

export type VcfVersion = '4.1' | '4.2' | '4.3';

export type ValueType = 'Integer' | 'Float' | 'Flag' | 'Character' | 'String';

/** A header Number: a fixed count, or per ALT (A), per allele (R), per genotype (G), or unbounded (.). */
export type Cardinality = number | 'A' | 'R' | 'G' | '.';

export interface FieldDefinition {
  id: string;
  number: Cardinality;
  type: ValueType;
  description: string;
}

export interface ContigDefinition {
  id: string;
  length: number | null;
  assembly: string | null;
}

export type AnnotationSource = 'VEP' | 'SnpEff';

/** Where a file's functional annotations live and how their `|`-separated fields are named. */
export interface AnnotationLayout {
  source: AnnotationSource;
  infoKey: string;
  fields: readonly string[];
}

export interface VcfHeader {
  version: VcfVersion;
  /** Every `##key=value` line in file order, raw, for provenance (source, pipeline, command lines). */
  meta: { key: string; value: string }[];
  contigs: Map<string, ContigDefinition>;
  info: Map<string, FieldDefinition>;
  format: Map<string, FieldDefinition>;
  filters: Map<string, string>;
  alts: Map<string, string>;
  samples: string[];
  /** The ##reference value as written: a path, URL or build name. */
  reference: string | null;
  /** Reference build named by ##reference, ##assembly or contig assembly attributes (GRCh37, GRCh38, …). */
  assembly: string | null;
  annotations: AnnotationLayout[];
}

/** One parsed value; null is the VCF missing value `.`. */
export type Scalar = number | string | null;

/** A Flag is `true`; every other INFO value is a list, even when Number=1. */
export type InfoValue = true | Scalar[];

export interface Genotype {
  /** Allele indices (0 = REF); null where the call is missing. */
  alleles: (number | null)[];
  phased: boolean;
}

export type SymbolicType = 'DEL' | 'DUP' | 'CNV' | 'INS' | 'INV' | 'BND' | 'NON_REF' | '*' | 'other';

export type Allele =
  | { kind: 'sequence'; bases: string }
  /** `*`: the allele is missing because an upstream deletion overlaps it. */
  | { kind: 'overlapping-deletion' }
  | { kind: 'symbolic'; id: string; type: SymbolicType; subtypes: string[] }
  | BreakendAllele
  | { kind: 'single-breakend'; bases: string; bearing: 'before' | 'after' };

/**
 * A paired breakend. The four bracket forms are t[p[, t]p], ]p]t and [p[t: `basesFirst` says whether
 * t precedes the join; `mateExtends` says which way the joined sequence runs from p ('[' right, ']' left).
 */
export interface BreakendAllele {
  kind: 'breakend';
  bases: string;
  mateChrom: string;
  matePos: number;
  basesFirst: boolean;
  mateExtends: 'right' | 'left';
}

export interface SampleValues {
  sample: string;
  genotype: Genotype | null;
  /** FORMAT key → values, GT excluded (it is in `genotype`). */
  values: Map<string, Scalar[]>;
}

export interface VcfRecord {
  line: number;
  chrom: string;
  pos: number;
  ids: string[];
  ref: string;
  /** Raw ALT strings, in order; empty when ALT is `.`. */
  altText: string[];
  alts: Allele[];
  qual: number | null;
  /** ['PASS'], the failed filters, or [] when filters were not applied. */
  filters: string[];
  info: Map<string, InfoValue>;
  format: string[];
  samples: SampleValues[];
}

export interface SampleCall extends SampleValues {
  depth: number | null;
  /** [REF depth, this ALT's depth] from AD. */
  alleleDepths: [number | null, number | null] | null;
  /** FORMAT AF for this ALT, or AD(ALT) / ΣAD when the caller wrote no AF. */
  alleleFraction: number | null;
}

export type Impact = 'HIGH' | 'MODERATE' | 'LOW' | 'MODIFIER';

export interface TranscriptConsequence {
  source: AnnotationSource;
  allele: string;
  geneSymbol: string | null;
  geneId: string | null;
  featureType: string | null;
  /** As written by the annotator, version included when present (ENST00000288602.11, NM_004333.6). */
  transcriptId: string | null;
  biotype: string | null;
  hgvsc: string | null;
  hgvsp: string | null;
  consequences: string[];
  impact: Impact | null;
  /** The MANE Select RefSeq/Ensembl id VEP reports for this transcript, when it is MANE Select. */
  maneSelect: string | null;
  canonical: boolean;
  existingVariation: string[];
  /** Population allele frequencies by annotator field name (gnomADe_AF, AF, EUR_AF, …). */
  populationFrequencies: Record<string, number>;
}

/** One ALT of a record, with per-allele INFO and FORMAT values picked out (Number=A/R/G). */
export interface VariantAllele {
  line: number;
  chrom: string;
  pos: number;
  ids: string[];
  ref: string;
  alt: Allele;
  altText: string;
  /** 1-based index of this ALT in the original record. */
  altIndex: number;
  altCount: number;
  qual: number | null;
  filters: string[];
  /** INFO without the annotation keys, which become `consequences`; read when first asked for. */
  readonly info: Map<string, InfoValue>;
  calls: SampleCall[];
  /** Each annotation INFO value of the record, with what tells this ALT's entries apart. */
  annotations: AlleleAnnotations[];
  /** This ALT's transcript consequences, read from `annotations` when first asked for. */
  readonly consequences: TranscriptConsequence[];
}

export interface AlleleAnnotations {
  layout: AnnotationLayout;
  entries: readonly string[];
  allele: {
    /** 1-based ALT index in the record. */
    index: number;
    altCount: number;
    /** The ALT as written (SnpEff's Allele) and as VEP writes it. */
    text: string;
    vepAllele: string;
  };
}
