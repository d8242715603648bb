/**
 * Which segments a male has one copy of in a diploid genome: chrX and chrY outside their
 * pseudoautosomal regions (PARs). A copy number there is called against half the ploidy, so a
 * male's single X reads as neutral, not as a loss of one copy.
 *
 * The PARs are those of GRCh37 and GRCh38 together (a segment's build is not always known, and
 * they differ by less than 100 kb at PAR1's end and by 0.8 Mb in place for PAR2). A segment
 * counts as one-copy when more than half of it lies outside them: callers merge whole arms.
 */
export type Sex = 'female' | 'male' | 'other' | 'unknown';

type Range = readonly [start: number, end: number];

const PARS: Record<'X' | 'Y', readonly Range[]> = {
  // GRCh37 60,001–2,699,520 and 154,931,044–155,260,560; GRCh38 10,001–2,781,479 and 155,701,383–156,030,895.
  X: [
    [10_001, 2_781_479],
    [154_931_044, 156_030_895],
  ],
  // GRCh37 10,001–2,649,520 and 59,034,050–59,363,566; GRCh38 10,001–2,781,479 and 56,887,903–57,217,415.
  Y: [
    [10_001, 2_781_479],
    [56_887_903, 57_217_415],
    [59_034_050, 59_363_566],
  ],
};

/** 'X' or 'Y' for the sex chromosomes' usual names (chrX, X, chrx), else null. */
export function sexChromosome(chrom: string): 'X' | 'Y' | null {
  const name = chrom.toUpperCase().replace(/^CHR/, '');
  return name === 'X' || name === 'Y' ? name : null;
}

/** Whether a patient of this sex has one copy of the segment (1-based, inclusive) in a normal genome. */
export function isOneCopyRegion(
  segment: { chrom: string; start: number; end: number },
  sex: Sex | null,
): boolean {
  if (sex !== 'male') return false;
  const chromosome = sexChromosome(segment.chrom);
  if (chromosome === null) return false;
  const length = segment.end - segment.start + 1;
  if (!(length > 0)) return false;
  let inPars = 0;
  for (const [start, end] of PARS[chromosome]) {
    const overlap = Math.min(end, segment.end) - Math.max(start, segment.start) + 1;
    if (overlap > 0) inPars += overlap;
  }
  return inPars * 2 < length;
}
