import { describe, expect, it } from 'vitest';
import { parseMolecularProfile } from './civicProfile.ts';

describe('reading CIViC molecular profile names', () => {
  it.each([
    ['BRAF V600E', 'BRAF', 'V600E', 'V600E'],
    ['TP53 R213*', 'TP53', 'R213*', 'R213*'],
    ['EGFR E746_A750del', 'EGFR', 'E746_A750del', 'E746_A750del'],
    ['EGFR A767_V769dup', 'EGFR', 'A767_V769dup', 'A767_V769dup'],
    ['BRCA2 K1416fs', 'BRCA2', 'K1416fs', 'K1416fs'],
    ['EGFR Exon 19 Deletion', 'EGFR', 'Exon 19 Deletion', null],
    ['ERBB2 Amplification', 'ERBB2', 'Amplification', null],
    ['KRAS G12', 'KRAS', 'G12', null],
    ['MET Exon 14 Skipping (c.3028+1G>T)', 'MET', 'Exon 14 Skipping (c.3028+1G>T)', null],
  ])('%s → gene %s, variant %s, protein change %s', (name, gene, variant, proteinChange) => {
    expect(parseMolecularProfile(name, 1)).toEqual({
      id: 1,
      name,
      gene,
      variant,
      proteinChange,
      genes: [gene],
      complex: false,
    });
  });

  it('names both partners of a fusion, leaving out a variable or unknown one', () => {
    expect(parseMolecularProfile('BCR::ABL1 Fusion', 5)).toMatchObject({
      gene: 'BCR::ABL1',
      variant: 'Fusion',
      genes: ['BCR', 'ABL1'],
    });
    expect(parseMolecularProfile('v::ALK Fusion', 6).genes).toEqual(['ALK']);
  });

  it('reads a Boolean combination as complex, with the genes of every part', () => {
    expect(parseMolecularProfile('(BRAF V600E OR BRAF V600K) AND NOT NRAS Q61K', 7)).toEqual({
      id: 7,
      name: '(BRAF V600E OR BRAF V600K) AND NOT NRAS Q61K',
      gene: null,
      variant: null,
      proteinChange: null,
      genes: ['BRAF', 'NRAS'],
      complex: true,
    });
  });
});
