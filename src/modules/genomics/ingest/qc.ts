/**
 * The QC summary of one sample, accumulated while a file streams past: how many calls, the PASS
 * fraction, Ti/Tv of its SNVs, and the spread of read depth (quantiles from a bounded histogram,
 * so a genome-sized file costs no more memory than a panel).
 *
 * What counts (the writer's callsOf decides, per allele after splitting): a call whose genotype
 * carries this ALT, or a call without a GT field; not 0/0 or a no-call. A multi-allelic call such
 * as 1/2 therefore counts once for each ALT it carries (bcftools stats counts the site once).
 * FILTER `.` (not filtered) is not PASS. Depths above 10,000 count as 10,000.
 */
export type SampleQcSummary = ReturnType<SampleQc['summary']>;

const TRANSITIONS = new Set(['AG', 'GA', 'CT', 'TC']);
/** Only base changes between A, C, G and T: an N (or another IUPAC code) is neither. */
const TRANSVERSIONS = new Set(['AC', 'CA', 'AT', 'TA', 'GC', 'CG', 'GT', 'TG']);
const DEPTH_CAP = 10_000;

export class SampleQc {
  private records = 0;
  private passed = 0;
  private transitions = 0;
  private transversions = 0;
  private readonly depths = new Uint32Array(DEPTH_CAP + 1);
  private depthCount = 0;

  add(call: { filters: readonly string[]; ref: string; alt: string; kind: string; depth: number | null }) {
    this.records++;
    if (call.filters.length === 1 && call.filters[0] === 'PASS') this.passed++;
    if (call.kind === 'snv') {
      const change = (call.ref + call.alt).toUpperCase();
      if (TRANSITIONS.has(change)) this.transitions++;
      else if (TRANSVERSIONS.has(change)) this.transversions++;
    }
    if (call.depth !== null) {
      const bin = Math.min(call.depth, DEPTH_CAP);
      this.depths[bin] = (this.depths[bin] as number) + 1;
      this.depthCount++;
    }
  }

  summary() {
    return {
      records: this.records,
      passFraction: this.records === 0 ? null : this.passed / this.records,
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
