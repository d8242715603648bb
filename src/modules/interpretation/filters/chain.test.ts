import { describe, expect, it } from 'vitest';
import { bindPanel, checkFilterChain, FilterChainError, formatPath, parseFilterChain } from './chain.ts';
import { DEFAULT_FILTER_CHAINS } from './defaultChains.ts';
import { FILTER_KINDS } from './model.ts';
import { chainOf } from './testing.ts';

/** A chain as it would arrive as JSON, with the given filters. */
function chainJson(filters: unknown[], extra: Record<string, unknown> = {}): unknown {
  return { ...chainOf([]), filters, ...extra };
}

describe('parseFilterChain', () => {
  it('accepts the default chains and one filter of every kind', () => {
    for (const chain of DEFAULT_FILTER_CHAINS) expect(parseFilterChain(chain)).toEqual(chain);
    const everyKind = chainJson([
      { kind: 'population-frequency', name: 'AF', maxAf: 0.01 },
      { kind: 'consequence', name: 'Consequence', include: ['missense_variant'] },
      { kind: 'impact', name: 'Impact', minImpact: 'MODERATE', whenMissing: 'remove' },
      {
        kind: 'gene-panel',
        name: 'Panel',
        minConfidence: 'green',
        panel: { version: '1.2', genes: [{ symbol: 'EGFR', confidence: 'green' }] },
      },
      {
        kind: 'region',
        name: 'Targets',
        mode: 'keep-inside',
        regions: [{ chrom: 'chr7', start: 0, end: 10 }],
      },
      { kind: 'vaf', name: 'VAF', min: 0.05, max: 1 },
      { kind: 'depth', name: 'Depth', min: 100 },
      { kind: 'vcf-filter', name: 'FILTER', allowed: ['clustered_events'] },
      { kind: 'quality', name: 'QUAL', min: 30 },
      { kind: 'origin', name: 'Origin', keep: ['somatic'] },
    ]);
    const chain = parseFilterChain(everyKind);
    expect(chain.filters.map((f) => f.kind)).toEqual([...FILTER_KINDS]);
  });

  it.each([
    [[{ kind: 'population-frequency', name: 'AF', maxAf: 1.5 }], 'filters[0].maxAf: must be between 0 and 1'],
    [[{ kind: 'depth', name: 'Depth' }], 'filters[0].min: required'],
    [[{ kind: 'depth', name: 'Depth', min: 10.5 }], 'filters[0].min: must be a whole number'],
    [[{ kind: 'depth', name: ' ', min: 10 }], 'filters[0].name: must not be blank'],
    [
      [{ kind: 'depth', name: 'Depth', min: 10, whenmissing: 'remove' }],
      'filters[0].whenmissing: not a known field',
    ],
    [
      [{ kind: 'consequence', name: 'C', exclude: ['synonymous'] }],
      'filters[0].exclude[0]: "synonymous" is not a consequence term VEP writes (see SO_CONSEQUENCES)',
    ],
    [
      [{ kind: 'consequence', name: 'C', exclude: ['intron_variant'], include: ['missense_variant'] }],
      'filters[0].include: give either include or exclude',
    ],
    [[{ kind: 'consequence', name: 'C', exclude: [] }], 'filters[0].exclude: must name at least one term'],
    [
      [{ kind: 'region', name: 'R', mode: 'keep-inside', regions: [{ chrom: '7', start: 10, end: 10 }] }],
      'filters[0].regions[0].end: must be greater than start',
    ],
    [[{ kind: 'vaf', name: 'VAF', min: 0.5, max: 0.2 }], 'filters[0].max: must not be below min'],
    [[{ kind: 'origin', name: 'O', keep: [] }], 'filters[0].keep: must keep at least one origin'],
    [
      [{ kind: 'vcf-filter', name: 'F', allowed: ['LowQual;strand'] }],
      'filters[0].allowed[0]: must be one FILTER value, without spaces or ";"',
    ],
    [
      [
        {
          kind: 'gene-panel',
          name: 'P',
          minConfidence: 'green',
          panel: {
            version: '1.0',
            genes: [
              { symbol: 'TP53', confidence: 'green' },
              { symbol: 'TP53', confidence: 'amber' },
            ],
          },
        },
      ],
      'filters[0].panel.genes[1].symbol: listed twice',
    ],
  ])('names the path of a bad filter: %j', (filters, problem) => {
    expect(checkFilterChain(chainJson(filters))).toEqual([problem]);
  });

  it('names an unknown filter kind and the kinds it could have been', () => {
    const [problem] = checkFilterChain(
      chainJson([{ kind: 'depth', name: 'D', min: 1 }, { kind: 'frequency' }]),
    );
    expect(problem).toMatch(
      /^filters\[1\]\.kind: unknown filter kind "frequency"; expected one of population-frequency, /,
    );
    expect(checkFilterChain(chainJson([{ name: 'D', min: 1 }]))).toEqual([
      expect.stringMatching(/^filters\[0\]\.kind: required; one of population-frequency, /),
    ]);
  });

  it('refuses two filters with one name, since reasons and counts name the filter', () => {
    const filters = [
      { kind: 'vaf', name: 'VAF', min: 0.05 },
      { kind: 'vaf', name: 'VAF', min: 0.1 },
    ];
    expect(checkFilterChain(chainJson(filters))).toEqual([
      'filters[1].name: "VAF" is already the name of filters[0]',
    ]);
  });

  it('checks the chain around the filters', () => {
    const problems = checkFilterChain(
      chainJson([], {
        analysisTypes: [],
        version: 0,
        exceptions: { keepHotspots: true, keepClasses: ['likely_pathogenic'] },
      }),
    );
    expect(problems).toEqual([
      'analysisTypes: must name at least one analysis type',
      'version: must be 1 or more',
      expect.stringMatching(/^exceptions\.keepClasses\[0\]: /),
    ]);
  });

  it('throws every problem at once', () => {
    const bad = chainJson([
      { kind: 'depth', name: 'D', min: -1 },
      { kind: 'quality', name: 'Q', min: -5 },
    ]);
    expect(() => parseFilterChain(bad)).toThrow(FilterChainError);
    try {
      parseFilterChain(bad);
    } catch (error) {
      expect((error as FilterChainError).problems).toEqual([
        'filters[0].min: must not be negative',
        'filters[1].min: must not be negative',
      ]);
    }
  });
});

describe('formatPath', () => {
  it('writes paths the way the JSON reads', () => {
    expect(formatPath(['filters', 2, 'panel', 'genes', 0, 'symbol'])).toBe(
      'filters[2].panel.genes[0].symbol',
    );
    expect(formatPath([])).toBe('');
  });
});

describe('bindPanel', () => {
  it('fills the case panel into gene-panel filters that name none, leaving the chain as it was', () => {
    const fixed = { version: '9.0', genes: [{ symbol: 'BRAF', confidence: 'green' as const }] };
    const chain = chainOf([
      { kind: 'gene-panel', name: 'Case panel', minConfidence: 'amber' },
      { kind: 'gene-panel', name: 'Fixed panel', minConfidence: 'green', panel: fixed },
      { kind: 'depth', name: 'Depth', min: 20 },
    ]);
    const casePanel = {
      name: 'Lunge',
      version: '2.1',
      genes: [{ symbol: 'EGFR', confidence: 'green' as const }],
    };
    const bound = bindPanel(chain, casePanel);
    expect(bound.filters[0]).toMatchObject({ panel: casePanel });
    expect(bound.filters[1]).toMatchObject({ panel: fixed });
    expect(bound.filters[2]).toBe(chain.filters[2]);
    expect(chain.filters[0]).not.toHaveProperty('panel');
  });
});
