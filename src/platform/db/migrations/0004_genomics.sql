-- Genomic data: the files a pipeline handed over (by checksum, with provenance), the samples in
-- them, variants unique by identity, observations per sample, per-transcript annotations, and a
-- QC summary and metrics per sample.

create table sequencing_file (
  id uuid primary key,
  order_id uuid not null references clinical_order (id),
  specimen_id uuid not null references specimen (id),
  file_name text not null,
  format text not null check (format in ('vcf')),
  size_bytes bigint not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  -- The file's GA4GH DRS id: the raw file stays where it is; genvei knows it by reference.
  drs_id text not null unique,
  pipeline text,
  pipeline_version text,
  reference_build text,
  caller text,
  annotation_source text,
  records integer not null,
  ingested_at timestamptz not null default now(),
  ingested_by uuid references app_user (id),
  unique (specimen_id, sha256)
);

create table sequenced_sample (
  id uuid primary key,
  file_id uuid not null references sequencing_file (id),
  specimen_id uuid not null references specimen (id),
  name_in_file text not null,
  role text not null check (role in ('tumor', 'normal', 'germline')),
  unique (file_id, name_in_file)
);

-- Unique by identity: the VRS id when the allele was identified, else the trimmed allele's key.
create table variant (
  id bigserial primary key,
  identity_key text not null unique,
  vrs_id text,
  assembly text,
  chrom text not null,
  start_pos bigint not null,
  ref text not null,
  alt text not null,
  kind text not null check (kind in ('snv', 'mnv', 'insertion', 'deletion', 'delins', 'symbolic', 'breakend')),
  fully_normalised boolean not null
);
create index variant_locus on variant (chrom, start_pos);

create table observation (
  sample_id uuid not null references sequenced_sample (id),
  variant_id bigint not null references variant (id),
  line integer not null,
  genotype text,
  depth integer,
  ref_depth integer,
  alt_depth integer,
  vaf real,
  filters text[] not null,
  qual real,
  primary key (sample_id, variant_id)
);
create index observation_variant on observation (variant_id);

create table variant_annotation (
  file_id uuid not null references sequencing_file (id),
  variant_id bigint not null references variant (id),
  source text not null check (source in ('VEP', 'SnpEff')),
  transcript text not null,
  gene_symbol text,
  gene_id text,
  hgvsc text,
  hgvsp text,
  consequences text[] not null,
  impact text,
  mane_select text,
  canonical boolean not null,
  existing_variation text[] not null,
  population_frequencies jsonb not null,
  primary key (file_id, variant_id, source, transcript)
);

create table sample_qc (
  sample_id uuid primary key references sequenced_sample (id),
  records integer not null,
  pass_fraction real,
  ti_tv real,
  depth_quantiles jsonb not null
);
