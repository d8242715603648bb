import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/auditLog.ts';
import type { Config } from '../../platform/config.ts';
import type { DB, Organisation, OrganisationKind, Purpose, Role } from '../../platform/db/schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { badRequest, conflict, Problem } from '../../platform/http/problems.ts';
import { checkOrganisationNumber } from '../../platform/identifiers/organisationNumber.ts';
import { decoyHash, hashPassword, verifyPassword } from './passwords.ts';
import * as store from './store.ts';

type Db = Kysely<DB>;

export type NewSession = { token: string; csrfToken: string; expiresAt: Date };

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The purpose a role most often works under; the user can change it for the session. */
export function defaultPurpose(role: Role | null): Purpose {
  switch (role) {
    case 'privacy-officer':
    case 'admin':
    case 'curator':
      return 'administration';
    case 'researcher':
      return 'research';
    default:
      return 'care';
  }
}

/** Starts a session in the user's first membership; the token only ever lives in the cookie. */
export async function startSession(
  db: Db,
  config: Pick<Config, 'sessionTtlMinutes'>,
  userId: string,
  authMethod: 'password' | 'oidc',
): Promise<NewSession> {
  await store.deleteExpiredSessions(db, userId);
  const [first] = await store.memberships(db, userId);
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + config.sessionTtlMinutes * 60_000);
  await store.insertSession(db, {
    tokenHash: hashToken(token),
    userId,
    csrfToken,
    authMethod,
    organisationId: first?.organisationId ?? null,
    role: first?.role ?? null,
    purpose: defaultPurpose(first?.role ?? null),
    expiresAt,
  });
  return { token, csrfToken, expiresAt };
}

/** Every sign-in attempt, by password or OIDC, lands in the audit log with its outcome. */
export function recordLogin(
  db: Db,
  attempt: {
    userId: string | null;
    username: string | null;
    outcome: 'allow' | 'deny';
    reason: string;
    requestId: string;
  },
) {
  return recordAudit(db, {
    userId: attempt.userId,
    username: attempt.username,
    organisationId: null,
    role: null,
    purpose: null,
    action: 'login',
    resourceType: 'session',
    resourceId: null,
    patientId: null,
    outcome: attempt.outcome,
    reason: attempt.reason,
    requestId: attempt.requestId,
  });
}

const WRONG_CREDENTIALS = new Problem(401, 'login-failed', 'Sign-in failed', 'wrong username or password');

/**
 * Password sign-in. Every attempt lands in the audit log; repeated failures lock the account
 * for a while, and a locked account says so (the lock is no secret to the account's owner).
 */
export async function loginWithPassword(
  db: Db,
  config: Pick<Config, 'lockoutAttempts' | 'lockoutMinutes' | 'sessionTtlMinutes'>,
  credentials: { username: string; password: string },
  requestId: string,
): Promise<NewSession> {
  const user = await store.findUserByUsername(db, credentials.username);
  const audit = (outcome: 'allow' | 'deny', reason: string) =>
    recordLogin(db, { userId: user?.id ?? null, username: credentials.username, outcome, reason, requestId });

  if (!user?.active || !user.password_hash) {
    await verifyPassword(await decoyHash(), credentials.password);
    await audit('deny', user ? 'account inactive or without a password' : 'unknown username');
    throw WRONG_CREDENTIALS;
  }
  if (user.locked_until && user.locked_until > new Date()) {
    await audit('deny', 'account locked');
    throw new Problem(
      423,
      'account-locked',
      'Account locked',
      `too many failed sign-ins; try again after ${user.locked_until.toISOString()}`,
    );
  }
  if (!(await verifyPassword(user.password_hash, credentials.password))) {
    const lockUntil = new Date(Date.now() + config.lockoutMinutes * 60_000);
    const after = await store.recordFailedLogin(db, user.id, config.lockoutAttempts, lockUntil);
    await audit('deny', `wrong password (${after.failed_logins} in a row)`);
    throw WRONG_CREDENTIALS;
  }
  await store.clearFailedLogins(db, user.id);
  await audit('allow', 'password');
  return startSession(db, config, user.id, 'password');
}

export async function createOrganisation(
  db: Db,
  input: { orgNumber: string; name: string; kind: OrganisationKind; parentId: string | null },
): Promise<Organisation> {
  const problem = checkOrganisationNumber(input.orgNumber);
  if (problem) throw badRequest([{ path: '/body/orgNumber', rule: problem.rule, message: problem.message }]);
  if (await store.findOrganisationByNumber(db, input.orgNumber)) {
    throw conflict(`organisation number ${input.orgNumber} is already registered`);
  }
  return db
    .insertInto('organisation')
    .values({
      id: randomUUID(),
      org_number: input.orgNumber,
      name: input.name,
      kind: input.kind,
      parent_id: input.parentId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type NewUser = {
  username: string;
  displayName: string;
  password?: string;
  hprNumber?: string | null;
  email?: string | null;
  patientId?: string | null;
  memberships: { organisationId: string; role: Role }[];
};

export async function createUser(db: Db, input: NewUser): Promise<{ id: string }> {
  if (!/^[a-z0-9][a-z0-9._-]{1,62}$/.test(input.username)) {
    throw badRequest([
      {
        path: '/body/username',
        rule: 'pattern',
        message: 'use 2–63 lower-case letters, digits, dot, dash or underscore',
      },
    ]);
  }
  if (input.hprNumber && !/^\d{1,9}$/.test(input.hprNumber)) {
    throw badRequest([{ path: '/body/hprNumber', rule: 'format', message: 'an HPR number has 1–9 digits' }]);
  }
  if (input.password !== undefined && input.password.length < 10) {
    throw badRequest([
      { path: '/body/password', rule: 'min-length', message: 'a password has at least 10 characters' },
    ]);
  }
  if (await store.findUserByUsername(db, input.username))
    throw conflict(`username ${input.username} is taken`);
  const id = randomUUID();
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  await inTransaction(db, async (tx) => {
    await tx
      .insertInto('app_user')
      .values({
        id,
        username: input.username,
        display_name: input.displayName,
        email: input.email ?? null,
        hpr_number: input.hprNumber ?? null,
        password_hash: passwordHash,
        oidc_issuer: null,
        oidc_subject: null,
        patient_id: input.patientId ?? null,
        locked_until: null,
      })
      .execute();
    if (input.memberships.length > 0) {
      await tx
        .insertInto('membership')
        .values(
          input.memberships.map((m) => ({ user_id: id, organisation_id: m.organisationId, role: m.role })),
        )
        .execute();
    }
  });
  return { id };
}

/**
 * Finds the genvei account for an OIDC identity: by the provider's subject once linked, or on
 * first sign-in by the HPR number an administrator registered. No account is created here —
 * organisations and roles are given by an administrator, never by the identity provider.
 */
export async function resolveOidcUser(
  db: Db,
  identity: { issuer: string; subject: string; hprNumber: string | null },
): Promise<{ id: string; username: string } | undefined> {
  const linked = await store.findUserByOidcSubject(db, identity.issuer, identity.subject);
  if (linked) {
    if (!linked.active) return undefined;
    // The HPR number is kept when the provider sends one the account does not have yet.
    if (identity.hprNumber && !linked.hpr_number) await store.setHprNumber(db, linked.id, identity.hprNumber);
    return linked;
  }
  if (!identity.hprNumber) return undefined;
  const byHpr = await store.findUserByHpr(db, identity.hprNumber);
  if (!byHpr?.active || byHpr.oidc_subject) return undefined;
  await store.linkOidcSubject(db, byHpr.id, identity.issuer, identity.subject);
  return byHpr;
}
