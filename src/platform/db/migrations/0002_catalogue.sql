-- The national entry point: reference genes and cancer types, labs and their analyses,
-- versioned gene panels, and the national gene list per cancer type.

-- HGNC genes: imported from the complete set, or the small demo set we wrote ourselves.
create table gene (
  hgnc_id text primary key check (hgnc_id ~ '^HGNC:[0-9]+$'),
  symbol text not null,
  name text not null,
  locus_group text,
  ensembl_gene_id text,
  mane_select_ensembl text,
  mane_select_refseq text,
  source text not null
);
create unique index gene_symbol on gene (upper(symbol));

-- Earlier and alternative symbols, so an outdated symbol in an import resolves with a warning.
create table gene_symbol_history (
  hgnc_id text not null references gene (hgnc_id),
  symbol text not null,
  kind text not null check (kind in ('alias', 'previous')),
  primary key (hgnc_id, kind, symbol)
);
create index gene_symbol_history_symbol on gene_symbol_history (upper(symbol));

create table cancer_type (
  code text primary key,
  name text not null,
  main_type text,
  tissue text,
  level integer,
  parent_code text references cancer_type (code) deferrable initially deferred,
  umls text,
  nci text,
  source text not null
);
create index cancer_type_parent on cancer_type (parent_code);

create table lab (
  organisation_id uuid primary key references organisation (id),
  contact_email text,
  contact_phone text,
  address text,
  accreditation_standard text,
  accreditation_number text,
  accreditation_scope text,
  updated_at timestamptz not null default now()
);

-- Which health trusts a lab takes samples from.
create table lab_accepts_from (
  lab_id uuid not null references lab (organisation_id),
  trust_id uuid not null references organisation (id),
  primary key (lab_id, trust_id)
);

create table gene_panel (
  id uuid primary key,
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]*$'),
  name text not null,
  purpose text not null check (purpose in ('somatic', 'germline')),
  lab_id uuid references lab (organisation_id),
  panelapp_id integer,
  created_at timestamptz not null default now()
);

-- Every version is a snapshot: entries never change; an edit is a new minor version, a release
-- a new major. Signing off attests an existing snapshot and is the one update allowed.
create table gene_panel_version (
  id uuid primary key,
  panel_id uuid not null references gene_panel (id),
  major integer not null check (major >= 0),
  minor integer not null check (minor >= 0),
  previous_id uuid references gene_panel_version (id),
  change_note text not null,
  created_at timestamptz not null default now(),
  created_by uuid references app_user (id),
  signed_off_by uuid references app_user (id),
  signed_off_at timestamptz,
  unique (panel_id, major, minor)
);

create table gene_panel_entry (
  version_id uuid not null references gene_panel_version (id),
  hgnc_id text not null references gene (hgnc_id),
  symbol text not null,
  confidence text not null check (confidence in ('green', 'amber', 'red')),
  mode_of_inheritance text,
  transcript text,
  regions jsonb not null default '[]',
  evidence text[] not null default '{}',
  phenotypes text[] not null default '{}',
  publications text[] not null default '{}',
  primary key (version_id, hgnc_id)
);
create index gene_panel_entry_gene on gene_panel_entry (hgnc_id);

create function gene_panel_version_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'gene panel versions are never deleted';
  end if;
  if old.signed_off_at is not null
     or (new.panel_id, new.major, new.minor, new.previous_id, new.change_note, new.created_at, new.created_by)
        is distinct from (old.panel_id, old.major, old.minor, old.previous_id, old.change_note, old.created_at, old.created_by) then
    raise exception 'gene panel version %.% is a snapshot: edit by creating a new version', old.major, old.minor;
  end if;
  return new;
end;
$$;
create trigger gene_panel_version_snapshot before update or delete on gene_panel_version
  for each row execute function gene_panel_version_guard();

create function gene_panel_entry_guard() returns trigger language plpgsql as $$
begin
  raise exception 'gene panel entries belong to a snapshot and never change (% refused)', tg_op;
end;
$$;
create trigger gene_panel_entry_snapshot before update or delete on gene_panel_entry
  for each row execute function gene_panel_entry_guard();

create table analysis (
  id uuid primary key,
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]*$'),
  lab_id uuid not null references lab (organisation_id),
  name text not null,
  method text not null check (method in (
    'ngs-dna-panel', 'ngs-rna-panel', 'exome', 'genome', 'ctdna', 'pcr', 'ddpcr', 'fish', 'ihc', 'methylation')),
  platform text,
  variant_types text[] not null,
  panel_version_id uuid references gene_panel_version (id),
  materials text[] not null,
  min_tumour_cell_percent integer check (min_tumour_cell_percent between 0 and 100),
  min_dna_ng integer check (min_dna_ng >= 0),
  turnaround_days integer check (turnaround_days > 0),
  how_to_order text,
  status text not null check (status in ('active', 'planned', 'retired')),
  validation_report_url text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index analysis_lab on analysis (lab_id);
create index analysis_panel on analysis (panel_version_id);

-- The national gene list per cancer type: drafts are edited, published versions never change.
create table gene_list_version (
  id uuid primary key,
  cancer_type_code text not null references cancer_type (code),
  version integer not null check (version > 0),
  status text not null check (status in ('draft', 'published')),
  note text,
  created_at timestamptz not null default now(),
  created_by uuid references app_user (id),
  published_at timestamptz,
  published_by uuid references app_user (id),
  unique (cancer_type_code, version)
);
create unique index gene_list_one_draft on gene_list_version (cancer_type_code) where status = 'draft';

create table gene_list_entry (
  version_id uuid not null references gene_list_version (id),
  hgnc_id text not null references gene (hgnc_id),
  symbol text not null,
  roles text[] not null,
  evidence_colour text not null check (evidence_colour in ('green', 'amber', 'red')),
  status text not null check (status in ('mandatory', 'recommended', 'mentioned', 'horizon')),
  variant_types text[] not null,
  drugs text[] not null default '{}',
  approval_reference text,
  trials text[] not null default '{}',
  guideline_section text,
  implementation_notes text,
  primary key (version_id, hgnc_id)
);
create index gene_list_entry_gene on gene_list_entry (hgnc_id);

create function gene_list_guard() returns trigger language plpgsql as $$
declare
  target uuid := case when tg_op = 'DELETE' then old.version_id else new.version_id end;
begin
  if (select status from gene_list_version where id = target) = 'published' then
    raise exception 'a published gene list version never changes (% refused)', tg_op;
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end;
$$;
create trigger gene_list_entry_published before insert or update or delete on gene_list_entry
  for each row execute function gene_list_guard();

create function gene_list_version_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' or old.status = 'published' then
    raise exception 'a published gene list version never changes (% refused)', tg_op;
  end if;
  return new;
end;
$$;
create trigger gene_list_version_published before update or delete on gene_list_version
  for each row execute function gene_list_version_guard();
