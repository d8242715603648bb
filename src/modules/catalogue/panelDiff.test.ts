import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparePanelVersions, diffPanels, nextVersion, parsePanelVersion } from './panelDiff.ts';
import type { Panel, PanelEntry } from './panelModel.ts';

function entry(symbol: string, hgncId: string, changes: Partial<PanelEntry> = {}): PanelEntry {
  return {
    hgncId,
    symbol,
    confidence: 'green',
    modeOfInheritance: null,
    transcript: null,
    regions: [],
    evidence: ['Expert Review Green'],
    phenotypes: [],
    publications: [],
    ...changes,
  };
}

describe('panel versions', () => {
  it('bumps the minor number for an edit and starts a new major for a release', () => {
    expect(nextVersion('1.3', 'edit')).toBe('1.4');
    expect(nextVersion('1.3', 'release')).toBe('2.0');
    expect(nextVersion('0.9', 'edit')).toBe('0.10');
    expect(nextVersion('2.0', 'release')).toBe('3.0');
  });

  it('parses major.minor and rejects anything else', () => {
    expect(parsePanelVersion('12.345')).toEqual({ major: 12, minor: 345 });
    for (const bad of ['1', '1.2.3', 'v1.2', '01.2', '1.02', '', ' 1.2', '-1.2']) {
      expect(() => parsePanelVersion(bad), bad).toThrow(RangeError);
    }
  });

  it('compares numerically, not as text', () => {
    expect(comparePanelVersions('1.10', '1.9')).toBeGreaterThan(0);
    expect(comparePanelVersions('2.0', '1.99')).toBeGreaterThan(0);
    expect(comparePanelVersions('1.3', '1.3')).toBe(0);
    expect(['1.10', '0.2', '1.9', '1.0'].sort(comparePanelVersions)).toEqual(['0.2', '1.0', '1.9', '1.10']);
  });

  it('always moves forward', () => {
    const version = fc.tuple(fc.nat(1000), fc.nat(1000)).map(([major, minor]) => `${major}.${minor}`);
    fc.assert(
      fc.property(version, fc.constantFrom('edit' as const, 'release' as const), (current, change) => {
        expect(comparePanelVersions(nextVersion(current, change), current)).toBeGreaterThan(0);
      }),
    );
  });
});

describe('diffing two panel versions', () => {
  const before: Panel = {
    name: 'Lung',
    version: '1.3',
    entries: [
      entry('EGFR', 'HGNC:3236', {
        regions: [
          { chrom: '7', start: 1, end: 5 },
          { chrom: '7', start: 10, end: 20 },
        ],
      }),
      entry('KRAS', 'HGNC:6407'),
      entry('ROS1', 'HGNC:10261', { confidence: 'amber' }),
      entry('C12orf65', 'HGNC:26784'),
      entry('BRAF', 'HGNC:1097'),
    ],
  };
  const after: Panel = {
    name: 'Lung cancer',
    version: '1.4',
    entries: [
      entry('EGFR', 'HGNC:3236', {
        regions: [
          { chrom: '7', start: 10, end: 20 },
          { chrom: '7', start: 1, end: 5 },
        ],
      }),
      entry('ROS1', 'HGNC:10261', {
        confidence: 'green',
        transcript: 'NM_002944.3',
        evidence: ['Expert Review Green', 'ESMO 2023'],
      }),
      entry('MTRFR', 'HGNC:26784'),
      entry('BRAF', 'HGNC:1097', { regions: [{ chrom: '7', start: 140753335, end: 140753336 }] }),
      entry('ALK', 'HGNC:427', { modeOfInheritance: 'Unknown' }),
    ],
  };
  const diff = diffPanels(before, after);

  it('lists added and removed genes', () => {
    expect(diff.from).toBe('1.3');
    expect(diff.to).toBe('1.4');
    expect(diff.added.map((e) => e.symbol)).toEqual(['ALK']);
    expect(diff.removed.map((e) => e.symbol)).toEqual(['KRAS']);
    expect(diff.name).toEqual({ before: 'Lung', after: 'Lung cancer' });
  });

  it('gives each changed field with its value before and after', () => {
    expect(diff.changed).toEqual([
      {
        hgncId: 'HGNC:1097',
        symbol: 'BRAF',
        changes: [
          { field: 'regions', before: [], after: [{ chrom: '7', start: 140753335, end: 140753336 }] },
        ],
      },
      {
        hgncId: 'HGNC:26784',
        symbol: 'MTRFR',
        changes: [{ field: 'symbol', before: 'C12orf65', after: 'MTRFR' }],
      },
      {
        hgncId: 'HGNC:10261',
        symbol: 'ROS1',
        changes: [
          { field: 'confidence', before: 'amber', after: 'green' },
          { field: 'transcript', before: null, after: 'NM_002944.3' },
          { field: 'evidence', before: ['Expert Review Green'], after: ['Expert Review Green', 'ESMO 2023'] },
        ],
      },
    ]);
  });

  it('does not count reordered regions as a change', () => {
    expect(diff.changed.map((c) => c.symbol)).not.toContain('EGFR');
    expect(diff.unchanged).toBe(1);
  });

  it('finds nothing between a version and itself', () => {
    expect(diffPanels(before, before)).toEqual({
      from: '1.3',
      to: '1.3',
      added: [],
      removed: [],
      changed: [],
      unchanged: 5,
    });
  });
});
