import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { transactionOf } from '../access/guard.ts';
import { accessLogEntrySchema, newPatientSchema, patientSchema } from './model.ts';
import * as service from './service.ts';

const idParams = z.object({ id: z.uuid() });
const lookupBody = z.object({ nationalId: z.string() });

/** Patient records. The national id travels in bodies, never in URLs, so it stays out of access logs. */
export async function patientRoutes(app: FastifyInstance, options: { allowSynthetic: boolean }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const byIdParam = (request: FastifyRequest, db: Parameters<typeof service.patientContext>[0]) =>
    service.patientContext(db, (request.params as { id?: string }).id);

  api.post('/api/patients', {
    schema: {
      tags: ['patients'],
      summary: 'Register a patient; the registering trust gets a care relationship',
      body: newPatientSchema,
      response: { 201: patientSchema },
    },
    config: { access: { resource: 'patient', action: 'create' } },
    handler: async (request, reply) => {
      const tx = transactionOf(request);
      const subject = request.subject;
      if (!subject) throw new Error('unreachable: the guard lets no anonymous request through');
      const id = await service.registerPatient(tx, request.body, subject, options.allowSynthetic);
      request.auditTarget = { resourceId: id, patientId: id };
      reply.code(201);
      return service.viewPatient(tx, id);
    },
  });

  api.post('/api/patients/lookup', {
    schema: {
      tags: ['patients'],
      summary: 'Find a patient by fødselsnummer or D-number',
      body: lookupBody,
      response: { 200: patientSchema },
    },
    config: {
      access: {
        resource: 'patient',
        action: 'search',
        patient: (request, db) =>
          service.patientContextByNationalId(db, (request.body as { nationalId: string }).nationalId),
      },
    },
    handler: async (request) => {
      service.parseNationalId(request.body.nationalId, options.allowSynthetic);
      const context = request.patientContext;
      if (!context) throw service.patientNotFound();
      return service.viewPatient(transactionOf(request), context.patientId);
    },
  });

  api.get('/api/patients/:id', {
    schema: {
      tags: ['patients'],
      summary: 'Read a patient record',
      params: idParams,
      response: { 200: patientSchema },
    },
    config: { access: { resource: 'patient', action: 'read', patient: byIdParam } },
    handler: async (request) => service.viewPatient(transactionOf(request), request.params.id),
  });

  api.get('/api/patients/:id/access-log', {
    schema: {
      tags: ['patients'],
      summary: "Who has read this patient's data (for the patient, and privacy officers acting for them)",
      params: idParams,
      response: { 200: z.object({ entries: z.array(accessLogEntrySchema) }) },
    },
    config: { access: { resource: 'patient-access-log', action: 'read', patient: byIdParam } },
    handler: async (request) => {
      if (!request.patientContext) throw service.patientNotFound();
      return { entries: await service.accessLog(transactionOf(request), request.params.id) };
    },
  });
}
