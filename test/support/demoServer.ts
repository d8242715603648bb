import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { seedDemo } from '../../src/demo/seed.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { type RunningServer, startServer } from '../../src/platform/server.ts';
import { dropServerDatabase } from '../../src/platform/testing/testDatabase.ts';
import { freePort } from './formDriver.ts';

export type DemoServer = { base: string; server: RunningServer; stop(): Promise<void> };

/**
 * The real server in demo mode on a free loopback port, for one browser-test file: on PGlite in a
 * temporary directory, or — with GENVEI_E2E_DATABASE_URL — in a database of its own on that
 * PostgreSQL server, so it never meets another file's demo data in the same run.
 */
export async function startDemoServer(
  label: string,
  env: Record<string, string> = {},
  port?: number,
): Promise<DemoServer> {
  const listenOn = port ?? (await freePort());
  const base = `http://127.0.0.1:${listenOn}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), `genvei-${label}-`));
  const serverUrl = process.env.GENVEI_E2E_DATABASE_URL;
  const database = serverUrl ? await createDatabase(serverUrl, label) : undefined;
  const config = loadConfig({
    PORT: String(listenOn),
    GENVEI_PUBLIC_URL: base,
    GENVEI_MODE: 'demo',
    GENVEI_DATA: dataDir,
    GENVEI_LOG_LEVEL: 'warn',
    ...(database ? { DATABASE_URL: database.url } : {}),
    ...env,
  });
  const server = await startServer(config, (db) => seedDemo(db.db));
  return {
    base,
    server,
    async stop() {
      await server.stop();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function createDatabase(serverUrl: string, label: string) {
  const name = `genvei_e2e_${label}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => dropServerDatabase(serverUrl, name),
  };
}
