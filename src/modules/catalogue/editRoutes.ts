import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { badRequest, conflict } from '../../platform/http/problems.ts';
import { transactionOf } from '../access/guard.ts';
import { DRAGEN_TMB_KEYS } from '../genomics/calls/dragenMetrics.ts';
import {
  analysisBySlug,
  findAnalysisBySlug,
  insertAnalysis,
  saveLab,
  setMetricSettings,
  updateAnalysis,
} from './analysisStore.ts';
import { variantTypeSchema } from './coverage.ts';
import { geneListEntryInputSchema, publishDraft, saveDraft } from './geneListService.ts';
import { parsePanelVersion } from './panelDiff.ts';
import {
  createPanel,
  editPanel,
  importGeneListText,
  importPanelAppPanel,
  panelEntryInputSchema,
  releasePanel,
  signOff,
  slugSchema,
} from './panelService.ts';
import { findPanelBySlug, findVersion } from './panelStore.ts';
import { METHODS } from './routes.ts';

/** Editing the catalogue: curators everywhere, lab staff for their own lab. Every write is audited. */
export async function catalogueEditRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['catalogue (editing)'];
  const userOf = (request: FastifyRequest) => request.subject?.userId as string;
  const panelOwner = async (request: FastifyRequest, db: Kysely<DB>) => {
    const panel = await findPanelBySlug(db, (request.params as { slug: string }).slug);
    return panel?.lab_id ? { organisationId: panel.lab_id } : undefined;
  };
  const analysisOwner = async (request: FastifyRequest, db: Kysely<DB>) => {
    const analysis = await findAnalysisBySlug(db, (request.params as { slug: string }).slug);
    return analysis ? { organisationId: analysis.lab_id } : undefined;
  };
  const bodyLab = async (request: FastifyRequest) => {
    const labId = (request.body as { labId?: string | null }).labId;
    return labId ? { organisationId: labId } : undefined;
  };
  const panelBody = z.object({
    entries: z.array(panelEntryInputSchema),
    changeNote: z.string().trim().min(1),
  });

  api.post('/api/catalogue/panels', {
    schema: {
      tags,
      summary: 'Create a gene panel (version 0.1)',
      body: panelBody.extend({
        slug: slugSchema,
        name: z.string().trim().min(1),
        purpose: z.enum(['somatic', 'germline']),
        labId: z.uuid().nullable(),
      }),
    },
    config: { access: { resource: 'gene-panel', action: 'create', owner: bodyLab } },
    handler: async (request, reply) => {
      const result = await createPanel(transactionOf(request), request.body, userOf(request));
      request.auditTarget = { resourceId: result.slug };
      reply.code(201);
      return result;
    },
  });

  api.put('/api/catalogue/panels/:slug/entries', {
    schema: {
      tags,
      summary: 'Edit a panel: the complete new list of entries becomes the next minor version',
      params: z.object({ slug: z.string() }),
      body: panelBody,
    },
    config: { access: { resource: 'gene-panel', action: 'update', owner: panelOwner } },
    handler: async (request) =>
      editPanel(transactionOf(request), request.params.slug, request.body, userOf(request)),
  });

  api.post('/api/catalogue/panels/:slug/import-list', {
    schema: {
      tags,
      summary:
        "The next version of a panel from a gene list file (Genetikkportalen's HGNC_symbol;HGNC_id, or one symbol a line)",
      params: z.object({ slug: z.string() }),
      body: z.object({
        text: z.string().min(1),
        fileName: z.string().default('list.txt'),
        changeNote: z.string().trim().min(1),
      }),
    },
    config: { access: { resource: 'gene-panel', action: 'update', owner: panelOwner } },
    handler: async (request) =>
      importGeneListText(transactionOf(request), request.params.slug, request.body, userOf(request)),
  });

  api.post('/api/catalogue/panels/:slug/release', {
    schema: {
      tags,
      summary: 'Release: the newest entries become the next major version',
      params: z.object({ slug: z.string() }),
      body: z.object({ changeNote: z.string().trim().min(1) }),
    },
    config: { access: { resource: 'gene-panel', action: 'update', owner: panelOwner } },
    handler: async (request) =>
      releasePanel(transactionOf(request), request.params.slug, request.body.changeNote, userOf(request)),
  });

  api.post('/api/catalogue/panels/:slug/versions/:version/sign-off', {
    schema: {
      tags,
      summary: 'A curator signs off a panel version',
      params: z.object({ slug: z.string(), version: z.string() }),
    },
    config: { access: { resource: 'gene-panel', action: 'approve' } },
    handler: async (request) =>
      signOff(transactionOf(request), request.params.slug, request.params.version, userOf(request)),
  });

  api.post('/api/catalogue/panels/import-panelapp', {
    schema: {
      tags,
      summary: "Import a panel from PanelApp's API JSON: a new panel, or the next version of an existing one",
      body: z.object({
        slug: slugSchema,
        purpose: z.enum(['somatic', 'germline']),
        labId: z.uuid().nullable(),
        panelapp: z.unknown(),
      }),
    },
    config: { access: { resource: 'gene-panel', action: 'create', owner: bodyLab } },
    bodyLimit: 20 * 1024 * 1024,
    handler: async (request, reply) => {
      const result = await importPanelAppPanel(transactionOf(request), request.body, userOf(request));
      request.auditTarget = { resourceId: result.slug };
      reply.code(201);
      return result;
    },
  });

  const analysisBody = z.object({
    slug: slugSchema,
    labId: z.uuid(),
    name: z.string().trim().min(1),
    method: z.enum(METHODS),
    platform: z.string().nullable().default(null),
    variantTypes: z.array(variantTypeSchema).min(1),
    panel: z.object({ slug: z.string(), version: z.string() }).nullable().default(null),
    materials: z.array(z.enum(['ffpe', 'fresh-frozen', 'blood', 'plasma', 'bone-marrow', 'cytology'])).min(1),
    minTumourCellPercent: z.number().int().min(0).max(100).nullable().default(null),
    minDnaNg: z.number().int().min(0).nullable().default(null),
    turnaroundDays: z.number().int().min(1).nullable().default(null),
    howToOrder: z.string().nullable().default(null),
    status: z.enum(['active', 'planned', 'retired']),
    validationReportUrl: z.url().nullable().default(null),
    // The assay's choices for its pipeline's metrics: genvei has no default for either, and a
    // DRAGEN metrics file for an order of this analysis is refused until they are set. Left out
    // of a change they stay as they are (null clears them): a client written before they existed
    // must not wipe a lab's settings by sending back what it knows of the analysis.
    tmbFigure: z
      .enum(DRAGEN_TMB_KEYS)
      .nullable()
      .optional()
      .describe("Which of DRAGEN's TMB figures (tmb.json) the lab reports; left out, unchanged"),
    msiHighAtPercent: z
      .number()
      .min(0)
      .max(100)
      .nullable()
      .optional()
      .describe(
        'Percent unstable microsatellite sites at or above which a sample is MSI-H (DRAGEN MSI); left out, unchanged',
      ),
  });
  const resolvePanel = async (db: Kysely<DB>, panel: { slug: string; version: string } | null) => {
    if (!panel) return null;
    const row = await findPanelBySlug(db, panel.slug);
    if (!row)
      throw badRequest([
        { path: '/body/panel/slug', rule: 'unknown', message: `no gene panel ${panel.slug}` },
      ]);
    const version = await findVersion(db, row.id, parsePanelVersion(panel.version));
    if (!version)
      throw badRequest([
        {
          path: '/body/panel/version',
          rule: 'unknown',
          message: `${panel.slug} has no version ${panel.version}`,
        },
      ]);
    return version.id;
  };

  api.post('/api/catalogue/analyses', {
    schema: { tags, summary: 'Add an analysis to a lab', body: analysisBody },
    config: { access: { resource: 'analysis', action: 'create', owner: bodyLab } },
    handler: async (request, reply) => {
      const tx = transactionOf(request);
      if (await findAnalysisBySlug(tx, request.body.slug))
        throw conflict(`an analysis called ${request.body.slug} exists already`);
      const { panel, ...values } = request.body;
      await insertAnalysis(tx, { ...values, panelVersionId: await resolvePanel(tx, panel) });
      request.auditTarget = { resourceId: request.body.slug };
      reply.code(201);
      return { slug: request.body.slug };
    },
  });

  api.put('/api/catalogue/analyses/:slug', {
    schema: {
      tags,
      summary: 'Change an analysis (the lab stays the lab)',
      params: z.object({ slug: z.string() }),
      body: analysisBody,
    },
    config: {
      access: {
        resource: 'analysis',
        action: 'update',
        owner: analysisOwner,
      },
    },
    handler: async (request) => {
      const tx = transactionOf(request);
      const existing = await analysisBySlug(tx, request.params.slug);
      if (request.body.labId !== existing.lab_id)
        throw badRequest([
          { path: '/body/labId', rule: 'immutable', message: 'an analysis cannot move to another lab' },
        ]);
      const { panel, ...values } = request.body;
      await updateAnalysis(tx, existing.id, { ...values, panelVersionId: await resolvePanel(tx, panel) });
      request.auditTarget = { resourceId: existing.slug };
      return { slug: request.body.slug };
    },
  });

  // The two metric settings alone, for the analysis page's form: a whole-analysis PUT from a
  // page would send back every other field as the page last saw it.
  api.put('/api/catalogue/analyses/:slug/metric-settings', {
    schema: {
      tags,
      summary: "Set the analysis' choices for its pipeline's metrics (DRAGEN's TMB figure and MSI-H cut-off)",
      params: z.object({ slug: z.string() }),
      // Both, always: the form sends what it shows, and null clears.
      body: analysisBody.pick({ tmbFigure: true, msiHighAtPercent: true }).required().strict(),
    },
    config: {
      access: {
        resource: 'analysis',
        action: 'update',
        owner: analysisOwner,
      },
    },
    handler: async (request) => {
      const tx = transactionOf(request);
      const existing = await analysisBySlug(tx, request.params.slug);
      await setMetricSettings(tx, existing.id, request.body);
      request.auditTarget = { resourceId: existing.slug };
      return { slug: existing.slug, ...request.body };
    },
  });

  api.put('/api/catalogue/labs/:id', {
    schema: {
      tags,
      summary: 'Register or update a lab: contact, accreditation, and the trusts it accepts samples from',
      params: z.object({ id: z.uuid() }),
      body: z.object({
        contactEmail: z.email().nullable().default(null),
        contactPhone: z.string().nullable().default(null),
        address: z.string().nullable().default(null),
        accreditationStandard: z.string().nullable().default(null),
        accreditationNumber: z.string().nullable().default(null),
        accreditationScope: z.string().nullable().default(null),
        acceptsFrom: z.array(z.uuid()).default([]),
      }),
    },
    config: {
      access: {
        resource: 'lab',
        action: 'update',
        owner: async (request) => ({ organisationId: (request.params as { id: string }).id }),
      },
    },
    handler: async (request) => saveLab(transactionOf(request), request.params.id, request.body),
  });

  api.put('/api/catalogue/gene-lists/:code/draft', {
    schema: {
      tags,
      summary: 'Write the draft of the national gene list for a cancer type (complete list of entries)',
      params: z.object({ code: z.string() }),
      body: z.object({
        entries: z.array(geneListEntryInputSchema),
        note: z.string().nullable().default(null),
      }),
    },
    config: { access: { resource: 'gene-list', action: 'update' } },
    handler: async (request) =>
      saveDraft(transactionOf(request), request.params.code, request.body, userOf(request)),
  });

  api.post('/api/catalogue/gene-lists/:code/publish', {
    schema: {
      tags,
      summary: 'Publish the draft: it becomes a version that never changes',
      params: z.object({ code: z.string() }),
    },
    config: { access: { resource: 'gene-list', action: 'publish' } },
    handler: async (request) => publishDraft(transactionOf(request), request.params.code, userOf(request)),
  });
}
