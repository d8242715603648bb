import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Kysely, Transaction } from 'kysely';
import { appendAudit } from '../../../platform/audit/auditLog.ts';
import type { ResultFileFormat } from '../../../platform/db/genomicsSchema.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { notFound } from '../../../platform/http/problems.ts';

/**
 * What every result file shares, whatever its format: it belongs to a specimen on an order, it is
 * known by its sha256 (the same file twice is a no-op), it gets a DRS id, its provenance is kept,
 * and its ingest is audited in the same transaction as its rows.
 */
export type SampleRole = 'tumor' | 'normal' | 'germline';

/** Who ingests: a signed-in user (with organisation, role and request) or the CLI's operator. */
export type Actor = {
  userId: string | null;
  username: string;
  organisationId?: string | null;
  role?: string | null;
  purpose?: string | null;
  requestId?: string | null;
};

export type ResultFileRequest = {
  file: string;
  orderId: string;
  specimenId: string;
  /** Where the file lives for later reference (default: its file:// URI); genvei keeps no copy. */
  uri?: string | null;
  /** The name to record when `file` is a temporary copy (an HTTP upload). */
  fileName?: string | null;
  accessZone?: string | null;
  pipeline?: string | null;
  pipelineVersion?: string | null;
  actor: Actor;
};

export type AlreadyIngested = { status: 'already-ingested'; fileId: string; sha256: string };

export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  // Read a megabyte at a time: at the default 64 KiB the 205 MiB benchmark file took 0.21–0.28 s
  // to hash, at 1 MiB 0.15 s, and the ingest waits for the hash before it begins.
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The specimen's patient, checking that the specimen is on the order. */
export async function specimenOnOrder(db: Kysely<DB>, orderId: string, specimenId: string) {
  const specimen = await db
    .selectFrom('specimen as s')
    .innerJoin('clinical_order as o', 'o.id', 's.order_id')
    .select(['s.id', 's.order_id', 'o.patient_id'])
    .where('s.id', '=', specimenId)
    .executeTakeFirst();
  if (!specimen || specimen.order_id !== orderId)
    throw notFound(`specimen ${specimenId} on order ${orderId}`);
  return { patientId: specimen.patient_id };
}

export async function alreadyIngested(
  db: Kysely<DB>,
  specimenId: string,
  sha256: string,
): Promise<AlreadyIngested | null> {
  const existing = await db
    .selectFrom('sequencing_file')
    .select('id')
    .where('specimen_id', '=', specimenId)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return existing ? { status: 'already-ingested', fileId: existing.id, sha256 } : null;
}

/**
 * Runs an ingest's transaction. When another ingest of the same file for the same specimen
 * committed first — two uploads at once, or the command line and the server — the unique key on
 * (specimen, sha256) refuses this one, and it becomes what a second ingest of a file is: a no-op
 * that says so, not a database error.
 */
export async function unlessIngestedMeanwhile<T>(
  db: Kysely<DB>,
  file: { specimenId: string; sha256: string },
  work: () => Promise<T>,
): Promise<T | AlreadyIngested> {
  try {
    return await work();
  } catch (error) {
    if (isSameFileAgain(error)) {
      const done = await alreadyIngested(db, file.specimenId, file.sha256);
      if (done) return done;
    }
    throw error;
  }
}

function isSameFileAgain(error: unknown): boolean {
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown } | null;
  const key = 'sequencing_file_specimen_id_sha256_key';
  return e?.code === '23505' && (e.constraint === key || String(e.message).includes(key));
}

export type FileProvenance = {
  format: ResultFileFormat;
  sha256: string;
  pipeline: string | null;
  referenceBuild: string | null;
  caller: string | null;
  annotationSource: string | null;
};

/** The file's row; its id is also its DRS id. */
export async function insertResultFile(
  tx: Transaction<DB>,
  request: ResultFileRequest,
  provenance: FileProvenance,
): Promise<string> {
  const fileId = randomUUID();
  await tx
    .insertInto('sequencing_file')
    .values({
      id: fileId,
      order_id: request.orderId,
      specimen_id: request.specimenId,
      file_name: request.fileName ?? path.basename(request.file),
      format: provenance.format,
      size_bytes: statSync(request.file).size,
      sha256: provenance.sha256,
      drs_id: fileId,
      uri: request.uri === undefined ? pathToFileURL(path.resolve(request.file)).href : request.uri,
      access_zone: request.accessZone ?? null,
      pipeline: request.pipeline ?? provenance.pipeline,
      pipeline_version: request.pipelineVersion ?? null,
      reference_build: provenance.referenceBuild,
      caller: provenance.caller,
      annotation_source: provenance.annotationSource,
      records: 0,
      ingested_by: request.actor.userId,
    })
    .execute();
  return fileId;
}

export async function insertSamples(
  tx: Transaction<DB>,
  fileId: string,
  specimenId: string,
  roles: Record<string, SampleRole>,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [name, role] of Object.entries(roles)) {
    const id = randomUUID();
    const position = ids.size;
    ids.set(name, id);
    await tx
      .insertInto('sequenced_sample')
      .values({ id, file_id: fileId, specimen_id: specimenId, name_in_file: name, role, position })
      .execute();
  }
  return ids;
}

export async function finishResultFile(
  tx: Transaction<DB>,
  request: ResultFileRequest,
  file: { id: string; sha256: string; records: number; patientId: string },
) {
  await tx.updateTable('sequencing_file').set({ records: file.records }).where('id', '=', file.id).execute();
  await appendAudit(tx, {
    userId: request.actor.userId,
    username: request.actor.username,
    organisationId: request.actor.organisationId ?? null,
    role: request.actor.role ?? null,
    purpose: request.actor.purpose ?? 'care',
    action: 'ingest',
    resourceType: 'sequencing-file',
    resourceId: file.id,
    patientId: file.patientId,
    outcome: 'allow',
    reason: `${request.fileName ?? path.basename(request.file)} sha256 ${file.sha256}`,
    requestId: request.actor.requestId ?? null,
  });
}
