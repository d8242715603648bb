import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { openDatabase } from '../db/open.ts';
import type { DB } from '../db/schema.ts';
import { freshDatabase } from '../testing/testDatabase.ts';
import { type AuditEvent, recordAudit, verifyAuditLog } from './auditLog.ts';

const run = promisify(execFile);
const event = (n: number): AuditEvent => ({
  userId: null,
  username: `user${n}`,
  organisationId: null,
  role: 'pathologist',
  purpose: 'care',
  action: 'read',
  resourceType: 'patient',
  resourceId: `r${n}`,
  patientId: null,
  outcome: 'allow',
  reason: 'test',
  requestId: `req-${n}`,
});

/** Tampering the way someone with direct SQL access would: past the append-only trigger. */
async function tamper(db: Kysely<DB>, statement: ReturnType<typeof sql>) {
  await db.transaction().execute(async (tx) => {
    await sql`alter table audit_entry disable trigger audit_entry_append_only`.execute(tx);
    await statement.execute(tx);
    await sql`alter table audit_entry enable trigger audit_entry_append_only`.execute(tx);
  });
}

describe('the audit log', () => {
  let database: Database;
  beforeEach(async () => {
    database = await freshDatabase();
    for (let n = 1; n <= 5; n++) await recordAudit(database.db, event(n));
    return () => database.close();
  });

  it('verifies when untouched', async () => {
    expect(await verifyAuditLog(database.db)).toMatchObject({ ok: true, entries: 5, head: { seq: 5 } });
  });

  it('refuses updates and deletes through the append-only trigger', async () => {
    await expect(sql`update audit_entry set reason = 'x' where seq = 2`.execute(database.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_entry where seq = 2`.execute(database.db)).rejects.toThrow(
      /append-only/,
    );
  });

  it('names an edited entry', async () => {
    await tamper(database.db, sql`update audit_entry set username = 'someone-else' where seq = 3`);
    expect(await verifyAuditLog(database.db)).toMatchObject({
      ok: false,
      entries: 2,
      firstBad: { seq: 3, problem: expect.stringMatching(/edited/) },
    });
  });

  it('names the entry after a deleted one', async () => {
    await tamper(database.db, sql`delete from audit_entry where seq = 2`);
    expect(await verifyAuditLog(database.db)).toMatchObject({
      ok: false,
      firstBad: { seq: 3, problem: expect.stringMatching(/deleted or reordered/) },
    });
  });

  it('detects reordered entries even when their seq numbers are swapped too', async () => {
    await tamper(
      database.db,
      sql`update audit_entry set seq = case seq when 2 then -3 when 3 then -2 end where seq in (2, 3)`,
    );
    await tamper(database.db, sql`update audit_entry set seq = -seq where seq < 0`);
    const result = await verifyAuditLog(database.db);
    expect(result).toMatchObject({ ok: false, firstBad: { seq: 2 } });
  });

  it('chains across pages', async () => {
    await tamper(database.db, sql`update audit_entry set purpose = 'research' where seq = 5`);
    expect(await verifyAuditLog(database.db, 2)).toMatchObject({
      ok: false,
      entries: 4,
      firstBad: { seq: 5 },
    });
  });

  it('keeps one chain under concurrent appends', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => recordAudit(database.db, event(100 + i))));
    expect(await verifyAuditLog(database.db)).toMatchObject({ ok: true, entries: 25 });
  });
});

describe('genvei audit verify', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    // The CLI opens the database itself: a PGlite directory, or the test PostgreSQL database.
    const server = process.env.GENVEI_TEST_DATABASE_URL;
    dataDir = mkdtempSync(path.join(tmpdir(), 'genvei-audit-'));
    let database: Database;
    if (server) {
      const fresh = await freshDatabase();
      database = fresh;
      env = { ...process.env, DATABASE_URL: fresh.url };
      cleanup = () => fresh.close();
    } else {
      database = await openDatabase({ dataDir, databaseUrl: undefined });
      await migrate(database);
      env = { ...process.env, GENVEI_DATA: dataDir, DATABASE_URL: '' };
      cleanup = async () => {};
    }
    for (let n = 1; n <= 4; n++) await recordAudit(database.db, event(n));
    const cli = (args: string[]) =>
      run(process.execPath, ['bin/genvei.js', ...args], { env }).then(
        (r) => ({ code: 0, stdout: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
      );
    if (!server) await database.close();
    verifyCli = () => cli(['audit', 'verify']);
    editRow = async () => {
      const db = server ? database : await openDatabase({ dataDir, databaseUrl: undefined });
      await tamper(db.db, sql`update audit_entry set outcome = 'deny' where seq = 3`);
      if (!server) await db.close();
    };
  });
  afterAll(async () => {
    await cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  });

  let verifyCli: () => Promise<{ code: number; stdout: string }>;
  let editRow: () => Promise<void>;

  it('passes on an untouched log and fails naming the entry changed with SQL', async () => {
    const clean = await verifyCli();
    expect(clean).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/audit log OK: 4 entries verified/),
    });
    await editRow();
    const broken = await verifyCli();
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(
      /BROKEN at entry 3 \(id [0-9a-f-]{36}\): its content does not match its hash/,
    );
  }, 60_000);
});
