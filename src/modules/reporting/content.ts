import type {
  AmpLevel,
  AmpTier,
  EscatTier,
  GermlineClass,
  OncogenicityClass,
  SignificanceKind,
} from '../interpretation/classification/model.ts';
import type { SpecimenKind } from '../orders/vocabulary.ts';

/**
 * What one version of a molecular-pathology report says, following the national report template
 * (docs/reporting/national-template.md). Every rendering (HTML, PDF, FHIR, the Cancer Registry
 * message) is a pure function of this value, so the renderings of a signed version cannot drift
 * apart. Free text is stored as the author wrote it; headings and coded values are translated
 * by the renderers.
 */

export const REPORT_STATUSES = ['draft', 'signed', 'amended'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_LANGUAGES = ['nb', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export const ADEQUACIES = ['adequate', 'limited', 'inadequate'] as const;
export type Adequacy = (typeof ADEQUACIES)[number];

/** IQN Path's reasons a material is unsuitable (seed 000 l.959-963), and "other" with a comment. */
export const INADEQUACY_REASONS = [
  'too-few-tumour-cells',
  'too-little-dna',
  'poor-dna-quality',
  'other',
] as const;
export type InadequacyReason = (typeof INADEQUACY_REASONS)[number];

export const REFERENCE_GENOMES = ['GRCh37', 'GRCh38'] as const;
export type ReferenceGenome = (typeof REFERENCE_GENOMES)[number];

/** The alteration types an analysis can report; the report says which ones this one looked for. */
export const ALTERATION_TYPES = ['snv', 'indel', 'cnv', 'fusion', 'tmb', 'msi'] as const;
export type AlterationType = (typeof ALTERATION_TYPES)[number];

export const CLASSIFICATION_SCHEMES = ['acmg-2015', 'clingen-cgc-vicc-2022', 'amp-asco-cap-2017'] as const;
export type ClassificationScheme = (typeof CLASSIFICATION_SCHEMES)[number];

export const VARIANT_ORIGINS = ['somatic', 'germline', 'unknown'] as const;
export type VariantOrigin = (typeof VARIANT_ORIGINS)[number];

export const THERAPY_RESPONSES = ['responsive', 'resistant'] as const;
export type TherapyResponse = (typeof THERAPY_RESPONSES)[number];

export const COPY_NUMBER_KINDS = ['amplification', 'gain', 'loss', 'deletion'] as const;
export type CopyNumberKind = (typeof COPY_NUMBER_KINDS)[number];

export const TMB_STATUSES = ['high', 'low', 'indeterminate'] as const;
export type TmbStatus = (typeof TMB_STATUSES)[number];

export const MSI_STATUSES = ['msi-high', 'msi-low', 'stable', 'indeterminate'] as const;
export type MsiStatus = (typeof MSI_STATUSES)[number];

export const SIGNER_ROLES = [
  'molecular-biologist',
  'pathologist',
  'medical-geneticist',
  'bioinformatician',
] as const;
export type SignerRole = (typeof SIGNER_ROLES)[number];

export interface ReportPatient {
  givenName: string;
  familyName: string;
  /** Fødselsnummer or D-number, 11 digits. */
  nationalId: string;
  /** ISO date. */
  birthDate: string;
  sex: Sex;
}

export interface Requester {
  name: string;
  /** HPR number (Helsepersonellregisteret). */
  hprNumber: string | null;
  organisation: string;
  department: string | null;
}

export interface ReportingLab {
  /** As it should head the report, e.g. "Fjordvik HF, Avdeling for patologi". */
  name: string;
  /** Enhetsregisteret, 9 digits. */
  organisationNumber: string;
  /** e.g. "Akkreditert etter NS-EN ISO 15189 (TEST 999)". */
  accreditation: string | null;
}

export interface ReportSpecimen {
  /** The lab's specimen number. */
  id: string;
  kind: SpecimenKind;
  /** Paraffin block the material was cut from (mandatory for FFPE). */
  blockId: string | null;
  /** Anatomical site the material was taken from. */
  site: string;
  /** ISO dates. */
  collectedOn: string;
  receivedOn: string | null;
  /** Tumour cells as a share of all nucleated cells in the material analysed, 0-100. */
  tumourCellPercent: number | null;
}

export interface Diagnosis {
  /** Tissue and tumour type in words, e.g. "Malignt melanom, hud rygg". */
  text: string;
  icd10: string | null;
  /** ICD-O-3 morphology, as the Cancer Registry codes it (e.g. 8720/3). */
  icdO3Morphology: string | null;
  oncotree: string | null;
}

export interface ClinicalContext {
  diagnosis: Diagnosis;
  /** The diagnostic question the requester asked. */
  question: string;
}

export interface KnowledgeSource {
  name: string;
  /** Release or download date as the source names it, e.g. "2025-02-03" or "v4.2". */
  release: string;
}

export interface ReportMethod {
  analysis: string;
  panel: {
    name: string;
    version: string;
    /** HGNC symbols of the genes the panel covers. */
    genes: string[];
    /** Where the panel's full content is published (lab handbook, portal URL). */
    contentReference: string | null;
  };
  detects: AlterationType[];
  platform: string;
  limitOfDetection: {
    /** Lowest variant allele fraction reported, in percent. */
    vafPercent: number;
    minimumDepth: number;
    minimumTumourCellPercent: number | null;
  };
  referenceGenome: ReferenceGenome;
  pipeline: { name: string; version: string };
  knowledgeSources: KnowledgeSource[];
  /** ISO date the analysis was run. */
  performedOn: string;
}

export interface ReportQuality {
  adequacy: Adequacy;
  /** Why the material is limited or inadequate; empty when adequate. */
  reasons: InadequacyReason[];
  comment: string | null;
  meanDepth: number | null;
  /** Share of targeted bases read at least at the minimum depth, in percent. */
  targetsAtMinimumDepthPercent: number | null;
}

export interface GeneRef {
  symbol: string;
  /** e.g. HGNC:1097. */
  hgncId: string | null;
}

/**
 * A class in the words of the scheme that assigned it. A somatic variant usually carries an
 * oncogenicity class (ClinGen/CGC/VICC) and, separately, its AMP/ASCO/CAP tier and level and its
 * ESCAT tier; when the tier is the only classification, the scheme is amp-asco-cap-2017 and the
 * class is the tier.
 */
export type VariantClassification = (
  | { scheme: 'acmg-2015'; class: GermlineClass }
  | { scheme: 'clingen-cgc-vicc-2022'; class: OncogenicityClass }
  | { scheme: 'amp-asco-cap-2017'; class: AmpTier }
) & {
  amp: { tier: AmpTier; level: AmpLevel | null } | null;
  escat: EscatTier | null;
};

export interface Drug {
  name: string;
  /** WHO ATC code, e.g. L01EC01. */
  atc: string | null;
}

export interface ClinicalImplication {
  kind: SignificanceKind;
  text: string;
  /** Therapeutic implications name at least one drug. */
  drugs: Drug[];
  response: TherapyResponse | null;
  /** As the grading system writes it, e.g. "ESCAT I-A" or "AMP/ASCO/CAP nivå A". */
  evidenceLevel: string | null;
  /** Guideline, knowledge-base entry or publication the implication rests on. */
  source: string;
  /** The tumour the implication holds for, when it is not the report's diagnosis. */
  condition: { text: string; icd10: string | null } | null;
}

export interface TrialReference {
  /** Registry id: NCT number or EU CT number. */
  id: string;
  title: string;
  site: string | null;
}

/** What the template asks of every reported finding, whatever its kind. */
export interface FindingAssessment {
  /** Unique within the report version, e.g. "v1"; the FHIR ids are derived from it. */
  id: string;
  classification: VariantClassification;
  interpretation: string;
  implications: ClinicalImplication[];
  trials: TrialReference[];
}

export interface GenomicLocation {
  assembly: ReferenceGenome;
  chromosome: string;
  /** VCF-style: 1-based position and normalised alleles. */
  position: number;
  ref: string;
  alt: string;
  /** e.g. NC_000007.14:g.140753336A>T. */
  hgvsg: string | null;
}

export interface SequenceVariant extends FindingAssessment {
  gene: GeneRef;
  /** Versioned RefSeq (MANE Select where there is one) or Ensembl transcript, e.g. NM_004333.6. */
  transcript: string;
  /** Without the accession: c.1799T>A. */
  hgvsc: string;
  /** Versioned protein accession, e.g. NP_004324.2. */
  protein: string | null;
  /** Without the accession, predicted consequences in parentheses: p.(Val600Glu). */
  hgvsp: string | null;
  genomic: GenomicLocation | null;
  /** Variant allele fraction, 0-1. */
  vaf: number;
  depth: number;
  origin: VariantOrigin;
  /** Sequence Ontology term, e.g. missense_variant. */
  consequence: string | null;
}

export interface CopyNumberFinding extends FindingAssessment {
  gene: GeneRef;
  kind: CopyNumberKind;
  /** Estimated copies per cell, where the method gives one. */
  copyNumber: number | null;
  iscn: string | null;
}

export interface FusionFinding extends FindingAssessment {
  fivePrime: GeneRef;
  threePrime: GeneRef;
  /** Exons or breakpoints joined, e.g. "EML4 ekson 13::ALK ekson 20". */
  description: string;
  supportingReads: number | null;
  iscn: string | null;
}

export interface TumourMutationalBurden {
  /** Mutations per megabase. */
  value: number;
  status: TmbStatus;
  /** The lab's cut-off for "high", in mutations per megabase. */
  threshold: number | null;
  interpretation: string | null;
}

export interface MicrosatelliteStatus {
  status: MsiStatus;
  /** The method's score (e.g. share of unstable sites, percent). */
  score: number | null;
  method: string | null;
  interpretation: string | null;
}

export interface CoverageGap {
  gene: GeneRef;
  /** Exons, codons or hotspots read below the minimum depth, e.g. "ekson 2 (kodon 12-13)". */
  region: string;
  meanDepth: number | null;
}

export interface GermlineSuspicion {
  present: boolean;
  note: string | null;
  /** Recommend referral to medical genetics for germline testing. */
  referralRecommended: boolean;
}

export interface IhcFinding {
  marker: string;
  result: string;
}

/** The pathologist's part of an integrated report (seed 000 l.3334-3346). */
export interface PathologyFindings {
  morphology: string;
  immunohistochemistry: IhcFinding[];
  integratedConclusion: string;
  /** Where molecular and morphological findings disagree, and how that was resolved. */
  discordance: string | null;
}

export interface Signature {
  name: string;
  role: SignerRole;
  hprNumber: string | null;
  /** ISO date-time. */
  signedAt: string;
}

export interface ReportContent {
  /** The version of the national template the content follows. */
  templateVersion: string;
  orderNumber: string;
  /** 1 for the first report; an amendment is the next number. */
  version: number;
  status: ReportStatus;
  amendmentReason: string | null;
  previousVersion: number | null;
  /** ISO date-time this version's content was last changed. */
  preparedAt: string;
  patient: ReportPatient;
  requester: Requester;
  lab: ReportingLab;
  specimen: ReportSpecimen;
  clinical: ClinicalContext;
  method: ReportMethod;
  quality: ReportQuality;
  variants: SequenceVariant[];
  copyNumbers: CopyNumberFinding[];
  fusions: FusionFinding[];
  biomarkers: { tmb: TumourMutationalBurden | null; msi: MicrosatelliteStatus | null };
  coverageGaps: CoverageGap[];
  germline: GermlineSuspicion;
  /** Present once the pathologist has integrated the molecular result. */
  pathology: PathologyFindings | null;
  conclusion: string;
  signatures: Signature[];
}

/** Every finding that carries a classification, in report order. */
export type Finding = SequenceVariant | CopyNumberFinding | FusionFinding;

export const findingsOf = (content: ReportContent): Finding[] => [
  ...content.variants,
  ...content.copyNumbers,
  ...content.fusions,
];

/** Full HGVS expressions on their reference sequences, as reports and messages print them. */
export const codingHgvs = (v: SequenceVariant): string => `${v.transcript}:${v.hgvsc}`;
export const proteinHgvs = (v: SequenceVariant): string | null =>
  v.hgvsp === null ? null : v.protein ? `${v.protein}:${v.hgvsp}` : v.hgvsp;
