import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db/connect.ts';
import { forbidden, unauthorised } from '../../platform/http/problems.ts';
import { SESSION_COOKIE, transactionOf } from './guard.ts';
import { organisationKindSchema, purposeSchema, roleSchema } from './model.ts';
import { accessRefusal } from './refusals.ts';
import * as service from './service.ts';
import * as store from './store.ts';

export function setSessionCookie(
  reply: FastifyReply,
  config: Pick<Config, 'cookieSecure'>,
  session: service.NewSession,
) {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    // Lax, not Strict: the OIDC callback arrives as a cross-site redirect and must find the session.
    sameSite: 'lax',
    secure: config.cookieSecure,
    expires: session.expiresAt,
  });
}

const sessionView = z.object({
  user: z.object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    hprNumber: z.string().nullable(),
  }),
  csrfToken: z.string(),
  authMethod: z.enum(['password', 'oidc']),
  organisationId: z.uuid().nullable(),
  role: roleSchema.nullable(),
  purpose: purposeSchema.nullable(),
  patientId: z.uuid().nullable(),
  memberships: z.array(
    z.object({
      organisationId: z.uuid(),
      organisationName: z.string(),
      organisationKind: z.string(),
      role: roleSchema,
    }),
  ),
  expiresAt: z.string(),
});

export async function accessRoutes(
  app: FastifyInstance,
  options: { database: Database; config: Config; oidcLabel: string | null },
) {
  const { config } = options;
  const { db } = options.database;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/auth/methods', {
    schema: {
      tags: ['auth'],
      summary: 'The sign-in methods this instance offers',
      response: { 200: z.object({ password: z.boolean(), oidc: z.string().nullable() }) },
    },
    config: { access: { public: 'the login page needs it before anyone is signed in' } },
    handler: async () => ({ password: true, oidc: options.oidcLabel }),
  });

  api.post('/api/auth/login', {
    schema: {
      tags: ['auth'],
      summary: 'Sign in with a local account',
      body: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(1000) }),
      response: { 200: z.object({ csrfToken: z.string() }) },
    },
    config: { access: { public: 'signing in is how one stops being anonymous' } },
    handler: async (request, reply) => {
      const session = await service.loginWithPassword(db, config, request.body, request.id);
      setSessionCookie(reply, config, session);
      return { csrfToken: session.csrfToken };
    },
  });

  api.post('/api/auth/logout', {
    schema: { tags: ['auth'], summary: 'End the session', response: { 204: z.null() } },
    config: { access: { resource: 'session', action: 'update' } },
    handler: async (request, reply) => {
      if (request.session) await store.deleteSession(db, request.session.tokenHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      reply.code(204);
      return null;
    },
  });

  api.get('/api/session', {
    schema: {
      tags: ['auth'],
      summary: 'Who is signed in, and in which organisation, role and purpose',
      response: { 200: sessionView },
    },
    config: { access: { resource: 'session', action: 'read' } },
    handler: async (request) => {
      const session = request.session;
      if (!session) throw unauthorised();
      const s = session.subject;
      return {
        user: { id: s.userId, username: s.username, displayName: s.displayName, hprNumber: s.hprNumber },
        csrfToken: session.csrfToken,
        authMethod: session.authMethod,
        organisationId: s.organisationId,
        role: s.role,
        purpose: session.purpose,
        patientId: s.patientId,
        memberships: await store.memberships(db, s.userId),
        expiresAt: session.expiresAt.toISOString(),
      };
    },
  });

  api.put('/api/session/context', {
    schema: {
      tags: ['auth'],
      summary: 'Act in another of your memberships, or under another purpose of use',
      body: z.object({ organisationId: z.uuid(), role: roleSchema, purpose: purposeSchema }),
      response: { 204: z.null() },
    },
    config: { access: { resource: 'session', action: 'update' } },
    handler: async (request, reply) => {
      const session = request.session;
      if (!session) throw unauthorised();
      const mine = await store.memberships(db, session.subject.userId);
      const { organisationId, role, purpose } = request.body;
      if (!mine.some((m) => m.organisationId === organisationId && m.role === role)) {
        throw forbidden(
          `you have no ${role} membership in that organisation`,
          accessRefusal('no-membership', { role }),
        );
      }
      await store.updateSessionContext(db, session.tokenHash, { organisationId, role, purpose });
      reply.code(204);
      return null;
    },
  });

  const organisation = z.object({
    id: z.uuid(),
    org_number: z.string(),
    name: z.string(),
    kind: organisationKindSchema,
    parent_id: z.uuid().nullable(),
  });

  api.get('/api/organisations', {
    schema: {
      tags: ['organisations'],
      summary: 'Health trusts, hospitals, departments and labs',
      response: { 200: z.array(organisation) },
    },
    config: { access: { resource: 'organisation', action: 'read' } },
    handler: async () => store.listOrganisations(db),
  });

  api.post('/api/organisations', {
    schema: {
      tags: ['organisations'],
      summary: 'Register an organisation (organisation number validated, mod 11)',
      body: z.object({
        orgNumber: z.string(),
        name: z.string().trim().min(1).max(200),
        kind: organisationKindSchema,
        parentId: z.uuid().nullable().default(null),
      }),
      response: { 201: organisation },
    },
    config: { access: { resource: 'organisation', action: 'create' } },
    handler: async (request, reply) => {
      const created = await service.createOrganisation(transactionOf(request), request.body);
      request.auditTarget = { resourceId: created.id };
      reply.code(201);
      return created;
    },
  });

  api.get('/api/users', {
    schema: {
      tags: ['users'],
      summary: 'User accounts',
      response: {
        200: z.array(
          z.object({
            id: z.uuid(),
            username: z.string(),
            display_name: z.string(),
            hpr_number: z.string().nullable(),
            active: z.boolean(),
          }),
        ),
      },
    },
    config: { access: { resource: 'user', action: 'read' } },
    handler: async () => store.listUsers(db),
  });

  api.post('/api/users', {
    schema: {
      tags: ['users'],
      summary: 'Create a user with memberships',
      body: z.object({
        username: z.string(),
        displayName: z.string().trim().min(1).max(200),
        password: z.string().optional(),
        hprNumber: z.string().nullable().optional(),
        email: z.email().nullable().optional(),
        memberships: z.array(z.object({ organisationId: z.uuid(), role: roleSchema })).min(1),
      }),
      response: { 201: z.object({ id: z.uuid() }) },
    },
    config: { access: { resource: 'user', action: 'create' } },
    handler: async (request, reply) => {
      const created = await service.createUser(transactionOf(request), request.body);
      request.auditTarget = { resourceId: created.id };
      reply.code(201);
      return created;
    },
  });
}
