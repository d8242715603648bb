import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { GenomicsTables } from './genomicsSchema.ts';
import type { InterpretationTables } from './interpretationSchema.ts';
import type { ReportingTables } from './reportingSchema.ts';

/**
 * The database as Kysely sees it; mirrors the SQL in ./migrations (keep the two in step by hand).
 * Timestamps are Dates, `date` columns ISO text. Larger modules keep their tables in a file of
 * their own beside this one.
 */
export type CreatedAt = ColumnType<Date, Date | undefined, never>;

export type Role =
  | 'requester'
  | 'pathologist'
  | 'lab-scientist'
  | 'bioinformatician'
  | 'medical-geneticist'
  | 'board-coordinator'
  | 'curator'
  | 'privacy-officer'
  | 'researcher'
  | 'admin';

export type Purpose = 'care' | 'quality-assurance' | 'research' | 'administration';

export type OrganisationKind = 'health-trust' | 'hospital' | 'department' | 'lab' | 'other';

export interface OrganisationTable {
  id: string;
  org_number: string;
  name: string;
  kind: OrganisationKind;
  parent_id: string | null;
  created_at: CreatedAt;
}

export interface PatientTable {
  id: string;
  national_id: string;
  id_kind: 'fodselsnummer' | 'd-number';
  synthetic: boolean;
  given_name: string;
  family_name: string;
  birth_date: string;
  sex: 'female' | 'male' | 'other' | 'unknown';
  created_at: CreatedAt;
}

export interface AppUserTable {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  hpr_number: string | null;
  password_hash: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  patient_id: string | null;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface MembershipTable {
  user_id: string;
  organisation_id: string;
  role: Role;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  auth_method: 'password' | 'oidc';
  organisation_id: string | null;
  role: Role | null;
  purpose: Purpose | null;
  created_at: CreatedAt;
  expires_at: Date;
}

export interface LoginFlowTable {
  state: string;
  code_verifier: string;
  nonce: string;
  created_at: CreatedAt;
}

export interface CareRelationshipTable {
  id: string;
  patient_id: string;
  organisation_id: string;
  since: string;
  until: string | null;
  created_at: CreatedAt;
  created_by: string | null;
}

export interface AuditEntryTable {
  seq: number;
  id: string;
  at: Date;
  user_id: string | null;
  username: string | null;
  organisation_id: string | null;
  role: string | null;
  purpose: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  patient_id: string | null;
  outcome: 'allow' | 'deny';
  reason: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface SchemaMigrationTable {
  name: string;
  checksum: string;
  applied_at: CreatedAt;
}

export interface DB extends GenomicsTables, InterpretationTables, ReportingTables {
  organisation: OrganisationTable;
  patient: PatientTable;
  app_user: AppUserTable;
  membership: MembershipTable;
  session: SessionTable;
  login_flow: LoginFlowTable;
  care_relationship: CareRelationshipTable;
  audit_entry: AuditEntryTable;
  schema_migration: SchemaMigrationTable;
  gene: GeneTable;
  gene_symbol_history: GeneSymbolHistoryTable;
  cancer_type: CancerTypeTable;
  lab: LabTable;
  lab_accepts_from: LabAcceptsFromTable;
  gene_panel: GenePanelTable;
  gene_panel_version: GenePanelVersionTable;
  gene_panel_entry: GenePanelEntryTable;
  analysis: AnalysisTable;
  gene_list_version: GeneListVersionTable;
  gene_list_entry: GeneListEntryTable;
  clinical_order: ClinicalOrderTable;
  order_event: OrderEventTable;
  specimen: SpecimenTable;
  custody_event: CustodyEventTable;
}

export type Organisation = Selectable<OrganisationTable>;
export type Patient = Selectable<PatientTable>;
export type AppUser = Selectable<AppUserTable>;
export type NewAuditEntry = Insertable<AuditEntryTable>;
export type AuditEntry = Selectable<AuditEntryTable>;

// Catalogue (migration 0002)

export interface GeneTable {
  hgnc_id: string;
  symbol: string;
  name: string;
  locus_group: string | null;
  ensembl_gene_id: string | null;
  mane_select_ensembl: string | null;
  mane_select_refseq: string | null;
  source: string;
}

export interface GeneSymbolHistoryTable {
  hgnc_id: string;
  symbol: string;
  kind: 'alias' | 'previous';
}

export interface CancerTypeTable {
  code: string;
  name: string;
  main_type: string | null;
  tissue: string | null;
  level: number | null;
  parent_code: string | null;
  umls: string | null;
  nci: string | null;
  source: string;
}

export interface LabTable {
  organisation_id: string;
  contact_email: string | null;
  contact_phone: string | null;
  address: string | null;
  accreditation_standard: string | null;
  accreditation_number: string | null;
  accreditation_scope: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  signatures_required: ColumnType<number, number | undefined, number>;
}

export interface LabAcceptsFromTable {
  lab_id: string;
  trust_id: string;
}

export interface GenePanelTable {
  id: string;
  slug: string;
  name: string;
  purpose: 'somatic' | 'germline';
  lab_id: string | null;
  panelapp_id: number | null;
  created_at: CreatedAt;
}

export interface GenePanelVersionTable {
  id: string;
  panel_id: string;
  major: number;
  minor: number;
  previous_id: string | null;
  change_note: string;
  created_at: CreatedAt;
  created_by: string | null;
  signed_off_by: string | null;
  signed_off_at: Date | null;
}

export type Region = { chrom: string; start: number; end: number };

export interface GenePanelEntryTable {
  version_id: string;
  hgnc_id: string;
  symbol: string;
  confidence: 'green' | 'amber' | 'red';
  mode_of_inheritance: string | null;
  transcript: string | null;
  regions: ColumnType<Region[], string, never>;
  evidence: string[];
  phenotypes: string[];
  publications: string[];
}

export type AnalysisMethod =
  | 'ngs-dna-panel'
  | 'ngs-rna-panel'
  | 'exome'
  | 'genome'
  | 'ctdna'
  | 'pcr'
  | 'ddpcr'
  | 'fish'
  | 'ihc'
  | 'methylation';

export interface AnalysisTable {
  id: string;
  slug: string;
  lab_id: string;
  name: string;
  method: AnalysisMethod;
  platform: string | null;
  variant_types: string[];
  panel_version_id: string | null;
  materials: string[];
  min_tumour_cell_percent: number | null;
  min_dna_ng: number | null;
  turnaround_days: number | null;
  how_to_order: string | null;
  status: 'active' | 'planned' | 'retired';
  validation_report_url: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  /** Migration 0014: which of DRAGEN's TMB figures the lab reports, and its MSI-H cut-off. */
  tmb_figure: TmbFigure | null;
  msi_high_at_percent: number | null;
}

/**
 * DRAGEN's TMB figures (DRAGEN_TMB_KEYS in genomics): the catalogue writes those into this type
 * and the ingest reads this type back into them, so tsc refuses the two lists drifting apart.
 */
export type TmbFigure =
  | 'TmbPerMb'
  | 'AdjustedTmbPerMb'
  | 'NonsynonymousTmbPerMb'
  | 'AdjustedNonsynonymousTmbPerMb';

export interface GeneListVersionTable {
  id: string;
  cancer_type_code: string;
  version: number;
  status: 'draft' | 'published';
  note: string | null;
  created_at: CreatedAt;
  created_by: string | null;
  published_at: Date | null;
  published_by: string | null;
}

export interface GeneListEntryTable {
  version_id: string;
  hgnc_id: string;
  symbol: string;
  roles: string[];
  evidence_colour: 'green' | 'amber' | 'red';
  status: 'mandatory' | 'recommended' | 'mentioned' | 'horizon';
  variant_types: string[];
  drugs: string[];
  approval_reference: string | null;
  trials: string[];
  guideline_section: string | null;
  implementation_notes: string | null;
}

// Orders (migration 0003)

export type OrderStatus =
  | 'ordered'
  | 'received'
  | 'in-analysis'
  | 'in-interpretation'
  | 'reported'
  | 'cancelled'
  | 'rejected';

export interface ClinicalOrderTable {
  id: string;
  order_number: string;
  patient_id: string;
  requester_user_id: string;
  requester_hpr: string | null;
  requesting_organisation_id: string;
  analysis_id: string;
  performing_lab_id: string;
  priority: 'routine' | 'urgent';
  status: OrderStatus;
  clinical: ColumnType<unknown, string, string>;
  copy_recipients: ColumnType<unknown, string, string>;
  legal_basis: 'care';
  research_consent: boolean;
  duplicate_override_reason: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface OrderEventTable {
  id: string;
  order_id: string;
  at: CreatedAt;
  kind: 'created' | 'status' | 'forwarded' | 'rejected' | 'cancelled';
  from_status: string | null;
  to_status: string | null;
  from_lab_id: string | null;
  to_lab_id: string | null;
  reason: string | null;
  user_id: string | null;
}

export type SpecimenKind =
  | 'ffpe-block'
  | 'ffpe-slides'
  | 'fresh-frozen'
  | 'blood'
  | 'plasma'
  | 'bone-marrow'
  | 'cytology'
  | 'dna'
  | 'rna'
  | 'aliquot';

export interface SpecimenTable {
  id: string;
  order_id: string;
  parent_id: string | null;
  kind: SpecimenKind;
  block_id: string | null;
  collection_date: string | null;
  site: string | null;
  tumour_cell_percent: number | null;
  accession_id: string | null;
  quantity_ng: string | null;
  storage_location: string | null;
  received_at: Date | null;
  created_at: CreatedAt;
}

export interface CustodyEventTable {
  id: string;
  specimen_id: string;
  at: CreatedAt;
  action:
    | 'collected'
    | 'sent'
    | 'received'
    | 'extracted'
    | 'aliquoted'
    | 'stored'
    | 'moved'
    | 'consumed'
    | 'returned';
  location: string | null;
  note: string | null;
  user_id: string | null;
}
