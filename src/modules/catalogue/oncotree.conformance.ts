import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkOncoTree, oncoTreeLineage, parseOncoTreeJson } from './oncotree.ts';

// The OncoTree release (MSK, CC BY 4.0) read in place from ../shared beside the repository (never copied).
const repositoryRoot = new URL('../../../', import.meta.url);
const releaseFile = new URL('../shared/data/oncotree/oncotree_2025_10_03.json', repositoryRoot);

describe('OncoTree 2025-10-03 release', () => {
  const nodes = parseOncoTreeJson(readFileSync(releaseFile, 'utf8'));
  const byCode = new Map(nodes.map((node) => [node.code, node]));
  const lineage = (code: string) => oncoTreeLineage(nodes, code).map((node) => node.code);

  it('has 898 cancer types in one tree rooted at TISSUE', () => {
    expect(nodes).toHaveLength(898);
    expect(checkOncoTree(nodes)).toEqual([]);
    expect(nodes.filter((node) => node.parentCode === null).map((node) => node.code)).toEqual(['TISSUE']);
  });

  it('has 32 tissues and the level counts of the release', () => {
    const perLevel = new Map<number, number>();
    for (const node of nodes) perLevel.set(node.level, (perLevel.get(node.level) ?? 0) + 1);
    expect(Object.fromEntries(perLevel)).toEqual({ 0: 1, 1: 32, 2: 233, 3: 333, 4: 147, 5: 131, 6: 21 });
  });

  it('keeps the parent and child facts clinicians rely on', () => {
    expect(lineage('LUAD')).toEqual(['TISSUE', 'LUNG', 'NSCLC', 'LUAD']);
    expect(lineage('LUSC')).toEqual(['TISSUE', 'LUNG', 'NSCLC', 'LUSC']);
    expect(lineage('IDC')).toEqual(['TISSUE', 'BREAST', 'BRCA', 'IDC']);
    expect(lineage('COAD')).toEqual(['TISSUE', 'BOWEL', 'COADREAD', 'COAD']);
    expect(lineage('SKCM')).toEqual(['TISSUE', 'SKIN', 'MEL', 'SKCM']);
    expect(byCode.get('GIST')?.parentCode).toBe('SOFT_TISSUE');
    expect(byCode.get('LUAD')).toMatchObject({
      name: 'Lung Adenocarcinoma',
      mainType: 'Non-Small Cell Lung Cancer',
      tissue: 'Lung',
      externalReferences: { umls: ['C0152013'], nci: ['C3512'] },
    });
  });

  it('keeps the cross-references and the codes of earlier releases', () => {
    expect(nodes.filter((node) => node.externalReferences.umls.length > 0)).toHaveLength(692);
    expect(nodes.filter((node) => node.externalReferences.nci.length > 0)).toHaveLength(666);
    const withPast = nodes.filter((n) => n.history.length + n.precursors.length + n.revocations.length > 0);
    expect(withPast).toHaveLength(31);
    expect(byCode.get('PCM')?.history).toEqual(['MM']);
    expect(byCode.get('CLLSLL')?.precursors).toEqual(['CLL', 'SLL']);
    expect(byCode.get('BLL')).toMatchObject({ precursors: ['BALL'], revocations: ['ALL'] });
  });
});
