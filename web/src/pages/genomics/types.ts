/** The genomics API as the sequencing page reads it (see src/modules/genomics/routes.ts, service.ts, store.ts). */
import type {
  CopyNumberCall,
  FusionConfidence,
  FusionFrame,
  MsiStatus,
} from '../../../../src/modules/genomics/calls/model.ts';
import type { SampleRole } from '../../../../src/modules/genomics/ingest/resultFile.ts';
import type { IngestJob } from '../../../../src/modules/genomics/ingestJobs.ts';

/** The kinds of result file, from the server's dependency-free list (the upload form offers them). */
export { INGEST_KINDS, type IngestKind, unfinished } from '../../../../src/modules/genomics/ingest/kinds.ts';
export type { CopyNumberCall, IngestJob, SampleRole };

/** The server's lists, written out again: their modules read files and databases the browser has not. */
export const SAMPLE_ROLES = ['tumor', 'normal', 'germline'] as const satisfies readonly SampleRole[];
export const RAW_FILE_FORMATS = ['fastq', 'bam', 'cram', 'vcf', 'bcf', 'other'] as const;
export type RawFileFormat = (typeof RAW_FILE_FORMATS)[number];

export type ResultFile = {
  id: string;
  file_name: string;
  format: 'vcf' | 'copy-number-tsv' | 'fusion-tsv' | 'metrics-json';
  size_bytes: number;
  sha256: string;
  drs_id: string;
  uri: string | null;
  access_zone: string | null;
  pipeline: string | null;
  pipeline_version: string | null;
  reference_build: string | null;
  caller: string | null;
  annotation_source: string | null;
  records: number;
  ingested_at: string;
  ingested_by: string | null;
  /** Alleles that were the same variant as an earlier record of the file, and the first lines. */
  merged_alleles: number;
  merged_lines: number[];
};

/** One sample as one file names it: QC when it came from a VCF, metrics when the file had them. */
export type SequencedSample = {
  id: string;
  file_id: string;
  name_in_file: string;
  role: SampleRole;
  records: number | null;
  pass_fraction: number | null;
  ti_tv: number | null;
  depth_quantiles: Record<string, number | null> | null;
  metrics_source: 'json' | 'vcf-header' | null;
  tmb: number | null;
  tmb_unit: string | null;
  /** Which of the pipeline's TMB figures, where it gives several (DRAGEN AdjustedTmbPerMb). */
  tmb_method: string | null;
  msi_status: MsiStatus | null;
  msi_score: number | null;
  msi_method: string | null;
  purity: number | null;
  ploidy: number | null;
  observations: number;
};

export type Segment = {
  file_id: string;
  chrom: string;
  start_pos: number;
  end_pos: number;
  log2_ratio: number | null;
  copy_number: number | null;
  minor_copy_number: number | null;
  genes: string[];
  call: CopyNumberCall;
  /** Whether the file made the call or genvei derived it as the segment was read. */
  call_basis: 'file' | 'copy-number' | 'log2';
  /** The tumour ploidy a copy-number call was made against (2 when no metrics give one). */
  call_ploidy: number | null;
  /** Called against half the ploidy: chrX or chrY outside the PARs in a male. */
  call_one_copy: boolean;
};

export type Fusion = {
  file_id: string;
  name: string;
  /** Null for a breakpoint in no annotated gene; `name` then gives the breakpoint. */
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
  frame: FusionFrame;
  confidence: FusionConfidence | null;
  caller: string | null;
};

export type RawFile = {
  id: string;
  name: string;
  uri: string;
  format: RawFileFormat;
  size_bytes: number;
  sha256: string;
  access_zone: string;
  registered_at: string;
  registered_by: string | null;
};

export type SpecimenGenomics = {
  specimen: {
    id: string;
    kind: string;
    accession_id: string | null;
    block_id: string | null;
    tumour_cell_percent: number | null;
    order_id: string;
    order_number: string;
  };
  files: ResultFile[];
  samples: SequencedSample[];
  segments: Segment[];
  fusions: Fusion[];
  rawFiles: RawFile[];
  ingests: IngestJob[];
  /** The policy's answer for this user: may they upload results and register raw files here. */
  mayAdd: boolean;
};

/** What `POST /api/specimens/:id/raw-files` answers. */
export type RawFileRegistered = { id: string; created: boolean; drsUri: string };

/** Where a page or file is: one URL each, so the order page can link here and a DRS client can follow. */
export const sequencingPath = (specimenId: string) => `/genomics/specimens/${specimenId}`;
export const drsObjectPath = (id: string) => `/ga4gh/drs/v1/objects/${id}`;
