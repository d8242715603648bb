import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { badRequest } from '../../platform/http/problems.ts';
import { auditListedPatients, transactionOf } from '../access/guard.ts';
import type { Subject } from '../access/model.ts';
import type { Action } from '../access/policy.ts';
import { assessmentInputSchema } from '../knowledge/service.ts';
import { accessThroughOrder, labTrustInPath, type OrderOf } from '../orders/service.ts';
import { classifyVariant, markNotRelevant, pullBack, takeStep } from './caseSteps.ts';
import {
  createCase,
  filterChains,
  type InterpretationSettings,
  saveFilterChain,
  viewCase,
  worklist,
} from './cases.ts';

const caseParams = z.object({ id: z.uuid() });
const variantParams = z.object({ id: z.uuid(), variantId: z.coerce.number().int().positive() });
const reasonBody = z.object({ reason: z.string().trim().min(1).max(2000) });

const caseAccess = (action: Action, orderOf: OrderOf) =>
  accessThroughOrder('interpretation-case', action, orderOf);
const orderOfCase = async (request: FastifyRequest, db: Kysely<DB>) =>
  (
    await db
      .selectFrom('interpretation_case')
      .select('order_id')
      .where('id', '=', (request.params as { id: string }).id)
      .executeTakeFirst()
  )?.order_id;
const orderInPath = async (request: FastifyRequest) => (request.params as { id: string }).id;

const userOf = (request: FastifyRequest) => (request.subject as Subject).userId;

export async function interpretationRoutes(
  app: FastifyInstance,
  options: { settings: InterpretationSettings; db: Kysely<DB> },
) {
  const { settings, db } = options;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['interpretation'];

  api.post('/api/orders/:id/cases', {
    schema: {
      tags,
      summary: "Open an interpretation case on the order's ingested tumour (or germline) sample",
      params: caseParams,
    },
    config: { access: caseAccess('create', orderInPath) },
    handler: async (request, reply) => {
      const created = await createCase(transactionOf(request), request.params.id, userOf(request));
      request.auditTarget = { resourceId: created.id };
      reply.code(201);
      return created;
    },
  });

  api.get('/api/labs/:labId/cases', {
    schema: {
      tags,
      summary: "A lab's interpretation cases",
      params: z.object({ labId: z.uuid() }),
      querystring: z.object({ status: z.enum(['interpreting', 'in-review', 'finalised']).optional() }),
    },
    config: {
      access: {
        resource: 'interpretation-case',
        action: 'search',
        performingTrust: labTrustInPath,
      },
    },
    handler: async (request) => {
      const tx = transactionOf(request);
      let query = tx
        .selectFrom('interpretation_case as c')
        .innerJoin('clinical_order as o', 'o.id', 'c.order_id')
        .innerJoin('patient as p', 'p.id', 'o.patient_id')
        .innerJoin('analysis as a', 'a.id', 'o.analysis_id')
        .select([
          'c.id',
          'c.status',
          'c.context',
          'c.origin',
          'c.created_at',
          'c.order_id',
          (eb) =>
            eb.selectFrom('report as r').select('r.id').whereRef('r.case_id', '=', 'c.id').as('report_id'),
          'o.order_number',
          'o.patient_id',
          'p.given_name',
          'p.family_name',
          'a.name as analysis',
          (eb) =>
            eb
              .selectFrom('case_variant as v')
              .select((e) => e.fn.countAll<number>().as('n'))
              .whereRef('v.case_id', '=', 'c.id')
              .as('variants'),
        ])
        .where('c.lab_id', '=', request.params.labId)
        .orderBy('c.created_at', 'desc');
      if (request.query.status) query = query.where('c.status', '=', request.query.status);
      const cases = await query.execute();
      await auditListedPatients(
        request,
        'interpretation-case',
        request.params.labId,
        cases.map((c) => c.patient_id),
      );
      return { cases: cases.map((c) => ({ ...c, variants: Number(c.variants) })) };
    },
  });

  api.get('/api/cases/:id', {
    schema: {
      tags,
      summary: 'A case: order, context, status, rounds and the filter chains on offer',
      params: caseParams,
    },
    config: { access: caseAccess('read', orderOfCase) },
    handler: async (request) => viewCase(transactionOf(request), request.params.id),
  });

  api.get('/api/cases/:id/worklist', {
    schema: {
      tags,
      summary:
        'The work-list under a filter chain: kept and removed variants, decisions, assessments on offer',
      params: caseParams,
      querystring: z.object({ chain: z.string().optional() }),
    },
    config: { access: caseAccess('read', orderOfCase) },
    handler: async (request) =>
      worklist(transactionOf(request), request.params.id, settings, request.query.chain),
  });

  api.put('/api/cases/:id/variants/:variantId/assessment', {
    schema: {
      tags,
      summary:
        'Classify a variant: the engine computes the class from the criteria; a new assessment version',
      params: variantParams,
      body: assessmentInputSchema.extend({ reReviewed: z.boolean().optional() }),
    },
    config: { access: caseAccess('update', orderOfCase) },
    handler: async (request) =>
      classifyVariant(
        transactionOf(request),
        {
          caseId: request.params.id,
          variantId: request.params.variantId,
          userId: userOf(request),
          input: request.body,
        },
        settings,
      ),
  });

  api.post('/api/cases/:id/variants/:variantId/not-relevant', {
    schema: {
      tags,
      summary: 'Mark a variant not relevant (with a reason)',
      params: variantParams,
      body: reasonBody,
    },
    config: { access: caseAccess('update', orderOfCase) },
    handler: async (request) => {
      await markNotRelevant(transactionOf(request), {
        caseId: request.params.id,
        variantId: request.params.variantId,
        userId: userOf(request),
        reason: request.body.reason,
      });
      return { decision: 'not-relevant' };
    },
  });

  api.post('/api/cases/:id/variants/:variantId/pull-back', {
    schema: { tags, summary: 'Pull a filtered-out variant back into the work-list', params: variantParams },
    config: { access: caseAccess('update', orderOfCase) },
    handler: async (request) => {
      await pullBack(transactionOf(request), {
        caseId: request.params.id,
        variantId: request.params.variantId,
        userId: userOf(request),
      });
      return { pulledBack: true };
    },
  });

  for (const step of ['submit', 'return', 'finalise', 'reopen'] as const) {
    const needsReason = step === 'return' || step === 'reopen';
    api.post(`/api/cases/:id/${step}`, {
      schema: {
        tags,
        summary: {
          submit: 'Send the case for review',
          return: 'Return a case in review to interpretation (with a reason)',
          finalise: 'Finalise the case (a second person; every kept variant decided)',
          reopen: 'Reopen a finalised case (with a reason): a new round, nothing overwritten',
        }[step],
        params: caseParams,
        ...(needsReason ? { body: reasonBody } : {}),
      },
      config: { access: caseAccess(step === 'finalise' ? 'approve' : 'update', orderOfCase) },
      handler: async (request) =>
        takeStep(
          transactionOf(request),
          {
            caseId: request.params.id,
            step,
            userId: userOf(request),
            reason: (request.body as { reason?: string } | undefined)?.reason,
          },
          settings,
        ),
    });
  }

  api.get('/api/filter-chains', {
    schema: {
      tags,
      summary: 'Filter chains: the built-in ones and the latest version of each lab-defined one',
    },
    config: { access: { resource: 'knowledge', action: 'read' } },
    handler: async () => ({ chains: await filterChains(db) }),
  });

  api.post('/api/filter-chains', {
    schema: {
      tags,
      summary: "Define a lab's filter chain, or a new version of it (validated; every problem named by path)",
      body: z.record(z.string(), z.unknown()),
    },
    config: { access: { resource: 'knowledge', action: 'update' } },
    handler: async (request, reply) => {
      const subject = request.subject as Subject;
      if (!subject.organisationId)
        throw badRequest([{ path: '/', rule: 'lab', message: 'act in a lab to define its chains' }]);
      const saved = await saveFilterChain(
        transactionOf(request),
        request.body,
        subject.organisationId,
        subject.userId,
      );
      request.auditTarget = { resourceId: saved.id };
      reply.code(201);
      return saved;
    },
  });
}
