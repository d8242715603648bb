import { describe, expect, it } from 'vitest';
import { checkHgvs } from './check.ts';

describe('checkHgvs', () => {
  it('accepts the BRAF V600E coding description and returns its parse', () => {
    const check = checkHgvs('NM_004333.6:c.1799T>A');
    expect(check).toEqual({
      valid: true,
      normalised: 'NM_004333.6:c.1799T>A',
      warnings: [],
      variant: {
        reference: {
          accession: 'NM_004333.6',
          version: 6,
          namespace: 'RefSeq',
          molecule: 'coding transcript',
        },
        coordinateSystem: 'c',
        change: {
          location: { start: { kind: 'known', base: 1799, fromStop: false }, uncertain: false },
          edit: { type: 'substitution', reference: 'T', alternate: 'A' },
          predicted: false,
        },
      },
    });
  });

  it('gives a parse that survives JSON unchanged', () => {
    const check = checkHgvs('NC_000023.11(NM_004006.2):c.(4071+1_4072-1)_(5154+1_5155-1)del');
    expect(check.valid).toBe(true);
    if (check.valid) expect(JSON.parse(JSON.stringify(check.variant))).toEqual(check.variant);
  });

  it('says where a description goes wrong and what was expected there', () => {
    expect(checkHgvs('NM_004333.6:c.1799T>U')).toEqual({
      valid: false,
      reason: "position 21: expected a nucleotide (A, C, G, T) after '>', found 'U'",
      position: 21,
    });
    expect(checkHgvs('NM_004333.6:c.1799T>')).toMatchObject({
      reason: "position 21: expected a nucleotide (A, C, G, T) after '>', but the description ends there",
    });
    expect(checkHgvs('NM_004333.6c.1799T>A')).toMatchObject({
      position: 12,
      reason: expect.stringContaining("':'"),
    });
    expect(checkHgvs('NM_004333.6:c.1799')).toMatchObject({
      reason: expect.stringContaining("expected '_' or an edit"),
    });
  });

  it('explains common mistakes in words', () => {
    expect(checkHgvs('NM_004333.6:c.12AC>TG')).toMatchObject({
      reason: expect.stringContaining('use delins'),
    });
    expect(checkHgvs('NM_004333.6:c.12A>TG')).toMatchObject({
      reason: expect.stringContaining('use delins'),
    });
    expect(checkHgvs('NC_000007.14:g.-5A>G')).toMatchObject({
      reason: expect.stringContaining('g. positions are plain numbers'),
    });
    expect(checkHgvs('NR_046018.2:n.*5del')).toMatchObject({
      reason: expect.stringContaining("n. positions have no '*'"),
    });
  });

  it('normalises one-letter amino acids and X stops, with warnings', () => {
    const check = checkHgvs('NP_004324.2:p.V600E');
    expect(check).toMatchObject({ valid: true, normalised: 'NP_004324.2:p.Val600Glu' });
    expect(check.valid && check.warnings).toEqual([
      'position 15: one-letter amino-acid codes are accepted, but HGVS recommends three-letter codes',
    ]);
    expect(checkHgvs('NP_000537.3:p.Arg213X')).toMatchObject({
      normalised: 'NP_000537.3:p.Arg213Ter',
      warnings: [expect.stringContaining("'X' for a stop codon is outdated")],
    });
  });

  it('drops the deleted sequence and writes a one-nucleotide delins as a substitution', () => {
    expect(checkHgvs('NM_000059.4:c.5946_5947delTG')).toMatchObject({
      normalised: 'NM_000059.4:c.5946_5947del',
    });
    expect(checkHgvs('NM_000059.4:c.100delAinsG')).toMatchObject({ normalised: 'NM_000059.4:c.100A>G' });
  });

  it('requires a reference sequence unless told the annotation carries it elsewhere', () => {
    expect(checkHgvs('c.1799T>A')).toMatchObject({ valid: false, position: 1 });
    expect(checkHgvs('c.1799T>A', { requireReference: false })).toMatchObject({
      valid: true,
      normalised: 'c.1799T>A',
    });
    expect(checkHgvs('p.Val600Glu', { requireReference: false })).toMatchObject({ valid: true });
  });

  it.each([
    'ENST00000288602.11:c.1799T>A',
    'ENSP00000288602.7:p.Val600Glu',
    'NM_000546.6:c.215C>G',
    'NP_000537.3:p.(Pro72Arg)',
    'NM_007294.4:c.5266dup',
    'NP_009225.1:p.Gln1756ProfsTer74',
    'NM_000059.4:c.-26G>A',
    'NM_000059.4:c.*105A>C',
    'NM_000059.4:c.8487+1G>A',
    'NM_000059.4:c.-12-3C>T',
    'NM_000059.4:c.68-7T>A',
    'NM_004985.5:c.35G>T',
    'NM_005228.5:c.2235_2249del',
    'NM_005228.5:c.2573_2574delinsGT',
    'NM_000314.8:c.1_2insA',
    'NM_000314.8:c.-1_1insA',
    'NC_000007.14:g.140753336A>T',
    'NC_000017.11:g.7676154_7676155inv',
    'NC_012920.1:m.3243A>G',
    'NR_046018.2:n.76A>T',
    'NM_004006.2:r.(76a>c)',
    'LRG_199t1:c.79_80insT',
    'LRG_199p1:p.Trp24Cys',
    'NM_004006.2:c.-128_-126GGC[79]',
    'NP_000537.3:p.Met1?',
    'NP_000537.3:p.0',
    'NP_000537.3:p.?',
    'NP_000537.3:p.(=)',
    'NP_000537.3:p.(Leu54=)',
    'NP_000537.3:p.Met1ext-5',
    'NP_000537.3:p.Ter394GlnextTer17',
    'NP_000537.3:p.Lys23_Leu24insArgSerGln',
    'NP_000537.3:p.Cys28_Lys29delinsTrp',
    'NP_000537.3:p.Ala3_Ser5dup',
    'NP_000537.3:p.Arg97fs',
    'NP_000537.3:p.Trp24Ter',
    'NP_000537.3:p.Trp24*',
  ])('accepts %s', (text) => {
    expect(checkHgvs(text)).toMatchObject({ valid: true });
  });

  it.each([
    ['NM_004333:c.1799T>A', "'NM_004333' has no version"],
    ['NM_004333.6:c.0A>G', 'there is no position c.0'],
    ['NC_000007.14:g.0A>G', 'positions count from 1'],
    ['NM_004333.6:c.100+0A>G', 'intronic offset is at least 1'],
    ['NM_004333.6:c.100_50del', 'runs backwards'],
    ['NM_004333.6:c.100+5_100+2del', 'runs backwards'],
    ['NM_004333.6:c.*5_-3del', 'runs backwards'],
    ['NM_004333.6:c.1799T>T', 'changes nothing'],
    ['NM_004333.6:c.1_2A>T', 'a substitution changes one nucleotide'],
    ['NM_004333.6:c.51insT', 'between two neighbouring positions'],
    ['NM_004333.6:c.51_53insT', 'between two neighbouring positions, not 51_53'],
    ['NM_004333.6:c.5inv', 'at least two nucleotides'],
    ['NM_004333.6:c.5_7delAG', '5_7 covers 3 nucleotides, but the edit names 2'],
    ['NM_004333.6:c.5_7dupAG', 'covers 3 nucleotides'],
    ['NP_004324.2:p.Val600Val', 'HGVS writes Val600='],
    ['NP_004324.2:p.Met1Val', 'p.Met1?'],
    ['NP_004324.2:p.Gly0Ser', 'protein positions count from 1'],
    ['NP_004324.2:p.Lys25_Lys23del', 'runs backwards'],
    ['NP_004324.2:p.Lys23_Leu25insArg', 'neighbouring residues'],
    ['NP_004324.2:p.Ala2_Ala3Ser', 'a substitution changes one residue'],
    ['NP_004324.2:p.Arg110GlnextTer17', 'starts at the stop codon'],
    ['NP_004324.2:p.Arg5ext-5', 'starts at the initiating residue'],
    ['NM_004333.6:g.1799T>A', 'need a genomic reference sequence'],
    ['NM_004333.6:p.Val600Glu', 'need a protein reference sequence'],
    ['NP_004324.2:c.1799T>A', 'only p. descriptions fit it'],
    ['NC_000007.14:c.1799T>A', 'need a transcript'],
    ['NR_046018.2:c.76A>T', 'use n. positions'],
    ['NM_004333.6:c.9007199254740993A>G', '9007199254740993 is too large a number'],
    [`NM_004333.6:c.${'9'.repeat(5000)}A>G`, `${'9'.repeat(20)}… is too large a number`],
    ['NM_004333.99999999999999999999:c.1799T>A', 'is too large a number'],
    ['NP_004324.2:p.Met1ext-0', 'a new start is at least one residue upstream'],
    ['NM_004333.6:c.100_100del', 'a range has two different positions, not 100_100'],
    ['NP_004324.2:p.Lys23_Val23del', 'a range has two different residues, not Lys23_Val23'],
  ])('rejects %s: %s', (text, reason) => {
    const check = checkHgvs(text);
    expect(check.valid).toBe(false);
    if (!check.valid) expect(check.reason).toContain(reason);
  });

  it('points at the part that breaks a rule', () => {
    expect(checkHgvs('NM_004333.6:c.5_7delAG')).toMatchObject({ position: 18 });
    expect(checkHgvs('NC_000023.11(NM_004006):c.3G>T')).toMatchObject({ position: 14 });
  });
});
