import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { auditListedPatients, transactionOf } from '../access/guard.ts';
import type { Subject } from '../access/model.ts';
import { patientContextByNationalId } from '../patients/service.ts';
import { accessThroughOrder, labTrustInPath } from './access.ts';
import { fhirToOrder, orderToFhir } from './fhir.ts';
import { DERIVED_KINDS, newOrderSchema, ORDER_STATUSES } from './model.ts';
import {
  changeStatus,
  findDuplicates,
  forwardOrder,
  type OrderSettings,
  placeOrder,
  testHistory,
} from './service.ts';
import { deriveSpecimen, receiveSpecimen } from './specimens.ts';
import { ordersPlacedBy, turnaround, viewOrder, worklist } from './views.ts';

const idParams = z.object({ id: z.uuid() });

/** What the policy needs to judge a request about one order: the patient, and the performing trust. */
const orderInPath = async (request: FastifyRequest) => (request.params as { id: string }).id;
// The same facts decide every request about one order: whose patient it is, and which trust performs it.
const READ_ORDER = accessThroughOrder('order', 'read', orderInPath);
const LAB_PROCESSES = accessThroughOrder('order', 'process', orderInPath);
const subjectOf = (request: FastifyRequest) => request.subject as Subject;

const userOf = (request: FastifyRequest) => subjectOf(request).userId;

export async function orderRoutes(
  app: FastifyInstance,
  options: { settings: OrderSettings; db: Kysely<DB> },
) {
  const { settings, db } = options;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['orders'];

  api.post('/api/orders', {
    schema: {
      tags,
      summary: 'Place a requisition (validated by field; a recent test of the same genes needs a reason)',
      body: newOrderSchema,
    },
    config: {
      access: {
        resource: 'order',
        action: 'create',
        patient: (request, db) =>
          patientContextByNationalId(
            db,
            (request.body as { patient: { nationalId: string } }).patient.nationalId,
          ),
      },
    },
    handler: async (request, reply) => {
      const placed = await placeOrder(transactionOf(request), request.body, subjectOf(request), settings);
      request.auditTarget = { resourceId: placed.id, patientId: placed.patientId };
      reply.code(201);
      return placed;
    },
  });

  api.post('/api/orders/check', {
    schema: {
      tags,
      summary:
        "Before ordering: the patient's test history across trusts, and whether this analysis would duplicate one",
      body: z.object({ nationalId: z.string(), analysis: z.string() }),
    },
    config: {
      access: {
        resource: 'order',
        action: 'search',
        patient: (request, db) =>
          patientContextByNationalId(db, (request.body as { nationalId: string }).nationalId),
      },
    },
    handler: async (request) => {
      const tx = transactionOf(request);
      const patientId = request.patientContext?.patientId;
      if (!patientId) return { knownPatient: false, history: [], duplicates: [] };
      return {
        knownPatient: true,
        history: await testHistory(tx, patientId),
        duplicates: await findDuplicates(
          tx,
          patientId,
          request.body.analysis,
          settings.duplicateWindowMonths,
        ),
      };
    },
  });

  api.post('/api/orders/fhir', {
    schema: {
      tags,
      summary: 'Place a requisition from a FHIR R4 Bundle (ServiceRequest, Patient, Specimen)',
      body: z.object({ resourceType: z.literal('Bundle') }).loose(),
    },
    config: {
      access: {
        resource: 'order',
        action: 'create',
        patient: async (request, db) => {
          try {
            return await patientContextByNationalId(db, fhirToOrder(request.body).patient.nationalId);
          } catch {
            return undefined; // the handler reports what is wrong with the bundle
          }
        },
      },
    },
    handler: async (request, reply) => {
      const placed = await placeOrder(
        transactionOf(request),
        newOrderSchema.parse(fhirToOrder(request.body)),
        subjectOf(request),
        settings,
      );
      request.auditTarget = { resourceId: placed.id, patientId: placed.patientId };
      reply.code(201);
      return placed;
    },
  });

  api.get('/api/orders/mine', {
    schema: { tags, summary: 'The orders I placed, newest first, with where each one is now' },
    config: { access: { resource: 'order', action: 'search' } },
    handler: async (request) => {
      const orders = await ordersPlacedBy(transactionOf(request), userOf(request));
      await auditListedPatients(
        request,
        'order',
        'mine',
        orders.map((o) => o.patientId),
      );
      return { orders };
    },
  });

  api.get('/api/orders/:id', {
    schema: {
      tags,
      summary: 'An order: requisition, specimens with chain of custody, timeline',
      params: idParams,
    },
    config: {
      access: READ_ORDER,
    },
    handler: async (request) => viewOrder(transactionOf(request), request.params.id),
  });

  api.get('/api/orders/:id/fhir', {
    schema: { tags, summary: 'The order as a FHIR R4 Bundle', params: idParams },
    config: {
      access: READ_ORDER,
    },
    handler: async (request, reply) => {
      reply.type('application/fhir+json');
      return orderToFhir(await viewOrder(transactionOf(request), request.params.id));
    },
  });

  api.post('/api/orders/:id/status', {
    schema: {
      tags,
      summary: 'Move the order on (lab), or reject it with a reason',
      params: idParams,
      body: z.object({
        status: z.enum(ORDER_STATUSES).exclude(['cancelled', 'ordered']),
        reason: z.string().trim().min(1).nullable().default(null),
      }),
    },
    config: {
      access: LAB_PROCESSES,
    },
    handler: async (request) =>
      changeStatus(
        transactionOf(request),
        request.params.id,
        request.body.status,
        request.body.reason,
        userOf(request),
      ),
  });

  api.post('/api/orders/:id/cancel', {
    schema: {
      tags,
      summary: 'The requesting side cancels the order, with a reason',
      params: idParams,
      body: z.object({ reason: z.string().trim().min(1) }),
    },
    config: { access: accessThroughOrder('order', 'cancel', orderInPath) },
    handler: async (request) =>
      changeStatus(
        transactionOf(request),
        request.params.id,
        'cancelled',
        request.body.reason,
        userOf(request),
      ),
  });

  api.post('/api/orders/:id/forward', {
    schema: {
      tags,
      summary: 'Forward the order to another lab, same order number, with a reason',
      params: idParams,
      body: z.object({ labId: z.uuid(), reason: z.string().trim().min(1) }),
    },
    config: {
      access: LAB_PROCESSES,
    },
    handler: async (request) =>
      forwardOrder(
        transactionOf(request),
        request.params.id,
        request.body.labId,
        request.body.reason,
        userOf(request),
      ),
  });

  api.post('/api/orders/:id/specimens/:specimenId/receive', {
    schema: {
      tags,
      summary: 'Receive a specimen: accession id and storage',
      params: idParams.extend({ specimenId: z.uuid() }),
      body: z.object({ accessionId: z.string().trim().min(1), storageLocation: z.string().trim().min(1) }),
    },
    config: {
      access: LAB_PROCESSES,
    },
    handler: async (request) =>
      receiveSpecimen(
        transactionOf(request),
        request.params.id,
        request.params.specimenId,
        request.body,
        userOf(request),
      ),
  });

  api.post('/api/orders/:id/specimens/:specimenId/derive', {
    schema: {
      tags,
      summary: 'Register an extract (DNA, RNA) or aliquot made from a specimen',
      params: idParams.extend({ specimenId: z.uuid() }),
      body: z.object({
        kind: z.enum(DERIVED_KINDS),
        accessionId: z.string().trim().min(1),
        quantityNg: z.number().min(0).nullable().default(null),
        storageLocation: z.string().trim().min(1),
      }),
    },
    config: {
      access: LAB_PROCESSES,
    },
    handler: async (request, reply) => {
      reply.code(201);
      return deriveSpecimen(
        transactionOf(request),
        request.params.id,
        request.params.specimenId,
        request.body,
        userOf(request),
      );
    },
  });

  api.get('/api/labs/:labId/worklist', {
    schema: {
      tags,
      summary: "A lab's work-list with counts per status",
      params: z.object({ labId: z.uuid() }),
      querystring: z.object({ status: z.enum(ORDER_STATUSES).optional() }),
    },
    config: { access: { resource: 'order-worklist', action: 'read', performingTrust: labTrustInPath } },
    handler: async (request) => {
      const tx = transactionOf(request);
      const list = await worklist(tx, request.params.labId, request.query.status);
      await auditListedPatients(
        request,
        'order-worklist',
        request.params.labId,
        list.orders.map((o) => o.patientId),
      );
      return list;
    },
  });

  api.get('/api/labs/:labId/turnaround', {
    schema: {
      tags,
      summary: 'Days from ordered to reported: median and 90th percentile',
      params: z.object({ labId: z.uuid() }),
    },
    config: {
      access: { public: 'turnaround times are aggregate figures about a lab, published in the catalogue' },
    },
    handler: async (request) => turnaround(db, request.params.labId),
  });
}
