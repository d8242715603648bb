import type { CallBasis, CopyNumberCall } from './model.ts';

/**
 * The thresholds genvei calls a segment by when the file gives no Call. Bounds are inclusive.
 * They are genvei's defaults, not PCGR's (PCGR 1.x used log2 ±0.8 for gain / homozygous deletion);
 * a laboratory that validated other cut-offs passes its own.
 */
export interface CopyNumberThresholds {
  log2: {
    /** log2 ≥ this: amplification. */
    amplification: number;
    /** log2 ≥ this: gain. */
    gain: number;
    /** log2 ≤ this: loss. */
    loss: number;
    /** log2 ≤ this: deletion (deep; homozygous only if the copy number says 0). */
    deletion: number;
  };
  /** Total copy number ≥ this × ploidy: amplification (6 copies in a diploid tumour). */
  amplificationPloidyRatio: number;
}

export const COPY_NUMBER_THRESHOLDS: CopyNumberThresholds = {
  log2: { amplification: 1.0, gain: 0.3, loss: -0.3, deletion: -1.0 },
  amplificationPloidyRatio: 3,
};

export const DIPLOID = 2;

export interface DerivedCall {
  call: CopyNumberCall;
  basis: Exclude<CallBasis, 'file'>;
}

/**
 * The integer copy number decides when there is one: the caller has already corrected it for
 * purity and ploidy, which the log2 ratio is not. Against the ploidy rounded to whole copies:
 * 0 → homdel; ≥ ratio × ploidy → amplification; above → gain; below → loss; equal → neutral.
 */
export function deriveCopyNumberCall(
  log2Ratio: number,
  copyNumber: number | null,
  ploidy: number = DIPLOID,
  thresholds: CopyNumberThresholds = COPY_NUMBER_THRESHOLDS,
): DerivedCall {
  if (copyNumber !== null) {
    const baseline = Math.round(ploidy);
    let call: CopyNumberCall = 'neutral';
    if (copyNumber === 0) call = 'homdel';
    else if (copyNumber >= thresholds.amplificationPloidyRatio * ploidy) call = 'amplification';
    else if (copyNumber > baseline) call = 'gain';
    else if (copyNumber < baseline) call = 'loss';
    return { call, basis: 'copy-number' };
  }
  const { log2 } = thresholds;
  let call: CopyNumberCall = 'neutral';
  if (log2Ratio >= log2.amplification) call = 'amplification';
  else if (log2Ratio >= log2.gain) call = 'gain';
  else if (log2Ratio <= log2.deletion) call = 'deletion';
  else if (log2Ratio <= log2.loss) call = 'loss';
  return { call, basis: 'log2' };
}

/** A stored segment: the file's own call, if it made one, and what a call is derived from. */
export interface StoredSegment {
  fileCall: CopyNumberCall | null;
  log2Ratio: number | null;
  copyNumber: number | null;
}

/**
 * A stored segment's call, made as it is read: the file's when it gave one; otherwise derived
 * against the ploidy known now (null: diploid), so that the call does not depend on whether the
 * metrics were ingested before the segments or after. `ploidy` in the answer is the tumour ploidy
 * a copy-number call was made against, for the reader to see (a one-copy region is called against
 * half of it); null for the other bases.
 */
export function segmentCall(
  segment: StoredSegment,
  ploidy: number | null,
  options: { oneCopy?: boolean; thresholds?: CopyNumberThresholds } = {},
): { call: CopyNumberCall; basis: CallBasis; ploidy: number | null } {
  if (segment.fileCall !== null) return { call: segment.fileCall, basis: 'file', ploidy: null };
  const { oneCopy = false, thresholds = COPY_NUMBER_THRESHOLDS } = options;
  const against = ploidy ?? DIPLOID;
  // A region the patient has one copy of (sexChromosomes.ts) is called against half the ploidy.
  // The log2 ratio is left as it is: whether it is already relative to a male reference, only
  // the pipeline knows.
  const expected = oneCopy ? against / 2 : against;
  // genvei always stores a log2 ratio (Segment_Mean is required); the column alone allows null.
  const derived = deriveCopyNumberCall(segment.log2Ratio ?? 0, segment.copyNumber, expected, thresholds);
  return { ...derived, ploidy: derived.basis === 'copy-number' ? against : null };
}

/** Thresholds out of order would call the same segment two ways; refuse them before reading a line. */
export function checkThresholds(thresholds: CopyNumberThresholds): void {
  const { amplification, gain, loss, deletion } = thresholds.log2;
  const ordered = amplification >= gain && gain > 0 && 0 > loss && loss >= deletion;
  if (!ordered) {
    throw new RangeError(
      `copy-number thresholds must satisfy amplification ≥ gain > 0 > loss ≥ deletion, got ${amplification}, ${gain}, ${loss}, ${deletion}`,
    );
  }
  if (!(thresholds.amplificationPloidyRatio > 1)) {
    throw new RangeError(
      `the amplification ploidy ratio must be above 1, got ${thresholds.amplificationPloidyRatio}`,
    );
  }
}

export const CALLS: readonly CopyNumberCall[] = [
  'amplification',
  'gain',
  'neutral',
  'loss',
  'deletion',
  'homdel',
];
