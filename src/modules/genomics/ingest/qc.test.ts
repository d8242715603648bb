import { describe, expect, it } from 'vitest';
import { SampleQc } from './qc.ts';

const pass = ['PASS'];

describe('a sample’s QC', () => {
  it('counts transitions and transversions among A, C, G and T only', () => {
    const qc = new SampleQc();
    for (const [ref, alt] of [
      ['A', 'G'],
      ['c', 't'],
      ['A', 'C'],
      ['A', 'N'],
      ['N', 'G'],
    ] as const) {
      qc.add(pass, ref, alt, 'snv');
      qc.addDepth(30);
    }
    // An indel is no SNV.
    qc.add(['LowQual'], 'A', 'AT', 'insertion');
    qc.addDepth(null);
    expect(qc.summary()).toEqual({
      records: 6,
      passFraction: 5 / 6,
      tiTv: 2,
      depthQuantiles: { p10: 30, p25: 30, p50: 30, p75: 30, p90: 30 },
    });
  });

  it('classes every pair of one-character alleles as the table of changes does', () => {
    const transitions = ['AG', 'GA', 'CT', 'TC'];
    const transversions = ['AC', 'CA', 'AT', 'TA', 'GC', 'CG', 'GT', 'TG'];
    const characters = [...'ACGTNacgtnRYKM*-.', '\u00c1', '!'];
    for (const ref of characters) {
      for (const alt of characters) {
        const qc = new SampleQc();
        qc.add(pass, ref, alt, 'snv');
        // One transversion more: the ratio is then the transitions, and Infinity-free.
        qc.add(pass, 'A', 'C', 'snv');
        const change = (ref + alt).toUpperCase();
        const expected = transitions.includes(change) ? 1 : 0;
        const extra = transversions.includes(change) ? 1 : 0;
        expect(qc.summary().tiTv, `${ref}>${alt}`).toBe(expected / (1 + extra));
      }
    }
  });

  it('has no Ti/Tv without a transversion, and no quantiles without depths', () => {
    const qc = new SampleQc();
    qc.add(['LowQual'], 'A', 'G', 'snv');
    expect(qc.summary()).toMatchObject({
      records: 1,
      passFraction: 0,
      tiTv: null,
      depthQuantiles: { p50: null },
    });
  });

  it('takes the PASS fraction of the filtered calls only: FILTER "." is no filter applied', () => {
    const qc = new SampleQc();
    qc.add([], 'A', 'G', 'snv');
    qc.add([], 'A', 'G', 'snv');
    // A germline file filtered nowhere has no PASS fraction, not 0.
    expect(qc.summary()).toMatchObject({ records: 2, passFraction: null });
    qc.add(['PASS'], 'A', 'G', 'snv');
    qc.add(['LowQual'], 'A', 'G', 'snv');
    expect(qc.summary()).toMatchObject({ records: 4, passFraction: 0.5 });
  });

  it('takes every call’s depth, whatever its genotype, and counts only the calls that carry the ALT', () => {
    // A normal sample is 0/0 at a tumour's variants: no calls of its own, but its depth there.
    const normal = new SampleQc();
    for (const depth of [80, 40, 90]) normal.addDepth(depth);
    expect(normal.summary()).toMatchObject({ records: 0, passFraction: null, depthQuantiles: { p50: 80 } });
  });
});
