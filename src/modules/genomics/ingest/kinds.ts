/** Dependency-free, so the web app can use it too. */
/** The result files a pipeline hands over, each ingested all-or-nothing into an order's specimen. */
export const INGEST_KINDS = ['vcf', 'copy-number', 'fusions', 'metrics'] as const;
export type IngestKind = (typeof INGEST_KINDS)[number];

/**
 * A kind from a file's name, for the CLI: `.cna.tsv`/`.cnv.tsv` and CNVkit's `.cns`, `.fusions.tsv`
 * (and Arriba's own `fusions.tsv`, STAR-Fusion's `star-fusion.fusion_predictions.tsv` with its
 * `.abridged` and `.abridged.coding_effect` forms), each gzipped or not; `.json`; else VCF.
 */
export function kindFromFileName(name: string): IngestKind {
  const lower = name.toLowerCase();
  if (/\.((cna|cnv|copy-?number|segments?)\.tsv|cns)(\.gz)?$/.test(lower)) return 'copy-number';
  if (/(^|[./\\])fusions?\.tsv(\.gz)?$/.test(lower)) return 'fusions';
  if (/(^|[./\\])fusion_predictions(\.abridged)?(\.coding_effect)?\.tsv(\.gz)?$/.test(lower))
    return 'fusions';
  if (lower.endsWith('.json')) return 'metrics';
  return 'vcf';
}

/**
 * How many lines of alleles merged into an earlier record of their file (merged_allele) an
 * ingest's result and the sample page name. They are given one more line than this when there
 * are more, so that a reader can say "…" exactly.
 */
export const MERGED_LINES_SHOWN = 10;

/** The merged lines to list, and whether there are more than those (then a reader adds "…"). */
export function shownLines(lines: readonly number[]): { shown: readonly number[]; more: boolean } {
  return { shown: lines.slice(0, MERGED_LINES_SHOWN), more: lines.length > MERGED_LINES_SHOWN };
}

/**
 * How an ingest reports how far it has come: records stored so far and, when it can say, the share
 * of the file done (0 to 1).
 */
export type IngestProgress = (records: number, fraction?: number) => void;

/** `queued`: waiting for the ingest before it (VCF ingests run one at a time); `running` from its first progress. */
export type IngestJobStatus = 'queued' | 'running' | 'done' | 'failed' | 'interrupted';

/** Whether a job may still change: a page keeps asking until it is done, failed or interrupted. */
export function unfinished(job: { status: IngestJobStatus }): boolean {
  return job.status === 'queued' || job.status === 'running';
}
