import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bindPanel, type FilterChain, type FilterDefinition } from './chain.ts';
import { GERMLINE, SOMATIC_TUMOUR_DNA_PANEL } from './defaultChains.ts';
import { applyFilterChain } from './engine.ts';
import { type CaseVariant, PRIOR_CLASSES, type VariantId } from './model.ts';
import { UnboundPanelError } from './predicates.ts';
import { caseVariant, chainOf } from './testing.ts';

const depth: FilterDefinition = { kind: 'depth', name: 'Depth', min: 100 };
const frequency: FilterDefinition = { kind: 'population-frequency', name: 'AF', maxAf: 0.01 };
const ids = (variants: readonly { id: VariantId }[]) => variants.map((v) => v.id);

describe('applyFilterChain', () => {
  const shallowCommon = caseVariant({ id: 'shallow-common', depth: 40, populationAf: 0.2 });
  const shallow = caseVariant({ id: 'shallow', depth: 40 });
  const common = caseVariant({ id: 'common', populationAf: 0.2 });
  const fine = caseVariant({ id: 'fine' });
  const variants = [shallowCommon, fine, shallow, common];

  it('names the first filter in chain order that removes a variant, and counts per filter', () => {
    const result = applyFilterChain(chainOf([depth, frequency]), variants);
    expect(result.removed.map((r) => [r.variant.id, r.filter, r.kind, r.reason])).toEqual([
      ['shallow-common', 'Depth', 'depth', 'depth 40 < 100'],
      ['shallow', 'Depth', 'depth', 'depth 40 < 100'],
      ['common', 'AF', 'population-frequency', 'gnomAD AF 0.2 > 0.01'],
    ]);
    expect(result.counts).toEqual([
      { filter: 'Depth', kind: 'depth', removed: 2, kept: 0 },
      { filter: 'AF', kind: 'population-frequency', removed: 1, kept: 0 },
    ]);
    expect(result).toMatchObject({ chainId: 'test-chain', chainVersion: 3 });

    const reordered = applyFilterChain(chainOf([frequency, depth]), variants);
    expect(reordered.removed.map((r) => [r.variant.id, r.filter])).toEqual([
      ['shallow-common', 'AF'],
      ['shallow', 'Depth'],
      ['common', 'AF'],
    ]);
  });

  it('returns the variants that pass as they came, in input order', () => {
    const result = applyFilterChain(chainOf([depth]), variants);
    expect(ids(result.kept)).toEqual(['fine', 'common']);
    expect(result.kept[0]).toBe(fine);
    expect(result.kept[0]).not.toHaveProperty('keptBecause');
  });

  it('keeps every variant through a chain with no filters', () => {
    expect(applyFilterChain(chainOf([]), variants).kept).toEqual(variants);
  });

  it('keeps a known hotspot that a filter matched, and says which filter it overrode', () => {
    const hotspot = caseVariant({ id: 'G12C', hotspot: true, vaf: 0.02 });
    const vaf: FilterDefinition = { kind: 'vaf', name: 'VAF', min: 0.05 };
    const withException = applyFilterChain(chainOf([vaf], { keepHotspots: true }), [hotspot]);
    expect(withException.removed).toEqual([]);
    expect(withException.kept).toEqual([
      {
        ...hotspot,
        keptBecause: 'hotspot',
        overrode: {
          filter: 'VAF',
          kind: 'vaf',
          reason: 'VAF 0.02 < 0.05',
          reasonCode: 'vaf-below',
          reasonParams: { value: 0.02, limit: 0.05 },
        },
      },
    ]);
    expect(withException.counts).toEqual([{ filter: 'VAF', kind: 'vaf', removed: 0, kept: 1 }]);

    const without = applyFilterChain(chainOf([vaf], { keepHotspots: false }), [hotspot]);
    expect(ids(without.removed.map((r) => r.variant))).toEqual(['G12C']);
  });

  it('keeps variants already classified in a class the chain keeps, and only those', () => {
    const chain = chainOf([frequency], { keepClasses: ['pathogenic', 'likely-pathogenic'] });
    const founder = caseVariant({ id: 'HFE C282Y', populationAf: 0.06, priorClass: 'pathogenic' });
    const vus = caseVariant({ id: 'vus', populationAf: 0.06, priorClass: 'uncertain' });
    const result = applyFilterChain(chain, [founder, vus]);
    expect(result.kept.map((v) => [v.id, v.keptBecause])).toEqual([['HFE C282Y', 'prior-class']]);
    expect(ids(result.removed.map((r) => r.variant))).toEqual(['vus']);
  });

  it('brings back pulled-back variants, names the rule first when an exception also applies', () => {
    const chain = chainOf([depth], { keepHotspots: true });
    const hotspot = caseVariant({ id: 'hot', depth: 10, hotspot: true });
    const result = applyFilterChain(chain, [shallow, hotspot, fine], new Set(['shallow', 'hot', 'fine']));
    expect(result.kept.map((v) => [v.id, v.keptBecause])).toEqual([
      ['shallow', 'pulled-back'],
      ['hot', 'hotspot'],
      ['fine', undefined],
    ]);
    expect(result.kept[0]?.overrode).toEqual({
      filter: 'Depth',
      kind: 'depth',
      reason: 'depth 40 < 100',
      reasonCode: 'depth-below',
      reasonParams: { value: 40, limit: 100 },
    });
    expect(result.removed).toEqual([]);
    expect(result.counts[0]).toMatchObject({ removed: 0, kept: 2 });
  });

  it('keeps variants with missing data by default and removes them, with a reason, when the chain says', () => {
    const unknownDepth = caseVariant({ id: 'no-depth', depth: null });
    expect(applyFilterChain(chainOf([depth]), [unknownDepth]).kept).toEqual([unknownDepth]);
    const strict = applyFilterChain(chainOf([{ ...depth, whenMissing: 'remove' }]), [unknownDepth]);
    expect(strict.removed.map((r) => r.reason)).toEqual([
      'depth unknown; this filter removes variants with missing data',
    ]);
  });

  it('refuses a chain whose gene-panel filter has no panel bound', () => {
    expect(() => applyFilterChain(GERMLINE, [fine])).toThrow(UnboundPanelError);
  });
});

describe('the default chains', () => {
  const panel = {
    name: 'Solid tumours',
    version: '3.0',
    genes: [
      { symbol: 'KRAS', confidence: 'green' as const },
      { symbol: 'BRCA2', confidence: 'green' as const },
      { symbol: 'NEW1', confidence: 'red' as const },
    ],
  };
  const somatic = bindPanel(SOMATIC_TUMOUR_DNA_PANEL, panel);
  const germline = bindPanel(GERMLINE, panel);

  it.each([
    ['FILTER not PASS', { filters: ['LowQual'] }, 'VCF FILTER'],
    ['depth 99', { depth: 99 }, 'Read depth'],
    ['VAF 4 %', { vaf: 0.04 }, 'VAF'],
    ['AF 2 %', { populationAf: 0.02 }, 'Population frequency'],
    ['synonymous', { consequences: ['synonymous_variant'] }, 'Consequence'],
    ['UTR', { consequences: ['3_prime_UTR_variant'] }, 'Consequence'],
    ['gene outside the panel', { gene: 'EGFR' }, 'Gene panel'],
    ['no gene', { gene: null }, 'Gene panel'],
  ])('somatic removes %s', (_, overrides, filter) => {
    expect(applyFilterChain(somatic, [caseVariant(overrides)]).removed.map((r) => r.filter)).toEqual([
      filter,
    ]);
  });

  it('somatic keeps a synonymous variant in the splice region, a red panel gene and a deep hotspot at 2 %', () => {
    const splice = caseVariant({ id: 1, consequences: ['synonymous_variant', 'splice_region_variant'] });
    const red = caseVariant({ id: 2, gene: 'NEW1' });
    const hotspot = caseVariant({ id: 3, vaf: 0.02, hotspot: true });
    const result = applyFilterChain(somatic, [splice, red, hotspot]);
    expect(result.kept.map((v) => [v.id, v.keptBecause])).toEqual([
      [1, undefined],
      [2, undefined],
      [3, 'hotspot'],
    ]);
  });

  it('germline keeps depth 20 and a known pathogenic founder variant above 1 %, removes a red gene', () => {
    const variants = [
      caseVariant({ id: 'dp20', depth: 20, vaf: 0.5, origin: 'germline', gene: 'BRCA2' }),
      caseVariant({ id: 'dp19', depth: 19, vaf: 0.5, origin: 'germline', gene: 'BRCA2' }),
      caseVariant({ id: 'founder', populationAf: 0.06, priorClass: 'pathogenic', gene: 'BRCA2' }),
      caseVariant({ id: 'red', gene: 'NEW1' }),
    ];
    const result = applyFilterChain(germline, variants);
    expect(result.kept.map((v) => [v.id, v.keptBecause])).toEqual([
      ['dp20', undefined],
      ['founder', 'prior-class'],
    ]);
    expect(result.removed.map((r) => [r.variant.id, r.reason])).toEqual([
      ['dp19', 'depth 19 < 20'],
      ['red', 'NEW1 is red in panel Solid tumours v3.0, below amber'],
    ]);
  });
});

// ---------------------------------------------------------------- properties

const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const variantArb: fc.Arbitrary<Omit<CaseVariant, 'id'>> = fc.record({
  gene: nullable(fc.constantFrom('KRAS', 'EGFR', 'TP53', 'NOPE')),
  chrom: fc.constantFrom('1', 'chr7', '12'),
  pos: fc.integer({ min: 1, max: 400 }),
  ref: fc.constantFrom('A', 'CT', 'GATTACA'),
  alt: fc.constantFrom('T', 'C'),
  kind: fc.constantFrom('snv', 'deletion', 'insertion'),
  consequences: fc.subarray([
    'missense_variant',
    'intron_variant',
    'splice_region_variant',
    'synonymous_variant',
  ]),
  impact: nullable(fc.constantFrom('HIGH', 'MODERATE', 'LOW', 'MODIFIER')),
  transcript: fc.constant(null),
  hgvsc: fc.constant(null),
  hgvsp: fc.constant(null),
  populationAf: nullable(fc.double({ min: 0, max: 0.1, noNaN: true })),
  vaf: nullable(fc.double({ min: 0, max: 1, noNaN: true })),
  depth: nullable(fc.integer({ min: 0, max: 300 })),
  altDepth: fc.constant(null),
  filters: fc.subarray(['PASS', 'LowQual', 'clustered_events']),
  qual: nullable(fc.double({ min: 0, max: 100, noNaN: true })),
  origin: fc.constantFrom('somatic', 'germline', 'unknown'),
  hotspot: fc.boolean(),
  priorClass: nullable(fc.constantFrom(...PRIOR_CLASSES)),
});

const filterPool: FilterDefinition[] = [
  { kind: 'population-frequency', name: 'AF', maxAf: 0.01, whenMissing: 'remove' },
  { kind: 'consequence', name: 'Consequence', exclude: ['intron_variant', 'synonymous_variant'] },
  { kind: 'impact', name: 'Impact', minImpact: 'MODERATE' },
  {
    kind: 'gene-panel',
    name: 'Panel',
    minConfidence: 'amber',
    panel: {
      version: '1.0',
      genes: [
        { symbol: 'KRAS', confidence: 'green' },
        { symbol: 'TP53', confidence: 'amber' },
        { symbol: 'EGFR', confidence: 'red' },
      ],
    },
  },
  { kind: 'region', name: 'Targets', mode: 'keep-inside', regions: [{ chrom: '7', start: 50, end: 250 }] },
  { kind: 'vaf', name: 'VAF', min: 0.05, max: 0.95 },
  { kind: 'depth', name: 'Depth', min: 100, whenMissing: 'remove' },
  { kind: 'vcf-filter', name: 'FILTER', allowed: ['clustered_events'] },
  { kind: 'quality', name: 'QUAL', min: 30 },
  { kind: 'origin', name: 'Origin', keep: ['somatic'] },
];

const caseArb = fc.record({
  variants: fc
    .array(variantArb, { maxLength: 40 })
    .map((rows) => rows.map((row, index): CaseVariant => ({ id: index % 2 ? index : `v${index}`, ...row }))),
  filters: fc.shuffledSubarray(filterPool),
  keepHotspots: fc.boolean(),
  keepClasses: fc.subarray([...PRIOR_CLASSES]),
  pulled: fc.array(fc.nat({ max: 40 })),
});

type GeneratedCase = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function chainFor(c: GeneratedCase): FilterChain {
  return chainOf(c.filters, { keepHotspots: c.keepHotspots, keepClasses: c.keepClasses });
}

describe('properties', () => {
  it('puts every variant in exactly one of kept and removed, in input order, and counts them', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const pulledBack = new Set<VariantId>(c.pulled.map((i) => c.variants[i]?.id ?? -1));
        const result = applyFilterChain(chainFor(c), c.variants, pulledBack);
        const keptIds = ids(result.kept);
        const removedIds = ids(result.removed.map((r) => r.variant));
        expect(new Set([...keptIds, ...removedIds]).size).toBe(c.variants.length);
        expect(keptIds.length + removedIds.length).toBe(c.variants.length);
        const order = new Map(c.variants.map((v, i) => [v.id, i]));
        const rank = (id: VariantId) => order.get(id) ?? -1;
        expect(keptIds.map(rank)).toEqual([...keptIds.map(rank)].sort((a, b) => a - b));
        expect(removedIds.map(rank)).toEqual([...removedIds.map(rank)].sort((a, b) => a - b));
        const removedCount = result.counts.reduce((sum, count) => sum + count.removed, 0);
        const overridden = result.counts.reduce((sum, count) => sum + count.kept, 0);
        expect(removedCount).toBe(removedIds.length);
        expect(overridden).toBe(result.kept.filter((v) => v.keptBecause !== undefined).length);
      }),
    );
  });

  it('pulling one removed variant back moves exactly that one, and nothing else changes', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), (c, pick) => {
        const chain = chainFor(c);
        const before = applyFilterChain(chain, c.variants);
        fc.pre(before.removed.length > 0);
        const moved = before.removed[pick % before.removed.length]?.variant;
        if (moved === undefined) throw new Error('unreachable');
        const after = applyFilterChain(chain, c.variants, new Set([moved.id]));
        expect(ids(after.removed.map((r) => r.variant))).toEqual(
          ids(before.removed.map((r) => r.variant)).filter((id) => id !== moved.id),
        );
        expect(ids(after.kept).sort()).toEqual([...ids(before.kept), moved.id].sort());
        expect(after.kept.find((v) => v.id === moved.id)?.keptBecause).toBe('pulled-back');
      }),
    );
  });
});

// ---------------------------------------------------------------- speed

/**
 * A sanity bound only, generous so a busy CI machine does not fail it: the target is well under
 * 10 ms for 5,000 variants through 10 filters. Measured figures belong in bench/, not here.
 */
describe('speed', () => {
  it('filters 5,000 variants through a 10-filter chain in under 50 ms', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const genes = Array.from({ length: 600 }, (_, i) => `GENE${i}`);
    const panel = {
      version: '4.2',
      genes: genes
        .slice(0, 500)
        .map((symbol, i) => ({ symbol, confidence: i % 7 ? ('green' as const) : ('red' as const) })),
    };
    const regions = Array.from({ length: 2000 }, (_, i) => ({
      chrom: String((i % 22) + 1),
      start: i * 1000,
      end: i * 1000 + 400,
    }));
    const chain = chainOf(
      filterPool.map((filter) => {
        if (filter.kind === 'gene-panel') return { ...filter, panel };
        if (filter.kind === 'region') return { ...filter, regions };
        return filter;
      }),
      { keepHotspots: true, keepClasses: ['pathogenic', 'oncogenic'] },
    );
    const variants = Array.from({ length: 5000 }, (_, i) =>
      caseVariant({
        id: i,
        gene: genes[Math.floor(random() * genes.length)] ?? null,
        chrom: `chr${(i % 22) + 1}`,
        pos: Math.floor(random() * 2_000_000) + 1,
        populationAf: random() < 0.1 ? null : random() * 0.012,
        vaf: random(),
        depth: Math.floor(random() * 1000),
        consequences: random() < 0.1 ? ['intron_variant'] : ['missense_variant'],
        hotspot: random() < 0.01,
        filters: random() < 0.05 ? ['LowQual'] : ['PASS'],
      }),
    );
    const pulledBack = new Set<VariantId>([1, 2, 3]);
    for (let warm = 0; warm < 5; warm++) applyFilterChain(chain, variants, pulledBack);
    const times: number[] = [];
    for (let run = 0; run < 7; run++) {
      const start = performance.now();
      const result = applyFilterChain(chain, variants, pulledBack);
      times.push(performance.now() - start);
      expect(result.kept.length + result.removed.length).toBe(5000);
    }
    times.sort((a, b) => a - b);
    expect(times[3]).toBeLessThan(50);
  });
});
