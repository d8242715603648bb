-- A segment's call is stored only when the file made it. When genvei derives it from the integer
-- copy number, the answer depends on the tumour's ploidy, and the metrics that give the ploidy may
-- be ingested before the segments or after them: a stored derived call was gain or loss by the
-- order the files came in. The call is therefore derived when the segment is read, from its copy
-- number or log2 ratio (both kept) and the ploidy known then (store.ts segmentsOf).
--
-- Calls already derived are dropped here. They are not the file's words: the values they were
-- derived from stay, and the same call (or the one the current ploidy gives) is shown in their place.
alter table copy_number_segment rename column call to file_call;
alter table copy_number_segment alter column file_call drop not null;
update copy_number_segment set file_call = null where call_basis <> 'file';
alter table copy_number_segment drop column call_basis;
