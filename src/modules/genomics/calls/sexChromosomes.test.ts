import { describe, expect, it } from 'vitest';
import { segmentCall } from './copyNumberCalls.ts';
import { isOneCopyRegion, sexChromosome } from './sexChromosomes.ts';

describe('the regions a patient has one copy of', () => {
  it('are, in a male, chrX and chrY outside their pseudoautosomal regions, by any usual name', () => {
    expect(sexChromosome('chrX')).toBe('X');
    expect(sexChromosome('x')).toBe('X');
    expect(sexChromosome('chrY')).toBe('Y');
    expect(sexChromosome('23')).toBe('X');
    expect(sexChromosome('NC_000023.11')).toBe('X');
    expect(sexChromosome('24')).toBe('Y');
    expect(sexChromosome('NC_000024.10')).toBe('Y');
    expect(sexChromosome('chr7')).toBeNull();
    expect(sexChromosome('NC_000007.14')).toBeNull();
    // ATRX, DMD: well outside PAR1 and PAR2.
    expect(isOneCopyRegion({ chrom: 'chrX', start: 77_504_880, end: 77_786_233 }, 'male')).toBe(true);
    expect(isOneCopyRegion({ chrom: 'X', start: 31_097_677, end: 33_339_441 }, 'male')).toBe(true);
    expect(isOneCopyRegion({ chrom: 'chrY', start: 2_786_855, end: 2_787_682 }, 'male')).toBe(true); // SRY
  });

  it('are not the PARs (of GRCh37 and GRCh38 alike), nor a segment mostly in them', () => {
    expect(isOneCopyRegion({ chrom: 'chrX', start: 1_400_000, end: 1_500_000 }, 'male')).toBe(false); // CSF2RA
    expect(isOneCopyRegion({ chrom: 'chrX', start: 155_800_000, end: 155_900_000 }, 'male')).toBe(false);
    expect(isOneCopyRegion({ chrom: 'chrX', start: 155_000_000, end: 155_100_000 }, 'male')).toBe(false);
    // Half in PAR1, half out: not more than half outside.
    expect(isOneCopyRegion({ chrom: 'chrX', start: 2_000_001, end: 3_562_958 }, 'male')).toBe(false);
    // A whole-chromosome segment is nearly all outside the PARs.
    expect(isOneCopyRegion({ chrom: 'chrX', start: 1, end: 156_040_895 }, 'male')).toBe(true);
  });

  it("follow the segment's build: what is a PAR in one build and not in the other", () => {
    const male = 'male' as const;
    // SRY and RPS4Y1 in GRCh37: Y-only there, inside PAR1's extent in GRCh38.
    const sry37 = { chrom: 'Y', start: 2_654_896, end: 2_655_740 };
    expect(isOneCopyRegion(sry37, male, 'GRCh37')).toBe(true);
    expect(isOneCopyRegion({ chrom: 'Y', start: 2_709_623, end: 2_734_997 }, male, 'GRCh37')).toBe(true);
    // BRCC3 and TMLHE in GRCh38: X-only there, where GRCh37 has PAR2.
    const brcc3 = { chrom: 'chrX', start: 155_071_420, end: 155_123_074 };
    const tmlhe = { chrom: 'chrX', start: 155_489_011, end: 155_669_944 };
    expect(isOneCopyRegion(brcc3, male, 'GRCh38')).toBe(true);
    expect(isOneCopyRegion(tmlhe, male, 'GRCh38')).toBe(true);
    expect(isOneCopyRegion({ chrom: 'chrX', start: 155_000_000, end: 155_100_000 }, male, 'GRCh37')).toBe(
      false,
    );
    // With no build, a PAR of either build counts as one: the call stays as it was.
    expect(isOneCopyRegion(brcc3, male, null)).toBe(false);
    expect(isOneCopyRegion(sry37, male, null)).toBe(false);
    // Only what lies between the two builds' PAR2s is outside both.
    expect(isOneCopyRegion(tmlhe, male, null)).toBe(true);
    // PAR1 of the two builds overlaps: counted once, so 2.0–3.6 Mb is still half in, half out.
    expect(isOneCopyRegion({ chrom: 'chrX', start: 2_000_001, end: 3_562_958 }, male, null)).toBe(false);
    expect(isOneCopyRegion({ chrom: 'chrX', start: 2_000_001, end: 3_600_000 }, male, null)).toBe(true);
  });

  it('are none for a female, or when the sex is other or unknown, nor on the autosomes', () => {
    for (const sex of ['female', 'other', 'unknown', null] as const) {
      expect(isOneCopyRegion({ chrom: 'chrX', start: 77_504_880, end: 77_786_233 }, sex)).toBe(false);
    }
    expect(isOneCopyRegion({ chrom: 'chr7', start: 116_672_196, end: 116_798_377 }, 'male')).toBe(false);
  });
});

describe("a one-copy region's copy number", () => {
  const segment = { fileCall: null, log2Ratio: -1.0, copyNumber: 1 };

  it('is called against half the ploidy: one copy of a male X is neutral, none is a homozygous deletion', () => {
    expect(segmentCall(segment, null)).toEqual({ call: 'loss', basis: 'copy-number', ploidy: 2 });
    expect(segmentCall(segment, null, { oneCopy: true })).toEqual({
      call: 'neutral',
      basis: 'copy-number',
      ploidy: 2,
    });
    expect(segmentCall({ ...segment, copyNumber: 2 }, 2.1, { oneCopy: true }).call).toBe('gain');
    expect(segmentCall({ ...segment, copyNumber: 3 }, 2, { oneCopy: true }).call).toBe('amplification');
    expect(segmentCall({ ...segment, copyNumber: 0 }, 2, { oneCopy: true }).call).toBe('homdel');
  });

  it('leaves the log2 ratio and the file’s own call as they are', () => {
    expect(segmentCall({ ...segment, copyNumber: null }, null, { oneCopy: true })).toEqual({
      call: 'deletion',
      basis: 'log2',
      ploidy: null,
    });
    expect(segmentCall({ ...segment, fileCall: 'loss' }, null, { oneCopy: true }).call).toBe('loss');
  });
});
