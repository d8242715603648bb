import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type HgncGene, SymbolResolver } from './hgnc.ts';
import { exportPanelApp, importPanelApp, PanelAppImportError, panelAppPanelSchema } from './panelapp.ts';
import { CHROMOSOMES, type Panel, type PanelEntry, panelSchema } from './panelModel.ts';
import { fixture, hgncGenesIn } from './testing.ts';

const lungPanel = JSON.parse(readFileSync(fixture('panelapp_lung_panel.json'), 'utf8'));
let resolver: SymbolResolver;
beforeAll(async () => {
  resolver = new SymbolResolver(await hgncGenesIn('hgnc_lung_genes.tsv'));
});

function problemsOf(action: () => unknown): string[] {
  try {
    action();
  } catch (error) {
    if (error instanceof PanelAppImportError) return error.problems;
    throw error;
  }
  throw new Error('expected a PanelAppImportError');
}

describe('importing a PanelApp panel', () => {
  it('reads the genes with confidence, inheritance, MANE transcript, regions and evidence', () => {
    const { panel, source } = importPanelApp(lungPanel, { resolver });
    expect(source).toEqual({
      panelAppId: 90001,
      version: '1.3',
      versionCreated: '2025-11-04T09:30:00.000000Z',
    });
    expect(panel.name).toBe('Lung cancer test panel');
    expect(panel.version).toBe('1.3');
    expect(panel.entries.map((entry) => [entry.symbol, entry.confidence, entry.transcript])).toEqual([
      ['EGFR', 'green', 'NM_005228.5'],
      ['KRAS', 'green', 'NM_004985.5'],
      ['ALK', 'amber', 'NM_004304.5'],
      ['ROS1', 'red', null],
      ['ERBB2', 'green', 'NM_004448.4'],
      ['TP53', 'green', 'NM_000546.6'],
    ]);
    expect(panel.entries[0]).toEqual({
      hgncId: 'HGNC:3236',
      symbol: 'EGFR',
      confidence: 'green',
      modeOfInheritance: null,
      transcript: 'NM_005228.5',
      regions: [{ chrom: '7', start: 55174721, end: 55181378 }],
      evidence: ['Expert Review Green', 'ESMO guideline'],
      phenotypes: ['Lung adenocarcinoma'],
      publications: ['15118073'],
    });
    expect(panel.entries[2]).toMatchObject({
      modeOfInheritance: 'Unknown',
      evidence: ['Expert Review Amber'],
    });
  });

  it('renames outdated symbols and resolves genes without an id, with warnings', () => {
    const { warnings } = importPanelApp(lungPanel, { resolver });
    expect(warnings).toEqual([
      'KRAS2 (HGNC:6407) is now KRAS; using KRAS',
      'HER2 is an alias of ERBB2 (HGNC:3430); using ERBB2',
      'TP53: PanelApp lists ENST00000269305.9; kept none (genvei keeps one RefSeq transcript)',
    ]);
  });

  it('reports what it leaves out: removed genes, regions without a gene entry, repeats', () => {
    expect(importPanelApp(lungPanel, { resolver }).skipped).toEqual([
      { entityType: 'gene', entityName: 'NTRK1', reason: 'confidence 0 (no list or removed)' },
      {
        entityType: 'region',
        entityName: 'TEST-Loss',
        reason: 'a region not tied to a gene; genvei panels list genes',
      },
      {
        entityType: 'region',
        entityName: 'BRAF_V600',
        reason: 'its gene HGNC:1097 is not a gene entry of this panel',
      },
      { entityType: 'str', entityName: 'TEST_CAG', reason: 'genvei panels do not model repeats' },
    ]);
  });

  it('keeps only genes at or above a confidence threshold when asked', () => {
    const { panel, skipped } = importPanelApp(lungPanel, { resolver, minimumConfidence: 'amber' });
    expect(panel.entries.map((entry) => entry.symbol)).not.toContain('ROS1');
    expect(skipped).toContainEqual({
      entityType: 'gene',
      entityName: 'ROS1',
      reason: 'red is below the amber threshold',
    });
  });

  it('without the HGNC set, rejects a gene that has no HGNC id, naming it', () => {
    expect(problemsOf(() => importPanelApp(lungPanel))).toEqual([
      'genes[4] (HER2): has no HGNC id; import with the HGNC set to resolve its symbol',
    ]);
  });

  it('rejects ids missing from current HGNC, symbols it cannot resolve, and genes listed twice', () => {
    const gene = (hgncId: string | null, symbol: string) => ({
      gene_data: { hgnc_id: hgncId, gene_symbol: symbol },
      entity_name: symbol,
      confidence_level: '3',
    });
    const shared = new SymbolResolver([
      { hgncId: 'HGNC:1', symbol: 'AAA1', previousSymbols: [], aliasSymbols: ['X1'] } as unknown as HgncGene,
      { hgncId: 'HGNC:2', symbol: 'BBB2', previousSymbols: [], aliasSymbols: ['X1'] } as unknown as HgncGene,
      { hgncId: 'HGNC:3', symbol: 'CCC3', previousSymbols: [], aliasSymbols: [] } as unknown as HgncGene,
    ]);
    const genes = [gene('HGNC:9', 'OLD'), gene(null, 'X1'), gene(null, 'NOPE'), gene('HGNC:3', 'CCC3')];
    const json = { ...lungPanel, genes: [...genes, gene(null, 'ccc3')], regions: [], strs: [] };
    expect(problemsOf(() => importPanelApp(json, { resolver: shared }))).toEqual([
      'genes[0] (OLD): HGNC:9 is not in the current HGNC set',
      'genes[1] (X1): X1 is an alias of several genes: AAA1 (HGNC:1), BBB2 (HGNC:2)',
      'genes[2] (NOPE): NOPE is not an HGNC symbol',
      'genes[4] (ccc3): HGNC:3 is listed twice',
    ]);
  });

  it('rejects JSON that is not a PanelApp panel, and regions off the primary chromosomes', () => {
    const badLevel = { ...lungPanel, genes: [{ ...lungPanel.genes[0], confidence_level: '5' }] };
    expect(problemsOf(() => importPanelApp(badLevel))).toEqual([
      expect.stringMatching(/^genes\.0\.confidence_level: /),
    ]);
    expect(problemsOf(() => importPanelApp({ name: 'x' }))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^id: /), expect.stringMatching(/^version: /)]),
    );
    const badRegion = {
      ...lungPanel,
      regions: [{ ...lungPanel.regions[0], chromosome: '7_KI270803v1_alt' }],
    };
    expect(problemsOf(() => importPanelApp(badRegion, { resolver }))).toEqual([
      'regions[0] (EGFR_exons_18_21): chromosome 7_KI270803v1_alt is not a primary GRCh38 chromosome',
    ]);
    expect(problemsOf(() => importPanelApp({ ...lungPanel, version: 'v2' }, { resolver }))).toEqual([
      'version: expected a version such as 1.3 (major.minor)',
    ]);
  });
});

describe('exporting to PanelApp JSON', () => {
  it('writes genes with string confidence levels and regions as 1-based gene-tied region entities', () => {
    const { panel } = importPanelApp(lungPanel, { resolver });
    const json = exportPanelApp(panel, { id: 7, versionCreated: '2026-01-01T00:00:00Z' });
    expect(json).toMatchObject({ id: 7, name: 'Lung cancer test panel', version: '1.3', strs: [] });
    expect(json.stats).toEqual({ number_of_genes: 6, number_of_strs: 0, number_of_regions: 1 });
    expect(json.genes[2]).toEqual({
      gene_data: { hgnc_id: 'HGNC:427', gene_symbol: 'ALK', hgnc_symbol: 'ALK' },
      entity_type: 'gene',
      entity_name: 'ALK',
      confidence_level: '2',
      mode_of_inheritance: 'Unknown',
      evidence: ['Expert Review Amber'],
      phenotypes: [],
      publications: [],
      transcript: ['NM_004304.5'],
    });
    expect(json.regions[0]).toMatchObject({
      gene_data: { hgnc_id: 'HGNC:3236' },
      entity_name: 'EGFR_7_55174722_55181378',
      chromosome: '7',
      grch38_coordinates: [55174722, 55181378],
    });
    expect(panelAppPanelSchema.safeParse(json).success).toBe(true);
  });

  it('round-trips the fixture: import, export, import gives the same panel', () => {
    const first = importPanelApp(lungPanel, { resolver });
    const exported = exportPanelApp(first.panel, { id: 90001, versionCreated: '2025-11-04T09:30:00Z' });
    const again = importPanelApp(JSON.parse(JSON.stringify(exported)), { resolver });
    expect(again.panel).toEqual(first.panel);
    expect(again.warnings).toEqual([]);
    expect(again.skipped).toEqual([]);
  });

  it('round-trips any valid panel', () => {
    const text = fc.string({ minLength: 1, maxLength: 12 }).filter((value) => /\S/.test(value));
    const region = fc
      .record({
        chrom: fc.constantFrom(...CHROMOSOMES),
        start: fc.nat({ max: 1e9 }),
        length: fc.integer({ min: 1, max: 1e6 }),
      })
      .map(({ chrom, start, length }) => ({ chrom, start, end: start + length }));
    const entry = (hgncNumber: number) =>
      fc.record({
        hgncId: fc.constant(`HGNC:${hgncNumber}`),
        symbol: text,
        confidence: fc.constantFrom('green' as const, 'amber' as const, 'red' as const),
        modeOfInheritance: fc.option(text, { nil: null }),
        transcript: fc.option(
          fc.tuple(fc.nat(), fc.integer({ min: 1, max: 20 })).map(([id, version]) => `NM_${id}.${version}`),
          { nil: null },
        ),
        regions: fc.array(region, { maxLength: 3 }),
        evidence: fc.array(text, { maxLength: 3 }),
        phenotypes: fc.array(text, { maxLength: 2 }),
        publications: fc.array(text, { maxLength: 2 }),
      });
    const panel = fc
      .uniqueArray(fc.integer({ min: 1, max: 60000 }), { maxLength: 8 })
      .chain((numbers) => fc.tuple(...numbers.map(entry)))
      .chain((entries) =>
        fc.record({
          name: text,
          version: fc.tuple(fc.nat(9), fc.nat(40)).map(([major, minor]) => `${major}.${minor}`),
          entries: fc.constant(entries as PanelEntry[]),
        }),
      );
    fc.assert(
      fc.property(panel, (original: Panel) => {
        expect(panelSchema.safeParse(original).success).toBe(true);
        const exported = exportPanelApp(original, { id: 1, versionCreated: '2026-01-01T00:00:00Z' });
        expect(importPanelApp(JSON.parse(JSON.stringify(exported))).panel).toEqual(original);
      }),
    );
  });
});
