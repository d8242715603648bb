-- Structured reports: one report per case, in versions. A version is drafted, then signed (by one
-- or, where the lab requires it, two people); a signed version never changes. An amendment is a
-- new version with a reason; the earlier ones stay readable, and the recipients are told.

alter table lab add column signatures_required integer not null default 1
  check (signatures_required between 1 and 2);

create table report (
  id uuid primary key,
  order_id uuid not null references clinical_order (id),
  case_id uuid not null unique references interpretation_case (id),
  lab_id uuid not null references organisation (id),
  created_at timestamptz not null default now(),
  created_by uuid references app_user (id)
);
create index report_order on report (order_id);

create table report_version (
  report_id uuid not null references report (id),
  version integer not null check (version >= 1),
  status text not null check (status in ('draft', 'signed')),
  content jsonb not null,
  amendment_reason text,
  created_at timestamptz not null default now(),
  created_by uuid references app_user (id),
  signed_at timestamptz,
  primary key (report_id, version),
  check ((version = 1) = (amendment_reason is null))
);

create table report_signature (
  report_id uuid not null,
  version integer not null,
  signer_id uuid not null references app_user (id),
  signer_name text not null,
  role text not null,
  hpr_number text,
  signed_at timestamptz not null default now(),
  primary key (report_id, version, signer_id),
  foreign key (report_id, version) references report_version (report_id, version)
);

-- Who was told of a signed version (the requester and the order's copy recipients).
create table report_notification (
  report_id uuid not null,
  version integer not null,
  recipient text not null,
  kind text not null check (kind in ('signed', 'amended')),
  notified_at timestamptz not null default now(),
  primary key (report_id, version, recipient),
  foreign key (report_id, version) references report_version (report_id, version)
);

-- A signed version is final: its content and status are never changed, and no version is deleted.
create function signed_report_is_final() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'report versions are never deleted';
  end if;
  if old.status = 'signed' then
    raise exception 'version % of report % is signed and cannot change', old.version, old.report_id;
  end if;
  return new;
end $$;
create trigger report_version_signed_is_final before update or delete on report_version
  for each row execute function signed_report_is_final();
create trigger report_signature_append_only before update or delete on report_signature
  for each row execute function history_is_append_only();
create trigger report_notification_append_only before update or delete on report_notification
  for each row execute function history_is_append_only();
