import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/**
 * The database as Kysely sees it; mirrors the SQL in ./migrations (a test compares the two).
 * Timestamps are Dates, `date` columns ISO text.
 */
type CreatedAt = ColumnType<Date, Date | undefined, never>;

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

export interface DB {
  organisation: OrganisationTable;
  patient: PatientTable;
  app_user: AppUserTable;
  membership: MembershipTable;
  session: SessionTable;
  login_flow: LoginFlowTable;
  care_relationship: CareRelationshipTable;
  audit_entry: AuditEntryTable;
  schema_migration: SchemaMigrationTable;
}

export type Organisation = Selectable<OrganisationTable>;
export type Patient = Selectable<PatientTable>;
export type AppUser = Selectable<AppUserTable>;
export type NewAuditEntry = Insertable<AuditEntryTable>;
export type AuditEntry = Selectable<AuditEntryTable>;
