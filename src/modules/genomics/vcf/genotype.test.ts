import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGenotype } from './genotype.ts';

// What a GT value reads as, stated plainly: the alleles between / and |, `.` as none, the rest
// as Number reads them; phased when every separator is | and there are two alleles or more.
function model(text: string) {
  const alleles = text.split(/[/|]/).map((allele) => (allele === '.' ? null : Number(allele)));
  return { alleles, phased: !text.includes('/') && alleles.length > 1 };
}

describe('parseGenotype', () => {
  it('reads any text of alleles and separators as the plain rule does', () => {
    const allele = fc.oneof(
      fc.constantFrom('0', '1', '2', '9', '.', '10', '123', '01'),
      fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 3 }).filter((a) => !/[/|]/.test(a)),
    );
    const genotype = fc
      .tuple(
        fc.array(allele, { minLength: 1, maxLength: 4 }),
        fc.array(fc.constantFrom('/', '|'), { maxLength: 3 }),
      )
      .map(([alleles, separators]) =>
        alleles.reduce((text, a, i) => (i === 0 ? a : `${text}${separators[i - 1] ?? '/'}${a}`), ''),
      );
    fc.assert(
      fc.property(genotype, (text) => {
        expect(parseGenotype(text)).toEqual(model(text));
      }),
      { numRuns: 3000 },
    );
    expect(parseGenotype('0|1')).toEqual({ alleles: [0, 1], phased: true });
    expect(parseGenotype('./1')).toEqual({ alleles: [null, 1], phased: false });
  });
});
