import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { notFound } from '../../platform/http/problems.ts';
import { analysisBySlug, listLabs, searchAnalyses } from './analysisStore.ts';
import { coverage, geneList } from './geneListService.ts';
import { lookupResolved, resolveGeneSymbols } from './genes.ts';
import { diffVersions, exportVersion, panelAt } from './panelService.ts';
import { findPanelBySlug, listPanels, listVersions, versionText } from './panelStore.ts';
import { childCancerTypes, findCancerType, findGeneBySymbol, searchCancerTypes } from './referenceStore.ts';
import { ANALYSIS_METHODS } from './vocabulary.ts';

const PUBLIC = { public: 'the catalogue is the public national entry point' } as const;
export const METHODS = ANALYSIS_METHODS;

/** Browsing and search without login, at stable URLs a report can cite. */
export async function catalogueRoutes(app: FastifyInstance, options: { db: Kysely<DB> }) {
  const { db } = options;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['catalogue'];

  api.get('/api/catalogue/search', {
    schema: {
      tags,
      summary: 'Find analyses by free text, gene, cancer type, lab and method',
      querystring: z.object({
        q: z.string().optional(),
        gene: z.string().optional(),
        cancerType: z.string().optional(),
        lab: z.uuid().optional(),
        method: z.enum(METHODS).optional(),
        status: z.enum(['active', 'planned', 'retired', 'any']).default('active'),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
    },
    config: { access: PUBLIC },
    handler: async (request) => {
      const { q, gene, cancerType, lab, method, status, limit } = request.query;
      let hgncId: string | undefined;
      let geneNote: string | undefined;
      if (gene) {
        const match = lookupResolved(await resolveGeneSymbols(db, [gene]), gene);
        if (match.status === 'unknown' || match.status === 'ambiguous')
          return { gene: null, note: `${gene} is not a known gene symbol`, analyses: [] };
        hgncId = match.hgncId;
        if (match.status !== 'current') geneNote = match.warning;
      }
      let cancerTypeGenes: string[] | undefined;
      if (cancerType) {
        const list = await geneList(db, cancerType);
        cancerTypeGenes = list.entries
          .filter((e) => e.status === 'mandatory' || e.status === 'recommended')
          .map((e) => e.hgncId);
      }
      const rows = await searchAnalyses(db, {
        q,
        hgncId,
        labId: lab,
        method,
        status: status === 'any' ? undefined : status,
        cancerTypeGenes,
        limit,
      });
      return {
        gene: hgncId ? { hgncId } : null,
        note: geneNote ?? null,
        analyses: rows.map((r) => ({
          slug: r.slug,
          name: r.name,
          method: r.method,
          platform: r.platform,
          variantTypes: r.variant_types,
          materials: r.materials,
          turnaroundDays: r.turnaround_days,
          status: r.status,
          lab: { id: r.lab_id, name: r.lab_name },
          panel: r.panel_slug
            ? {
                slug: r.panel_slug,
                name: r.panel_name,
                version: `${r.major}.${r.minor}`,
                genes: r.gene_count,
              }
            : null,
        })),
      };
    },
  });

  api.get('/api/catalogue/analyses/:slug', {
    schema: {
      tags,
      summary: 'One analysis, with its lab and the genes its panel version tests',
      params: z.object({ slug: z.string() }),
    },
    config: { access: PUBLIC },
    handler: async (request) => {
      const analysis = await analysisBySlug(db, request.params.slug);
      const lab = (await listLabs(db)).find((l) => l.id === analysis.lab_id);
      let panel = null;
      if (analysis.panel_version_id) {
        const version = await db
          .selectFrom('gene_panel_version as v')
          .innerJoin('gene_panel as p', 'p.id', 'v.panel_id')
          .select(['p.slug', 'v.major', 'v.minor'])
          .where('v.id', '=', analysis.panel_version_id)
          .executeTakeFirstOrThrow();
        const at = await panelAt(db, version.slug, versionText(version));
        panel = {
          slug: version.slug,
          name: at.panel.name,
          version: at.panel.version,
          signedOff: at.signedOffAt !== null,
          genes: at.panel.entries.map((e) => ({
            symbol: e.symbol,
            hgncId: e.hgncId,
            confidence: e.confidence,
            transcript: e.transcript,
          })),
        };
      }
      const { id: _id, lab_id: _lab, panel_version_id: _panel, ...rest } = analysis;
      return { ...rest, lab, panel };
    },
  });

  api.get('/api/catalogue/labs', {
    schema: { tags, summary: 'Labs: contact, accreditation, which trusts they accept samples from' },
    config: { access: PUBLIC },
    handler: async () => ({ labs: await listLabs(db) }),
  });

  api.get('/api/catalogue/panels', {
    schema: { tags, summary: 'Gene panels with their newest version' },
    config: { access: PUBLIC },
    handler: async () => ({
      panels: (await listPanels(db)).map((p) => ({
        slug: p.slug,
        name: p.name,
        purpose: p.purpose,
        lab: p.lab_id ? { id: p.lab_id, name: p.lab_name } : null,
        version: `${p.major}.${p.minor}`,
        signedOff: p.signed_off_at !== null,
        genes: p.genes,
      })),
    }),
  });

  api.get('/api/catalogue/panels/:slug', {
    schema: {
      tags,
      summary: 'A gene panel, its versions, and the entries of one (default: newest)',
      params: z.object({ slug: z.string() }),
      querystring: z.object({ version: z.string().optional() }),
    },
    config: { access: PUBLIC },
    handler: async (request) => {
      const panel = await findPanelBySlug(db, request.params.slug);
      if (!panel) throw notFound(`gene panel ${request.params.slug}`);
      const at = await panelAt(db, panel.slug, request.query.version ?? 'latest');
      return {
        slug: panel.slug,
        name: panel.name,
        purpose: panel.purpose,
        labId: panel.lab_id,
        version: at.panel.version,
        signedOffAt: at.signedOffAt?.toISOString() ?? null,
        entries: at.panel.entries,
        versions: (await listVersions(db, panel.id)).map((v) => ({
          version: versionText(v),
          changeNote: v.change_note,
          createdAt: v.created_at.toISOString(),
          createdBy: v.created_by,
          signedOffAt: v.signed_off_at?.toISOString() ?? null,
          signedOffBy: v.signed_off_by,
        })),
      };
    },
  });

  api.get('/api/catalogue/panels/:slug/diff', {
    schema: {
      tags,
      summary: 'What changed between two versions of a panel',
      params: z.object({ slug: z.string() }),
      querystring: z.object({ from: z.string(), to: z.string() }),
    },
    config: { access: PUBLIC },
    handler: async (request) => diffVersions(db, request.params.slug, request.query.from, request.query.to),
  });

  api.get('/api/catalogue/panels/:slug/export', {
    schema: {
      tags,
      summary: "Export a panel version as PanelApp JSON, Genetikkportalen's HGNC_symbol;HGNC_id list, or BED",
      params: z.object({ slug: z.string() }),
      querystring: z.object({
        version: z.string().default('latest'),
        format: z.enum(['panelapp', 'genetikkportalen', 'bed']),
      }),
    },
    config: { access: PUBLIC },
    handler: async (request, reply) => {
      const { slug } = request.params;
      const file = await exportVersion(db, slug, request.query.version, request.query.format);
      reply
        .type(file.type)
        .header(
          'content-disposition',
          `attachment; filename="${slug}-${request.query.version}.${file.extension}"`,
        );
      return file.body;
    },
  });

  api.get('/api/catalogue/genes/:symbol', {
    schema: {
      tags,
      summary: 'A gene: the analyses that test it and the gene lists that name it',
      params: z.object({ symbol: z.string() }),
    },
    config: { access: PUBLIC },
    handler: async (request) => {
      const match = lookupResolved(
        await resolveGeneSymbols(db, [request.params.symbol]),
        request.params.symbol,
      );
      if (match.status === 'unknown' || match.status === 'ambiguous')
        throw notFound(`gene ${request.params.symbol}`);
      const gene = await findGeneBySymbol(db, match.symbol);
      const analyses = await searchAnalyses(db, { hgncId: match.hgncId, status: 'active', limit: 500 });
      const lists = await db
        .selectFrom('gene_list_entry as e')
        .innerJoin('gene_list_version as v', 'v.id', 'e.version_id')
        .innerJoin('cancer_type as c', 'c.code', 'v.cancer_type_code')
        .select(['c.code', 'c.name', 'v.version', 'e.status', 'e.variant_types', 'e.drugs'])
        .where('e.hgnc_id', '=', match.hgncId)
        .where('v.status', '=', 'published')
        .orderBy('c.code')
        .execute();
      return {
        gene,
        note: match.status === 'current' ? null : match.warning,
        analyses: analyses.map((a) => ({
          slug: a.slug,
          name: a.name,
          method: a.method,
          lab: a.lab_name,
          variantTypes: a.variant_types,
        })),
        geneLists: lists,
      };
    },
  });

  api.get('/api/catalogue/cancer-types', {
    schema: {
      tags,
      summary: 'Cancer types (OncoTree) by code or name',
      querystring: z.object({
        q: z.string().default(''),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
    },
    config: { access: PUBLIC },
    handler: async (request) => ({
      cancerTypes: await searchCancerTypes(db, request.query.q, request.query.limit),
    }),
  });

  api.get('/api/catalogue/cancer-types/:code', {
    schema: {
      tags,
      summary: 'A cancer type, its subtypes and its national gene list',
      params: z.object({ code: z.string() }),
      querystring: z.object({ version: z.coerce.number().int().optional() }),
    },
    config: { access: PUBLIC },
    handler: async (request) => {
      const cancerType = await findCancerType(db, request.params.code);
      if (!cancerType) throw notFound(`cancer type ${request.params.code}`);
      const list = await geneList(db, cancerType.code, request.query.version);
      return { ...cancerType, children: await childCancerTypes(db, cancerType.code), geneList: list };
    },
  });

  api.get('/api/catalogue/analyses/:slug/missing-genes', {
    schema: {
      tags,
      summary: "The cancer type's mandatory and recommended genes this analysis does not cover, and why",
      params: z.object({ slug: z.string() }),
      querystring: z.object({ cancerType: z.string() }),
    },
    config: { access: PUBLIC },
    handler: async (request) => {
      const matrix = await coverage(db, request.query.cancerType);
      const row = matrix.analyses.find((a) => a.analysis.id === request.params.slug);
      if (!row) throw notFound(`an active analysis ${request.params.slug}`);
      return { analysis: row.analysis, cancerType: matrix.cancerType, missed: row.missed };
    },
  });

  api.get('/api/catalogue/coverage/:code', {
    schema: {
      tags,
      summary: "Labs' active analyses against the cancer type's mandatory and recommended genes",
      params: z.object({ code: z.string() }),
    },
    config: { access: PUBLIC },
    handler: async (request) => coverage(db, request.params.code),
  });
}
