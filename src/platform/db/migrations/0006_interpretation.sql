-- Variant interpretation: cases with their work-list, rounds and decisions; a knowledge base shared
-- by all labs in which assessments are appended as versions and never rewritten; conflicts between
-- labs; reusable interpretation phrases; and imported knowledge-source releases (CIViC, ClinVar).

create table interpretation_case (
  id uuid primary key,
  order_id uuid not null references clinical_order (id),
  lab_id uuid not null references organisation (id),
  tumour_sample_id uuid references sequenced_sample (id),
  normal_sample_id uuid references sequenced_sample (id),
  -- The context assessments are made in: an OncoTree code for somatic work, 'germline' otherwise.
  context text not null,
  origin text not null check (origin in ('somatic', 'germline')),
  filter_chain text not null,
  status text not null check (status in ('interpreting', 'in-review', 'finalised')),
  created_at timestamptz not null default now(),
  created_by uuid references app_user (id)
);
create index interpretation_case_order on interpretation_case (order_id);
create index interpretation_case_lab on interpretation_case (lab_id, status);

-- The work-list as the case was built: one row per variant, in the shape the filters read.
create table case_variant (
  case_id uuid not null references interpretation_case (id),
  variant_id bigint not null references variant (id),
  row jsonb not null,
  primary key (case_id, variant_id)
);

create table case_round (
  case_id uuid not null references interpretation_case (id),
  number integer not null check (number >= 1),
  kind text not null check (kind in ('interpretation', 'review')),
  opened_at timestamptz not null default now(),
  opened_by uuid references app_user (id),
  reason text,
  closed_at timestamptz,
  closed_by uuid references app_user (id),
  outcome text check (outcome in ('ready-for-review', 'returned', 'finalised')),
  -- What the round's person saw when they closed it: the decisions and the filter result.
  snapshot jsonb,
  primary key (case_id, number)
);

-- Variants a person pulled back in although a filter removed them.
create table case_pullback (
  case_id uuid not null references interpretation_case (id),
  variant_id bigint not null references variant (id),
  round_number integer not null,
  by_user uuid references app_user (id),
  at timestamptz not null default now(),
  primary key (case_id, variant_id)
);

create table assessment (
  id uuid primary key,
  variant_id bigint not null references variant (id),
  scheme text not null check (scheme in ('acmg-2015', 'clingen-cgc-vicc-2022')),
  context text not null,
  classification text not null,
  points integer,
  criteria jsonb not null,
  amp_tier text check (amp_tier in ('I', 'II', 'III', 'IV')),
  amp_level text check (amp_level in ('A', 'B', 'C', 'D')),
  escat text,
  evidence jsonb not null,
  interpretation text,
  knowledge_releases jsonb not null,
  lab_id uuid not null references organisation (id),
  author_id uuid references app_user (id),
  case_id uuid references interpretation_case (id),
  created_at timestamptz not null default now(),
  previous_id uuid references assessment (id),
  version integer not null check (version >= 1),
  reused_from uuid references assessment (id)
);
create index assessment_variant on assessment (variant_id, scheme, context);

-- A lab's assessment becomes its current one when a case using it is finalised.
create table assessment_finalisation (
  assessment_id uuid not null references assessment (id),
  case_id uuid not null references interpretation_case (id),
  lab_id uuid not null references organisation (id),
  variant_id bigint not null references variant (id),
  scheme text not null,
  context text not null,
  classification text not null,
  finalised_at timestamptz not null default now(),
  finalised_by uuid references app_user (id),
  primary key (assessment_id, case_id)
);
create index assessment_finalisation_current on assessment_finalisation (variant_id, scheme, context, lab_id, finalised_at);

-- Each decision on a variant in a case; the latest per variant counts. Earlier ones stay.
create table case_decision (
  id bigserial primary key,
  case_id uuid not null references interpretation_case (id),
  variant_id bigint not null references variant (id),
  round_number integer not null,
  decision text not null check (decision in ('classified', 'not-relevant')),
  assessment_id uuid references assessment (id),
  reason text,
  decided_by uuid references app_user (id),
  decided_at timestamptz not null default now(),
  check ((decision = 'classified') = (assessment_id is not null))
);
create index case_decision_case on case_decision (case_id, variant_id, id);

create table assessment_conflict (
  id uuid primary key,
  variant_id bigint not null references variant (id),
  scheme text not null,
  context text not null,
  raised_by_assessment uuid not null references assessment (id),
  raised_by_lab uuid not null references organisation (id),
  other_assessment uuid not null references assessment (id),
  other_lab uuid not null references organisation (id),
  raised_at timestamptz not null default now()
);

create table conflict_resolution (
  conflict_id uuid primary key references assessment_conflict (id),
  resolved_by uuid references app_user (id),
  resolved_by_lab uuid not null references organisation (id),
  note text not null,
  resolved_at timestamptz not null default now()
);

create table interpretation_phrase (
  id uuid primary key,
  phrase_key text not null,
  gene text,
  variant_id bigint references variant (id),
  context text not null,
  language text not null check (language in ('nb', 'en')),
  text text not null,
  version integer not null check (version >= 1),
  previous_id uuid references interpretation_phrase (id),
  lab_id uuid not null references organisation (id),
  author_id uuid references app_user (id),
  created_at timestamptz not null default now()
);
create index interpretation_phrase_lookup on interpretation_phrase (gene, context);

create table knowledge_release (
  id uuid primary key,
  source text not null check (source in ('civic', 'clinvar')),
  release text not null,
  sha256 text not null,
  records integer not null,
  imported_at timestamptz not null default now(),
  unique (source, sha256)
);

create table civic_evidence (
  release_id uuid not null references knowledge_release (id),
  evidence_id integer not null,
  kind text not null check (kind in ('evidence', 'assertion')),
  gene text,
  variant text,
  protein_change text,
  disease text,
  doid text,
  therapies text[] not null,
  evidence_type text,
  direction text,
  level text,
  significance text,
  amp_tier text,
  amp_level text,
  statement text,
  citation text,
  pubmed_id text,
  primary key (release_id, kind, evidence_id)
);
create index civic_evidence_gene on civic_evidence (gene, protein_change);

create table clinvar_record (
  release_id uuid not null references knowledge_release (id),
  chrom text not null,
  pos bigint not null,
  ref text not null,
  alt text not null,
  variation_id text not null,
  genes text[] not null,
  significance text[] not null,
  significance_raw text,
  review_status text,
  stars integer not null,
  conditions text[] not null,
  -- The same key genvei's variants carry (trimmed, 0-based, chr-prefixed), so they meet by join.
  identity_key text not null,
  primary key (release_id, chrom, pos, ref, alt, variation_id)
);
create index clinvar_record_identity on clinvar_record (identity_key);

create trigger case_variant_append_only before update or delete on case_variant
  for each row execute function history_is_append_only();
create trigger assessment_append_only before update or delete on assessment
  for each row execute function history_is_append_only();
create trigger assessment_finalisation_append_only before update or delete on assessment_finalisation
  for each row execute function history_is_append_only();
create trigger case_decision_append_only before update or delete on case_decision
  for each row execute function history_is_append_only();
create trigger assessment_conflict_append_only before update or delete on assessment_conflict
  for each row execute function history_is_append_only();
create trigger conflict_resolution_append_only before update or delete on conflict_resolution
  for each row execute function history_is_append_only();
create trigger interpretation_phrase_append_only before update or delete on interpretation_phrase
  for each row execute function history_is_append_only();

-- A closed round is what its reviewer saw: it is never changed afterwards.
create function closed_round_is_final() returns trigger language plpgsql as $$
begin
  if old.closed_at is not null then
    raise exception 'round % of case % is closed (% refused)', old.number, old.case_id, tg_op;
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end $$;
create trigger case_round_closed_is_final before update or delete on case_round
  for each row execute function closed_round_is_final();

-- Filter chains a lab defines beside the built-in ones: each change a new version, none rewritten.
create table filter_chain (
  id text not null,
  version integer not null check (version >= 1),
  lab_id uuid not null references organisation (id),
  definition jsonb not null,
  created_at timestamptz not null default now(),
  created_by uuid references app_user (id),
  primary key (id, version)
);
create trigger filter_chain_append_only before update or delete on filter_chain
  for each row execute function history_is_append_only();
