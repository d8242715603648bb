-- A file's variant is stored once, as the file's first record of it (migration 0008). When a later
-- allele of the same file is the same variant — a duplicated line, or an indel that trims or
-- left-aligns onto an earlier record — its own calls and annotations are not stored. This table
-- keeps that fact, line by line, so nothing the file said disappears without trace: the sample
-- page and the ingest's summary name the lines, and the record that was kept is the file's
-- variant_record for the same variant.
create table merged_allele (
  file_id uuid not null references sequencing_file (id),
  line integer not null check (line > 0),
  variant_id bigint not null references variant (id),
  primary key (file_id, line, variant_id)
);
create trigger merged_allele_append_only before update or delete on merged_allele
  for each row execute function history_is_append_only();
