import { z } from 'zod';

/** One OncoTree cancer type, flattened: the hierarchy is kept as `parentCode`. */
export interface OncoTreeNode {
  code: string;
  name: string;
  /** Null only for the TISSUE root. */
  mainType: string | null;
  tissue: string | null;
  color: string | null;
  /** 0 for the root, 1 for the tissues, then one more per step down. */
  level: number;
  parentCode: string | null;
  externalReferences: { umls: string[]; nci: string[] };
  /** Codes this node had in earlier releases; used to map diagnoses coded with an old release. */
  history: string[];
  /** Codes of earlier releases that this node now covers more precisely. */
  precursors: string[];
  /** Codes that were withdrawn in favour of this node. */
  revocations: string[];
}

export interface OncoTreeProblem {
  /** Codes from the root to the node, e.g. `TISSUE > LUNG > NSCLC`, or the code alone when unknown. */
  path: string;
  reason: string;
}

/** Everything wrong with an OncoTree file, so one import attempt shows the operator the whole list. */
export class OncoTreeError extends Error {
  constructor(readonly problems: OncoTreeProblem[]) {
    const shown = problems.slice(0, 5).map(({ path, reason }) => `${path}: ${reason}`);
    const more = problems.length > shown.length ? `; and ${problems.length - shown.length} more` : '';
    super(`OncoTree: ${shown.join('; ')}${more}`);
    this.name = 'OncoTreeError';
  }
}

const codeSchema = z.string().regex(/^[A-Za-z0-9_/-]+$/, 'expected an OncoTree code');
const codeListSchema = z.array(codeSchema).default([]);

/** One node as the release file writes it; its children are checked when the walk reaches them. */
const releaseNodeSchema = z.object({
  code: codeSchema,
  name: z.string().min(1),
  mainType: z.string().nullable(),
  tissue: z.string().nullable(),
  color: z.string().nullable().default(null),
  level: z.number().int().nonnegative(),
  parent: z.string().nullable(),
  externalReferences: z
    .object({ UMLS: z.array(z.string()).default([]), NCI: z.array(z.string()).default([]) })
    .default({ UMLS: [], NCI: [] }),
  history: codeListSchema,
  precursors: codeListSchema,
  revocations: codeListSchema,
  children: z.record(z.string(), z.unknown()).default({}),
});

const PATH_SEPARATOR = ' > ';

/** Parses the text of an OncoTree release file (e.g. oncotree_2025_10_03.json). */
export function parseOncoTreeJson(text: string): OncoTreeNode[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new OncoTreeError([{ path: '(file)', reason: `not JSON: ${(error as Error).message}` }]);
  }
  return parseOncoTree(value);
}

/**
 * Flattens an OncoTree release, `{ TISSUE: { …, children: { CODE: { … } } } }`, into nodes listed
 * parents first, so they can be inserted in order under a foreign key. Throws OncoTreeError with
 * every problem found, each named by the path of codes that leads to it.
 */
export function parseOncoTree(release: unknown): OncoTreeNode[] {
  const problems: OncoTreeProblem[] = [];
  const roots = z.record(z.string(), z.unknown()).safeParse(release);
  if (!roots.success || Object.keys(roots.data).length !== 1) {
    throw new OncoTreeError([{ path: '(file)', reason: 'expected an object with exactly one root node' }]);
  }
  const nodes: OncoTreeNode[] = [];
  const pending: { key: string; value: unknown; parent: OncoTreeNode | null; path: string[] }[] =
    Object.entries(roots.data).map(([key, value]) => ({ key, value, parent: null, path: [key] }));
  for (let next = pending.shift(); next !== undefined; next = pending.shift()) {
    const { key, value, parent, path } = next;
    const where = path.join(PATH_SEPARATOR);
    const parsed = releaseNodeSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({ path: where, reason: `${issue.path.join('.') || 'node'}: ${issue.message}` });
      }
      continue;
    }
    const raw = parsed.data;
    if (raw.code !== key)
      problems.push({ path: where, reason: `listed under "${key}" but its code is "${raw.code}"` });
    const parentCode = parent?.code ?? null;
    if (raw.parent !== parentCode) {
      problems.push({
        path: where,
        reason: `its parent field says ${raw.parent}, but it sits under ${parentCode}`,
      });
    }
    const node: OncoTreeNode = {
      code: raw.code,
      name: raw.name,
      mainType: raw.mainType,
      tissue: raw.tissue,
      color: raw.color,
      level: raw.level,
      parentCode,
      externalReferences: { umls: raw.externalReferences.UMLS, nci: raw.externalReferences.NCI },
      history: raw.history,
      precursors: raw.precursors,
      revocations: raw.revocations,
    };
    nodes.push(node);
    for (const [childKey, child] of Object.entries(raw.children)) {
      pending.push({ key: childKey, value: child, parent: node, path: [...path, childKey] });
    }
  }
  problems.push(...checkOncoTree(nodes));
  if (problems.length > 0) throw new OncoTreeError(problems);
  return nodes;
}

/**
 * The rules a flat list of nodes must keep to be one tree: unique codes, one root, every parent
 * present, no cycles, and levels one below the parent's. Also usable on nodes read back from storage.
 */
export function checkOncoTree(nodes: readonly OncoTreeNode[]): OncoTreeProblem[] {
  const problems: OncoTreeProblem[] = [];
  const byCode = new Map<string, OncoTreeNode>();
  for (const node of nodes) {
    if (byCode.has(node.code)) problems.push({ path: node.code, reason: 'the code appears more than once' });
    else byCode.set(node.code, node);
  }
  const roots = nodes.filter((node) => node.parentCode === null);
  if (roots.length !== 1) {
    const codes = roots.map((node) => node.code).join(', ') || 'none';
    problems.push({ path: '(tree)', reason: `expected exactly one root, found ${codes}` });
  }
  for (const node of byCode.values()) {
    if (node.parentCode === null) {
      if (node.level !== 0)
        problems.push({ path: node.code, reason: `the root has level ${node.level}, not 0` });
      continue;
    }
    const parent = byCode.get(node.parentCode);
    if (parent === undefined) {
      problems.push({ path: node.code, reason: `its parent ${node.parentCode} is not in the tree` });
    } else if (node.level !== parent.level + 1) {
      problems.push({
        path: node.code,
        reason: `level ${node.level} under ${parent.code} at level ${parent.level}`,
      });
    }
  }
  problems.push(...cycles(byCode));
  return problems;
}

/** Follows each parent chain; a chain that returns to a code it has passed is a cycle. */
function cycles(byCode: ReadonlyMap<string, OncoTreeNode>): OncoTreeProblem[] {
  const problems: OncoTreeProblem[] = [];
  const settled = new Set<string>();
  const reported = new Set<string>();
  for (const start of byCode.values()) {
    const chain: string[] = [];
    let node: OncoTreeNode | undefined = start;
    while (node !== undefined && !settled.has(node.code) && !chain.includes(node.code)) {
      chain.push(node.code);
      node = node.parentCode === null ? undefined : byCode.get(node.parentCode);
    }
    if (node !== undefined && chain.includes(node.code)) {
      const loop = chain.slice(chain.indexOf(node.code));
      if (!loop.some((code) => reported.has(code))) {
        for (const code of loop) reported.add(code);
        problems.push({
          path: [...loop, node.code].join(PATH_SEPARATOR),
          reason: 'the parents form a cycle',
        });
      }
    } else {
      for (const code of chain) settled.add(code);
    }
  }
  return problems;
}

/** The nodes from the root down to `code`, for breadcrumbs and "is LUAD a lung cancer" questions. */
export function oncoTreeLineage(nodes: readonly OncoTreeNode[], code: string): OncoTreeNode[] {
  const byCode = new Map(nodes.map((node) => [node.code, node]));
  const lineage: OncoTreeNode[] = [];
  let node = byCode.get(code);
  while (node !== undefined) {
    if (lineage.includes(node)) throw new OncoTreeError([{ path: code, reason: 'the parents form a cycle' }]);
    lineage.unshift(node);
    node = node.parentCode === null ? undefined : byCode.get(node.parentCode);
  }
  return lineage;
}
