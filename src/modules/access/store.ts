import { type Kysely, sql } from 'kysely';
import type { DB, Purpose, Role } from '../../platform/db/schema.ts';
import type { Subject } from './model.ts';

type Db = Kysely<DB>;

export type SessionRecord = {
  tokenHash: string;
  csrfToken: string;
  authMethod: 'password' | 'oidc';
  purpose: Purpose | null;
  expiresAt: Date;
  subject: Subject;
};

/** The live session for a token hash, with the subject it acts as; expired sessions are not found. */
export async function findSession(db: Db, tokenHash: string): Promise<SessionRecord | undefined> {
  const row = await db
    .selectFrom('session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select([
      's.token_hash',
      's.csrf_token',
      's.auth_method',
      's.purpose',
      's.expires_at',
      's.organisation_id',
      's.role',
      'u.id as user_id',
      'u.username',
      'u.display_name',
      'u.hpr_number',
      'u.patient_id',
      sql<string | null>`organisation_trust(s.organisation_id)`.as('trust_id'),
    ])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', new Date())
    .where('u.active', '=', true)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    tokenHash: row.token_hash,
    csrfToken: row.csrf_token,
    authMethod: row.auth_method,
    purpose: row.purpose,
    expiresAt: row.expires_at,
    subject: {
      userId: row.user_id,
      username: row.username,
      displayName: row.display_name,
      hprNumber: row.hpr_number,
      organisationId: row.organisation_id,
      trustId: row.trust_id,
      role: row.role,
      patientId: row.patient_id,
    },
  };
}

export function insertSession(
  db: Db,
  values: {
    tokenHash: string;
    userId: string;
    csrfToken: string;
    authMethod: 'password' | 'oidc';
    organisationId: string | null;
    role: Role | null;
    purpose: Purpose | null;
    expiresAt: Date;
  },
) {
  return db
    .insertInto('session')
    .values({
      token_hash: values.tokenHash,
      user_id: values.userId,
      csrf_token: values.csrfToken,
      auth_method: values.authMethod,
      organisation_id: values.organisationId,
      role: values.role,
      purpose: values.purpose,
      expires_at: values.expiresAt,
    })
    .execute();
}

export function updateSessionContext(
  db: Db,
  tokenHash: string,
  context: { organisationId: string | null; role: Role | null; purpose: Purpose | null },
) {
  return db
    .updateTable('session')
    .set({ organisation_id: context.organisationId, role: context.role, purpose: context.purpose })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export function deleteSession(db: Db, tokenHash: string) {
  return db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
}

export function deleteExpiredSessions(db: Db, userId: string) {
  return db
    .deleteFrom('session')
    .where('user_id', '=', userId)
    .where('expires_at', '<=', new Date())
    .execute();
}

export function findUserByUsername(db: Db, username: string) {
  return db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findUserByOidcSubject(db: Db, issuer: string, subject: string) {
  return db
    .selectFrom('app_user')
    .selectAll()
    .where('oidc_issuer', '=', issuer)
    .where('oidc_subject', '=', subject)
    .executeTakeFirst();
}

export function findUserByHpr(db: Db, hprNumber: string) {
  return db.selectFrom('app_user').selectAll().where('hpr_number', '=', hprNumber).executeTakeFirst();
}

export function linkOidcSubject(db: Db, userId: string, issuer: string, subject: string) {
  return db
    .updateTable('app_user')
    .set({ oidc_issuer: issuer, oidc_subject: subject })
    .where('id', '=', userId)
    .execute();
}

export function setHprNumber(db: Db, userId: string, hprNumber: string) {
  return db.updateTable('app_user').set({ hpr_number: hprNumber }).where('id', '=', userId).execute();
}

export function recordFailedLogin(db: Db, userId: string, lockAfter: number, lockUntil: Date) {
  return db
    .updateTable('app_user')
    .set((eb) => ({
      failed_logins: eb('failed_logins', '+', 1),
      locked_until: sql<Date | null>`case when failed_logins + 1 >= ${lockAfter} then ${lockUntil}::timestamptz else locked_until end`,
    }))
    .where('id', '=', userId)
    .returning(['failed_logins', 'locked_until'])
    .executeTakeFirstOrThrow();
}

export function clearFailedLogins(db: Db, userId: string) {
  return db
    .updateTable('app_user')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', userId)
    .execute();
}

export type MembershipView = {
  organisationId: string;
  organisationName: string;
  organisationKind: string;
  role: Role;
};

export function memberships(db: Db, userId: string): Promise<MembershipView[]> {
  return db
    .selectFrom('membership as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select([
      'm.organisation_id as organisationId',
      'o.name as organisationName',
      'o.kind as organisationKind',
      'm.role',
    ])
    .where('m.user_id', '=', userId)
    .orderBy('o.name')
    .orderBy('m.role')
    .execute();
}

export function listOrganisations(db: Db) {
  return db
    .selectFrom('organisation')
    .select(['id', 'org_number', 'name', 'kind', 'parent_id'])
    .orderBy('name')
    .execute();
}

export function findOrganisationByNumber(db: Db, orgNumber: string) {
  return db.selectFrom('organisation').selectAll().where('org_number', '=', orgNumber).executeTakeFirst();
}

export function listUsers(db: Db) {
  return db
    .selectFrom('app_user')
    .select(['id', 'username', 'display_name', 'hpr_number', 'active'])
    .orderBy('username')
    .execute();
}
