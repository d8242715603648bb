import { randomUUID } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { AuditEntry, DB } from '../db/schema.ts';
import { type ChainBreak, entryHash, findChainBreak, GENESIS_HASH } from './chain.ts';

/** Who did what to which resource, and whether it was allowed. */
export type AuditEvent = {
  userId: string | null;
  username: string | null;
  organisationId: string | null;
  role: string | null;
  purpose: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  patientId: string | null;
  outcome: 'allow' | 'deny';
  reason: string | null;
  requestId: string | null;
};

// Serialises appends across connections so that seq and prev_hash form one chain.
const AUDIT_LOCK = 4_711_002;

/**
 * Appends one entry inside the caller's transaction: if the entry cannot be written the
 * caller's write is rolled back with it, and a rolled-back write leaves no entry.
 */
export async function appendAudit(tx: Transaction<DB>, event: AuditEvent): Promise<AuditEntry> {
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(tx);
  const last = await tx
    .selectFrom('audit_entry')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const fields = {
    seq: (last?.seq ?? 0) + 1,
    id: randomUUID(),
    at: new Date(),
    user_id: event.userId,
    username: event.username,
    organisation_id: event.organisationId,
    role: event.role,
    purpose: event.purpose,
    action: event.action,
    resource_type: event.resourceType,
    resource_id: event.resourceId,
    patient_id: event.patientId,
    outcome: event.outcome,
    reason: event.reason,
    request_id: event.requestId,
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const entry = { ...fields, hash: entryHash(fields) };
  await tx.insertInto('audit_entry').values(entry).execute();
  return entry;
}

/** Appends an entry in a transaction of its own: for denials and reads that write nothing else. */
export function recordAudit(db: Kysely<DB>, event: AuditEvent): Promise<AuditEntry> {
  return db.transaction().execute((tx) => appendAudit(tx, event));
}

export type VerifyResult =
  | { ok: true; entries: number; head: { seq: number; hash: string } | null }
  | { ok: false; entries: number; firstBad: ChainBreak };

/** Re-computes the whole chain in pages, so a long log does not have to fit in memory. */
export async function verifyAuditLog(db: Kysely<DB>, pageSize = 5000): Promise<VerifyResult> {
  let previous: { seq: number; hash: string } | null = null;
  let checked = 0;
  for (;;) {
    const page: AuditEntry[] = await db
      .selectFrom('audit_entry')
      .selectAll()
      .where('seq', '>', previous?.seq ?? 0)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    const firstBad = findChainBreak(page, previous);
    if (firstBad)
      return { ok: false, entries: checked + page.findIndex((e) => e.seq === firstBad.seq), firstBad };
    checked += page.length;
    const last = page.at(-1);
    if (!last) return { ok: true, entries: checked, head: previous };
    previous = { seq: last.seq, hash: last.hash };
  }
}

export type AuditQuery = {
  patientId?: string;
  userId?: string;
  from?: Date;
  to?: Date;
  limit: number;
};

export function searchAudit(db: Kysely<DB>, query: AuditQuery) {
  let q = db.selectFrom('audit_entry').selectAll();
  if (query.patientId) q = q.where('patient_id', '=', query.patientId);
  if (query.userId) q = q.where('user_id', '=', query.userId);
  if (query.from) q = q.where('at', '>=', query.from);
  if (query.to) q = q.where('at', '<', query.to);
  return q.orderBy('seq', 'desc').limit(query.limit).execute();
}
