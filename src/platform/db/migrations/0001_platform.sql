-- The platform: organisations, people, sessions, patients, care relationships and the audit log.
-- Plain SQL that runs unchanged on PGlite and PostgreSQL 15.

create table organisation (
  id uuid primary key,
  org_number text not null unique,
  name text not null,
  kind text not null check (kind in ('health-trust', 'hospital', 'department', 'lab', 'other')),
  parent_id uuid references organisation (id),
  created_at timestamptz not null default now()
);
create index organisation_parent on organisation (parent_id);

create table patient (
  id uuid primary key,
  national_id text not null unique,
  id_kind text not null check (id_kind in ('fodselsnummer', 'd-number')),
  synthetic boolean not null,
  given_name text not null,
  family_name text not null,
  birth_date date not null,
  sex text not null check (sex in ('female', 'male', 'other', 'unknown')),
  created_at timestamptz not null default now()
);

create table app_user (
  id uuid primary key,
  username text not null unique,
  display_name text not null,
  email text,
  hpr_number text,
  password_hash text,
  oidc_issuer text,
  oidc_subject text,
  -- A citizen's own account: what makes the relationship "self" to this patient.
  patient_id uuid references patient (id),
  failed_logins integer not null default 0,
  locked_until timestamptz,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  unique (oidc_issuer, oidc_subject)
);
create unique index app_user_hpr on app_user (hpr_number) where hpr_number is not null;

create table membership (
  user_id uuid not null references app_user (id),
  organisation_id uuid not null references organisation (id),
  role text not null check (role in (
    'requester', 'pathologist', 'lab-scientist', 'bioinformatician', 'medical-geneticist',
    'board-coordinator', 'curator', 'privacy-officer', 'researcher', 'admin')),
  primary key (user_id, organisation_id, role)
);

create table session (
  token_hash text primary key,
  user_id uuid not null references app_user (id),
  csrf_token text not null,
  auth_method text not null check (auth_method in ('password', 'oidc')),
  organisation_id uuid references organisation (id),
  role text,
  purpose text check (purpose in ('care', 'quality-assurance', 'research', 'administration')),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index session_by_user on session (user_id);

-- One row per OIDC authorization request in flight: state, PKCE verifier and nonce.
create table login_flow (
  state text primary key,
  code_verifier text not null,
  nonce text not null,
  created_at timestamptz not null default now()
);

create table care_relationship (
  id uuid primary key,
  patient_id uuid not null references patient (id),
  organisation_id uuid not null references organisation (id),
  since date not null,
  until date,
  created_at timestamptz not null default now(),
  created_by uuid references app_user (id)
);
create index care_relationship_patient on care_relationship (patient_id);

-- Append-only and hash-chained: each entry's hash covers its content and the previous hash,
-- so an edited, deleted or reordered entry breaks the chain (`genvei audit verify`).
-- seq is assigned by the writer under a lock, gap-free, so a deleted entry shows as a gap.
create table audit_entry (
  seq bigint primary key,
  id uuid not null unique,
  at timestamptz not null,
  user_id uuid,
  username text,
  organisation_id uuid,
  role text,
  purpose text,
  action text not null,
  resource_type text not null,
  resource_id text,
  patient_id uuid,
  outcome text not null check (outcome in ('allow', 'deny')),
  reason text,
  request_id text,
  prev_hash text not null,
  hash text not null
);
create index audit_entry_patient on audit_entry (patient_id, at);
create index audit_entry_user on audit_entry (user_id, at);
create index audit_entry_at on audit_entry (at);

create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_entry is append-only (% refused)', tg_op;
end;
$$;
create trigger audit_entry_append_only before update or delete on audit_entry
  for each row execute function audit_entry_is_append_only();

-- The health trust an organisation belongs to: the root of its parent chain. Care relationships
-- and memberships meet at trust level.
create function organisation_trust(org uuid) returns uuid language sql stable as $$
  with recursive chain (id, parent_id) as (
    select id, parent_id from organisation where id = org
    union all
    select o.id, o.parent_id from organisation o join chain c on o.id = c.parent_id
  )
  select id from chain where parent_id is null
$$;
