-- A fusion partner may lie in no annotated gene: Arriba writes `.` for a breakpoint on an unplaced
-- contig or a viral sequence. Such a call is kept with that gene null (its name gives the
-- breakpoint instead); a call with no gene on either side is no fusion, and the reader refuses it.
alter table fusion_call alter column gene5 drop not null;
alter table fusion_call alter column gene3 drop not null;
alter table fusion_call
  add constraint fusion_call_names_a_gene check (gene5 is not null or gene3 is not null);
