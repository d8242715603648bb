import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { notFound, toProblem } from '../../platform/http/problems.ts';
import { isUuid } from '../../platform/identifiers/uuid.ts';
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

  // This service has no bulk, POST (passport) or access-id routes: any other DRS path is a 404 in
  // DRS's error form, not the web app's page.
  app.route({
    method: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
    url: '/ga4gh/drs/v1/*',
    schema: { hide: true },
    config: { access: { public: 'an unknown DRS path holds no data' } },
    handler: async (request) => {
      throw notFound(`the DRS route ${request.method} ${request.url.split('?')[0]}`);
    },
  });

  api.get('/ga4gh/drs/v1/objects/:object_id', {
    schema: {
      tags,
      summary: 'A DRS object: a raw or result file by reference (size, sha-256, where it is)',
      // Any id: one that is not ours (genvei's are UUIDs) is a 404, as DRS answers an unknown id.
      params: z.object({ object_id: z.string().min(1).max(500) }),
    },
    config: {
      access: accessThroughOrder(
        'sequencing-data',
        'read',
        // DRS answers an id it does not know with 404 (the access rule would otherwise refuse it).
        async (request, db: Kysely<DB>) => {
          const id = (request.params as { object_id: string }).object_id;
          const source = isUuid(id) ? await drsSource(db, id) : undefined;
          if (!source) throw notFound(`DRS object ${id}`);
          return source.order_id;
        },
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
