import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followSignIn, freePort } from '../../../test/support/formDriver.ts';
import { startTestIdp, type TestIdp } from '../../../test/support/testIdp.ts';
import { loadConfig } from '../../platform/config.ts';
import { lastAuditEntry, type TestApp, testApp } from '../../platform/testing/testApp.ts';
import { createOidcLogin } from './oidc.ts';

let idp: TestIdp;
let t: TestApp;
let base: string;
const idpHpr: Record<string, string> = { 'helene-sub': '9144900' };

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  idp = await startTestIdp({ redirectUri: `${base}/api/auth/oidc/callback`, hprNumbers: idpHpr });
  const env = { ...idp.env(), GENVEI_PUBLIC_URL: base, GENVEI_MODE: 'test' };
  const oidcConfig = loadConfig(env).oidc;
  if (!oidcConfig) throw new Error('OIDC not configured');
  t = await testApp({ env, oidc: createOidcLogin(oidcConfig, base) });
  await t.app.listen({ host: '127.0.0.1', port });
});
afterAll(async () => {
  await t.close();
  await idp.stop();
});

const backAtGenvei = (url: URL) => url.origin === base && !url.pathname.startsWith('/api/auth/oidc/callback');

describe('OpenID Connect sign-in', () => {
  it('offers the provider on the login page', async () => {
    const methods = await fetch(`${base}/api/auth/methods`).then((r) => r.json());
    expect(methods).toEqual({ password: true, oidc: 'Test-HelseID' });
  });

  it('signs in through the provider with PKCE and private_key_jwt, linking the account by HPR number', async () => {
    const { url, cookies } = await followSignIn(
      `${base}/api/auth/oidc/start`,
      { login: 'helene-sub', password: 'x' },
      backAtGenvei,
    );
    expect(url.pathname).toBe('/');
    const session = await fetch(`${base}/api/session`, {
      headers: { cookie: `genvei_session=${cookies.get('genvei_session')}` },
    }).then((r) => r.json());
    expect(session).toMatchObject({
      authMethod: 'oidc',
      user: { username: 'lege.helseid', hprNumber: '9144900' },
      role: 'requester',
    });
    const user = await t.database.db
      .selectFrom('app_user')
      .selectAll()
      .where('username', '=', 'lege.helseid')
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ oidc_issuer: idp.issuer, oidc_subject: 'helene-sub' });
  });

  it('uses PAR: the authorization request goes by reference, not in the URL', async () => {
    const start = await fetch(`${base}/api/auth/oidc/start`, { redirect: 'manual' });
    const location = new URL(start.headers.get('location') as string);
    expect(location.searchParams.get('request_uri')).toMatch(/^urn:ietf:params:oauth:request_uri:/);
    expect(location.searchParams.get('code_challenge')).toBeNull();
  });

  it('refuses an identity with no genvei account, and audits it', async () => {
    const { url } = await followSignIn(
      `${base}/api/auth/oidc/start`,
      { login: 'stranger', password: 'x' },
      backAtGenvei,
    );
    expect(url.pathname + url.search).toBe('/login?error=no-account');
    const entry = await lastAuditEntry(t.database);
    expect(entry).toMatchObject({
      action: 'login',
      outcome: 'deny',
      reason: expect.stringMatching(/no genvei account/),
    });
  });

  it('refuses a callback whose state did not start in this browser', async () => {
    const response = await fetch(`${base}/api/auth/oidc/callback?state=forged&code=abc`, {
      redirect: 'manual',
    });
    expect(response.headers.get('location')).toBe('/login?error=state');
  });
});

describe('HPR number', () => {
  it('is stored when the provider sends one for a linked account without it', async () => {
    const { createUser } = await import('./service.ts');
    const org = await t.database.db
      .selectFrom('organisation')
      .select('id')
      .where('name', '=', 'Onkologisk avdeling, Nordlys')
      .executeTakeFirstOrThrow();
    const { id } = await createUser(t.database.db, {
      username: 'lege.uten.hpr',
      displayName: 'Uten HPR',
      memberships: [{ organisationId: org.id, role: 'requester' }],
    });
    await t.database.db
      .updateTable('app_user')
      .set({ oidc_issuer: idp.issuer, oidc_subject: 'nohpr-sub' })
      .where('id', '=', id)
      .execute();
    idpHpr['nohpr-sub'] = '9155500';
    await followSignIn(`${base}/api/auth/oidc/start`, { login: 'nohpr-sub', password: 'x' }, backAtGenvei);
    const user = await t.database.db
      .selectFrom('app_user')
      .select('hpr_number')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(user.hpr_number).toBe('9155500');
  });
});
