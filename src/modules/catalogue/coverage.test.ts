import { describe, expect, it } from 'vitest';
import { type AnalysisForCoverage, checkCoverage, type NationalGeneListEntry } from './coverage.ts';

const HGNC = {
  EGFR: 'HGNC:3236',
  KRAS: 'HGNC:6407',
  BRAF: 'HGNC:1097',
  ALK: 'HGNC:427',
  ROS1: 'HGNC:10261',
  RET: 'HGNC:9967',
  MET: 'HGNC:7029',
  NTRK1: 'HGNC:8031',
  NTRK2: 'HGNC:8032',
  NTRK3: 'HGNC:8033',
  ERBB2: 'HGNC:3430',
  TP53: 'HGNC:11998',
  STK11: 'HGNC:11389',
} as const;
type GeneSymbol = keyof typeof HGNC;

const listed = (
  symbol: GeneSymbol,
  status: NationalGeneListEntry['status'],
  variantTypes: NationalGeneListEntry['variantTypes'],
) => ({
  hgncId: HGNC[symbol],
  symbol,
  status,
  variantTypes,
});

/** A lung adenocarcinoma (LUAD) list in the spirit of the national guideline, written for this test. */
const luad: NationalGeneListEntry[] = [
  listed('TP53', 'mentioned', ['SNV']),
  listed('EGFR', 'mandatory', ['SNV', 'indel']),
  listed('KRAS', 'mandatory', ['SNV']),
  listed('ERBB2', 'recommended', ['SNV', 'indel']),
  listed('BRAF', 'mandatory', ['SNV']),
  listed('ALK', 'mandatory', ['fusion']),
  listed('ROS1', 'mandatory', ['fusion']),
  listed('RET', 'mandatory', ['fusion']),
  listed('MET', 'mandatory', ['splice', 'CNV']),
  listed('NTRK1', 'mandatory', ['fusion']),
  listed('NTRK2', 'mandatory', ['fusion']),
  listed('NTRK3', 'mandatory', ['fusion']),
  listed('STK11', 'horizon', ['SNV']),
];

const analysis = (
  id: string,
  lab: string,
  method: string,
  variantTypesDetected: AnalysisForCoverage['variantTypesDetected'],
  genes: GeneSymbol[],
): AnalysisForCoverage => ({
  id,
  name: id,
  lab,
  method,
  variantTypesDetected,
  panelGenes: genes.map((g) => HGNC[g]),
});

const ousDna = analysis(
  'ous-dna',
  'OUS',
  'targeted NGS DNA panel',
  ['SNV', 'indel', 'CNV', 'splice'],
  ['EGFR', 'KRAS', 'BRAF', 'ALK', 'MET', 'ERBB2', 'TP53'],
);
const ousRna = analysis(
  'ous-rna',
  'OUS',
  'targeted NGS RNA panel',
  ['fusion', 'splice'],
  ['ALK', 'ROS1', 'RET', 'MET', 'NTRK1', 'NTRK2', 'NTRK3'],
);
const husDna = analysis(
  'hus-dna',
  'HUS',
  'targeted NGS DNA panel',
  ['SNV', 'indel'],
  ['EGFR', 'KRAS', 'BRAF', 'ALK'],
);

describe('coverage of the lung adenocarcinoma gene list', () => {
  const matrix = checkCoverage(luad, [ousDna, ousRna, husDna]);
  const cell = (analysisId: string, symbol: GeneSymbol) => {
    const row = matrix.analyses.find((r) => r.analysis.id === analysisId);
    return row?.cells[matrix.genes.findIndex((g) => g.symbol === symbol)];
  };

  it('checks mandatory genes, then recommended ones, and leaves out mentioned and horizon genes', () => {
    expect(matrix.genes.map((g) => g.symbol)).toEqual([
      'EGFR',
      'KRAS',
      'BRAF',
      'ALK',
      'ROS1',
      'RET',
      'MET',
      'NTRK1',
      'NTRK2',
      'NTRK3',
      'ERBB2',
    ]);
    for (const row of matrix.analyses) expect(row.cells).toHaveLength(11);
  });

  it('does not count a DNA panel that holds ALK as covering an ALK fusion', () => {
    expect(cell('ous-dna', 'ALK')).toEqual({
      hgncId: HGNC.ALK,
      coverage: 'variant-type-not-detected',
      missingVariantTypes: ['fusion'],
    });
    expect(cell('hus-dna', 'ALK')).toMatchObject({ coverage: 'variant-type-not-detected' });
    expect(cell('ous-rna', 'ALK')).toEqual({ hgncId: HGNC.ALK, coverage: 'covered' });
  });

  it('names the missing types when a method finds only some of them', () => {
    expect(cell('ous-dna', 'MET')).toEqual({ hgncId: HGNC.MET, coverage: 'covered' });
    expect(cell('ous-rna', 'MET')).toEqual({
      hgncId: HGNC.MET,
      coverage: 'variant-type-not-detected',
      missingVariantTypes: ['CNV'],
    });
    expect(cell('hus-dna', 'MET')).toEqual({ hgncId: HGNC.MET, coverage: 'gene-not-in-panel' });
  });

  it('lists the genes each analysis misses, with the reason', () => {
    const hus = matrix.analyses.find((r) => r.analysis.id === 'hus-dna');
    expect(hus?.analysis).toEqual({
      id: 'hus-dna',
      name: 'hus-dna',
      lab: 'HUS',
      method: 'targeted NGS DNA panel',
    });
    expect(hus?.missed.map((m) => [m.symbol, m.coverage])).toEqual([
      ['ALK', 'variant-type-not-detected'],
      ['ROS1', 'gene-not-in-panel'],
      ['RET', 'gene-not-in-panel'],
      ['MET', 'gene-not-in-panel'],
      ['NTRK1', 'gene-not-in-panel'],
      ['NTRK2', 'gene-not-in-panel'],
      ['NTRK3', 'gene-not-in-panel'],
      ['ERBB2', 'gene-not-in-panel'],
    ]);
    expect(hus?.missed[0]).toMatchObject({ status: 'mandatory', missingVariantTypes: ['fusion'] });
  });

  it('counts the labs and analyses covering each gene', () => {
    const labs = Object.fromEntries(matrix.genesCoverage.map((g) => [g.symbol, g.labsCovering]));
    expect(labs).toEqual({
      EGFR: ['OUS', 'HUS'],
      KRAS: ['OUS', 'HUS'],
      BRAF: ['OUS', 'HUS'],
      ALK: ['OUS'],
      ROS1: ['OUS'],
      RET: ['OUS'],
      MET: ['OUS'],
      NTRK1: ['OUS'],
      NTRK2: ['OUS'],
      NTRK3: ['OUS'],
      ERBB2: ['OUS'],
    });
    expect(matrix.genesCoverage.find((g) => g.symbol === 'EGFR')?.analysesCovering).toEqual([
      'ous-dna',
      'hus-dna',
    ]);
  });
});

describe('coverage by a lab that combines analyses', () => {
  it('counts the lab when its DNA and RNA panels together find every required type', () => {
    const list = [listed('ALK', 'mandatory', ['SNV', 'fusion'])];
    const dna = analysis('dna', 'OUS', 'DNA panel', ['SNV', 'indel'], ['ALK']);
    const rna = analysis('rna', 'OUS', 'RNA panel', ['fusion'], ['ALK']);
    const [alk] = checkCoverage(list, [dna, rna]).genesCoverage;
    expect(alk?.analysesCovering).toEqual([]);
    expect(alk?.labsCovering).toEqual(['OUS']);
  });

  it('counts a gene with no required type as covered by any panel that holds it', () => {
    const list = [listed('TP53', 'recommended', [])];
    const matrix = checkCoverage(list, [analysis('ihc', 'STO', 'IHC', [], ['TP53'])]);
    expect(matrix.analyses[0]?.cells).toEqual([{ hgncId: HGNC.TP53, coverage: 'covered' }]);
  });

  it('returns an empty matrix when there are no analyses', () => {
    const matrix = checkCoverage(luad, []);
    expect(matrix.analyses).toEqual([]);
    expect(matrix.genesCoverage.every((g) => g.labsCovering.length === 0)).toBe(true);
  });
});
