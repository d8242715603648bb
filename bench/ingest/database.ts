/**
 * The databases the ingest benchmark writes to: a throw-away PostgreSQL 15 server (the one CI
 * starts, `.ci/start-postgres`) and a PGlite directory, each migrated and demo-seeded, with one
 * order placed the way a requester places it (through the API), so the ingest has an order and a
 * specimen to attach the file to. Nothing here is product code.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DEMO_PASSWORD, demoNationalIds, seedDemo } from '../../src/demo/seed.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { openDatabase } from '../../src/platform/db/open.ts';
import { buildApp } from '../../src/platform/http/app.ts';

export type OrderTarget = { orderId: string; specimenId: string };

/** Migrates and seeds the database `env` names, places an order and returns its ids. */
export async function prepareDatabase(env: {
  DATABASE_URL?: string;
  GENVEI_DATA?: string;
}): Promise<OrderTarget> {
  const config = loadConfig({ GENVEI_MODE: 'test', GENVEI_LOG_LEVEL: 'warn', ...env });
  const database = await openDatabase(config);
  try {
    await migrate(database);
    await seedDemo(database.db);
    const app = await buildApp({ config, database });
    try {
      await app.ready();
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'rekvirent', password: DEMO_PASSWORD },
      });
      if (login.statusCode !== 200) throw new Error(`login failed: ${login.body}`);
      const session = login.cookies.find((c) => c.name === 'genvei_session')?.value;
      const headers = { cookie: `genvei_session=${session}`, 'x-csrf-token': login.json().csrfToken };
      const placed = await app.inject({
        method: 'POST',
        url: '/api/orders',
        headers,
        payload: {
          patient: { nationalId: demoNationalIds()[0] },
          analysis: 'fjordvik-lunge-ngs',
          clinical: { diagnosis: { oncotree: 'LUAD' }, question: 'Behandlingsrettede varianter?' },
          specimens: [
            { kind: 'ffpe-block', collectionDate: '2026-10-01', site: 'lunge', tumourCellPercent: 40 },
          ],
          researchConsent: false,
          // A rerun on the same database places the same order again.
          duplicateOverrideReason: 'benchmark run',
        },
      });
      if (placed.statusCode !== 201 && placed.statusCode !== 200) throw new Error(`order: ${placed.body}`);
      const orderId = placed.json().id as string;
      const view = await app.inject({ method: 'GET', url: `/api/orders/${orderId}`, headers });
      return { orderId, specimenId: view.json().specimens[0].id as string };
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

const postgresBin = () => {
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort() : [];
  const newest = versions.at(-1);
  if (!newest) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
  return `/usr/lib/postgresql/${newest}/bin`;
};

export type PostgresServer = {
  url: string;
  /** CPU seconds the server's processes have used so far, ended backends included (Linux /proc). */
  cpuSeconds: () => number;
  stop: () => void;
};

/** The server's URL with another database name. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates a database on the server (a copy of `template` when given), dropping one of that name first. */
export async function createDatabase(serverUrl: string, database: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists ${pg.escapeIdentifier(database)}`);
    await client.query(
      `create database ${pg.escapeIdentifier(database)}${template ? ` template ${pg.escapeIdentifier(template)}` : ''}`,
    );
  } finally {
    await client.end();
  }
}

/** Starts a fresh PostgreSQL cluster in `dir` on loopback; returns its URL and how to stop it. */
export function startPostgres(dir: string, port: number): PostgresServer {
  const script = fileURLToPath(new URL('../../.ci/start-postgres', import.meta.url));
  const url = execFileSync(script, [dir, String(port)], { encoding: 'utf8' }).trim();
  const postmaster = Number(readFileSync(`${dir}/cluster/postmaster.pid`, 'utf8').split('\n')[0]);
  return {
    url,
    cpuSeconds: () => processTreeCpuSeconds(postmaster),
    stop: () => {
      execFileSync(
        'runuser',
        ['-u', 'postgres', '--', `${postgresBin()}/pg_ctl`, '-D', `${dir}/cluster`, '-m', 'fast', 'stop'],
        {
          stdio: 'ignore',
        },
      );
    },
  };
}

/** utime + stime of a process, of its waited-for children (the backends that have ended) and of its live children. */
export function processTreeCpuSeconds(pid: number): number {
  const ticks = (statPid: number, withChildren: boolean) => {
    // Fields after the parenthesised command name; utime is field 14 of stat(5), so index 11 here.
    const stat = readFileSync(`/proc/${statPid}/stat`, 'utf8');
    const fields = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    const own = (fields[11] ?? 0) + (fields[12] ?? 0);
    return withChildren ? own + (fields[13] ?? 0) + (fields[14] ?? 0) : own;
  };
  let total = ticks(pid, true);
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
  for (const child of children ? children.split(' ').map(Number) : []) {
    try {
      total += ticks(child, false);
    } catch {
      // The backend ended between the listing and the read; its time is now in cutime.
    }
  }
  return total / 100; // USER_HZ: 100 on Linux
}
