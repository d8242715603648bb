import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely, Transaction } from 'kysely';
import { type AuditEvent, appendAudit, recordAudit } from '../../platform/audit/auditLog.ts';
import type { DB } from '../../platform/db/schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { badRequest, forbidden, Problem, unauthorised } from '../../platform/http/problems.ts';
import { type Purpose, purposeSchema, type Subject } from './model.ts';
import { type Action, type Decision, decide, type PatientContext, type ResourceType } from './policy.ts';
import { hashToken } from './service.ts';
import { findSession, type SessionRecord } from './store.ts';

/**
 * Every route states its access: either why it is public, or the resource and action it touches
 * (and, for patient data, how to find the patient). A route without this does not register.
 */
export type AccessSpec =
  | { public: string }
  | {
      resource: ResourceType;
      action: Action;
      patient?: (request: FastifyRequest, db: Kysely<DB>) => Promise<PatientContext | undefined>;
      /** The organisation owning what the request changes (a lab's analysis or panel). */
      owner?: (request: FastifyRequest, db: Kysely<DB>) => Promise<{ organisationId: string } | undefined>;
      /** The health trust of the lab performing the order (or work-list) the request is about. */
      performingTrust?: (request: FastifyRequest, db: Kysely<DB>) => Promise<string | undefined>;
      /**
       * The decision needs nothing from the body, and is taken before the body is read: an
       * upload is refused before any of it is received.
       */
      beforeBody?: boolean;
    };

export type RouteAccess = { method: string; url: string; access: AccessSpec; audited: boolean };

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route and its access rule, as registered: what the route-coverage test walks. */
    routeAccess: RouteAccess[];
  }
  interface FastifyContextConfig {
    access?: AccessSpec;
  }
  interface FastifyRequest {
    session: SessionRecord | null;
    subject: Subject | null;
    purpose: Purpose | null;
    decision: Decision | null;
    patientContext: PatientContext | undefined;
    /** The transaction an audited route writes in; its audit entry commits with it. */
    tx: Transaction<DB> | undefined;
    /** What an audited route acted on, when the route learns it only while running (a create). */
    auditTarget: { resourceId?: string; patientId?: string } | undefined;
    /** Work an audited route starts once its transaction has committed (see afterCommit). */
    committed: { work: () => void; otherwise: () => void }[] | undefined;
  }
}

export const SESSION_COOKIE = 'genvei_session';
export const CSRF_HEADER = 'x-csrf-token';
export const PURPOSE_HEADER = 'x-purpose-of-use';

/** Resources whose every read and write is audited: patient data and the audit log itself. */
const AUDITED_RESOURCES = new Set<ResourceType>([
  'patient',
  'patient-access-log',
  'audit-log',
  'order',
  'order-worklist',
  'sequencing-data',
  'interpretation-case',
  'report',
]);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isAudited(method: string | string[], spec: AccessSpec): boolean {
  if ('public' in spec || spec.resource === 'session') return false;
  const methods = Array.isArray(method) ? method : [method];
  return AUDITED_RESOURCES.has(spec.resource) || methods.some((m) => !SAFE_METHODS.has(m));
}

export function accessOf(request: FastifyRequest): AccessSpec {
  const spec = request.routeOptions.config.access;
  if (!spec) throw new Error(`route ${request.routeOptions.url} has no access rule`);
  return spec;
}

/**
 * Runs `work` once the audited route's transaction has committed, so that what it starts (a
 * background ingest) sees what the route wrote; if the transaction rolls back, `otherwise` runs
 * instead (to remove what `work` would have taken over).
 */
export function afterCommit(
  request: FastifyRequest,
  work: () => void,
  otherwise: () => void = () => {},
): void {
  if (!request.committed) throw new Error('this route is not audited, so it has no transaction');
  request.committed.push({ work, otherwise });
}

export function transactionOf(request: FastifyRequest): Transaction<DB> {
  if (!request.tx) throw new Error('this route is not audited, so it has no transaction');
  return request.tx;
}

function auditEvent(
  request: FastifyRequest,
  spec: Exclude<AccessSpec, { public: string }>,
  outcome: 'allow' | 'deny',
  reason: string,
): AuditEvent {
  const subject = request.subject;
  const patientId = request.auditTarget?.patientId ?? request.patientContext?.patientId ?? null;
  const params = request.params as Record<string, string> | undefined;
  return {
    userId: subject?.userId ?? null,
    username: subject?.username ?? null,
    organisationId: subject?.organisationId ?? null,
    role: subject?.role ?? null,
    purpose: request.purpose,
    action: spec.action,
    resourceType: spec.resource,
    resourceId: request.auditTarget?.resourceId ?? params?.id ?? params?.object_id ?? patientId,
    patientId,
    outcome,
    reason,
    requestId: request.id,
  };
}

/** A list that shows patients is a read of each listed patient's data: one audit entry per patient. */
export async function auditListedPatients(
  request: FastifyRequest,
  resourceType: string,
  resourceId: string,
  patientIds: Iterable<string>,
) {
  const tx = transactionOf(request);
  const subject = request.subject as Subject;
  for (const patientId of new Set(patientIds)) {
    await appendAudit(tx, {
      userId: subject.userId,
      username: subject.username,
      organisationId: subject.organisationId,
      role: subject.role,
      purpose: request.purpose,
      action: 'read',
      resourceType,
      resourceId,
      patientId,
      outcome: 'allow',
      reason: request.decision?.reason ?? null,
      requestId: request.id,
    });
  }
}
type GuardOptions = {
  db: Kysely<DB>;
  /** Routes registered by third-party plugins (API docs, static files): prefix → why public. */
  publicPrefixes: Record<string, string>;
};

async function guard(app: FastifyInstance, options: GuardOptions) {
  const { db } = options;
  app.decorateRequest('session', null);
  app.decorateRequest('subject', null);
  app.decorateRequest('purpose', null);
  app.decorateRequest('decision', null);
  app.decorateRequest('patientContext', undefined);
  app.decorateRequest('tx', undefined);
  app.decorateRequest('auditTarget', undefined);
  app.decorateRequest('committed', undefined);

  app.decorate('routeAccess', []);
  app.addHook('onRoute', (route: RouteOptions) => {
    const prefix = Object.keys(options.publicPrefixes).find((p) => route.url.startsWith(p));
    if (!route.config?.access && prefix)
      route.config = { ...route.config, access: { public: options.publicPrefixes[prefix] as string } };
    const spec = route.config?.access;
    if (!spec) throw new Error(`${route.method} ${route.url} declares no access rule (config.access)`);
    const audited = isAudited(route.method, spec);
    if (audited && !('public' in spec)) route.handler = auditedHandler(db, spec, route.handler);
    for (const method of [route.method].flat())
      app.routeAccess.push({ method, url: route.url, access: spec, audited });
  });

  // Who is asking, for what purpose, and (for a state change) is it really their own page asking.
  app.addHook('onRequest', async (request) => {
    const spec = request.routeOptions.config?.access;
    if (!spec) return; // 404s: Fastify's not-found route
    const token = request.cookies[SESSION_COOKIE];
    request.session = token ? ((await findSession(db, hashToken(token))) ?? null) : null;
    request.subject = request.session?.subject ?? null;

    const header = request.headers[PURPOSE_HEADER];
    if (header !== undefined) {
      const parsed = purposeSchema.safeParse(header);
      if (!parsed.success) {
        throw badRequest([
          {
            path: `/headers/${PURPOSE_HEADER}`,
            rule: 'enum',
            message: `purpose of use must be one of ${purposeSchema.options.join(', ')}`,
          },
        ]);
      }
      request.purpose = parsed.data;
    } else {
      request.purpose = request.session?.purpose ?? null;
    }

    if ('public' in spec) return;
    if (!request.subject) {
      if (AUDITED_RESOURCES.has(spec.resource))
        await recordAudit(db, auditEvent(request, spec, 'deny', 'not signed in'));
      throw unauthorised(token ? 'the session has expired; sign in again' : 'sign in first');
    }
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== request.session?.csrfToken) {
      throw new Problem(
        403,
        'csrf',
        'Missing or wrong CSRF token',
        `send the session's CSRF token in the ${CSRF_HEADER} header`,
      );
    }
  });

  // An upload's decision, before its body is received (`beforeBody`).
  app.addHook('preParsing', async (request, _reply, payload) => {
    const spec = request.routeOptions.config?.access;
    if (spec && !('public' in spec) && spec.beforeBody) await decideAccess(request, spec);
    return payload;
  });

  // The decision, once the body is parsed: the patient a request is about may be named in it.
  app.addHook('preHandler', async (request) => {
    const spec = request.routeOptions.config?.access;
    if (!spec || 'public' in spec || spec.beforeBody) return;
    await decideAccess(request, spec);
  });

  async function decideAccess(request: FastifyRequest, spec: Exclude<AccessSpec, { public: string }>) {
    request.patientContext = spec.patient ? await spec.patient(request, db) : undefined;
    const owner = spec.owner ? await spec.owner(request, db) : undefined;
    const performingTrustId = spec.performingTrust ? await spec.performingTrust(request, db) : undefined;
    const decision = decide({
      owner,
      performingTrustId,
      subject: request.subject,
      purpose: request.purpose,
      action: spec.action,
      resource: spec.resource,
      patient: request.patientContext,
    });
    request.decision = decision;
    if (!decision.allow) {
      await recordAudit(db, auditEvent(request, spec, 'deny', decision.reason));
      throw forbidden(decision.reason, decision.refusal);
    }
  }
}

/** Runs the route in a transaction that also appends its audit entry: both commit, or neither. */
function auditedHandler(
  db: Kysely<DB>,
  spec: Exclude<AccessSpec, { public: string }>,
  handler: RouteOptions['handler'],
) {
  return async function (this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
    request.committed = [];
    try {
      const result = await inTransaction(db, async (tx) => {
        request.tx = tx;
        try {
          const result = await handler.call(this, request, reply);
          await appendAudit(tx, auditEvent(request, spec, 'allow', request.decision?.reason ?? 'allowed'));
          return result;
        } finally {
          request.tx = undefined;
        }
      });
      for (const { work } of request.committed) work();
      return result;
    } catch (error) {
      for (const { otherwise } of request.committed) otherwise();
      // A step the domain refuses (a signed report edited, a case finalised alone) changed nothing,
      // but the attempt is on record like a denial by the policy.
      if (error instanceof Problem && (error.status === 403 || error.status === 409))
        await recordAudit(db, auditEvent(request, spec, 'deny', error.detail ?? error.title));
      throw error;
    }
  };
}

export const accessGuard = fp(guard, { name: 'access-guard', dependencies: ['@fastify/cookie'] });
