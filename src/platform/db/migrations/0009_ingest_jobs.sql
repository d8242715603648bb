-- Ingest jobs started by uploads (issue 5), kept in the database rather than in the server
-- process: a lab's upload and its outcome (records read, or the file line and field that failed)
-- outlive a restart and are seen by every server instance. A job's process writes heartbeat_at
-- while the job is unfinished; a queued or running job whose heartbeat has stopped was cut off
-- with its process (its ingest transaction rolled back, so nothing of it is stored), and is read
-- as interrupted.
create table ingest_job (
  id uuid primary key,
  order_id uuid not null references clinical_order (id),
  specimen_id uuid not null references specimen (id),
  kind text not null,
  file_name text not null,
  bytes bigint not null check (bytes >= 0),
  status text not null check (status in ('queued', 'running', 'done', 'failed')),
  records integer not null default 0,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  heartbeat_at timestamptz not null default now(),
  started_by text not null,
  result jsonb,
  error jsonb,
  check ((status in ('done', 'failed')) = (finished_at is not null))
);

create index ingest_job_specimen on ingest_job (specimen_id, started_at);
