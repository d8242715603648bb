import { createHash } from 'node:crypto';
import type { AuditEntry } from '../db/schema.ts';

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export type ChainedFields = Omit<AuditEntry, 'hash'>;

/**
 * An entry's hash covers every field, in a fixed order, plus the previous entry's hash. JSON of
 * an array is unambiguous (no field can bleed into the next), and dates are hashed as ISO text
 * with milliseconds, which both engines store and return unchanged.
 */
export function entryHash(entry: ChainedFields): string {
  const canonical = JSON.stringify([
    entry.seq,
    entry.id,
    entry.at.toISOString(),
    entry.user_id,
    entry.username,
    entry.organisation_id,
    entry.role,
    entry.purpose,
    entry.action,
    entry.resource_type,
    entry.resource_id,
    entry.patient_id,
    entry.outcome,
    entry.reason,
    entry.request_id,
    entry.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export type ChainBreak = { seq: number; id: string; problem: string };

/**
 * Walks entries in seq order and returns the first that does not belong where it is.
 * `previous` is the last verified entry before this batch (null at the start of the log).
 */
export function findChainBreak(
  entries: readonly AuditEntry[],
  previous: { seq: number; hash: string } | null,
): ChainBreak | null {
  let expectedSeq = previous ? previous.seq + 1 : 1;
  let expectedPrev = previous ? previous.hash : GENESIS_HASH;
  for (const entry of entries) {
    const at = { seq: entry.seq, id: entry.id };
    if (entry.seq !== expectedSeq) {
      return {
        ...at,
        problem: `expected entry ${expectedSeq} here: entries before it were deleted or reordered`,
      };
    }
    if (entry.prev_hash !== expectedPrev) {
      return {
        ...at,
        problem: 'does not link to the entry before it: that entry was changed, deleted or reordered',
      };
    }
    if (entryHash(entry) !== entry.hash) {
      return { ...at, problem: 'its content does not match its hash: the entry was edited' };
    }
    expectedSeq = entry.seq + 1;
    expectedPrev = entry.hash;
  }
  return null;
}
