/**
 * The QC summary of one sample, accumulated while a file streams past: how many calls, the PASS
 * fraction, Ti/Tv of its SNVs, and the spread of read depth (quantiles from a bounded histogram,
 * so a genome-sized file costs no more memory than a panel).
 *
 * What counts (the writer's callsOf decides, per allele after splitting): a call whose genotype
 * carries this ALT, or a call without a GT field; not 0/0 or a no-call. A multi-allelic call such
 * as 1/2 therefore counts once for each ALT it carries (bcftools stats counts the site once).
 * The depth is every call's that gives one, whatever its genotype, as bcftools stats' per-sample
 * depth is: in a tumour/normal file the normal is 0/0 at the tumour's variants, and its depth
 * there is what its QC is about.
 * The PASS fraction is of the calls whose record was filtered: FILTER `.` says no filters were
 * applied, which is neither a pass nor a failure, so a file filtered nowhere has none (null).
 * Depths above 10,000 count as 10,000.
 */
export type SampleQcSummary = ReturnType<SampleQc['summary']>;

/**
 * A, C, G and T (either case) by character code, each a bit of its own with PURINE set for A and
 * G; any other code (N, another IUPAC code) is 0, and a change to or from it is neither a
 * transition nor a transversion.
 */
const PURINE = 16;
const BASES = new Uint8Array(128);
BASES[97] = 1 | PURINE;
BASES[99] = 2;
BASES[103] = 4 | PURINE;
BASES[116] = 8;
const DEPTH_CAP = 10_000;

export class SampleQc {
  private records = 0;
  /** Calls whose record was filtered (FILTER not `.`; `.` is an empty list), and those that passed. */
  private filtered = 0;
  private passed = 0;
  private transitions = 0;
  private transversions = 0;
  private readonly depths = new Uint32Array(DEPTH_CAP + 1);
  private depthCount = 0;

  /** A call that carries the ALT (see above). Its depth goes to addDepth, as every call's does. */
  add(filters: readonly string[], refBases: string, altBases: string, kind: string) {
    this.records++;
    if (filters.length > 0) this.filtered++;
    if (filters.length === 1 && filters[0] === 'PASS') this.passed++;
    // An 'snv' is one base each side (identity.ts's kindOf): the first character is the allele.
    if (kind === 'snv') {
      const ref = BASES[refBases.charCodeAt(0) | 0x20] ?? 0;
      const alt = BASES[altBases.charCodeAt(0) | 0x20] ?? 0;
      if (ref !== 0 && alt !== 0 && ref !== alt) {
        // Purines (A, G) to purines and pyrimidines (C, T) to pyrimidines are transitions.
        if ((ref & PURINE) === (alt & PURINE)) this.transitions++;
        else this.transversions++;
      }
    }
  }

  /** A call's read depth, whatever its genotype; null (no DP) adds nothing. */
  addDepth(depth: number | null) {
    if (depth === null) return;
    const bin = Math.min(depth, DEPTH_CAP);
    this.depths[bin] = (this.depths[bin] as number) + 1;
    this.depthCount++;
  }

  summary() {
    return {
      records: this.records,
      passFraction: this.filtered === 0 ? null : this.passed / this.filtered,
      tiTv: this.transversions === 0 ? null : this.transitions / this.transversions,
      depthQuantiles: Object.fromEntries(
        [10, 25, 50, 75, 90].map((p) => [`p${p}`, this.depthQuantile(p / 100)]),
      ),
    };
  }

  private depthQuantile(q: number): number | null {
    if (this.depthCount === 0) return null;
    const rank = Math.max(1, Math.ceil(q * this.depthCount));
    let seen = 0;
    for (let depth = 0; depth <= DEPTH_CAP; depth++) {
      seen += this.depths[depth] as number;
      if (seen >= rank) return depth;
    }
    return DEPTH_CAP;
  }
}
