import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkOncoTree,
  OncoTreeError,
  type OncoTreeNode,
  oncoTreeLineage,
  parseOncoTree,
  parseOncoTreeJson,
} from './oncotree.ts';
import { fixture } from './testing.ts';

const text = readFileSync(fixture('oncotree_small.json'), 'utf8');

/** A fresh copy of the fixture to break in one place. */
function release() {
  return JSON.parse(text);
}

function problemsOf(value: unknown): OncoTreeError {
  try {
    parseOncoTree(value);
  } catch (error) {
    if (error instanceof OncoTreeError) return error;
    throw error;
  }
  throw new Error('expected an OncoTreeError');
}

function node(code: string, parentCode: string | null, level: number): OncoTreeNode {
  return {
    code,
    name: code,
    mainType: null,
    tissue: null,
    color: null,
    level,
    parentCode,
    externalReferences: { umls: [], nci: [] },
    history: [],
    precursors: [],
    revocations: [],
  };
}

describe('parsing an OncoTree release', () => {
  const nodes = parseOncoTreeJson(text);

  it('flattens the tree, parents before children, keeping the hierarchy as parent codes', () => {
    expect(nodes.map((n) => n.code)).toEqual([
      'TISSUE',
      'LUNG',
      'LYMPH',
      'NSCLC',
      'PCM',
      'BLL',
      'LUAD',
      'LUSC',
    ]);
    const seen = new Set<string>();
    for (const n of nodes) {
      if (n.parentCode !== null) expect(seen).toContain(n.parentCode);
      seen.add(n.code);
    }
  });

  it('keeps names, types, tissue, level and the UMLS and NCI cross-references', () => {
    expect(nodes.find((n) => n.code === 'LUAD')).toEqual({
      code: 'LUAD',
      name: 'Lung Adenocarcinoma',
      mainType: 'Non-Small Cell Lung Cancer',
      tissue: 'Lung',
      color: 'Gainsboro',
      level: 3,
      parentCode: 'NSCLC',
      externalReferences: { umls: ['C0152013'], nci: ['C3512'] },
      history: [],
      precursors: [],
      revocations: [],
    });
    expect(nodes.find((n) => n.code === 'LUSC')?.externalReferences).toEqual({ umls: ['C0149782'], nci: [] });
    expect(nodes[0]).toMatchObject({ code: 'TISSUE', parentCode: null, mainType: null, level: 0 });
  });

  it('keeps the codes of earlier releases', () => {
    expect(nodes.find((n) => n.code === 'PCM')?.history).toEqual(['MM']);
    expect(nodes.find((n) => n.code === 'BLL')).toMatchObject({ precursors: ['BALL'], revocations: ['ALL'] });
  });

  it('gives the lineage from the root', () => {
    expect(oncoTreeLineage(nodes, 'LUAD').map((n) => n.code)).toEqual(['TISSUE', 'LUNG', 'NSCLC', 'LUAD']);
    expect(oncoTreeLineage(nodes, 'NOPE')).toEqual([]);
  });
});

describe('rejecting a broken release', () => {
  it('names the path of a node with a missing field', () => {
    const broken = release();
    delete broken.TISSUE.children.LUNG.children.NSCLC.children.LUAD.name;
    const error = problemsOf(broken);
    expect(error.problems).toEqual([
      { path: 'TISSUE > LUNG > NSCLC > LUAD', reason: expect.stringMatching(/^name: /) },
    ]);
    expect(error.message).toMatch(/^OncoTree: TISSUE > LUNG > NSCLC > LUAD: name: /);
  });

  it('finds a code listed twice, a parent field that disagrees with the nesting, and a wrong level', () => {
    const broken = release();
    const lung = broken.TISSUE.children.LUNG.children.NSCLC.children;
    lung.LUSC.code = 'LUAD';
    lung.LUAD.parent = 'LUNG';
    broken.TISSUE.children.LYMPH.children.PCM.level = 4;
    expect(problemsOf(broken).problems).toEqual([
      { path: 'TISSUE > LUNG > NSCLC > LUAD', reason: 'its parent field says LUNG, but it sits under NSCLC' },
      { path: 'TISSUE > LUNG > NSCLC > LUSC', reason: 'listed under "LUSC" but its code is "LUAD"' },
      { path: 'LUAD', reason: 'the code appears more than once' },
      { path: 'PCM', reason: 'level 4 under LYMPH at level 1' },
    ]);
  });

  it('rejects text that is not JSON, and JSON that is not one tree', () => {
    expect(() => parseOncoTreeJson('{"TISSUE":')).toThrow(/\(file\): not JSON/);
    expect(() => parseOncoTree([])).toThrow(/exactly one root node/);
    expect(() => parseOncoTree({ A: {}, B: {} })).toThrow(/exactly one root node/);
  });
});

describe('checking a flat list of nodes', () => {
  it('accepts a well-formed tree', () => {
    expect(checkOncoTree([node('TISSUE', null, 0), node('LUNG', 'TISSUE', 1)])).toEqual([]);
  });

  it('finds a missing parent and more than one root', () => {
    expect(
      checkOncoTree([node('TISSUE', null, 0), node('OTHER', null, 0), node('LUAD', 'NSCLC', 3)]),
    ).toEqual([
      { path: '(tree)', reason: 'expected exactly one root, found TISSUE, OTHER' },
      { path: 'LUAD', reason: 'its parent NSCLC is not in the tree' },
    ]);
  });

  it('finds a cycle once, named by the codes that form it', () => {
    const problems = checkOncoTree([
      node('TISSUE', null, 0),
      node('A', 'C', 1),
      node('B', 'A', 2),
      node('C', 'B', 3),
      node('D', 'C', 4),
    ]);
    expect(problems.filter((p) => p.reason === 'the parents form a cycle')).toEqual([
      { path: 'A > C > B > A', reason: 'the parents form a cycle' },
    ]);
  });

  it('refuses a lineage through a cycle instead of looping forever', () => {
    expect(() => oncoTreeLineage([node('A', 'B', 1), node('B', 'A', 1)], 'A')).toThrow(OncoTreeError);
  });
});
