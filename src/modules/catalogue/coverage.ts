import { z } from 'zod';

/** What an analysis can detect, and what matters for a gene in a cancer type. */
export const variantTypeSchema = z.enum(['SNV', 'indel', 'CNV', 'fusion', 'splice', 'MSI', 'TMB', 'HRD']);
export type VariantType = z.infer<typeof variantTypeSchema>;

/** How binding a gene on the national list is; only mandatory and recommended genes are checked. */
export const geneListStatusSchema = z.enum(['mandatory', 'recommended', 'mentioned', 'horizon']);
export type GeneListStatus = z.infer<typeof geneListStatusSchema>;

/** One gene of the national gene list for one cancer type, as the coverage check needs it. */
export interface NationalGeneListEntry {
  hgncId: string;
  symbol: string;
  status: GeneListStatus;
  /** The variant types that must be found for this gene, e.g. fusion for ALK in lung adenocarcinoma. */
  variantTypes: VariantType[];
}

/** One active analysis of one lab, as the coverage check needs it. */
export interface AnalysisForCoverage {
  id: string;
  name: string;
  /** The lab's id; labs are counted by it. */
  lab: string;
  method: string;
  variantTypesDetected: VariantType[];
  /** HGNC ids of the genes in the panel version the analysis tests. */
  panelGenes: string[];
}

export type CoverageCell =
  | { hgncId: string; coverage: 'covered' }
  | { hgncId: string; coverage: 'gene-not-in-panel' }
  | { hgncId: string; coverage: 'variant-type-not-detected'; missingVariantTypes: VariantType[] };

export type MissedGene = Exclude<CoverageCell, { coverage: 'covered' }> & {
  symbol: string;
  status: GeneListStatus;
};

export interface AnalysisCoverage {
  analysis: Pick<AnalysisForCoverage, 'id' | 'name' | 'lab' | 'method'>;
  /** One cell per checked gene, in the order of `CoverageMatrix.genes`. */
  cells: CoverageCell[];
  missed: MissedGene[];
}

export interface GeneCoverage {
  hgncId: string;
  symbol: string;
  status: GeneListStatus;
  /** Analyses that cover the gene on their own. */
  analysesCovering: string[];
  /** Labs that cover the gene, alone or by combining their analyses (a DNA and an RNA panel). */
  labsCovering: string[];
}

export interface CoverageMatrix {
  /** The checked genes: mandatory first, then recommended, each in list order. */
  genes: NationalGeneListEntry[];
  analyses: AnalysisCoverage[];
  genesCoverage: GeneCoverage[];
}

const CHECKED_STATUSES: readonly GeneListStatus[] = ['mandatory', 'recommended'];

/**
 * Which analyses cover the national gene list of one cancer type. A gene is covered only when the
 * panel holds it *and* the method detects every variant type that matters for it: a DNA panel that
 * finds SNVs and indels does not cover ALK in lung adenocarcinoma, where the finding is a fusion.
 */
export function checkCoverage(
  geneList: readonly NationalGeneListEntry[],
  analyses: readonly AnalysisForCoverage[],
): CoverageMatrix {
  const genes = CHECKED_STATUSES.flatMap((status) => geneList.filter((gene) => gene.status === status));
  const rows = analyses.map((analysis): AnalysisCoverage => {
    const panel = new Set(analysis.panelGenes);
    const detected = new Set(analysis.variantTypesDetected);
    const cells = genes.map((gene) => cellFor(gene, panel, detected));
    const missed = cells.flatMap((cell, index) => {
      if (cell.coverage === 'covered') return [];
      const gene = genes[index] as NationalGeneListEntry;
      return [{ ...cell, symbol: gene.symbol, status: gene.status }];
    });
    const { id, name, lab, method } = analysis;
    return { analysis: { id, name, lab, method }, cells, missed };
  });
  const genesCoverage = genes.map((gene, index): GeneCoverage => {
    const analysesCovering = rows.filter((row) => row.cells[index]?.coverage === 'covered');
    return {
      hgncId: gene.hgncId,
      symbol: gene.symbol,
      status: gene.status,
      analysesCovering: analysesCovering.map((row) => row.analysis.id),
      labsCovering: labsCovering(gene, analyses),
    };
  });
  return { genes, analyses: rows, genesCoverage };
}

function cellFor(gene: NationalGeneListEntry, panel: Set<string>, detected: Set<VariantType>): CoverageCell {
  if (!panel.has(gene.hgncId)) return { hgncId: gene.hgncId, coverage: 'gene-not-in-panel' };
  const missingVariantTypes = gene.variantTypes.filter((type) => !detected.has(type));
  if (missingVariantTypes.length > 0) {
    return { hgncId: gene.hgncId, coverage: 'variant-type-not-detected', missingVariantTypes };
  }
  return { hgncId: gene.hgncId, coverage: 'covered' };
}

/** A lab covers a gene when its analyses that test the gene together detect every required type. */
function labsCovering(gene: NationalGeneListEntry, analyses: readonly AnalysisForCoverage[]): string[] {
  const detectedByLab = new Map<string, Set<VariantType>>();
  for (const analysis of analyses) {
    if (!analysis.panelGenes.includes(gene.hgncId)) continue;
    const detected = detectedByLab.get(analysis.lab) ?? new Set<VariantType>();
    for (const type of analysis.variantTypesDetected) detected.add(type);
    detectedByLab.set(analysis.lab, detected);
  }
  return [...detectedByLab]
    .filter(([, detected]) => gene.variantTypes.every((type) => detected.has(type)))
    .map(([lab]) => lab);
}
