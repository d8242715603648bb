-- Electronic requisitions: the order, its specimens and their chain of custody, and a timeline
-- of every status change and forwarding. The order number travels to report, board and registry.

create sequence order_number_seq;

create table clinical_order (
  id uuid primary key,
  order_number text not null unique,
  patient_id uuid not null references patient (id),
  requester_user_id uuid not null references app_user (id),
  requester_hpr text,
  requesting_organisation_id uuid not null references organisation (id),
  analysis_id uuid not null references analysis (id),
  performing_lab_id uuid not null references lab (organisation_id),
  priority text not null check (priority in ('routine', 'urgent')),
  status text not null check (status in (
    'ordered', 'received', 'in-analysis', 'in-interpretation', 'reported', 'cancelled', 'rejected')),
  -- Diagnosis (OncoTree and ICD-10), question, treatment lines, metastatic sites, earlier results.
  clinical jsonb not null,
  copy_recipients jsonb not null default '[]',
  legal_basis text not null check (legal_basis in ('care')),
  research_consent boolean not null,
  -- Why the requester ordered despite a recent test of the same genes: kept with the order.
  duplicate_override_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index clinical_order_patient on clinical_order (patient_id, created_at);
create index clinical_order_lab on clinical_order (performing_lab_id, status);

create table order_event (
  id uuid primary key,
  order_id uuid not null references clinical_order (id),
  at timestamptz not null default now(),
  kind text not null check (kind in ('created', 'status', 'forwarded', 'rejected', 'cancelled')),
  from_status text,
  to_status text,
  from_lab_id uuid references organisation (id),
  to_lab_id uuid references organisation (id),
  reason text,
  user_id uuid references app_user (id)
);
create index order_event_order on order_event (order_id, at);

create table specimen (
  id uuid primary key,
  order_id uuid not null references clinical_order (id),
  -- Extracts (DNA, RNA) and aliquots point at what they were made from.
  parent_id uuid references specimen (id),
  kind text not null check (kind in (
    'ffpe-block', 'ffpe-slides', 'fresh-frozen', 'blood', 'plasma', 'bone-marrow', 'cytology', 'dna', 'rna', 'aliquot')),
  block_id text,
  collection_date date,
  site text,
  tumour_cell_percent integer check (tumour_cell_percent between 0 and 100),
  accession_id text unique,
  quantity_ng numeric,
  storage_location text,
  received_at timestamptz,
  created_at timestamptz not null default now()
);
create index specimen_order on specimen (order_id);

create table custody_event (
  id uuid primary key,
  specimen_id uuid not null references specimen (id),
  at timestamptz not null default now(),
  action text not null check (action in ('collected', 'sent', 'received', 'extracted', 'aliquoted', 'stored', 'moved', 'consumed', 'returned')),
  location text,
  note text,
  user_id uuid references app_user (id)
);
create index custody_event_specimen on custody_event (specimen_id, at);

-- The timeline and the chain of custody are history: appended to, never rewritten.
create function history_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only (% refused)', tg_table_name, tg_op;
end;
$$;
create trigger order_event_append_only before update or delete on order_event
  for each row execute function history_is_append_only();
create trigger custody_event_append_only before update or delete on custody_event
  for each row execute function history_is_append_only();
