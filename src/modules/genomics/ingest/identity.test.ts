import { describe, expect, it } from 'vitest';
import { normaliseByTrimming } from '../vrs/normalise.ts';
import { trimmedSequenceIdentity } from './identity.ts';

describe('the trimmed identity of a one-base substitution', () => {
  it('is the one trimming gives, in upper case, final, for every pair of bases in either case', () => {
    const bases = [...'ACGTNacgtn'];
    for (const ref of bases) {
      for (const alt of bases) {
        const identity = trimmedSequenceIdentity('chr7', 'GRCh38', 140753336, ref, alt);
        const { allele, final } = normaliseByTrimming({
          start: 140753335,
          end: 140753336,
          reference: ref.toUpperCase(),
          alternate: alt.toUpperCase(),
        });
        expect(identity, `${ref}>${alt}`).toMatchObject({
          key: `GRCh38:chr7:${allele.start}:${allele.reference}:${allele.alternate}`,
          start: allele.start,
          ref: allele.reference,
          alt: allele.alternate,
          fullyNormalised: final,
          vrsId: null,
        });
      }
    }
    expect(trimmedSequenceIdentity('chr7', null, 10, 'a', 'g')).toEqual({
      key: 'unknown-assembly:chr7:9:A:G',
      vrsId: null,
      chrom: 'chr7',
      start: 9,
      ref: 'A',
      alt: 'G',
      kind: 'snv',
      fullyNormalised: true,
    });
  });
});
