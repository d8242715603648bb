import type { FastifyInstance } from 'fastify';
import { createOidcLogin } from '../modules/access/oidc.ts';
import type { Config } from './config.ts';
import type { Database } from './db/connect.ts';
import { migrate } from './db/migrate.ts';
import { openDatabase } from './db/open.ts';
import { buildApp } from './http/app.ts';

export type RunningServer = { app: FastifyInstance; database: Database; url: string; stop(): Promise<void> };

/**
 * Opens the database, brings its schema up to date, seeds demo data on a first demo start,
 * and listens. `seed` is passed in so the platform does not depend on the demo data's modules.
 */
export async function startServer(
  config: Config,
  seed: (database: Database) => Promise<boolean>,
  /** Runs once the app is built, after a first demo seed: demo work done through the API. */
  afterSeed?: (app: FastifyInstance, database: Database) => Promise<void>,
): Promise<RunningServer> {
  const database = await openDatabase(config);
  try {
    const applied = await migrate(database);
    const seeded = config.mode === 'demo' ? await seed(database) : false;
    const oidc = config.oidc ? createOidcLogin(config.oidc, config.publicUrl) : undefined;
    const app = await buildApp({ config, database, oidc });
    if (seeded && afterSeed) {
      await app.ready();
      await afterSeed(app, database);
    }
    await app.listen({ host: config.host, port: config.port });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    app.log.info(
      {
        engine: database.engine,
        location: database.location,
        migrations: applied,
        seeded,
        mode: config.mode,
      },
      'genvei is ready',
    );
    return {
      app,
      database,
      url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`,
      async stop() {
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
