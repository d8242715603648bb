import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { forbidden } from '../../platform/http/problems.ts';
import { transactionOf } from '../access/guard.ts';
import type { Subject } from '../access/model.ts';
import { accessRefusal } from '../access/refusals.ts';
import { civicEvidenceFor } from './imports.ts';
import { findPhrases, phraseSchema, savePhrase } from './phrases.ts';
import { openConflicts, resolveConflict, variantKnowledge } from './service.ts';

/** The shared knowledge base: a variant's assessments by every lab, and conflicts between labs. */
export async function knowledgeRoutes(app: FastifyInstance, options: { db: Kysely<DB> }) {
  const { db } = options;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['knowledge'];
  const labOf = (subject: Subject) => {
    if (!subject.organisationId)
      throw forbidden('act in a lab to see its conflicts', accessRefusal('lab-required', {}));
    return subject.organisationId;
  };

  api.get('/api/variants/:id', {
    schema: {
      tags,
      summary: 'A variant: every lab’s assessments (all versions), ClinVar and CIViC evidence',
      params: z.object({ id: z.coerce.number().int().positive() }),
    },
    config: { access: { resource: 'knowledge', action: 'read' } },
    handler: async (request) => {
      const knowledge = await variantKnowledge(db, request.params.id);
      return { ...knowledge, civic: await civicEvidenceFor(db, request.params.id) };
    },
  });

  api.get('/api/conflicts', {
    schema: { tags, summary: "Open classification conflicts involving the user's lab" },
    config: { access: { resource: 'knowledge', action: 'read' } },
    handler: async (request) => ({
      conflicts: await openConflicts(db, labOf(request.subject as Subject)),
    }),
  });

  api.post('/api/conflicts/:id/resolve', {
    schema: {
      tags,
      summary: 'Resolve a conflict (one of its two labs), with a note',
      params: z.object({ id: z.uuid() }),
      body: z.object({ note: z.string().trim().min(1).max(2000) }),
    },
    config: { access: { resource: 'knowledge', action: 'update' } },
    handler: async (request) => {
      const subject = request.subject as Subject;
      return resolveConflict(transactionOf(request), {
        conflictId: request.params.id,
        labId: labOf(subject),
        userId: subject.userId,
        note: request.body.note,
      });
    },
  });

  api.get('/api/phrases', {
    schema: {
      tags,
      summary: 'Reusable interpretation phrases (latest version of each) for a gene and context',
      querystring: z.object({
        gene: z.string().optional(),
        context: z.string().optional(),
        language: z.enum(['nb', 'en']).optional(),
      }),
    },
    config: { access: { resource: 'knowledge', action: 'read' } },
    handler: async (request) => ({ phrases: await findPhrases(db, request.query) }),
  });

  api.post('/api/phrases', {
    schema: { tags, summary: 'Save a phrase, or a new version of one (previousId)', body: phraseSchema },
    config: { access: { resource: 'knowledge', action: 'update' } },
    handler: async (request, reply) => {
      const subject = request.subject as Subject;
      const saved = await savePhrase(transactionOf(request), request.body, labOf(subject), subject.userId);
      request.auditTarget = { resourceId: saved.id };
      reply.code(201);
      return saved;
    },
  });
}
