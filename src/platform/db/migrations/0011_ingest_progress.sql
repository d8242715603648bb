-- How far an unfinished ingest has read its file, as a share of the file's bytes (compressed bytes
-- for a .vcf.gz), so a page can show a bar rather than only a count of records. Null when the
-- ingest cannot say (a file read whole before its records, such as a metrics JSON).
alter table ingest_job add column fraction real check (fraction >= 0 and fraction <= 1);
