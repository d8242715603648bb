import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { searchAudit, verifyAuditLog } from '../../platform/audit/auditLog.ts';
import { patientIdByNationalId } from '../patients/service.ts';
import { transactionOf } from './guard.ts';
import { findUserByUsername } from './store.ts';

const entry = z.object({
  seq: z.number(),
  id: z.uuid(),
  at: z.date(),
  user_id: z.uuid().nullable(),
  username: z.string().nullable(),
  organisation_id: z.uuid().nullable(),
  role: z.string().nullable(),
  purpose: z.string().nullable(),
  action: z.string(),
  resource_type: z.string(),
  resource_id: z.string().nullable(),
  patient_id: z.uuid().nullable(),
  outcome: z.enum(['allow', 'deny']),
  reason: z.string().nullable(),
  request_id: z.string().nullable(),
});

/** The privacy officer's view of the audit log. A search is itself audited, with its patient. */
export async function auditRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/api/audit/search', {
    schema: {
      tags: ['audit'],
      summary: 'Search the audit log by patient (id or national id), user and time',
      body: z.object({
        patientId: z.uuid().optional(),
        nationalId: z.string().optional(),
        userId: z.uuid().optional(),
        username: z.string().optional(),
        from: z.coerce.date().optional(),
        to: z.coerce.date().optional(),
        limit: z.number().int().min(1).max(1000).default(200),
      }),
      response: { 200: z.object({ entries: z.array(entry) }) },
    },
    config: { access: { resource: 'audit-log', action: 'search' } },
    handler: async (request) => {
      const tx = transactionOf(request);
      const { nationalId, username, ...rest } = request.body;
      const patientId = nationalId ? await patientIdByNationalId(tx, nationalId) : rest.patientId;
      const userId = username ? (await findUserByUsername(tx, username))?.id : rest.userId;
      request.auditTarget = { patientId };
      // A filter naming someone who does not exist matches nothing (not everything).
      if ((nationalId && !patientId) || (username && !userId)) return { entries: [] };
      const entries = await searchAudit(tx, { ...rest, patientId, userId });
      return { entries: entries.map(({ prev_hash: _p, hash: _h, ...e }) => e) };
    },
  });

  api.get('/api/audit/verify', {
    schema: {
      tags: ['audit'],
      summary: 'Re-compute the hash chain and name the first entry that does not fit',
      response: {
        200: z.object({
          ok: z.boolean(),
          entries: z.number(),
          firstBad: z.object({ seq: z.number(), id: z.string(), problem: z.string() }).optional(),
        }),
      },
    },
    config: { access: { resource: 'audit-log', action: 'verify' } },
    handler: async (request) => {
      const result = await verifyAuditLog(transactionOf(request));
      return result.ok
        ? { ok: true, entries: result.entries }
        : { ok: false, entries: result.entries, firstBad: result.firstBad };
    },
  });
}
