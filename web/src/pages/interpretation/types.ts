/**
 * The interpretation API as the pages read it (src/modules/interpretation/routes.ts, cases.ts,
 * caseSteps.ts and src/modules/knowledge/routes.ts). The classification engines are the server's
 * own pure functions, imported here so the form shows the same class the server will compute.
 */
export {
  ACMG_CRITERIA,
  type AcmgCriterionDefinition,
  AMP_LEVELS,
  type AmpLevel,
  type AmpTier,
  assignAmpTier,
  classifyAcmg,
  classifyOncogenicity,
  ESCAT_TIERS,
  type EvidenceStrength,
  ONCOGENICITY_CRITERIA,
  ONCOGENICITY_STRENGTH_POINTS,
  type OncogenicityCriterionDefinition,
  type OncogenicityCriterionId,
  SIGNIFICANCE_KINDS,
} from '../../../../src/modules/interpretation/classification/index.ts';

import type {
  AmpLevel,
  EvidenceStrength,
} from '../../../../src/modules/interpretation/classification/index.ts';

export const CASE_STATUSES = ['interpreting', 'in-review', 'finalised'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export type Scheme = 'clingen-cgc-vicc-2022' | 'acmg-2015';

export const EVIDENCE_TYPES = [
  'therapeutic',
  'diagnostic',
  'prognostic',
  'functional',
  'population',
  'clinical',
  'other',
] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

export type CaseSummary = {
  id: string;
  status: CaseStatus;
  context: string;
  origin: 'somatic' | 'germline';
  created_at: string;
  order_number: string;
  given_name: string;
  family_name: string;
  analysis: string;
  variants: number;
};

export type Round = {
  number: number;
  kind: 'interpretation' | 'review';
  opened_at: string;
  opened_by: string | null;
  reason: string | null;
  closed_at: string | null;
  closed_by: string | null;
  outcome: 'ready-for-review' | 'returned' | 'finalised' | null;
};

export type FilterChainSummary = {
  id: string;
  name: { nb: string; en: string };
  version: number;
  filters: { name: string; kind: string }[];
};

export type CaseHeader = {
  id: string;
  order_id: string;
  order_number: string;
  lab_id: string;
  lab_name: string;
  context: string;
  origin: 'somatic' | 'germline';
  filter_chain: string;
  status: CaseStatus;
  created_at: string;
  analysis_name: string;
  rounds: Round[];
  chains: FilterChainSummary[];
};

export type EvidenceItem = {
  type: EvidenceType;
  level?: AmpLevel;
  tumourTypeMatches?: boolean;
  source: string;
  pubmedId?: string;
  text: string;
  therapies: string[];
};

export type Decision = {
  escat: string | null;
  decision: 'classified' | 'not-relevant';
  classification: string | null;
  points: number | null;
  amp_tier: string | null;
  amp_level: string | null;
  reason: string | null;
  decided_by: string | null;
  decided_at: string;
  criteria: unknown;
  evidence: unknown;
  interpretation: string | null;
};

export type Offer = {
  assessment_id: string;
  lab_id: string;
  lab_name: string;
  classification: string;
  amp_tier: string | null;
  amp_level: string | null;
  points: number | null;
  interpretation: string | null;
  finalised_at: string;
  ageDays: number;
  reReviewRequired: boolean;
  ownLab: boolean;
};

/** A criterion the server suggests from the annotation; never applied without a person. */
export type Suggestion = {
  criterion: string | { criterion?: string; code?: string; strength?: EvidenceStrength };
  label: string;
  reason: string;
};

export type CaseVariantRow = {
  suggestions?: Suggestion[];
  id: number;
  label: string;
  gene: string | null;
  chrom: string;
  pos: number;
  ref: string;
  alt: string;
  kind: string;
  consequences: string[];
  impact: string | null;
  transcript: string | null;
  hgvsc: string | null;
  hgvsp: string | null;
  populationAf: number | null;
  vaf: number | null;
  depth: number | null;
  altDepth: number | null;
  filters: string[];
  qual: number | null;
  origin: 'somatic' | 'germline' | 'unknown';
  hotspot: boolean;
  priorClass: string | null;
  keptBecause?: 'hotspot' | 'prior-class' | 'pulled-back';
  /** The filter a kept variant overrode; its reason also as a code with params (see filterReasons.ts). */
  overrode?: {
    filter: string;
    kind: string;
    reason: string;
    reasonCode?: string;
    reasonParams?: Record<string, string | number>;
  } | null;
  genotype: string | null;
  identityKey: string;
  vrsId: string | null;
  decision: Decision | null;
  offers: Offer[];
  /** Only on removed rows: the filter that removed the variant, and why. */
  filter?: string;
  filterKind?: string;
  reason?: string;
  reasonCode?: string | null;
  reasonParams?: Record<string, string | number> | null;
};

export type Worklist = {
  caseId: string;
  status: CaseStatus;
  scheme: Scheme;
  context: string;
  chain: {
    id: string;
    name: { nb: string; en: string };
    version: number;
    filters: { name: string; kind: string }[];
  };
  panel: { name: string; version: string; genes: number } | null;
  counts: { filter: string; kind: string; removed: number; kept: number }[];
  kept: CaseVariantRow[];
  removed: CaseVariantRow[];
};

export type StoredAssessment = {
  id: string;
  scheme: Scheme;
  context: string;
  classification: string;
  points: number | null;
  criteria: StoredCriterion[];
  amp_tier: string | null;
  amp_level: string | null;
  escat: string | null;
  evidence: EvidenceItem[];
  interpretation: string | null;
  knowledge_releases: { source: string; release: string }[];
  version: number;
  previous_id: string | null;
  reused_from: string | null;
  case_id: string | null;
  created_at: string;
  lab: string;
  lab_id: string;
  author: string | null;
  finalised_at: string | null;
};

/** Criteria as the engines applied them: oncogenicity ones by meaning, ACMG ones by code. */
export type StoredCriterion = {
  criterion?: string;
  code: string;
  strength: string;
  label: string;
  points?: number;
  direction: string;
};

export type VariantKnowledge = {
  variant: {
    id: number;
    identity_key: string;
    vrs_id: string | null;
    assembly: string | null;
    chrom: string;
    start_pos: number;
    ref: string;
    alt: string;
    kind: string;
  };
  assessments: StoredAssessment[];
  clinvar: {
    variation_id: string;
    significance: string[];
    review_status: string | null;
    stars: number;
    conditions: string[];
    release: string;
  }[];
  civic: {
    evidence_id: number;
    kind: 'evidence' | 'assertion';
    gene: string | null;
    variant: string | null;
    disease: string | null;
    therapies: string[];
    evidence_type: string | null;
    direction: string | null;
    level: string | null;
    significance: string | null;
    amp_tier: string | null;
    amp_level: string | null;
    statement: string | null;
    citation: string | null;
    pubmed_id: string | null;
  }[];
};

export type Conflict = {
  id: string;
  variant_id: number;
  identity_key: string;
  scheme: Scheme;
  context: string;
  raised_at: string;
  raised_by_lab: string;
  raised_classification: string;
  other_lab: string;
  other_classification: string;
};

export type Phrase = {
  id: string;
  phrase_key: string;
  gene: string | null;
  context: string;
  language: 'nb' | 'en';
  text: string;
  version: number;
  lab: string;
};

export type StepResult = { status: CaseStatus; conflicts: number };

export const casePath = (id: string) => `/cases/${id}`;
export const variantPath = (id: number, caseId?: string) =>
  caseId ? `/variants/${id}?case=${caseId}` : `/variants/${id}`;

/** Query keys: everything about one case is under its key, so one invalidation refreshes it all. */
export const caseKey = (id: string) => ['interpretation', 'case', id];
export const conflictsKey = ['interpretation', 'conflicts'];
