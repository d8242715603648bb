/**
 * Which segments a male has one copy of in a diploid genome: chrX and chrY outside their
 * pseudoautosomal regions (PARs). A copy number there is called against half the ploidy, so a
 * male's single X reads as neutral, not as a loss of one copy.
 *
 * The PARs are taken from the segment's build when it is known. When it is not, a region that is a
 * PAR in either GRCh37 or GRCh38 counts as one: a PAR taken for one copy would call a normal two
 * copies a gain, whereas the other way round only keeps the call as it was before this rule. A
 * segment counts as one-copy when more than half of it lies outside the PARs: callers merge
 * whole arms.
 */
export type Sex = 'female' | 'male' | 'other' | 'unknown';

/** Each build's ranges ascend; EITHER's are sorted once, here. */
type Range = readonly [start: number, end: number];
type Pars = Record<'X' | 'Y', readonly Range[]>;

const GRCH37: Pars = {
  X: [
    [60_001, 2_699_520],
    [154_931_044, 155_260_560],
  ],
  Y: [
    [10_001, 2_649_520],
    [59_034_050, 59_363_566],
  ],
};

const GRCH38: Pars = {
  X: [
    [10_001, 2_781_479],
    [155_701_383, 156_030_895],
  ],
  Y: [
    [10_001, 2_781_479],
    [56_887_903, 57_217_415],
  ],
};

const ascending = (ranges: readonly Range[]) => [...ranges].sort((a, b) => a[0] - b[0]);
const EITHER: Pars = {
  X: ascending([...GRCH37.X, ...GRCH38.X]),
  Y: ascending([...GRCH37.Y, ...GRCH38.Y]),
};

function parsOf(build: string | null): Pars {
  if (build === 'GRCh38') return GRCH38;
  if (build === 'GRCh37') return GRCH37;
  return EITHER;
}

/** 'X' or 'Y' for the sex chromosomes' usual names (chrX, X, 23, NC_000023.11), else null. */
export function sexChromosome(chrom: string): 'X' | 'Y' | null {
  const name = chrom.toUpperCase().replace(/^CHR/, '');
  if (name === 'X' || name === '23' || /^NC_000023\.\d+$/.test(name)) return 'X';
  if (name === 'Y' || name === '24' || /^NC_000024\.\d+$/.test(name)) return 'Y';
  return null;
}

/**
 * Whether a patient of this sex has one copy of the segment (1-based, inclusive) in a normal
 * genome; `build` is the segment's reference build (GRCh37 or GRCh38), null when unknown.
 */
export function isOneCopyRegion(
  segment: { chrom: string; start: number; end: number },
  sex: Sex | null,
  build: string | null = null,
): boolean {
  if (sex !== 'male') return false;
  const chromosome = sexChromosome(segment.chrom);
  if (chromosome === null) return false;
  const length = segment.end - segment.start + 1;
  if (!(length > 0)) return false;
  // The ranges of EITHER overlap one another (PAR1 of both builds), so what lies in PARs is
  // measured position by position over their union, not summed per range.
  let inPars = 0;
  let coveredTo = segment.start - 1;
  for (const [start, end] of parsOf(build)[chromosome]) {
    const from = Math.max(start, segment.start, coveredTo + 1);
    const to = Math.min(end, segment.end);
    if (to >= from) inPars += to - from + 1;
    coveredTo = Math.max(coveredTo, to);
  }
  return inPars * 2 < length;
}
