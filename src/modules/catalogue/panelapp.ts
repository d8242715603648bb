import { z } from 'zod';
import type { SymbolResolver } from './hgnc.ts';
import {
  type Confidence,
  chromosomeSchema,
  type GenomicRegion,
  type Panel,
  type PanelEntry,
  panelSchema,
} from './panelModel.ts';

/**
 * Genomics England PanelApp's API JSON for one panel (GET /api/v1/panels/{id}/), read leniently: the
 * fields genvei uses are checked, the rest (hash_id, types, stats, gene_data.ensembl_genes…) ignored.
 */
const confidenceLevelSchema = z
  .union([z.enum(['0', '1', '2', '3']), z.number().int().min(0).max(3)])
  .transform((level) => String(level) as '0' | '1' | '2' | '3');
const textListSchema = z
  .array(z.string())
  .nullish()
  .transform((list) => (list ?? []).filter((item) => item.trim() !== ''));
const geneDataSchema = z.object({
  hgnc_id: z.string().nullish(),
  gene_symbol: z.string().nullish(),
});
const entityFields = {
  entity_name: z.string().min(1),
  confidence_level: confidenceLevelSchema,
  mode_of_inheritance: z.string().nullish(),
  evidence: textListSchema,
  phenotypes: textListSchema,
  publications: textListSchema,
};

export const panelAppGeneSchema = z.object({
  ...entityFields,
  gene_data: geneDataSchema,
  /** Only PanelApp Australia fills this in; Genomics England sends null. */
  transcript: textListSchema,
});
export const panelAppRegionSchema = z.object({
  ...entityFields,
  gene_data: geneDataSchema.nullish(),
  chromosome: z.string().min(1),
  /** PanelApp positions are 1-based and inclusive. */
  grch38_coordinates: z.tuple([z.number().int(), z.number().int()]).nullish(),
});
export const panelAppPanelSchema = z.object({
  id: z.number().int(),
  name: z.string().min(1),
  version: z.string(),
  version_created: z.string(),
  genes: z.array(panelAppGeneSchema).default([]),
  regions: z.array(panelAppRegionSchema).default([]),
  strs: z.array(z.object({ entity_name: z.string() })).default([]),
});

/** PanelApp stores confidence as a string; "0" means no list or removed, which genvei does not keep. */
const CONFIDENCE_OF_LEVEL = { '3': 'green', '2': 'amber', '1': 'red', '0': null } as const;
const LEVEL_OF_CONFIDENCE = { green: '3', amber: '2', red: '1' } as const;
const CONFIDENCE_RANK: Record<Confidence, number> = { green: 3, amber: 2, red: 1 };

export interface SkippedEntity {
  entityType: 'gene' | 'region' | 'str';
  entityName: string;
  reason: string;
}

export interface PanelAppImport {
  panel: Panel;
  /** Where the panel came from, for provenance on the stored version. */
  source: { panelAppId: number; version: string; versionCreated: string };
  /** Symbols replaced by the current HGNC symbol, and transcripts left out. */
  warnings: string[];
  skipped: SkippedEntity[];
}

/** Everything that stops an import, each naming the entity (`genes[4] (ALK): …`); nothing is half-imported. */
export class PanelAppImportError extends Error {
  constructor(readonly problems: string[]) {
    super(`PanelApp panel not imported: ${problems.join('; ')}`);
    this.name = 'PanelAppImportError';
  }
}

export interface PanelAppImportOptions {
  /** Current HGNC: checks ids, renames outdated symbols, resolves genes without an id, fills MANE Select. */
  resolver?: SymbolResolver;
  /** Leave out genes below this colour; users ask for "green only" or "green and amber" (knowledge.md §1). */
  minimumConfidence?: Confidence;
}

/** A PanelApp panel as a genvei panel. Region entities attach to the gene entry they name. */
export function importPanelApp(json: unknown, options: PanelAppImportOptions = {}): PanelAppImport {
  const parsed = panelAppPanelSchema.safeParse(json);
  if (!parsed.success) {
    throw new PanelAppImportError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const source = parsed.data;
  const problems: string[] = [];
  const warnings: string[] = [];
  const skipped: SkippedEntity[] = [];
  const entries = new Map<string, PanelEntry>();

  for (const [index, gene] of source.genes.entries()) {
    const symbol = gene.gene_data.gene_symbol ?? gene.entity_name;
    const outcome = entryFor(gene, symbol, options, warnings);
    if ('skip' in outcome) skipped.push({ entityType: 'gene', entityName: symbol, reason: outcome.skip });
    else if ('problem' in outcome) problems.push(`genes[${index}] (${symbol}): ${outcome.problem}`);
    else if (entries.has(outcome.hgncId)) {
      problems.push(`genes[${index}] (${symbol}): ${outcome.hgncId} is listed twice`);
    } else entries.set(outcome.hgncId, outcome);
  }

  for (const [index, region] of source.regions.entries()) {
    const outcome = regionFor(region, entries);
    const entityName = region.entity_name;
    if ('skip' in outcome) skipped.push({ entityType: 'region', entityName, reason: outcome.skip });
    else if ('problem' in outcome) problems.push(`regions[${index}] (${entityName}): ${outcome.problem}`);
    else outcome.entry.regions.push(outcome.interval);
  }

  for (const str of source.strs) {
    skipped.push({
      entityType: 'str',
      entityName: str.entity_name,
      reason: 'genvei panels do not model repeats',
    });
  }

  const panel = panelSchema.safeParse({
    name: source.name,
    version: source.version,
    entries: [...entries.values()],
  });
  if (!panel.success)
    problems.push(...panel.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  if (problems.length > 0 || !panel.success) throw new PanelAppImportError(problems);
  return {
    panel: panel.data,
    source: { panelAppId: source.id, version: source.version, versionCreated: source.version_created },
    warnings,
    skipped,
  };
}

type Outcome<T> = T | { skip: string } | { problem: string };

function entryFor(
  gene: z.infer<typeof panelAppGeneSchema>,
  symbol: string,
  options: PanelAppImportOptions,
  warnings: string[],
): Outcome<PanelEntry> {
  const confidence = CONFIDENCE_OF_LEVEL[gene.confidence_level];
  if (confidence === null) return { skip: 'confidence 0 (no list or removed)' };
  const threshold = options.minimumConfidence;
  if (threshold && CONFIDENCE_RANK[confidence] < CONFIDENCE_RANK[threshold]) {
    return { skip: `${confidence} is below the ${threshold} threshold` };
  }
  const identity = geneIdentity(gene.gene_data.hgnc_id ?? null, symbol, options.resolver);
  if ('problem' in identity) return identity;
  if (identity.warning) warnings.push(identity.warning);
  const refseq = gene.transcript.filter((transcript) => /^N[MR]_\d+\.\d+$/.test(transcript));
  if (refseq.length < gene.transcript.length || refseq.length > 1) {
    const kept = refseq[0] ?? 'none (genvei keeps one RefSeq transcript)';
    warnings.push(`${symbol}: PanelApp lists ${gene.transcript.join(', ')}; kept ${kept}`);
  }
  return {
    hgncId: identity.hgncId,
    symbol: identity.symbol,
    confidence,
    modeOfInheritance: gene.mode_of_inheritance?.trim() ? gene.mode_of_inheritance : null,
    transcript: refseq[0] ?? identity.maneSelect,
    regions: [],
    evidence: gene.evidence,
    phenotypes: gene.phenotypes,
    publications: gene.publications,
  };
}

/** A region entity tied to one of the panel's genes becomes a targeted region of that gene's entry. */
function regionFor(
  region: z.infer<typeof panelAppRegionSchema>,
  entries: ReadonlyMap<string, PanelEntry>,
): Outcome<{ entry: PanelEntry; interval: GenomicRegion }> {
  const hgncId = region.gene_data?.hgnc_id;
  if (!hgncId) return { skip: 'a region not tied to a gene; genvei panels list genes' };
  const entry = entries.get(hgncId);
  if (entry === undefined) return { skip: `its gene ${hgncId} is not a gene entry of this panel` };
  if (!region.grch38_coordinates) return { skip: 'it has no GRCh38 coordinates' };
  const interval = bedInterval(region.chromosome, region.grch38_coordinates);
  return typeof interval === 'string' ? { problem: interval } : { entry, interval };
}

type GeneIdentity =
  | { hgncId: string; symbol: string; maneSelect: string | null; warning?: string }
  | { problem: string };

/** PanelApp keeps a 2017 HGNC snapshot, so ids are checked and symbols renamed against the current set. */
function geneIdentity(hgncId: string | null, symbol: string, resolver?: SymbolResolver): GeneIdentity {
  if (resolver === undefined) {
    if (hgncId === null) return { problem: 'has no HGNC id; import with the HGNC set to resolve its symbol' };
    return { hgncId, symbol, maneSelect: null };
  }
  if (hgncId !== null) {
    const gene = resolver.gene(hgncId);
    if (gene === undefined) return { problem: `${hgncId} is not in the current HGNC set` };
    const maneSelect = gene.maneSelect?.refseq ?? null;
    if (gene.symbol === symbol) return { hgncId, symbol, maneSelect };
    const warning = `${symbol} (${hgncId}) is now ${gene.symbol}; using ${gene.symbol}`;
    return { hgncId, symbol: gene.symbol, maneSelect, warning };
  }
  const resolution = resolver.resolve(symbol);
  switch (resolution.status) {
    case 'unknown':
      return { problem: `${symbol} is not an HGNC symbol` };
    case 'ambiguous': {
      const candidates = resolution.candidates.map((gene) => `${gene.symbol} (${gene.hgncId})`).join(', ');
      const kind = resolution.matchedAs === 'alias' ? 'an alias' : `a ${resolution.matchedAs} symbol`;
      return { problem: `${symbol} is ${kind} of several genes: ${candidates}` };
    }
    default: {
      const { gene } = resolution;
      const maneSelect = gene.maneSelect?.refseq ?? null;
      const warning = resolution.status === 'current' ? undefined : resolution.warning;
      return { hgncId: gene.hgncId, symbol: gene.symbol, maneSelect, warning };
    }
  }
}

/** PanelApp's 1-based inclusive [start, end] as a BED interval, or the reason it cannot be one. */
function bedInterval(chromosome: string, [first, last]: [number, number]): GenomicRegion | string {
  const name = chromosome.replace(/^chr/i, '').toUpperCase();
  const chrom = chromosomeSchema.safeParse(name === 'M' ? 'MT' : name);
  if (!chrom.success) return `chromosome ${chromosome} is not a primary GRCh38 chromosome`;
  if (first < 1 || last < first) return `coordinates [${first}, ${last}] are not an interval`;
  return { chrom: chrom.data, start: first - 1, end: last };
}

export interface PanelAppGeneJson {
  gene_data: { hgnc_id: string; gene_symbol: string; hgnc_symbol: string };
  entity_type: 'gene';
  entity_name: string;
  confidence_level: '3' | '2' | '1';
  mode_of_inheritance: string;
  evidence: string[];
  phenotypes: string[];
  publications: string[];
  transcript: string[] | null;
}

export interface PanelAppRegionJson {
  gene_data: PanelAppGeneJson['gene_data'];
  entity_type: 'region';
  entity_name: string;
  verbose_name: string;
  confidence_level: '3' | '2' | '1';
  mode_of_inheritance: string;
  evidence: string[];
  phenotypes: string[];
  publications: string[];
  chromosome: string;
  grch37_coordinates: null;
  grch38_coordinates: [number, number];
  /** PanelApp's word for "SNVs and indels", which is what a targeted region is sequenced for. */
  type_of_variants: 'small';
}

export interface PanelAppPanelJson {
  id: number;
  name: string;
  version: string;
  version_created: string;
  stats: { number_of_genes: number; number_of_strs: number; number_of_regions: number };
  genes: PanelAppGeneJson[];
  strs: [];
  regions: PanelAppRegionJson[];
}

/**
 * A genvei panel in PanelApp's shape, for tools that read PanelApp (Scout, talos). Each targeted
 * region becomes a region entity tied to its gene, which importPanelApp attaches back to the gene.
 */
export function exportPanelApp(
  panel: Panel,
  identity: { id: number; versionCreated: string },
): PanelAppPanelJson {
  const genes = panel.entries.map(
    (entry): PanelAppGeneJson => ({
      gene_data: { hgnc_id: entry.hgncId, gene_symbol: entry.symbol, hgnc_symbol: entry.symbol },
      entity_type: 'gene',
      entity_name: entry.symbol,
      confidence_level: LEVEL_OF_CONFIDENCE[entry.confidence],
      mode_of_inheritance: entry.modeOfInheritance ?? '',
      evidence: entry.evidence,
      phenotypes: entry.phenotypes,
      publications: entry.publications,
      transcript: entry.transcript === null ? null : [entry.transcript],
    }),
  );
  const regions = panel.entries.flatMap((entry, index) =>
    entry.regions.map(
      ({ chrom, start, end }): PanelAppRegionJson => ({
        gene_data: (genes[index] as PanelAppGeneJson).gene_data,
        entity_type: 'region',
        entity_name: `${entry.symbol}_${chrom}_${start + 1}_${end}`,
        verbose_name: `${entry.symbol} ${chrom}:${start + 1}-${end}`,
        confidence_level: LEVEL_OF_CONFIDENCE[entry.confidence],
        mode_of_inheritance: entry.modeOfInheritance ?? '',
        evidence: [],
        phenotypes: [],
        publications: [],
        chromosome: chrom,
        grch37_coordinates: null,
        grch38_coordinates: [start + 1, end],
        type_of_variants: 'small',
      }),
    ),
  );
  return {
    id: identity.id,
    name: panel.name,
    version: panel.version,
    version_created: identity.versionCreated,
    stats: { number_of_genes: genes.length, number_of_strs: 0, number_of_regions: regions.length },
    genes,
    strs: [],
    regions,
  };
}
