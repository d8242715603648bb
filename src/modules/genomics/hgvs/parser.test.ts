import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkHgvs, parseHgvs } from './check.ts';
import { Scanner } from './scanner.ts';

function changeOf(text: string) {
  const parse = parseHgvs(text);
  if (!parse.ok) throw new Error(parse.error.message);
  return parse.variant;
}

describe('nucleotide positions', () => {
  it.each([
    ['c.123A>G', { kind: 'known', base: 123, fromStop: false }],
    ['c.-12A>G', { kind: 'known', base: -12, fromStop: false }],
    ['c.*45A>G', { kind: 'known', base: 45, fromStop: true }],
    ['c.123+4A>G', { kind: 'known', base: 123, fromStop: false, offset: 4 }],
    ['c.-12-3A>G', { kind: 'known', base: -12, fromStop: false, offset: -3 }],
    ['c.*45+3A>G', { kind: 'known', base: 45, fromStop: true, offset: 3 }],
    ['n.76+1A>G', { kind: 'known', base: 76, fromStop: false, offset: 1 }],
  ])('reads %s', (text, start) => {
    expect(changeOf(text).change).toMatchObject({ location: { start } });
  });

  it('reads uncertain locations and ends', () => {
    expect(changeOf('g.(100_200)del').change).toMatchObject({
      location: { start: { base: 100 }, end: { base: 200 }, uncertain: true },
    });
    expect(changeOf('c.(?_-30)_(12+1_13-1)del').change).toMatchObject({
      location: {
        start: { kind: 'range', from: { kind: 'unknown' }, to: { base: -30 } },
        end: { kind: 'range', from: { base: 12, offset: 1 }, to: { base: 13, offset: -1 } },
        uncertain: false,
      },
    });
  });
});

describe('nucleotide edits', () => {
  it.each([
    ['g.5del', { type: 'deletion' }],
    ['g.5delA', { type: 'deletion', deleted: 'A' }],
    ['g.5_6delinsTTT', { type: 'delins', inserted: 'TTT' }],
    ['g.5_6insTT', { type: 'insertion', inserted: 'TT' }],
    ['g.5_7dupCAG', { type: 'duplication', duplicated: 'CAG' }],
    ['g.5_9inv', { type: 'inversion' }],
    ['g.5A=', { type: 'identity', reference: 'A' }],
    ['g.5_7CAG[12]', { type: 'repeat', unit: 'CAG', copies: 12 }],
    ['g.5_9conNM_004006.1:c.15_19', { type: 'conversion', source: { coordinateSystem: 'c' } }],
    ['r.5a>g', { type: 'substitution', reference: 'a', alternate: 'g' }],
  ])('reads %s', (text, edit) => {
    expect(changeOf(text).change).toMatchObject({ edit });
  });
});

describe('protein changes', () => {
  it.each([
    ['p.(Val600Glu)', { kind: 'change', predicted: true, edit: { type: 'substitution', alternate: 'Glu' } }],
    ['p.V600E', { kind: 'change', location: { start: { aminoAcid: 'Val', number: 600 } } }],
    ['p.Arg97ProfsTer23', { edit: { type: 'frameshift', alternate: 'Pro', newStop: { position: 23 } } }],
    ['p.Arg97fs', { edit: { type: 'frameshift' } }],
    ['p.Arg97fs*?', { edit: { type: 'frameshift', newStop: { position: '?' } } }],
    ['p.Met1ext-5', { edit: { type: 'extension', newStart: { offset: -5 } } }],
    ['p.*110Glnext*17', { edit: { type: 'extension', alternate: 'Gln', newStop: { position: 17 } } }],
    ['p.Lys2_Gly3insGlnSerTer', { edit: { type: 'insertion', inserted: ['Gln', 'Ser', 'Ter'] } }],
    ['p.Met1?', { edit: { type: 'unknown' } }],
    ['p.0?', { kind: 'noProtein', uncertain: true }],
    ['p.=', { kind: 'unchanged', predicted: false }],
    ['p.?', { kind: 'unknown' }],
  ])('reads %s', (text, change) => {
    expect(changeOf(text).change).toMatchObject(change);
  });
});

describe('reference sequences', () => {
  it('reads a transcript or a gene symbol in parentheses', () => {
    expect(changeOf('NC_000023.11(NM_004006.2):c.3G>T').reference).toMatchObject({
      accession: 'NC_000023.11',
      molecule: 'genomic',
      transcript: { accession: 'NM_004006.2', molecule: 'coding transcript' },
    });
    expect(changeOf('NM_004006.2(DMD):c.3G>T').reference).toMatchObject({ gene: 'DMD' });
    expect(changeOf('LRG_199t1:c.3G>T').reference).toMatchObject({ namespace: 'LRG', version: null });
  });
});

describe('the scanner', () => {
  it('reports the furthest point any alternative reached', () => {
    const s = new Scanner('abX');
    s.attempt(() => {
      s.expect('a');
      s.expect('b');
      s.expect('c');
    });
    s.attempt(() => s.expect('z'));
    expect(s.furthestFailure().message).toBe("position 3: expected 'c' after 'b', found 'X'");
  });

  it('forgets the warnings of an alternative that failed', () => {
    const s = new Scanner('ab');
    s.attempt(() => {
      s.warn('tentative');
      s.expect('x');
    });
    expect(s.collectedWarnings()).toEqual([]);
  });
});

describe('normalised display', () => {
  const position = fc.oneof(
    fc.integer({ min: 1, max: 5000 }).map(String),
    fc.integer({ min: 1, max: 300 }).map((n) => `-${n}`),
    fc.integer({ min: 1, max: 300 }).map((n) => `*${n}`),
    fc
      .tuple(fc.integer({ min: 1, max: 5000 }), fc.constantFrom('+', '-'), fc.integer({ min: 1, max: 900 }))
      .map(([base, sign, offset]) => `${base}${sign}${offset}`),
  );
  const bases = fc.string({ unit: fc.constantFrom('A', 'C', 'G', 'T'), minLength: 1, maxLength: 5 });
  const codingDescription = fc.oneof(
    fc
      .tuple(position, fc.constantFrom('A', 'C'), fc.constantFrom('G', 'T'))
      .map(([p, r, a]) => `${p}${r}>${a}`),
    position.map((p) => `${p}del`),
    position.map((p) => `${p}dup`),
    fc.tuple(position, bases).map(([p, b]) => `${p}delins${b}`),
  );
  const aminoAcids = fc.constantFrom('A', 'Ala', 'R', 'Arg', 'W', 'Trp', '*', 'Ter');
  const proteinDescription = fc
    .tuple(aminoAcids, fc.integer({ min: 2, max: 900 }), aminoAcids, fc.boolean())
    .filter(([ref, , alt]) => ref.length !== alt.length || ref !== alt)
    .map(([ref, n, alt, predicted]) => (predicted ? `(${ref}${n}${alt})` : `${ref}${n}${alt}`));

  it('is a valid description that normalises to itself', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          codingDescription.map((d) => `NM_000059.4:c.${d}`),
          proteinDescription.map((d) => `NP_000050.3:p.${d}`),
        ),
        (text) => {
          const check = checkHgvs(text);
          if (!check.valid) return check.reason.includes('changes nothing');
          const again = checkHgvs(check.normalised);
          return again.valid && again.normalised === check.normalised && again.warnings.length === 0;
        },
      ),
    );
  });
});
