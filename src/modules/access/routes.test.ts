import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoNationalIds } from '../../demo/seed.ts';
import { lastAuditEntry, type TestApp, testApp } from '../../platform/testing/testApp.ts';
import { accessGuard } from './guard.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const SOME_ID = '3f9a1c2e-7b4d-4e8a-9c1f-2d3e4f5a6b7c';

describe('every route goes through the access policy', () => {
  it('lists only the public routes we meant to be public', () => {
    const publicRoutes = t.app.routeAccess
      .filter((r) => 'public' in r.access && r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(publicRoutes).toEqual(
      [
        'GET /api/auth/methods',
        'POST /api/auth/login',
        'GET /health',
        'GET /ready',
        'GET /assets/*',
        'GET /api/docs',
        'GET /api/docs/json',
        'GET /api/docs/static/*',
        'GET /api/docs/static/index.html',
        'GET /api/docs/static/swagger-initializer.js',
        'GET /api/docs/yaml',
        'GET /api/catalogue/search',
        'GET /api/catalogue/analyses/:slug',
        'GET /api/catalogue/analyses/:slug/missing-genes',
        'GET /api/catalogue/labs',
        'GET /api/catalogue/panels',
        'GET /api/catalogue/panels/:slug',
        'GET /api/catalogue/panels/:slug/diff',
        'GET /api/catalogue/panels/:slug/export',
        'GET /api/catalogue/genes/:symbol',
        'GET /api/catalogue/cancer-types',
        'GET /api/catalogue/cancer-types/:code',
        'GET /api/catalogue/coverage/:code',
        'GET /api/labs/:labId/turnaround',
        'GET /ga4gh/drs/v1/service-info',
        // Any other DRS path: always a 404 in DRS form (drsRoutes.ts).
        'GET /ga4gh/drs/v1/*',
        'POST /ga4gh/drs/v1/*',
        'PUT /ga4gh/drs/v1/*',
        'DELETE /ga4gh/drs/v1/*',
        'OPTIONS /ga4gh/drs/v1/*',
      ].sort(),
    );
  });

  it('refuses every other route to an anonymous caller', async () => {
    const guarded = t.app.routeAccess.filter((r) => !('public' in r.access) && r.method !== 'HEAD');
    expect(guarded.length).toBeGreaterThan(8);
    for (const route of guarded) {
      const url = route.url.replace(/:[a-zA-Z_]+/g, SOME_ID);
      const response = await t.app.inject({
        method: route.method as 'GET',
        url,
        payload: route.method === 'GET' ? undefined : {},
      });
      expect({ route: `${route.method} ${route.url}`, status: response.statusCode }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 401,
      });
    }
  });

  it('audits every route on patient data or the audit log, and every write', () => {
    for (const route of t.app.routeAccess) {
      if ('public' in route.access || route.access.resource === 'session') continue;
      const mustAudit =
        ['patient', 'patient-access-log', 'audit-log', 'order', 'sequencing-data'].includes(
          route.access.resource,
        ) || !['GET', 'HEAD'].includes(route.method);
      if (mustAudit)
        expect({ route: `${route.method} ${route.url}`, audited: route.audited }).toEqual({
          route: `${route.method} ${route.url}`,
          audited: true,
        });
    }
  });

  it('refuses to register a route without an access rule', async () => {
    const app = Fastify();
    await app.register(cookie);
    await app.register(accessGuard, { db: t.database.db, publicPrefixes: {} });
    expect(() => app.get('/api/forgotten', async () => 'secret')).toThrow(/declares no access rule/);
    await app.close();
  });
});

describe('sign-in', () => {
  it('signs in with the right password and not with a wrong one', async () => {
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'patolog', password: 'genvei-demo' },
    });
    expect(ok.statusCode).toBe(200);
    const session = ok.cookies.find((c) => c.name === 'genvei_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'patolog', password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: 'nope' },
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().detail).toBe(wrong.json().detail);
  });

  it('locks an account after repeated failures, even for the right password', async () => {
    for (let i = 0; i < t.config.lockoutAttempts; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'forsker', password: 'wrong-password' },
      });
    }
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'forsker', password: 'genvei-demo' },
    });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().type).toBe('urn:genvei:problem:account-locked');
    const denials = await t.database.db
      .selectFrom('audit_entry')
      .select('reason')
      .where('username', '=', 'forsker')
      .where('action', '=', 'login')
      .where('outcome', '=', 'deny')
      .execute();
    expect(denials.map((d) => d.reason)).toContain('account locked');
  });

  it('ends the session on logout', async () => {
    const client = await t.login('genetiker');
    expect((await client.request('GET', '/api/session')).statusCode).toBe(200);
    expect((await client.request('POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await client.request('GET', '/api/session')).statusCode).toBe(401);
  });
});

describe('CSRF protection', () => {
  it('refuses a state change without the session’s token', async () => {
    const client = await t.login('admin');
    const body = { orgNumber: '974760673', name: 'Brønnøysund', kind: 'other', parentId: null };
    const forged = await client.request('POST', '/api/organisations', body, { 'x-csrf-token': 'guess' });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().type).toBe('urn:genvei:problem:csrf');
  });
});

describe('session context', () => {
  it('switches purpose within a membership, and refuses a role the user does not have', async () => {
    const client = await t.login('patolog');
    const session = (await client.request('GET', '/api/session')).json();
    const organisationId = session.memberships[0].organisationId;
    const ok = await client.request('PUT', '/api/session/context', {
      organisationId,
      role: 'pathologist',
      purpose: 'quality-assurance',
    });
    expect(ok.statusCode).toBe(204);
    expect((await client.request('GET', '/api/session')).json().purpose).toBe('quality-assurance');
    const grab = await client.request('PUT', '/api/session/context', {
      organisationId,
      role: 'admin',
      purpose: 'administration',
    });
    expect(grab.statusCode).toBe(403);
    expect(grab.json().reason).toEqual({ code: 'no-membership', params: { role: 'admin' } });
  });
});

describe('organisations', () => {
  it('refuses an organisation number with a wrong control digit, naming field and rule', async () => {
    const client = await t.login('admin');
    const response = await client.request('POST', '/api/organisations', {
      orgNumber: '974760674',
      name: 'Feil',
      kind: 'lab',
      parentId: null,
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ path: '/body/orgNumber', rule: 'control-digit' }),
    ]);
  });

  it('registers a valid organisation, audited', async () => {
    const client = await t.login('admin');
    const response = await client.request('POST', '/api/organisations', {
      orgNumber: '974760673',
      name: 'Brønnøysund',
      kind: 'other',
      parentId: null,
    });
    expect(response.statusCode).toBe(201);
    const entry = await lastAuditEntry(t.database);
    expect(entry).toMatchObject({
      action: 'create',
      resource_type: 'organisation',
      resource_id: response.json().id,
      outcome: 'allow',
    });
  });

  it('answers a malformed JSON body with a problem naming the body', async () => {
    const client = await t.login('admin');
    const response = await client.request('POST', '/api/organisations', '{"orgNumber": ', {
      'content-type': 'application/json',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ status: 400, errors: [{ path: '/body', rule: 'json-syntax' }] });
  });
});

describe('the audit API', () => {
  it('lets a privacy officer search by patient, user and time, and audits the search', async () => {
    const [nationalId] = demoNationalIds();
    const reader = await t.login('rekvirent');
    const patient = (await reader.request('POST', '/api/patients/lookup', { nationalId })).json();
    const officer = await t.login('personvern');
    const from = new Date(Date.now() - 60_000).toISOString();
    const response = await officer.request('POST', '/api/audit/search', {
      nationalId,
      username: 'rekvirent',
      from,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().entries).toEqual([
      expect.objectContaining({ action: 'search', patient_id: patient.id, username: 'rekvirent' }),
    ]);
    const last = await lastAuditEntry(t.database);
    expect(last).toMatchObject({
      resource_type: 'audit-log',
      action: 'search',
      username: 'personvern',
      patient_id: patient.id,
    });
  });

  it('matches nothing, not everything, when the named user or patient does not exist', async () => {
    const officer = await t.login('personvern');
    const byUser = await officer.request('POST', '/api/audit/search', { username: 'nobody-by-this-name' });
    expect(byUser.json()).toEqual({ entries: [] });
    const byPatient = await officer.request('POST', '/api/audit/search', { nationalId: '15888512389' });
    expect(byPatient.json()).toEqual({ entries: [] });
  });

  it('refuses the audit log to anyone else', async () => {
    const admin = await t.login('admin');
    expect((await admin.request('POST', '/api/audit/search', {})).statusCode).toBe(403);
  });

  it('verifies the chain over HTTP', async () => {
    const officer = await t.login('personvern');
    const response = await officer.request('GET', '/api/audit/verify');
    expect(response.json()).toMatchObject({ ok: true });
  });
});
