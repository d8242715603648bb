import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db/connect.ts';
import type { OidcLogin } from './oidc.ts';
import { setSessionCookie } from './routes.ts';
import { recordLogin, resolveOidcUser, startSession } from './service.ts';

export type { OidcLogin };

const FLOW_COOKIE = 'genvei_oidc_state';
const FLOW_MAX_AGE_MINUTES = 10;

/** The two legs of an OIDC sign-in: away to the provider, and back with a code. */
export async function oidcRoutes(
  app: FastifyInstance,
  options: { database: Database; config: Config; oidc: OidcLogin },
) {
  const { db } = options.database;
  const { config, oidc } = options;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/auth/oidc/start', {
    schema: { tags: ['auth'], summary: `Sign in with ${oidc.label}: redirects to the identity provider` },
    config: { access: { public: 'signing in is how one stops being anonymous' } },
    handler: async (_request, reply) => {
      const flow = await oidc.begin();
      await db
        .insertInto('login_flow')
        .values({ state: flow.state, code_verifier: flow.codeVerifier, nonce: flow.nonce })
        .execute();
      // Binds the flow to this browser: a callback carrying someone else's state is refused.
      reply.setCookie(FLOW_COOKIE, flow.state, {
        path: '/api/auth/oidc',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.cookieSecure,
        maxAge: FLOW_MAX_AGE_MINUTES * 60,
      });
      return reply.redirect(flow.url);
    },
  });

  api.get('/api/auth/oidc/callback', {
    schema: {
      tags: ['auth'],
      summary: 'Where the identity provider returns the browser',
      querystring: z
        .object({ state: z.string().optional(), code: z.string().optional(), error: z.string().optional() })
        .loose(),
    },
    config: { access: { public: 'the identity provider sends the browser here before there is a session' } },
    handler: async (request, reply) => {
      const fail = async (code: string, reason: string) => {
        await recordLogin(db, {
          userId: null,
          username: null,
          outcome: 'deny',
          reason: `oidc: ${reason}`,
          requestId: request.id,
        });
        return reply.redirect(`/login?error=${code}`);
      };
      const state = request.query.state;
      reply.clearCookie(FLOW_COOKIE, { path: '/api/auth/oidc' });
      if (request.query.error) return fail('provider', `the provider answered ${request.query.error}`);
      if (!state || request.cookies[FLOW_COOKIE] !== state)
        return fail('state', 'state missing or not from this browser');
      const flow = await db
        .deleteFrom('login_flow')
        .where('state', '=', state)
        .returningAll()
        .executeTakeFirst();
      if (!flow || Date.now() - flow.created_at.getTime() > FLOW_MAX_AGE_MINUTES * 60_000) {
        return fail('expired', 'unknown or expired sign-in attempt');
      }

      let identity: Awaited<ReturnType<OidcLogin['complete']>>;
      try {
        const url = new URL(request.url, config.publicUrl);
        identity = await oidc.complete(url, { state, codeVerifier: flow.code_verifier, nonce: flow.nonce });
      } catch (error) {
        request.log.warn({ err: error }, 'OIDC code exchange failed');
        return fail('exchange', `code exchange failed: ${(error as Error).message}`);
      }
      const user = await resolveOidcUser(db, identity);
      if (!user)
        return fail('no-account', `no genvei account for ${identity.issuer} subject ${identity.subject}`);
      await recordLogin(db, {
        userId: user.id,
        username: user.username,
        outcome: 'allow',
        reason: `oidc ${identity.issuer}`,
        requestId: request.id,
      });
      setSessionCookie(reply, config, await startSession(db, config, user.id, 'oidc'));
      return reply.redirect('/');
    },
  });
}
