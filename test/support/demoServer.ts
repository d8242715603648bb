import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedDemo } from '../../src/demo/seed.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { type RunningServer, startServer } from '../../src/platform/server.ts';
import { createEmptyServerDatabase } from '../../src/platform/testing/testDatabase.ts';
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
  const database = serverUrl ? await createEmptyServerDatabase(serverUrl, `genvei_e2e_${label}`) : undefined;
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
