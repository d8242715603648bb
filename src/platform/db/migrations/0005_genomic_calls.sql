-- Genomics, second part: every result file a pipeline hands over (VCF, copy-number segments,
-- fusions, metrics) is one sequencing_file with its provenance; sample metrics, copy-number
-- segments and fusion calls per sample; and raw files (FASTQ/BAM/CRAM) known only by reference.

alter table sequencing_file drop constraint sequencing_file_format_check;
alter table sequencing_file
  add constraint sequencing_file_format_check
  check (format in ('vcf', 'copy-number-tsv', 'fusion-tsv', 'metrics-json'));
alter table sequencing_file add column uri text;
alter table sequencing_file add column access_zone text;

create table sample_metrics (
  sample_id uuid primary key references sequenced_sample (id),
  file_id uuid not null references sequencing_file (id),
  source text not null check (source in ('json', 'vcf-header')),
  tmb real check (tmb >= 0),
  tmb_unit text,
  tmb_callable_mb real,
  msi_status text check (msi_status in ('MSI-H', 'MSI-L', 'MSS', 'indeterminate')),
  msi_score real,
  msi_method text,
  purity real check (purity between 0 and 1),
  ploidy real check (ploidy > 0)
);

create table copy_number_segment (
  id bigserial primary key,
  file_id uuid not null references sequencing_file (id),
  sample_id uuid not null references sequenced_sample (id),
  line integer not null,
  chrom text not null,
  start_pos bigint not null,
  end_pos bigint not null check (end_pos >= start_pos),
  log2_ratio real,
  copy_number real,
  minor_copy_number real,
  genes text[] not null,
  call text not null check (call in ('amplification', 'gain', 'neutral', 'loss', 'deletion', 'homdel')),
  -- Whether the caller made the call or genvei derived it from copy number or log2 ratio.
  call_basis text not null check (call_basis in ('file', 'copy-number', 'log2'))
);
create index copy_number_segment_sample on copy_number_segment (sample_id);

create table fusion_call (
  id bigserial primary key,
  file_id uuid not null references sequencing_file (id),
  sample_id uuid not null references sequenced_sample (id),
  line integer not null,
  name text not null,
  gene5 text not null,
  gene3 text not null,
  chrom5 text not null,
  pos5 bigint not null,
  strand5 text check (strand5 in ('+', '-')),
  chrom3 text not null,
  pos3 bigint not null,
  strand3 text check (strand3 in ('+', '-')),
  transcript5 text,
  transcript3 text,
  spanning_reads integer,
  junction_reads integer,
  frame text not null check (frame in ('in-frame', 'out-of-frame', 'stop-codon', 'unknown')),
  confidence text check (confidence in ('low', 'medium', 'high')),
  caller text
);
create index fusion_call_sample on fusion_call (sample_id);

-- Raw sequencing data stays where the lab keeps it (its access zone); genvei holds the reference,
-- the size and the checksum, and serves them through GA4GH DRS.
create table raw_file (
  id uuid primary key,
  order_id uuid not null references clinical_order (id),
  specimen_id uuid not null references specimen (id),
  name text not null,
  uri text not null,
  format text not null check (format in ('fastq', 'bam', 'cram', 'vcf', 'bcf', 'other')),
  size_bytes bigint not null check (size_bytes >= 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  access_zone text not null,
  registered_at timestamptz not null default now(),
  registered_by uuid references app_user (id),
  unique (specimen_id, uri)
);
