import { describe, expect, it } from 'vitest';
import { segmentCall } from './copyNumberCalls.ts';
import { ploidyFor } from './ploidy.ts';

describe('the ploidy a sample is called against', () => {
  const estimates = [
    { name_in_file: 'TUMOR_B', ploidy: 3.4 },
    { name_in_file: 'TUMOR', ploidy: 2.9 },
    { name_in_file: 'TUMOR', ploidy: 2.1 },
  ];

  it('takes the latest estimate for the sample of the same name', () => {
    expect(ploidyFor('TUMOR', estimates)).toBe(2.9);
  });

  it('falls back to the latest estimate for the specimen, then to none', () => {
    expect(ploidyFor('FFPE_1', estimates)).toBe(3.4);
    expect(ploidyFor('TUMOR', [])).toBeNull();
  });
});

describe('a stored segment’s call', () => {
  it('is the file’s call whatever the ploidy', () => {
    expect(segmentCall({ fileCall: 'homdel', log2Ratio: 0.1, copyNumber: 2 }, 4)).toEqual({
      call: 'homdel',
      basis: 'file',
      ploidy: null,
    });
  });

  it('is derived from the copy number against the ploidy given, diploid without one', () => {
    const segment = { fileCall: null, log2Ratio: 0.4, copyNumber: 3 };
    expect(segmentCall(segment, null)).toEqual({ call: 'gain', basis: 'copy-number', ploidy: 2 });
    expect(segmentCall(segment, 3.2)).toEqual({ call: 'neutral', basis: 'copy-number', ploidy: 3.2 });
    expect(segmentCall({ ...segment, copyNumber: 10 }, 3.2)).toEqual({
      call: 'amplification',
      basis: 'copy-number',
      ploidy: 3.2,
    });
  });

  it('is derived from the log2 ratio, which no ploidy changes, when there is no copy number', () => {
    const segment = { fileCall: null, log2Ratio: -1.2, copyNumber: null };
    expect(segmentCall(segment, null)).toEqual({ call: 'deletion', basis: 'log2', ploidy: null });
    expect(segmentCall(segment, 3.2)).toEqual({ call: 'deletion', basis: 'log2', ploidy: null });
  });
});
