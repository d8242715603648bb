import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { justifyInWindow, normaliseAllele, ReferenceMismatchError, trimAllele } from './normalise.ts';
import { InMemoryReference } from './reference.ts';

//                          0123456789012345
const genome = new InMemoryReference({ chrT: 'GGACAGCAGCAGTTAC' });
const change = (start: number, reference: string, alternate: string) => ({
  start,
  end: start + reference.length,
  reference,
  alternate,
});

describe('trimming', () => {
  it('drops the common suffix before the common prefix', () => {
    // Suffix first: CAG/CAGCAG becomes ''/CAG at the start, not at the end.
    expect(trimAllele(change(3, 'CAG', 'CAGCAG'))).toEqual({
      start: 3,
      end: 3,
      reference: '',
      alternate: 'CAG',
    });
    expect(trimAllele(change(10, 'AGT', 'ACT'))).toEqual({
      start: 11,
      end: 12,
      reference: 'G',
      alternate: 'C',
    });
  });
});

describe('fully-justified normalisation', () => {
  it('keeps a substitution as a literal sequence at the trimmed location', async () => {
    const allele = await normaliseAllele(genome, 'chrT', change(12, 'TT', 'TC'));
    expect(allele).toMatchObject({
      start: 13,
      end: 14,
      state: { type: 'LiteralSequenceExpression', sequence: 'C' },
    });
  });

  it('describes a reference allele as a reference length expression over the input location', async () => {
    const allele = await normaliseAllele(genome, 'chrT', change(2, 'AC', 'AC'));
    expect(allele).toMatchObject({ start: 2, end: 4, state: { length: 2, repeatSubunitLength: 2 } });
  });

  it('expands a deletion in a repeat over the whole repeat', async () => {
    const expected = {
      start: 3,
      end: 12,
      reference: 'CAGCAGCAG',
      alternate: 'CAGCAG',
      state: { type: 'ReferenceLengthExpression', length: 6, repeatSubunitLength: 3 },
    };
    // The same deletion written left-aligned (VCF) and right-shifted (HGVS 3' rule).
    expect(await normaliseAllele(genome, 'chrT', change(2, 'ACAG', 'A'))).toMatchObject(expected);
    expect(await normaliseAllele(genome, 'chrT', change(9, 'CAG', ''))).toMatchObject(expected);
  });

  it('expands an insertion of a repeat unit into a reference length expression', async () => {
    const allele = await normaliseAllele(genome, 'chrT', change(11, 'G', 'GCAG'));
    expect(allele).toMatchObject({
      start: 3,
      end: 12,
      alternate: 'CAGCAGCAGCAG',
      state: { type: 'ReferenceLengthExpression', length: 12, repeatSubunitLength: 3 },
    });
  });

  it('keeps an unambiguous insertion as a literal sequence', async () => {
    const allele = await normaliseAllele(genome, 'chrT', change(12, 'T', 'TGA'));
    expect(allele).toMatchObject({
      start: 13,
      end: 13,
      state: { type: 'LiteralSequenceExpression', sequence: 'GA' },
    });
  });

  it('keeps an ambiguous insertion that the reference cannot spell as a literal sequence', async () => {
    // Inserting CA between T and C of TCG can roll one step right, but CAC is not a repeat of C.
    const tcg = new InMemoryReference({ s: 'ATCGA' });
    const allele = await normaliseAllele(tcg, 's', change(2, '', 'CA'));
    expect(allele).toMatchObject({
      start: 2,
      end: 3,
      reference: 'C',
      alternate: 'CAC',
      state: { type: 'LiteralSequenceExpression', sequence: 'CAC' },
    });
  });

  it('uses a shorter repeat unit when the region is shorter than the inserted sequence', async () => {
    const allele = await normaliseAllele(new InMemoryReference({ s: 'GCAT' }), 's', change(1, '', 'CACA'));
    expect(allele).toMatchObject({ start: 1, end: 3, state: { length: 6, repeatSubunitLength: 2 } });
  });

  it('reads more context when a repeat runs past the first window', async () => {
    const long = new InMemoryReference({ s: `G${'A'.repeat(1000)}T` });
    const allele = await normaliseAllele(long, 's', change(500, 'A', ''));
    expect(allele).toMatchObject({ start: 1, end: 1001, state: { length: 999, repeatSubunitLength: 1 } });
  });

  it('stops rolling at the ends of the sequence', async () => {
    const allele = await normaliseAllele(new InMemoryReference({ s: 'AAAA' }), 's', change(2, 'A', ''));
    expect(allele).toMatchObject({ start: 0, end: 4, state: { length: 3 } });
  });

  it('refuses a REF that is not in the reference', async () => {
    await expect(normaliseAllele(genome, 'chrT', change(0, 'T', 'C'))).rejects.toThrow(
      ReferenceMismatchError,
    );
  });

  it('asks for a wider window rather than guessing past its edge', () => {
    const window = { start: 10, residues: 'AAAA', reachesSequenceStart: false, reachesSequenceEnd: false };
    expect(justifyInWindow(window, change(12, 'A', ''))).toBeUndefined();
  });
});

describe('normalisation properties', () => {
  const applied = (sequence: string, c: { start: number; end: number; alternate: string }) =>
    sequence.slice(0, c.start) + c.alternate + sequence.slice(c.end);
  const indel = fc
    .record({
      sequence: fc.string({ unit: fc.constantFrom('A', 'C'), minLength: 1, maxLength: 24 }),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 4 }),
      inserted: fc.string({ unit: fc.constantFrom('A', 'C', 'G'), maxLength: 4 }),
    })
    .map(({ sequence, at, length, inserted }) => {
      const start = at % (sequence.length + 1);
      const end = Math.min(sequence.length, start + (inserted ? 0 : length));
      return { sequence, change: { start, end, reference: sequence.slice(start, end), alternate: inserted } };
    })
    .filter(({ change }) => change.reference !== change.alternate);

  it('describes the same resulting sequence, and does so identically for every shifted equivalent', async () => {
    await fc.assert(
      fc.asyncProperty(indel, async ({ sequence, change: original }) => {
        const reference = new InMemoryReference({ s: sequence });
        const normalised = await normaliseAllele(reference, 's', original);
        expect(applied(sequence, normalised)).toBe(applied(sequence, original));
        const size = original.end - original.start;
        for (let start = 0; start + size <= sequence.length; start++) {
          const shifted = { start, end: start + size, reference: sequence.slice(start, start + size) };
          for (const alternate of new Set([original.alternate, ...rotations(original.alternate)])) {
            const candidate = { ...shifted, alternate };
            if (applied(sequence, candidate) !== applied(sequence, original)) continue;
            expect(await normaliseAllele(reference, 's', candidate)).toEqual(normalised);
          }
        }
      }),
    );
  });

  it('is idempotent', async () => {
    await fc.assert(
      fc.asyncProperty(indel, async ({ sequence, change: original }) => {
        const reference = new InMemoryReference({ s: sequence });
        const once = await normaliseAllele(reference, 's', original);
        expect(await normaliseAllele(reference, 's', once)).toEqual(once);
      }),
    );
  });
});

function rotations(text: string): string[] {
  return Array.from(text, (_, i) => text.slice(i) + text.slice(0, i));
}
