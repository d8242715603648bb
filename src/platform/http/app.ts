import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { auditRoutes } from '../../modules/access/auditRoutes.ts';
import { accessGuard } from '../../modules/access/guard.ts';
import type { OidcLogin } from '../../modules/access/oidc.ts';
import { oidcRoutes } from '../../modules/access/oidcRoutes.ts';
import { accessRoutes } from '../../modules/access/routes.ts';
import { catalogueEditRoutes } from '../../modules/catalogue/editRoutes.ts';
import { catalogueRoutes } from '../../modules/catalogue/routes.ts';
import { drsRoutes } from '../../modules/genomics/drsRoutes.ts';
import { IngestJobs } from '../../modules/genomics/ingestJobs.ts';
import { genomicsRoutes } from '../../modules/genomics/routes.ts';
import { FastaReference } from '../../modules/genomics/vrs/fastaReference.ts';
import { interpretationRoutes } from '../../modules/interpretation/routes.ts';
import { knowledgeRoutes } from '../../modules/knowledge/routes.ts';
import { orderRoutes } from '../../modules/orders/routes.ts';
import { patientRoutes } from '../../modules/patients/routes.ts';
import { reportingRoutes } from '../../modules/reporting/routes.ts';
import { allowsSyntheticIdentities, type Config } from '../config.ts';
import type { Database } from '../db/connect.ts';
import { healthRoutes } from './health.ts';
import { loggerOptions } from './logging.ts';
import { Problem, sendProblem, toProblem } from './problems.ts';

export type AppOptions = {
  config: Config;
  database: Database;
  oidc?: OidcLogin;
  logStream?: NodeJS.WritableStream;
};

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The genvei server: platform plugins first, then each capability's routes, then the web app. */
export async function buildApp({ config, database, oidc, logStream }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config.logLevel, logStream),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, problem);
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return sendProblem(
        reply,
        new Problem(404, 'not-found', 'Not found', `no route ${request.method} ${request.url.split('?')[0]}`),
      );
    }
    return existsSync(`${config.webDist}/index.html`)
      ? reply.type('text/html').sendFile('index.html')
      : sendProblem(
          reply,
          new Problem(503, 'web-not-built', 'The web app is not built', 'run npm run build'),
        );
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'genvei API',
        version: '0.1.0',
        description: 'Precision-medicine diagnostics for the Norwegian health service',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(accessGuard, {
    db: database.db,
    publicPrefixes: { '/api/docs': 'the API description is public', '/assets/': 'the web app is public' },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  await app.register(fastifyStatic, { root: config.webDist, serve: false });

  await app.register(healthRoutes, { database });
  await app.register(accessRoutes, { database, config, oidcLabel: oidc ? oidc.label : null });
  if (oidc) await app.register(oidcRoutes, { database, config, oidc });
  await app.register(auditRoutes);
  await app.register(patientRoutes, { allowSynthetic: allowsSyntheticIdentities(config) });
  await app.register(catalogueRoutes, { db: database.db });
  await app.register(catalogueEditRoutes);
  await app.register(orderRoutes, {
    db: database.db,
    settings: {
      allowSynthetic: allowsSyntheticIdentities(config),
      duplicateWindowMonths: config.duplicateWindowMonths,
    },
  });

  const ingestJobs = new IngestJobs(database.db);
  app.addHook('onClose', () => ingestJobs.settle());
  await app.register(genomicsRoutes, {
    db: database.db,
    jobs: ingestJobs,
    reference: config.referenceFasta ? FastaReference.open(config.referenceFasta) : null,
    uploadMaxBytes: config.uploadMaxBytes,
  });
  await app.register(drsRoutes, { publicUrl: config.publicUrl });
  await app.register(interpretationRoutes, {
    settings: { assessmentMaxAgeDays: config.assessmentMaxAgeDays },
    db: database.db,
  });
  await app.register(knowledgeRoutes, { db: database.db });
  await app.register(reportingRoutes, { allowSyntheticPersonIds: allowsSyntheticIdentities(config) });

  app.get('/assets/*', { schema: { hide: true } }, (request, reply) => {
    const file = (request.params as { '*': string })['*'];
    return reply.header('cache-control', 'public, max-age=31536000, immutable').sendFile(`assets/${file}`);
  });
  return app;
}
