/**
 * The vocabulary of the pipeline results that come beside the VCF: copy-number segments, gene
 * fusions and the sample's metrics (TMB, MSI, purity, ploidy).
 */

/**
 * `deletion` is a deep loss seen only in the log2 ratio; `homdel` is asserted only when the file
 * says so or gives a total copy number of 0, because an impure sample hides a homozygous loss.
 */
export type CopyNumberCall = 'amplification' | 'gain' | 'neutral' | 'loss' | 'deletion' | 'homdel';

/** Where a segment's call came from: the file's Call column, or genvei's thresholds on CN or log2. */
export type CallBasis = 'file' | 'copy-number' | 'log2';

export interface CopyNumberSegment {
  line: number;
  chrom: string;
  /** 1-based and inclusive at both ends, as PCGR reads segments. */
  start: number;
  end: number;
  /** Segment_Mean: log2(tumour / normal). */
  log2Ratio: number;
  /** Total integer copy number, when the caller estimated one. */
  copyNumber: number | null;
  minorCopyNumber: number | null;
  genes: string[];
  call: CopyNumberCall;
  callBasis: CallBasis;
}

/**
 * `stop-codon` is Arriba's: the frame is kept but a stop before the junction ends translation.
 * `non-coding`: the caller looked and a breakpoint is outside coding sequence (intron, UTR,
 * intergenic; Arriba's and STAR-Fusion's `.`), so there is no frame to keep. `unknown`: the
 * caller gave no frame at all.
 */
export type FusionFrame = 'in-frame' | 'out-of-frame' | 'stop-codon' | 'non-coding' | 'unknown';

export type FusionConfidence = 'low' | 'medium' | 'high';

export interface Breakpoint {
  chrom: string;
  /** 1-based. */
  pos: number;
  /** The transcribed strand at the breakpoint, when the caller knew it. */
  strand: '+' | '-' | null;
}

export interface FusionCall {
  line: number;
  /**
   * The 5′ (upstream) partner; for an intergenic breakpoint, as the caller wrote it (Arriba: the
   * neighbouring genes). Null when the breakpoint is in no annotated gene; never both.
   */
  gene5: string | null;
  gene3: string | null;
  breakpoint5: Breakpoint;
  breakpoint3: Breakpoint;
  transcript5: string | null;
  transcript3: string | null;
  /** Fragments whose mates map to the two partners (discordant pairs; STAR-Fusion's SpanningFragCount). */
  spanningReads: number;
  /** Reads that cross the junction itself (split reads; STAR-Fusion's JunctionReadCount). */
  junctionReads: number;
  frame: FusionFrame;
  confidence: FusionConfidence | null;
  caller: string | null;
  /** HGNC fusion notation, 5′ partner first: `EML4::ALK`; an absent partner by its breakpoint. */
  name: string;
}

export type MsiStatus = 'MSI-H' | 'MSI-L' | 'MSS' | 'indeterminate';

export interface TumourMutationalBurden {
  value: number;
  unit: 'mut/Mb';
  /** The megabases the burden was counted over, when the pipeline said. */
  callableMb: number | null;
  /** Which of the pipeline's figures this is, where it gives several (DRAGEN's AdjustedTmbPerMb). */
  method?: string;
}

export interface MicrosatelliteInstability {
  status: MsiStatus;
  /** The method's own score (for DRAGEN and MSIsensor: percent unstable sites); not comparable across methods. */
  score: number | null;
  method: string | null;
}

export interface SampleMetrics {
  /** The sample the metrics describe, when the file names it (VCF sample name, e.g. TUMOR). */
  sample: string | null;
  tmb: TumourMutationalBurden | null;
  msi: MicrosatelliteInstability | null;
  /** Tumour cell fraction, 0–1. */
  purity: number | null;
  ploidy: number | null;
  source: 'json' | 'vcf-header';
  pipeline: { name: string; version: string | null } | null;
}
