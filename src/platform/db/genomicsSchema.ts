import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt } from './schema.ts';

/**
 * Genomic data (migrations 0004, 0005, 0008, 0009, 0010, 0011): files by checksum with provenance, samples, variants,
 * calls. `observation` and `variant_annotation` are views over `variant_record` (read them; the
 * ingest writes records).
 */
export interface GenomicsTables {
  sequencing_file: SequencingFileTable;
  sequenced_sample: SequencedSampleTable;
  variant: VariantTable;
  variant_record: VariantRecordTable;
  merged_allele: MergedAlleleTable;
  observation: ObservationTable;
  variant_annotation: VariantAnnotationTable;
  sample_qc: SampleQcTable;
  sample_metrics: SampleMetricsTable;
  copy_number_segment: CopyNumberSegmentTable;
  fusion_call: FusionCallTable;
  raw_file: RawFileTable;
  ingest_job: IngestJobTable;
}

/** An upload's ingest (migration 0009); `interrupted` is read from a stopped heartbeat, never stored. */
export interface IngestJobTable {
  id: string;
  order_id: string;
  specimen_id: string;
  kind: string;
  file_name: string;
  bytes: number;
  status: 'queued' | 'running' | 'done' | 'failed';
  records: ColumnType<number, number | undefined, number>;
  /** The share of the file read so far (migration 0011); null when the ingest cannot say. */
  fraction: ColumnType<number | null, number | null | undefined, number | null>;
  started_at: CreatedAt;
  finished_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  heartbeat_at: ColumnType<Date, Date | undefined, Date>;
  started_by: string;
  result: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  error: ColumnType<IngestJobError | null, string | null | undefined, string | null>;
}

export type IngestJobError = { message: string; line: number | null; field: string | null };

export interface SequencingFileTable {
  id: string;
  order_id: string;
  specimen_id: string;
  file_name: string;
  format: ResultFileFormat;
  /** Where the file was read from (file:// or https://); genvei keeps no copy. */
  uri: string | null;
  access_zone: string | null;
  size_bytes: number;
  sha256: string;
  drs_id: string;
  pipeline: string | null;
  pipeline_version: string | null;
  reference_build: string | null;
  caller: string | null;
  annotation_source: string | null;
  records: number;
  ingested_at: CreatedAt;
  ingested_by: string | null;
}

export interface SequencedSampleTable {
  id: string;
  file_id: string;
  specimen_id: string;
  name_in_file: string;
  role: 'tumor' | 'normal' | 'germline';
  /** Where this sample's call sits in each record's `calls`. */
  position: number;
}

export interface VariantTable {
  id: Generated<number>;
  identity_key: string;
  vrs_id: string | null;
  assembly: string | null;
  chrom: string;
  start_pos: number;
  ref: string;
  alt: string;
  kind: 'snv' | 'mnv' | 'insertion' | 'deletion' | 'delins' | 'symbolic' | 'breakend';
  fully_normalised: boolean;
}

/**
 * One VCF record of one file: the calls and annotations are compact JSON (see migration 0008); the
 * annotations are kept as text, which the server does not parse on the way in (migration 0017).
 */
export interface VariantRecordTable {
  file_id: string;
  variant_id: number;
  line: number;
  qual: number | null;
  filters: string[];
  calls: ColumnType<unknown, string, never>;
  annotations: ColumnType<unknown, string, never>;
}

/**
 * A later allele of a file that is the same variant as an earlier record of that file; its own
 * calls and annotations were not stored (migration 0010).
 */
export interface MergedAlleleTable {
  file_id: string;
  line: number;
  variant_id: number;
}

/** A view: one sample's call in a record. */
export interface ObservationTable {
  sample_id: string;
  variant_id: number;
  line: number;
  genotype: string | null;
  depth: number | null;
  ref_depth: number | null;
  alt_depth: number | null;
  vaf: number | null;
  filters: string[];
  qual: number | null;
}

/** A view: one transcript's annotation in a record. */
export interface VariantAnnotationTable {
  file_id: string;
  variant_id: number;
  source: 'VEP' | 'SnpEff';
  transcript: string;
  gene_symbol: string | null;
  gene_id: string | null;
  hgvsc: string | null;
  hgvsp: string | null;
  consequences: string[];
  impact: string | null;
  mane_select: string | null;
  canonical: boolean;
  existing_variation: string[];
  population_frequencies: ColumnType<Record<string, number>, string, never>;
}

export interface SampleQcTable {
  sample_id: string;
  records: number;
  pass_fraction: number | null;
  ti_tv: number | null;
  depth_quantiles: ColumnType<Record<string, number>, string, never>;
}

export type ResultFileFormat = 'vcf' | 'copy-number-tsv' | 'fusion-tsv' | 'metrics-json';

export interface SampleMetricsTable {
  sample_id: string;
  file_id: string;
  source: 'json' | 'vcf-header';
  tmb: number | null;
  tmb_unit: string | null;
  /** Which of the pipeline's TMB figures (migration 0016); null where it gives one. */
  tmb_method: Generated<string | null>;
  tmb_callable_mb: number | null;
  msi_status: 'MSI-H' | 'MSI-L' | 'MSS' | 'indeterminate' | null;
  msi_score: number | null;
  msi_method: string | null;
  purity: number | null;
  ploidy: number | null;
}

export interface CopyNumberSegmentTable {
  id: Generated<number>;
  file_id: string;
  sample_id: string;
  line: number;
  chrom: string;
  start_pos: number;
  end_pos: number;
  log2_ratio: number | null;
  copy_number: number | null;
  minor_copy_number: number | null;
  genes: string[];
  /** The file's own Call; null when genvei derives the call as the segment is read. */
  file_call: 'amplification' | 'gain' | 'neutral' | 'loss' | 'deletion' | 'homdel' | null;
}

export interface FusionCallTable {
  id: Generated<number>;
  file_id: string;
  sample_id: string;
  line: number;
  name: string;
  /** Null for a breakpoint in no annotated gene (migration 0013); never both. */
  gene5: string | null;
  gene3: string | null;
  chrom5: string;
  pos5: number;
  strand5: '+' | '-' | null;
  chrom3: string;
  pos3: number;
  strand3: '+' | '-' | null;
  transcript5: string | null;
  transcript3: string | null;
  spanning_reads: number | null;
  junction_reads: number | null;
  frame: 'in-frame' | 'out-of-frame' | 'stop-codon' | 'non-coding' | 'unknown';
  confidence: 'low' | 'medium' | 'high' | null;
  caller: string | null;
}

export type RawFileFormat = 'fastq' | 'bam' | 'cram' | 'vcf' | 'bcf' | 'other';

export interface RawFileTable {
  id: string;
  order_id: string;
  specimen_id: string;
  name: string;
  uri: string;
  format: RawFileFormat;
  size_bytes: number;
  sha256: string;
  access_zone: string;
  registered_at: CreatedAt;
  registered_by: string | null;
}
