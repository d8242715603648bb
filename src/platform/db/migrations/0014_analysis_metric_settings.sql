-- An assay's own choices for reading its pipeline's sample metrics. DRAGEN's tmb.json holds four
-- TMB figures and its MSI JSON a percentage of unstable sites with no status; which figure a lab
-- reports and from what percentage a sample is MSI-H are validated per assay, so they are kept
-- with the analysis and genvei never supplies either. Null: not set, and such a file is refused.
alter table analysis
  add column tmb_figure text check (tmb_figure in (
    'TmbPerMb', 'AdjustedTmbPerMb', 'NonsynonymousTmbPerMb', 'AdjustedNonsynonymousTmbPerMb')),
  add column msi_high_at_percent real check (msi_high_at_percent between 0 and 100);
