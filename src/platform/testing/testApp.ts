import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { DEMO_PASSWORD, seedDemo } from '../../demo/seed.ts';
import type { OidcLogin } from '../../modules/access/oidc.ts';
import { type Config, loadConfig } from '../config.ts';
import type { Database } from '../db/connect.ts';
import type { Migration } from '../db/migrate.ts';
import { buildApp } from '../http/app.ts';
import { freshDatabase } from './testDatabase.ts';

export type TestApp = {
  app: FastifyInstance;
  database: Database & { url?: string };
  config: Config;
  /** Every log line the app wrote. */
  logs: string[];
  login(username: string, password?: string): Promise<Client>;
  close(): Promise<void>;
};

/** A signed-in caller: the session cookie and CSRF token, sent the way the web app sends them. */
export type Client = {
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
};

/** The real app on a fresh, seeded database, driven through Fastify's inject (no port). */
export async function testApp(
  options: { env?: Record<string, string>; oidc?: OidcLogin; seed?: boolean; migrations?: Migration[] } = {},
): Promise<TestApp> {
  const database = await freshDatabase(options.migrations);
  if (options.seed !== false) await seedDemo(database.db);
  const config = loadConfig({ GENVEI_MODE: 'test', GENVEI_LOG_LEVEL: 'info', ...options.env });
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const app = await buildApp({ config, database, oidc: options.oidc, logStream });
  await app.ready();

  const asClient = (cookie: string | undefined, csrf: string | undefined): Client => ({
    request: (method, url, body, headers = {}) =>
      app.inject({
        method: method as 'GET',
        url,
        headers: { ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}), ...headers },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  });

  return {
    app,
    database,
    config,
    logs,
    async login(username, password = DEMO_PASSWORD) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
      });
      if (response.statusCode !== 200) throw new Error(`login as ${username} failed: ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'genvei_session');
      return asClient(`genvei_session=${cookie?.value}`, response.json().csrfToken);
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** The newest audit entry: what the request just made should have written. */
export function lastAuditEntry(database: Pick<Database, 'db'>) {
  return database.db
    .selectFrom('audit_entry')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
}

export const anonymous = (app: FastifyInstance): Client => ({
  request: (method, url, body, headers = {}) =>
    app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(body === undefined ? {} : { payload: body as object }),
    }),
});
