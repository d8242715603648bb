/**
 * The vocabulary of the knowledge-source parsers: what a CIViC evidence item or assertion and a
 * ClinVar allele look like once read from the files operators download. The words are the sources'
 * own (evidence level, significance, review status) so that a curator recognises them.
 */

/** CIViC's evidence types; assertions use all but Functional. */
export const CIVIC_EVIDENCE_TYPES = [
  'Predictive',
  'Diagnostic',
  'Prognostic',
  'Predisposing',
  'Oncogenic',
  'Functional',
] as const;
export type CivicEvidenceType = (typeof CIVIC_EVIDENCE_TYPES)[number];
export type CivicAssertionType = Exclude<CivicEvidenceType, 'Functional'>;

/** CIViC evidence levels, strongest first, with the names CIViC gives them. */
export const CIVIC_EVIDENCE_LEVELS = {
  A: 'Validated association',
  B: 'Clinical evidence',
  C: 'Case study',
  D: 'Preclinical evidence',
  E: 'Inferential association',
} as const;
export type CivicEvidenceLevel = keyof typeof CIVIC_EVIDENCE_LEVELS;

/** CIViC's "N/A" direction is read as null. */
export type CivicDirection = 'Supports' | 'Does Not Support';

/** Moderation status: only accepted items are curated knowledge. */
export type CivicStatus = 'accepted' | 'submitted' | 'rejected';

/**
 * A molecular profile: one variant ("BRAF V600E") or a Boolean combination of variants
 * ("EGFR L858R AND EGFR T790M"), named as CIViC displays it.
 */
export interface CivicMolecularProfile {
  /** null in files from before molecular profiles (2022), which name gene and variant instead. */
  id: number | null;
  name: string;
  /** The feature of a single-variant profile: a gene symbol, a fusion (BCR::ABL1) or a factor (TMB). */
  gene: string | null;
  /** The variant name as CIViC writes it: V600E, Exon 19 Deletion, Amplification. */
  variant: string | null;
  /** The variant name when it is a one-letter protein change (V600E, E746_A750del, R213*). */
  proteinChange: string | null;
  /** Every gene the profile names: fusion partners and the genes of each part of a combination. */
  genes: string[];
  /** A Boolean combination of variants (AND, OR, NOT): gene and variant are then null. */
  complex: boolean;
}

export interface CivicDisease {
  name: string;
  /** Disease Ontology id as a CURIE (DOID:1909); null for diseases CIViC has no DOID for. */
  doid: string | null;
}

export interface CivicSource {
  /** PubMed, ASCO or ASH. */
  type: string | null;
  /** A PubMed id for PubMed sources, the abstract number for ASCO and ASH. */
  citationId: string | null;
  citation: string | null;
  ascoAbstractId: string | null;
  clinicalTrials: string[];
}

/** One CIViC evidence item (EID): one clinical claim from one source. */
export interface CivicEvidenceItem {
  id: number;
  status: CivicStatus;
  type: CivicEvidenceType;
  level: CivicEvidenceLevel;
  direction: CivicDirection | null;
  /** Sensitivity/Response, Resistance, Poor Outcome, Pathogenic, Gain of Function, …; null for N/A. */
  significance: string | null;
  molecularProfile: CivicMolecularProfile;
  /** null for Functional items, which have no disease. */
  disease: CivicDisease | null;
  therapies: string[];
  /** Combination, Sequential or Substitutes, when there are several therapies. */
  therapyInteraction: string | null;
  phenotypes: string[];
  statement: string | null;
  source: CivicSource;
  /** Curators' trust in the item, 1–5 stars. */
  rating: number | null;
  /** Somatic, Rare Germline, Common Germline, … */
  variantOrigin: string | null;
  lastReviewDate: string | null;
  url: string | null;
  flagged: boolean;
  /** Line in the file, for messages from later steps. */
  line: number;
}

export type AmpTier = 'I' | 'II' | 'III' | 'IV';

/** AMP/ASCO/CAP 2017 category: tier, and for tiers I–II the evidence level (A–D). */
export interface AmpCategory {
  tier: AmpTier;
  level: 'A' | 'B' | 'C' | 'D' | null;
}

/** One CIViC assertion (AID): the summary of several evidence items for one profile and disease. */
export interface CivicAssertion {
  id: number;
  type: CivicAssertionType;
  direction: CivicDirection | null;
  significance: string | null;
  molecularProfile: CivicMolecularProfile;
  disease: CivicDisease | null;
  therapies: string[];
  phenotypes: string[];
  /** null when CIViC gives none or "Not Applicable" (predisposing assertions). */
  ampCategory: AmpCategory | null;
  acmgCodes: string[];
  /** ClinGen/CGC/VICC oncogenicity codes, in files that have the column. */
  clingenCodes: string[];
  nccnGuideline: { name: string; version: string | null } | null;
  fdaRegulatoryApproval: boolean | null;
  fdaCompanionTest: boolean | null;
  summary: string | null;
  description: string | null;
  evidenceItemIds: number[];
  lastReviewDate: string | null;
  url: string | null;
  flagged: boolean;
  line: number;
}

/** ClinVar's review stars, from CLNREVSTAT. */
export type ReviewStars = 0 | 1 | 2 | 3 | 4;

/** The classifications ClinVar's CLNSIG terms are reduced to. */
export type ClinVarSignificanceClass =
  | 'pathogenic'
  | 'likely_pathogenic'
  | 'uncertain_significance'
  | 'likely_benign'
  | 'benign'
  | 'conflicting'
  | 'risk_factor'
  | 'drug_response'
  | 'association'
  | 'protective'
  | 'other'
  | 'not_provided';

export interface ClinVarSignificance {
  /** CLNSIG as written: Pathogenic/Likely_pathogenic|risk_factor. */
  raw: string;
  /** The aggregate classification: Pathogenic/Likely_pathogenic gives both terms, in that order. */
  classes: ClinVarSignificanceClass[];
  /** Terms added to it (after `|`, or `,_` in older releases): risk_factor, drug_response, … */
  secondary: ClinVarSignificanceClass[];
  /** ClinGen's low-penetrance qualifier (Pathogenic,_low_penetrance). */
  lowPenetrance: boolean;
}

/** One ClinVar variant allele, from one data line of clinvar.vcf.gz. */
export interface ClinVarRecord {
  /** As ClinVar writes it: 1…22, X, Y, MT, without "chr". */
  chrom: string;
  pos: number;
  ref: string;
  alt: string;
  /** The VCF ID column: ClinVar's Variation ID (VCV accession number). */
  variationId: number;
  alleleId: number;
  genes: { symbol: string; geneId: string | null }[];
  /** null for alleles that only carry somatic (oncogenicity, clinical impact) classifications. */
  significance: ClinVarSignificance | null;
  /** CLNREVSTAT as written, e.g. criteria_provided,_multiple_submitters,_no_conflicts. */
  reviewStatus: string | null;
  stars: ReviewStars;
  /** CLNDN split on `|`, underscores read as spaces: "Breast-ovarian cancer, familial 1". */
  conditions: string[];
  /** CLNHGVS: the genomic HGVS expression (NC_000007.14:g.140753336A>T). */
  hgvs: string | null;
  /** CLNVC: single_nucleotide_variant, Deletion, Microsatellite, … */
  variantType: string | null;
  /** MC: Sequence Ontology consequences. */
  consequences: { so: string; term: string }[];
  line: number;
}
