import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Client, TestApp } from '../../platform/testing/testApp.ts';
import { type HgncGene, parseHgncGenes } from './hgnc.ts';

/** A file under test/fixtures/catalogue, written by us for these tests. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../../../test/fixtures/catalogue/${name}`, import.meta.url));
}

/** Reads a TSV the way the importer will: line by line from a stream. */
export async function hgncGenesIn(name: string): Promise<HgncGene[]> {
  const lines = createInterface({ input: createReadStream(fixture(name)), crlfDelay: Infinity });
  const genes: HgncGene[] = [];
  for await (const gene of parseHgncGenes(lines, { file: name })) genes.push(gene);
  return genes;
}

type AnalysisDetail = {
  slug: string;
  lab: { id: string };
  name: string;
  method: string;
  platform: string | null;
  variant_types: string[];
  panel: { slug: string; version: string } | null;
  materials: string[];
  min_tumour_cell_percent: number | null;
  min_dna_ng: number | null;
  turnaround_days: number | null;
  how_to_order: string | null;
  status: string;
  validation_report_url: string | null;
  tmb_figure: string | null;
  msi_high_at_percent: number | null;
};

/**
 * Changes an analysis as an editor would: the whole record as the catalogue shows it, with the
 * given changes, sent to PUT /api/catalogue/analyses/:slug.
 */
export async function editAnalysis(
  t: TestApp,
  editor: Client,
  slug: string,
  changes: Record<string, unknown>,
) {
  return editor.request('PUT', `/api/catalogue/analyses/${slug}`, {
    ...(await analysisBodyOf(t, slug)),
    ...changes,
  });
}

/** The analysis as shown, as the body of a whole-analysis PUT. */
export async function analysisBodyOf(t: TestApp, slug: string) {
  const shown = await t.app.inject({ method: 'GET', url: `/api/catalogue/analyses/${slug}` });
  const a = shown.json() as AnalysisDetail;
  return {
    slug: a.slug,
    labId: a.lab.id,
    name: a.name,
    method: a.method,
    platform: a.platform,
    variantTypes: a.variant_types,
    panel: a.panel && { slug: a.panel.slug, version: a.panel.version },
    materials: a.materials,
    minTumourCellPercent: a.min_tumour_cell_percent,
    minDnaNg: a.min_dna_ng,
    turnaroundDays: a.turnaround_days,
    howToOrder: a.how_to_order,
    status: a.status,
    validationReportUrl: a.validation_report_url,
    tmbFigure: a.tmb_figure,
    msiHighAtPercent: a.msi_high_at_percent,
  };
}
