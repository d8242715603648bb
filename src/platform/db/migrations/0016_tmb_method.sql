-- Which figure a stored TMB is. DRAGEN's tmb.json gives four, which can differ several-fold, and
-- the one read is the analysis' choice in the catalogue at the time of the ingest (migration 0014):
-- once the choice changes, only this column says which figure an earlier result was.
alter table sample_metrics add column tmb_method text;
