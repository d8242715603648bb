import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { notFound, toProblem } from '../../platform/http/problems.ts';
import { transactionOf } from '../access/guard.ts';
import { accessThroughOrder } from '../orders/service.ts';
import { drsObject, drsServiceInfo } from './drs.ts';
import { drsSource } from './store.ts';

/**
 * GA4GH DRS 1.x under /ga4gh/drs/v1: service-info is public; an object is patient data, read
 * under the same rule as its order and audited. Errors use DRS's `{msg, status_code}` body.
 */
export async function drsRoutes(app: FastifyInstance, options: { publicUrl: string }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['GA4GH DRS'];

  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.code(problem.status).send({
      msg: problem.detail ?? problem.title,
      status_code: problem.status,
    });
  });

  api.get('/ga4gh/drs/v1/service-info', {
    schema: { tags, summary: 'GA4GH service-info for this DRS' },
    config: { access: { public: 'GA4GH service-info describes the service, not data' } },
    handler: async () => drsServiceInfo(options.publicUrl),
  });

  api.get('/ga4gh/drs/v1/objects/:object_id', {
    schema: {
      tags,
      summary: 'A DRS object: a raw or result file by reference (size, sha-256, where it is)',
      params: z.object({ object_id: z.uuid() }),
    },
    config: {
      access: accessThroughOrder(
        'sequencing-data',
        'read',
        async (request, db: Kysely<DB>) =>
          (await drsSource(db, (request.params as { object_id: string }).object_id))?.order_id,
      ),
    },
    handler: async (request) => {
      const source = await drsSource(transactionOf(request), request.params.object_id);
      if (!source) throw notFound(`DRS object ${request.params.object_id}`);
      request.auditTarget = { resourceId: source.id };
      return drsObject(
        {
          id: source.id,
          name: source.name,
          uri: source.uri,
          sizeBytes: source.size_bytes,
          sha256: source.sha256,
          createdAt: source.created_at,
          accessZone: source.access_zone,
          format: source.format,
        },
        options.publicUrl,
      );
    },
  });
}
