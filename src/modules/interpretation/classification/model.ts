/**
 * The vocabulary of variant classification: evidence strengths, the classes each standard assigns,
 * and the shapes the engines take and return. Vocabularies are `as const` lists so HTTP schemas and
 * web forms can build their enums from the same words.
 */

/** How much one criterion weighs. Stand-alone exists only for BA1 (Richards 2015). */
export const EVIDENCE_STRENGTHS = ['stand-alone', 'very-strong', 'strong', 'moderate', 'supporting'] as const;
export type EvidenceStrength = (typeof EVIDENCE_STRENGTHS)[number];

// ---------------------------------------------------------------- germline (ACMG/AMP 2015)

export const GERMLINE_CLASSES = [
  'pathogenic',
  'likely-pathogenic',
  'uncertain',
  'likely-benign',
  'benign',
] as const;
export type GermlineClass = (typeof GERMLINE_CLASSES)[number];

export const ACMG_CODES = [
  'PVS1',
  'PS1',
  'PS2',
  'PS3',
  'PS4',
  'PM1',
  'PM2',
  'PM3',
  'PM4',
  'PM5',
  'PM6',
  'PP1',
  'PP2',
  'PP3',
  'PP4',
  'PP5',
  'BA1',
  'BS1',
  'BS2',
  'BS3',
  'BS4',
  'BP1',
  'BP2',
  'BP3',
  'BP4',
  'BP5',
  'BP6',
  'BP7',
] as const;
export type AcmgCode = (typeof ACMG_CODES)[number];

export interface AcmgCriterionDefinition {
  code: AcmgCode;
  direction: 'pathogenic' | 'benign';
  defaultStrength: EvidenceStrength;
  /** The strengths a curator may apply it at (ClinGen SVI modifiers); anything else is an error. */
  allowedStrengths: readonly EvidenceStrength[];
  meaning: string;
}

/** A criterion as a curator names it: `{ code: 'PM2', strength: 'supporting' }`, or the label `PM2_Supporting`. */
export interface AcmgCriterionInput {
  code: string;
  strength?: EvidenceStrength;
}

export interface AppliedAcmgCriterion {
  code: AcmgCode;
  direction: 'pathogenic' | 'benign';
  strength: EvidenceStrength;
  /** ClinGen SVI notation: `PM2_Supporting` when modified, `PM2` at the default strength. */
  label: string;
  modified: boolean;
}

/** Richards 2015 Table 5, applied to the criteria. */
export interface CombiningRulesResult {
  class: GermlineClass;
  /** The rule that decided, e.g. "Pathogenic (ii): ≥2 strong" or "Uncertain significance (i): …". */
  rule: string;
  /** Every pathogenic-side and benign-side rule the criteria meet. */
  rulesMet: string[];
  /** A (likely) pathogenic and a (likely) benign rule are both met, so the class is uncertain. */
  conflicting: boolean;
  /** How the criteria were counted where Richards 2015 has no slot for them. */
  notes: string[];
}

/** Tavtigian 2020 points: pathogenic positive, benign negative. */
export interface PointsResult<Class> {
  points: number;
  class: Class;
  /** BA1 decides alone: the class is benign whatever the points of the other criteria. */
  standAlone: boolean;
}

/** A pair of criteria that a standard or guidance warns against counting together. */
export interface CriterionCaution {
  criteria: [string, string];
  note: string;
  source: string;
}

export interface AcmgClassification {
  criteria: AppliedAcmgCriterion[];
  combiningRules: CombiningRulesResult;
  pointsScale: PointsResult<GermlineClass>;
  /** Both pathogenic and benign criteria are applied; worth a curator's look even when a class results. */
  mixedEvidence: boolean;
  cautions: CriterionCaution[];
}

// ---------------------------------------------------------------- somatic oncogenicity (Horak 2022)

export const ONCOGENICITY_CLASSES = [
  'oncogenic',
  'likely-oncogenic',
  'uncertain',
  'likely-benign',
  'benign',
] as const;
export type OncogenicityClass = (typeof ONCOGENICITY_CLASSES)[number];

/**
 * Criteria by meaning, not by code: sources disagree on which of OM3 and OM4 is the hotspot rule
 * (see oncogenicityCriteria.ts), so a stored assessment must not depend on the label.
 */
export const ONCOGENICITY_CRITERIA_IDS = [
  'null-variant-in-tsg',
  'same-amino-acid-change-as-oncogenic',
  'functional-studies-oncogenic',
  'hotspot-strong',
  'critical-functional-domain',
  'in-frame-length-change',
  'hotspot-moderate',
  'other-oncogenic-missense-at-residue',
  'computational-evidence-oncogenic',
  'single-aetiology-malignancy',
  'hotspot-supporting',
  'absent-from-population',
  'population-frequency-very-high',
  'population-frequency-high',
  'functional-studies-benign',
  'computational-evidence-benign',
  'synonymous-no-splice-impact',
] as const;
export type OncogenicityCriterionId = (typeof ONCOGENICITY_CRITERIA_IDS)[number];

/** Whose OM3/OM4 labels to show or read: the SOP table (PMC9081216, Scout) or PCGR's reversed ones. */
export const ONCOGENICITY_LABEL_SCHEMES = ['horak-2022', 'pcgr'] as const;
export type OncogenicityLabelScheme = (typeof ONCOGENICITY_LABEL_SCHEMES)[number];

export interface OncogenicityCriterionDefinition {
  id: OncogenicityCriterionId;
  /** The code in the SOP table as published (PMC9081216 Table 2/3). */
  code: string;
  /** Codes other sources use for the same meaning, where they differ. */
  codeIn?: Partial<Record<OncogenicityLabelScheme, string>>;
  direction: 'oncogenic' | 'benign';
  defaultStrength: EvidenceStrength;
  allowedStrengths: readonly EvidenceStrength[];
  meaning: string;
}

export interface OncogenicityCriterionInput {
  criterion: OncogenicityCriterionId;
  strength?: EvidenceStrength;
}

export interface AppliedOncogenicityCriterion {
  criterion: OncogenicityCriterionId;
  code: string;
  direction: 'oncogenic' | 'benign';
  strength: EvidenceStrength;
  points: number;
  /** e.g. `OS1_Moderate`; `OS1` at the default strength. */
  label: string;
  modified: boolean;
}

export interface OncogenicityClassification {
  criteria: AppliedOncogenicityCriterion[];
  points: number;
  class: OncogenicityClass;
  mixedEvidence: boolean;
  cautions: CriterionCaution[];
}

// ---------------------------------------------------------------- clinical significance (AMP/ASCO/CAP 2017)

export const AMP_LEVELS = ['A', 'B', 'C', 'D'] as const;
export type AmpLevel = (typeof AMP_LEVELS)[number];

export const AMP_TIERS = ['I', 'II', 'III', 'IV'] as const;
export type AmpTier = (typeof AMP_TIERS)[number];

export const SIGNIFICANCE_KINDS = ['therapeutic', 'diagnostic', 'prognostic'] as const;
export type SignificanceKind = (typeof SIGNIFICANCE_KINDS)[number];

/** ESMO Scale for Clinical Actionability of molecular Targets (Mateo 2018): eleven tiers, I-A to X. */
export const ESCAT_TIERS = [
  'I-A',
  'I-B',
  'I-C',
  'II-A',
  'II-B',
  'III-A',
  'III-B',
  'IV-A',
  'IV-B',
  'V',
  'X',
] as const;
export type EscatTier = (typeof ESCAT_TIERS)[number];

/** One published piece of clinical evidence about the variant (e.g. a CIViC evidence item). */
export interface ClinicalEvidenceItem {
  /** Where it came from, e.g. `civic:EID3017`; kept so the report can cite it. */
  id?: string;
  level: AmpLevel;
  kind: SignificanceKind;
  /** The evidence is for the patient's tumour type (e.g. the same OncoTree code or a parent of it). */
  tumourTypeMatches: boolean;
  description?: string;
}

export interface AmpTieringInput {
  evidence: readonly ClinicalEvidenceItem[];
  /** The variant's oncogenicity, when known; benign or likely benign without evidence means Tier IV. */
  oncogenicity?: OncogenicityClass;
  /** An ESCAT tier the board assigned; validated and carried through, never derived. */
  escat?: string;
}

export interface WeighedEvidence {
  item: ClinicalEvidenceItem;
  /** The level this item supports here: A or B evidence from another tumour type counts as C. */
  effectiveLevel: AmpLevel;
}

export interface AmpTierAssignment {
  tier: AmpTier;
  /** The evidence level behind Tier I or II; null for Tier III and IV. */
  level: AmpLevel | null;
  /** The items at that level: the ones that decided the tier. */
  drivingEvidence: WeighedEvidence[];
}

export interface AmpTiering extends AmpTierAssignment {
  /** The tier for each kind of significance that has evidence, since AMP tiers per clinical context. */
  byKind: Partial<Record<SignificanceKind, AmpTierAssignment>>;
  escat?: EscatTier;
  cautions: string[];
}

// ---------------------------------------------------------------- suggestions from annotation

/** What annotation tells us about a variant, as far as the suggestion rules need it. */
export interface VariantFacts {
  /** Sequence Ontology consequence terms for the chosen transcript, e.g. `stop_gained`. */
  consequences: readonly string[];
  gene?: {
    symbol: string;
    /** How variants in this gene cause the disease (gene curation, e.g. ClinGen dosage or a VCEP). */
    mechanism?: 'loss-of-function' | 'gain-of-function' | 'dominant-negative' | 'unknown';
    /** The gene's role in cancer (e.g. Cancer Gene Census). */
    roleInCancer?: 'tumour-suppressor' | 'oncogene' | 'both';
  };
  /**
   * The highest allele frequency over the continental populations of a population database
   * (gnomAD grpmax); 0 when the variant is absent. Leave it out when unknown: unknown is not absent.
   */
  population?: { alleleFrequency: number; population?: string; source: string };
  /** The variant lies in a known mutational hotspot; counts as cancerhotspots.org gives them. */
  hotspot?: { samplesAtPosition?: number; samplesWithSameChange?: number; source?: string };
}

export interface Suggestion<Criterion> {
  criterion: Criterion;
  label: string;
  /** Why, in English, for the curator who decides. */
  reason: string;
  /** Suggestions are never applied by themselves. */
  needsConfirmation: true;
}
