import { describe, expect, it } from 'vitest';
import { toBed, toGenetikkportalenList } from './panelFiles.ts';
import type { GenomicRegion, Panel, PanelEntry } from './panelModel.ts';

function entry(symbol: string, hgncId: string, regions: GenomicRegion[] = []): PanelEntry {
  return {
    hgncId,
    symbol,
    confidence: 'green',
    modeOfInheritance: null,
    transcript: null,
    regions,
    evidence: [],
    phenotypes: [],
    publications: [],
  };
}

const panel: Panel = {
  name: 'Lung',
  version: '2.1',
  entries: [
    entry('KRAS', 'HGNC:6407', [{ chrom: '12', start: 25245273, end: 25245395 }]),
    entry('EGFR', 'HGNC:3236', [
      { chrom: '7', start: 55181292, end: 55181478 },
      { chrom: '7', start: 55174721, end: 55174820 },
    ]),
    entry('ALK', 'HGNC:427'),
    entry('AR', 'HGNC:644', [{ chrom: 'X', start: 67544020, end: 67546000 }]),
    entry('MT-ND1', 'HGNC:7455', [{ chrom: 'MT', start: 3306, end: 4262 }]),
    entry('NTRK1', 'HGNC:8031', [{ chrom: '1', start: 156860000, end: 156860100 }]),
    entry('BRAF', 'HGNC:1097', [{ chrom: '7', start: 140753335, end: 140753336 }]),
  ],
};

describe("Genetikkportalen's gene list", () => {
  it('writes the header, then symbol;HGNC id per gene, sorted by symbol', () => {
    expect(toGenetikkportalenList(panel)).toBe(
      [
        'HGNC_symbol;HGNC_id',
        'ALK;HGNC:427',
        'AR;HGNC:644',
        'BRAF;HGNC:1097',
        'EGFR;HGNC:3236',
        'KRAS;HGNC:6407',
        'MT-ND1;HGNC:7455',
        'NTRK1;HGNC:8031',
        '',
      ].join('\n'),
    );
  });

  it('writes only the header for an empty panel', () => {
    expect(toGenetikkportalenList({ ...panel, entries: [] })).toBe('HGNC_symbol;HGNC_id\n');
  });
});

describe('BED export', () => {
  it('sorts chromosomes in karyotype order (2 before 12, X after 22), then by start', () => {
    expect(toBed(panel)).toBe(
      [
        'chr1\t156860000\t156860100\tNTRK1',
        'chr7\t55174721\t55174820\tEGFR',
        'chr7\t55181292\t55181478\tEGFR',
        'chr7\t140753335\t140753336\tBRAF',
        'chr12\t25245273\t25245395\tKRAS',
        'chrX\t67544020\t67546000\tAR',
        'chrM\t3306\t4262\tMT-ND1',
        '',
      ].join('\n'),
    );
  });

  it('writes Ensembl names without the prefix when asked', () => {
    const lines = toBed(panel, { chromPrefix: '' }).trimEnd().split('\n');
    expect(lines.map((line) => line.split('\t')[0])).toEqual(['1', '7', '7', '7', '12', 'X', 'MT']);
  });

  it('writes nothing for a panel without regions', () => {
    expect(toBed({ ...panel, entries: [entry('ALK', 'HGNC:427')] })).toBe('');
  });
});
