/**
 * Overlap look-up for region filters. Target BEDs run to thousands of intervals, so each chromosome's
 * intervals are sorted once and every variant costs one binary search instead of a scan.
 */
import type { GenomicInterval } from './chain.ts';
import type { CaseVariant } from './model.ts';

/** "chr7", "Chr7" and "7" are one chromosome; "chrM" and "M" are "MT", as Ensembl names it. */
export function normaliseChrom(chrom: string): string {
  const bare = /^chr/i.test(chrom) ? chrom.slice(3) : chrom;
  const upper = bare.toUpperCase();
  return upper === 'M' ? 'MT' : upper;
}

/**
 * The bases a variant's REF covers, 0-based and end exclusive like the regions. Insertions and
 * breakends cover their anchor base; symbolic alleles their first base, as END is not on the row.
 */
export function variantSpan(variant: CaseVariant): { start: number; end: number } {
  const start = variant.pos - 1;
  return { start, end: start + Math.max(variant.ref.length, 1) };
}

interface ChromIntervals {
  starts: number[];
  /** maxEnds[i]: the greatest end among the intervals 0..i in start order. */
  maxEnds: number[];
}

export interface RegionIndex {
  overlaps(chrom: string, start: number, end: number): boolean;
}

export function indexRegions(regions: readonly GenomicInterval[]): RegionIndex {
  const byChrom = new Map<string, GenomicInterval[]>();
  for (const region of regions) {
    const chrom = normaliseChrom(region.chrom);
    const list = byChrom.get(chrom);
    if (list === undefined) byChrom.set(chrom, [region]);
    else list.push(region);
  }
  const index = new Map<string, ChromIntervals>();
  for (const [chrom, list] of byChrom) {
    list.sort((a, b) => a.start - b.start);
    const maxEnds: number[] = [];
    let maxEnd = -1;
    for (const region of list) {
      maxEnd = Math.max(maxEnd, region.end);
      maxEnds.push(maxEnd);
    }
    index.set(chrom, { starts: list.map((region) => region.start), maxEnds });
  }
  return {
    overlaps(chrom, start, end) {
      const intervals = index.get(chrom);
      if (intervals === undefined) return false;
      // The intervals that start before `end` are a prefix; one of them overlaps iff the greatest
      // end in that prefix reaches past `start`.
      const count = countBelow(intervals.starts, end);
      return count > 0 && (intervals.maxEnds[count - 1] ?? -1) > start;
    },
  };
}

/** How many of the sorted values are below the limit. */
function countBelow(sorted: readonly number[], limit: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? limit) < limit) low = middle + 1;
    else high = middle;
  }
  return low;
}
