import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt } from './schema.ts';

/** Variant interpretation and the shared knowledge base (migration 0006). */
export interface InterpretationTables {
  interpretation_case: InterpretationCaseTable;
  case_variant: CaseVariantTable;
  case_round: CaseRoundTable;
  case_pullback: CasePullbackTable;
  assessment: AssessmentTable;
  assessment_finalisation: AssessmentFinalisationTable;
  case_decision: CaseDecisionTable;
  assessment_conflict: AssessmentConflictTable;
  conflict_resolution: ConflictResolutionTable;
  interpretation_phrase: InterpretationPhraseTable;
  knowledge_release: KnowledgeReleaseTable;
  civic_evidence: CivicEvidenceTable;
  clinvar_record: ClinvarRecordTable;
  filter_chain: FilterChainTable;
}

type Json<T> = ColumnType<T, string, string>;

export type CaseStatus = 'interpreting' | 'in-review' | 'finalised';
export type AssessmentScheme = 'acmg-2015' | 'clingen-cgc-vicc-2022';

export interface InterpretationCaseTable {
  id: string;
  order_id: string;
  lab_id: string;
  tumour_sample_id: string | null;
  normal_sample_id: string | null;
  context: string;
  origin: 'somatic' | 'germline';
  filter_chain: string;
  status: CaseStatus;
  created_at: CreatedAt;
  created_by: string | null;
}

export interface CaseVariantTable {
  case_id: string;
  variant_id: number;
  row: Json<Record<string, unknown>>;
}

export interface CaseRoundTable {
  case_id: string;
  number: number;
  kind: 'interpretation' | 'review';
  opened_at: CreatedAt;
  opened_by: string | null;
  reason: string | null;
  closed_at: Date | null;
  closed_by: string | null;
  outcome: 'ready-for-review' | 'returned' | 'finalised' | null;
  snapshot: Json<Record<string, unknown>> | null;
}

export interface CasePullbackTable {
  case_id: string;
  variant_id: number;
  round_number: number;
  by_user: string | null;
  at: CreatedAt;
}

export interface AssessmentTable {
  id: string;
  variant_id: number;
  scheme: AssessmentScheme;
  context: string;
  classification: string;
  points: number | null;
  criteria: Json<unknown[]>;
  amp_tier: 'I' | 'II' | 'III' | 'IV' | null;
  amp_level: 'A' | 'B' | 'C' | 'D' | null;
  escat: string | null;
  evidence: Json<unknown[]>;
  interpretation: string | null;
  knowledge_releases: Json<unknown[]>;
  lab_id: string;
  author_id: string | null;
  case_id: string | null;
  created_at: CreatedAt;
  previous_id: string | null;
  version: number;
  reused_from: string | null;
}

export interface AssessmentFinalisationTable {
  assessment_id: string;
  case_id: string;
  lab_id: string;
  variant_id: number;
  scheme: AssessmentScheme;
  context: string;
  classification: string;
  finalised_at: CreatedAt;
  finalised_by: string | null;
}

export interface CaseDecisionTable {
  id: Generated<number>;
  case_id: string;
  variant_id: number;
  round_number: number;
  decision: 'classified' | 'not-relevant';
  assessment_id: string | null;
  reason: string | null;
  decided_by: string | null;
  decided_at: CreatedAt;
}

export interface AssessmentConflictTable {
  id: string;
  variant_id: number;
  scheme: AssessmentScheme;
  context: string;
  raised_by_assessment: string;
  raised_by_lab: string;
  other_assessment: string;
  other_lab: string;
  raised_at: CreatedAt;
}

export interface ConflictResolutionTable {
  conflict_id: string;
  resolved_by: string | null;
  resolved_by_lab: string;
  note: string;
  resolved_at: CreatedAt;
}

export interface InterpretationPhraseTable {
  id: string;
  phrase_key: string;
  gene: string | null;
  variant_id: number | null;
  context: string;
  language: 'nb' | 'en';
  text: string;
  version: number;
  previous_id: string | null;
  lab_id: string;
  author_id: string | null;
  created_at: CreatedAt;
}

export interface KnowledgeReleaseTable {
  id: string;
  source: 'civic' | 'clinvar';
  release: string;
  sha256: string;
  records: number;
  imported_at: CreatedAt;
}

export interface CivicEvidenceTable {
  release_id: string;
  evidence_id: number;
  kind: 'evidence' | 'assertion';
  gene: string | null;
  variant: string | null;
  protein_change: string | null;
  disease: string | null;
  doid: string | null;
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
}

export interface ClinvarRecordTable {
  release_id: string;
  chrom: string;
  pos: number;
  ref: string;
  alt: string;
  variation_id: string;
  genes: string[];
  significance: string[];
  significance_raw: string | null;
  review_status: string | null;
  stars: number;
  conditions: string[];
  identity_key: string;
}

export interface FilterChainTable {
  id: string;
  version: number;
  lab_id: string;
  definition: Json<Record<string, unknown>>;
  created_at: CreatedAt;
  created_by: string | null;
}
