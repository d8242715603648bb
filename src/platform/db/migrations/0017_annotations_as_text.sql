-- A record's transcripts are stored as text, no longer as json (docs/decisions/0013).
--
-- The json type stores the text it was given and checks it on the way in: the server parsed every
-- byte of every record's annotations at COPY, only to keep the same text. They are 96 % of a
-- record's JSON (about 630 bytes to the calls' 25), and that check was about 3 s of the server's
-- CPU in a million-record ingest, a sixth of its work. Our writer is the only one of this column
-- (the ingest, in one transaction; the table is append-only), its JSON is tested to parse, and the
-- view below still reads it as JSON, so a text that is not JSON would fail loudly on read. The
-- price is there: a read parses the text twice (the cast checks it, then the elements are taken).
-- The calls stay json: they are short, and the observation view reads them per sample.
drop view variant_annotation;

alter table variant_record alter column annotations type text;

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
cross join lateral json_array_elements(r.annotations::json) a;
