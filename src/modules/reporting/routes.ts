import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { notFound, Problem } from '../../platform/http/problems.ts';
import { transactionOf } from '../access/guard.ts';
import type { Subject } from '../access/model.ts';
import { type Action, LAB_ROLES } from '../access/policy.ts';
import { accessThroughOrder, type OrderOf, orderAccessFacts } from '../orders/service.ts';
import { nameUuid, toFhirBundle } from './fhir/bundle.ts';
import { renderReportHtml } from './html.ts';
import {
  amendReport,
  draftEditSchema,
  draftReport,
  editDraft,
  reportSummary,
  reportsOfOrder,
  reportVersion,
  signReport,
} from './lifecycle.ts';
import { renderReportPdf } from './pdf/render.ts';
import { reportRefusal } from './refusals.ts';
import { toCancerRegistryMessage } from './registry/cancerRegistry.ts';

const reportAccess = (action: Action, orderOf: OrderOf) => accessThroughOrder('report', action, orderOf);
const orderOfReport: OrderOf = async (request, db) =>
  (
    await db
      .selectFrom('report')
      .select('order_id')
      .where('id', '=', (request.params as { id: string }).id)
      .executeTakeFirst()
  )?.order_id;
const orderOfCase: OrderOf = async (request, db) =>
  (
    await db
      .selectFrom('interpretation_case')
      .select('order_id')
      .where('id', '=', (request.params as { id: string }).id)
      .executeTakeFirst()
  )?.order_id;

/**
 * Drafts belong to the lab: only lab roles of the trust performing the order see them. Everyone
 * else (the requester, the care team) sees signed versions only.
 */
async function seesDrafts(request: FastifyRequest, db: Kysely<DB>, orderId: string | undefined) {
  const subject = request.subject as Subject | null;
  if (!orderId || !subject?.role || !LAB_ROLES.includes(subject.role)) return false;
  const facts = await orderAccessFacts(db, orderId);
  return facts?.performing_trust_id === subject.trustId;
}

const idParams = z.object({ id: z.uuid() });
/** Each version gets its own stable UUID, so its FHIR resources keep their ids across downloads. */
const reportUuid = (params: { id: string; version: number }) =>
  nameUuid(params.id, `version-${params.version}`);
const badRequestDraft = () =>
  new Problem(
    409,
    'report-state',
    'Not signed',
    'only a signed version is sent to the Cancer Registry',
    undefined,
    reportRefusal('registry-needs-signed', {}),
  );
const versionParams = z.object({ id: z.uuid(), version: z.coerce.number().int().positive() });
const language = z.object({ lang: z.enum(['nb', 'en']).default('nb') });

/** Reports: drafting, editing, signing, amending, and the renderings for people and for systems. */
export async function reportingRoutes(app: FastifyInstance, options: { allowSyntheticPersonIds: boolean }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reporting'];
  const subjectOf = (request: FastifyRequest) => request.subject as Subject;
  /** A version as this reader may see it: a draft outside the lab is "not found". */
  const version = async (request: FastifyRequest & { params: { id: string; version: number } }) => {
    const tx = transactionOf(request);
    const v = await reportVersion(tx, request.params.id, request.params.version);
    if (v.status === 'draft' && !(await seesDrafts(request, tx, await orderOfReport(request, tx))))
      throw notFound(`signed version ${request.params.version} of report ${request.params.id}`);
    return v;
  };

  api.post('/api/cases/:id/report', {
    schema: { tags, summary: 'Draft the report of a finalised case', params: idParams },
    config: { access: reportAccess('create', orderOfCase) },
    handler: async (request, reply) => {
      const created = await draftReport(transactionOf(request), request.params.id, subjectOf(request).userId);
      request.auditTarget = { resourceId: created.id };
      reply.code(201);
      return created;
    },
  });

  api.get('/api/orders/:id/reports', {
    schema: {
      tags,
      summary: 'The reports on an order (signed versions; the lab sees drafts too)',
      params: idParams,
    },
    config: { access: reportAccess('read', async (request) => (request.params as { id: string }).id) },
    handler: async (request) => ({
      reports: await reportsOfOrder(
        transactionOf(request),
        request.params.id,
        await seesDrafts(request, transactionOf(request), request.params.id),
      ),
    }),
  });

  api.get('/api/reports/:id', {
    schema: {
      tags,
      summary: 'A report: its versions with status, amendment reasons and signatures',
      params: idParams,
    },
    config: { access: reportAccess('read', orderOfReport) },
    handler: async (request) => {
      const tx = transactionOf(request);
      const summary = await reportSummary(tx, request.params.id);
      if (await seesDrafts(request, tx, summary.order_id)) return summary;
      return { ...summary, versions: summary.versions.filter((v) => v.status === 'signed') };
    },
  });

  api.get('/api/reports/:id/versions/:version', {
    schema: {
      tags,
      summary: 'One version: its content and its HTML rendering',
      params: versionParams,
      querystring: language,
    },
    config: { access: reportAccess('read', orderOfReport) },
    handler: async (request) => {
      const v = await version(request);
      return { ...v, html: renderReportHtml(v.content, request.query.lang) };
    },
  });

  api.put('/api/reports/:id/versions/:version', {
    schema: {
      tags,
      summary: 'Edit a draft (texts, pathology findings); a signed version is refused',
      params: versionParams,
      body: draftEditSchema,
    },
    config: { access: reportAccess('update', orderOfReport) },
    handler: async (request) => ({
      content: await editDraft(
        transactionOf(request),
        request.params.id,
        request.params.version,
        request.body,
      ),
    }),
  });

  api.post('/api/reports/:id/versions/:version/sign', {
    schema: {
      tags,
      summary: 'Sign a version (a second signer where the lab requires two)',
      params: versionParams,
    },
    config: { access: reportAccess('approve', orderOfReport) },
    handler: async (request) =>
      signReport(transactionOf(request), request.params.id, request.params.version, subjectOf(request), {
        allowSyntheticPersonIds: options.allowSyntheticPersonIds,
      }),
  });

  api.post('/api/reports/:id/amend', {
    schema: {
      tags,
      summary: 'Amend a signed report: a new draft version with a reason; earlier versions stay readable',
      params: idParams,
      body: z.object({ reason: z.string().trim().min(1).max(2000) }),
    },
    config: { access: reportAccess('update', orderOfReport) },
    handler: async (request, reply) => {
      reply.code(201);
      return amendReport(
        transactionOf(request),
        request.params.id,
        request.body.reason,
        subjectOf(request).userId,
      );
    },
  });

  api.get('/api/reports/:id/versions/:version/pdf', {
    schema: { tags, summary: 'The version as PDF', params: versionParams, querystring: language },
    config: { access: reportAccess('read', orderOfReport) },
    handler: async (request, reply) => {
      const v = await version(request);
      const pdf = await renderReportPdf(v.content, request.query.lang);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${v.content.orderNumber}-v${v.version}.pdf"`)
        .send(pdf);
    },
  });

  api.get('/api/reports/:id/versions/:version/fhir', {
    schema: {
      tags,
      summary: 'The version as a FHIR R4 Bundle (HL7 Genomics Reporting IG)',
      params: versionParams,
    },
    config: { access: reportAccess('read', orderOfReport) },
    handler: async (request, reply) => {
      const v = await version(request);
      return reply
        .type('application/fhir+json')
        .send(toFhirBundle(v.content, { report: reportUuid(request.params) }));
    },
  });

  api.get('/api/reports/:id/versions/:version/fhir/diagnostic-report', {
    schema: { tags, summary: 'The genomic-report DiagnosticReport alone', params: versionParams },
    config: { access: reportAccess('read', orderOfReport) },
    handler: async (request, reply) => {
      const v = await version(request);
      const bundle = toFhirBundle(v.content, { report: reportUuid(request.params) });
      const report = bundle.entry?.find((e) => e.resource?.resourceType === 'DiagnosticReport')?.resource;
      return reply.type('application/fhir+json').send(report);
    },
  });

  api.get('/api/reports/:id/versions/:version/cancer-registry', {
    schema: {
      tags,
      summary: 'The Cancer Registry message for a signed version (docs/reporting)',
      params: versionParams,
    },
    config: { access: reportAccess('read', orderOfReport) },
    handler: async (request) => {
      const v = await version(request);
      if (v.status !== 'signed') throw badRequestDraft();
      return toCancerRegistryMessage(v.content);
    },
  });
}
