-- Arriba's and STAR-Fusion's `.` frame says the caller looked and a breakpoint is outside coding
-- sequence: no fusion protein to keep in frame. It was read as `unknown`, which also means "the
-- caller gave no frame", and a report draft proposes those for the lab to judge; these it must
-- not. Calls stored before keep `unknown`: which of them were `.` the table cannot tell.
alter table fusion_call drop constraint fusion_call_frame_check;
alter table fusion_call
  add constraint fusion_call_frame_check
  check (frame in ('in-frame', 'out-of-frame', 'stop-codon', 'non-coding', 'unknown'));
