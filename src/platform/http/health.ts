import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Database } from '../db/connect.ts';
import { pendingMigrations } from '../db/migrate.ts';
import { Problem } from './problems.ts';

/** Liveness says the process answers; readiness says it can do its work (database up, schema current). */
export async function healthRoutes(app: FastifyInstance, options: { database: Database }) {
  const { database } = options;
  app.get('/health', { config: { access: { public: 'load balancers probe it' } } }, async () => ({
    status: 'ok',
  }));
  app.get('/ready', { config: { access: { public: 'load balancers probe it' } } }, async () => {
    await sql`select 1`.execute(database.db).catch((error: Error) => {
      throw new Problem(503, 'not-ready', 'Not ready', `the database does not answer: ${error.message}`);
    });
    const pending = await pendingMigrations(database);
    if (pending.length > 0)
      throw new Problem(503, 'not-ready', 'Not ready', `migrations pending: ${pending.join(', ')}`);
    return { status: 'ready', database: database.engine };
  });
}
