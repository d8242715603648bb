-- A VCF record is stored once per file, as the file gave it: one row per file and variant with the
-- record's QUAL and FILTER, each sample's call and every transcript's annotation. Until now a
-- record became five rows (an observation per sample, an annotation per transcript), eight index
-- entries and eight per-row foreign-key checks, and a whole genome took minutes; see
-- docs/decisions/0007-variant-records.md. `observation` and `variant_annotation` live on as views
-- with the columns they had, so readers see rows as before.

-- The place of each sample's call in a record's `calls`.
alter table sequenced_sample add column position integer;
update sequenced_sample s
set position = numbered.position
from (
  select id, (row_number() over (partition by file_id order by name_in_file, id) - 1)::integer as position
  from sequenced_sample
) numbered
where numbered.id = s.id;
alter table sequenced_sample alter column position set not null;
alter table sequenced_sample add constraint sequenced_sample_position unique (file_id, position);

create table variant_record (
  file_id uuid not null,
  variant_id bigint not null,
  line integer not null,
  qual real,
  filters text[] not null,
  -- One [genotype, depth, ref_depth, alt_depth, vaf] per sample, at its sequenced_sample.position.
  calls json not null,
  -- One [source, transcript, gene_symbol, gene_id, hgvsc, hgvsp, consequences, impact,
  -- mane_select, canonical, existing_variation, population_frequencies] per transcript.
  annotations json not null,
  primary key (file_id, variant_id)
);
create index variant_record_variant on variant_record (variant_id);

-- What the old tables held, record by record: each file's samples in position order, a missing
-- call as null so every later call keeps its place.
insert into variant_record (file_id, variant_id, line, qual, filters, calls, annotations)
select k.file_id, k.variant_id,
  coalesce(first_call.line, 0), first_call.qual, coalesce(first_call.filters, '{}'),
  coalesce((
    select json_agg(
      case when o.sample_id is null then null
        else json_build_array(o.genotype, o.depth, o.ref_depth, o.alt_depth, o.vaf) end
      order by s.position)
    from sequenced_sample s
    left join observation o on o.sample_id = s.id and o.variant_id = k.variant_id
    where s.file_id = k.file_id
  ), '[]'),
  coalesce((
    select json_agg(json_build_array(a.source, a.transcript, a.gene_symbol, a.gene_id, a.hgvsc, a.hgvsp,
      a.consequences, a.impact, a.mane_select, a.canonical, a.existing_variation, a.population_frequencies)
      order by a.source, a.transcript)
    from variant_annotation a
    where a.file_id = k.file_id and a.variant_id = k.variant_id
  ), '[]')
from (
  select s.file_id, o.variant_id from observation o join sequenced_sample s on s.id = o.sample_id
  union
  select file_id, variant_id from variant_annotation
) k
left join lateral (
  select o.line, o.qual, o.filters
  from observation o join sequenced_sample s on s.id = o.sample_id
  where s.file_id = k.file_id and o.variant_id = k.variant_id
  order by s.position
  limit 1
) first_call on true;

drop table variant_annotation;
drop table observation;

create view observation as
select s.id as sample_id, r.variant_id, r.line,
  r.calls -> s.position ->> 0 as genotype,
  (r.calls -> s.position ->> 1)::integer as depth,
  (r.calls -> s.position ->> 2)::integer as ref_depth,
  (r.calls -> s.position ->> 3)::integer as alt_depth,
  (r.calls -> s.position ->> 4)::real as vaf,
  r.filters, r.qual
from variant_record r
join sequenced_sample s on s.file_id = r.file_id
where json_typeof(r.calls -> s.position) = 'array';

create view variant_annotation as
select r.file_id, r.variant_id,
  a.value ->> 0 as source,
  a.value ->> 1 as transcript,
  a.value ->> 2 as gene_symbol,
  a.value ->> 3 as gene_id,
  a.value ->> 4 as hgvsc,
  a.value ->> 5 as hgvsp,
  array(select json_array_elements_text(a.value -> 6)) as consequences,
  a.value ->> 7 as impact,
  a.value ->> 8 as mane_select,
  (a.value ->> 9)::boolean as canonical,
  array(select json_array_elements_text(a.value -> 10)) as existing_variation,
  -- A transcript without frequencies stores null; the column has always been an object.
  coalesce(nullif((a.value -> 11)::jsonb, 'null'::jsonb), '{}'::jsonb) as population_frequencies
from variant_record r
cross join lateral json_array_elements(r.annotations) a;

-- Integrity, checked once per statement rather than once per row: a foreign key would look up
-- and lock its parent row for every record. Checking at insert is enough because the parents
-- stay: variants and the files that have records are never deleted and never change their id.
-- The lookups are scalar subqueries so that each stays an index probe: this plan is cached for
-- the session while the variant table grows, and a join here could be planned as a scan of it.
create function variant_record_parents_exist() returns trigger language plpgsql as $$
declare
  missing text;
begin
  select 'variant ' || a.variant_id into missing
  from added a where (select v.id from variant v where v.id = a.variant_id) is null limit 1;
  if missing is null then
    select 'sequencing_file ' || f.file_id into missing
    from (select distinct file_id from added) f
    where (select s.id from sequencing_file s where s.id = f.file_id) is null limit 1;
  end if;
  if missing is not null then
    raise exception 'variant_record refers to % that does not exist', missing using errcode = '23503';
  end if;
  return null;
end;
$$;
create trigger variant_record_parents after insert on variant_record
  referencing new table as added for each statement execute function variant_record_parents_exist();
create trigger variant_record_append_only before update or delete on variant_record
  for each row execute function history_is_append_only();

create function record_parent_stays() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and new.id = old.id then
    return new;
  end if;
  if tg_table_name = 'sequencing_file'
    and tg_op = 'DELETE'
    and not exists (select 1 from variant_record r where r.file_id = old.id) then
    return old;
  end if;
  raise exception '% % is referred to by variant records (% refused)', tg_table_name, old.id, tg_op
    using errcode = '23503';
end;
$$;
create trigger variant_stays before update or delete on variant
  for each row execute function record_parent_stays();
create trigger sequencing_file_stays before update or delete on sequencing_file
  for each row execute function record_parent_stays();

-- Nothing looks variants up by locus yet, and the index cost every ingest a third of its
-- variant insert; a locus search (Beacon) will bring the index it needs. The identity key is
-- compared byte-wise: it is an id, not words to sort by a language's rules.
drop index variant_locus;
alter table variant alter column identity_key type text collate "C";
