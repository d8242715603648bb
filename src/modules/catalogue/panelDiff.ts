import { type Panel, type PanelEntry, panelVersionSchema } from './panelModel.ts';

export interface PanelVersion {
  major: number;
  minor: number;
}

/** "1.3" → { major: 1, minor: 3 }; throws RangeError for anything that is not major.minor. */
export function parsePanelVersion(version: string): PanelVersion {
  if (!panelVersionSchema.safeParse(version).success) {
    throw new RangeError(`"${version}" is not a panel version (major.minor, e.g. 1.3)`);
  }
  const [major, minor] = version.split('.').map(Number) as [number, number];
  return { major, minor };
}

/** Orders versions numerically, so 1.10 comes after 1.9; negative, zero or positive as Array.sort wants. */
export function comparePanelVersions(a: string, b: string): number {
  const left = parsePanelVersion(a);
  const right = parsePanelVersion(b);
  return left.major - right.major || left.minor - right.minor;
}

/**
 * The version a change creates, as PanelApp numbers them: any edit bumps the minor number, a
 * release (a version signed off for diagnostic use) starts the next major at .0.
 */
export function nextVersion(current: string, change: 'edit' | 'release'): string {
  const { major, minor } = parsePanelVersion(current);
  return change === 'release' ? `${major + 1}.0` : `${major}.${minor + 1}`;
}

/** The entry fields a curator changes; hgncId is the identity and is never "changed". */
export const COMPARED_FIELDS = [
  'symbol',
  'confidence',
  'modeOfInheritance',
  'transcript',
  'regions',
  'evidence',
  'phenotypes',
  'publications',
] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export type FieldChange = {
  [Field in ComparedField]: { field: Field; before: PanelEntry[Field]; after: PanelEntry[Field] };
}[ComparedField];

export interface ChangedEntry {
  hgncId: string;
  /** The symbol in the newer version. */
  symbol: string;
  changes: FieldChange[];
}

export interface PanelDiff {
  from: string;
  to: string;
  name?: { before: string; after: string };
  added: PanelEntry[];
  removed: PanelEntry[];
  changed: ChangedEntry[];
  unchanged: number;
}

/**
 * What changed from one version of a panel to another, gene by gene (matched on HGNC id, so a renamed
 * symbol shows as a change, not a removal and an addition). Lists are compared as sets: reordering
 * regions or evidence is not a change. Genes come out sorted by symbol so a reviewer can scan them.
 */
export function diffPanels(before: Panel, after: Panel): PanelDiff {
  const earlier = new Map(before.entries.map((entry) => [entry.hgncId, entry]));
  const later = new Map(after.entries.map((entry) => [entry.hgncId, entry]));
  const added = after.entries.filter((entry) => !earlier.has(entry.hgncId));
  const removed = before.entries.filter((entry) => !later.has(entry.hgncId));
  const changed: ChangedEntry[] = [];
  let unchanged = 0;
  for (const next of after.entries) {
    const previous = earlier.get(next.hgncId);
    if (previous === undefined) continue;
    const changes = COMPARED_FIELDS.filter((field) => !sameValue(previous[field], next[field])).map(
      (field) => ({ field, before: previous[field], after: next[field] }) as FieldChange,
    );
    if (changes.length === 0) unchanged++;
    else changed.push({ hgncId: next.hgncId, symbol: next.symbol, changes });
  }
  return {
    from: before.version,
    to: after.version,
    ...(before.name === after.name ? {} : { name: { before: before.name, after: after.name } }),
    added: added.sort(bySymbol),
    removed: removed.sort(bySymbol),
    changed: changed.sort(bySymbol),
    unchanged,
  };
}

function sameValue(a: PanelEntry[ComparedField], b: PanelEntry[ComparedField]): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return canonical(a) === canonical(b);
  return a === b;
}

/** A list as a sorted multiset of its items' JSON, so order does not count but duplicates do. */
function canonical(items: readonly unknown[]): string {
  // Regions are flat objects; sorting their keys makes {start, end, chrom} equal {chrom, start, end}.
  const itemJson = (item: unknown) =>
    typeof item === 'object' && item !== null
      ? JSON.stringify(item, Object.keys(item).sort())
      : JSON.stringify(item);
  return JSON.stringify(items.map(itemJson).sort());
}

function bySymbol(a: { symbol: string }, b: { symbol: string }): number {
  return a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0;
}
