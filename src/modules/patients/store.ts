import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

type Db = Kysely<DB>;

export function findPatientById(db: Db, id: string) {
  return db.selectFrom('patient').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findPatientIdByNationalId(db: Db, nationalId: string) {
  return db.selectFrom('patient').select('id').where('national_id', '=', nationalId).executeTakeFirst();
}

/** The health trusts with a current care relationship to the patient. */
export async function careTrustIds(db: Db, patientId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('care_relationship')
    .select(sql<string>`organisation_trust(organisation_id)`.as('trust_id'))
    .where('patient_id', '=', patientId)
    .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>=', sql<string>`current_date`)]))
    .execute();
  return [...new Set(rows.map((r) => r.trust_id))];
}

export function careOrganisations(db: Db, patientId: string) {
  return db
    .selectFrom('care_relationship as c')
    .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
    .select(['o.id', 'o.name', 'c.since'])
    .where('c.patient_id', '=', patientId)
    .where((eb) => eb.or([eb('c.until', 'is', null), eb('c.until', '>=', sql<string>`current_date`)]))
    .orderBy('c.since')
    .execute();
}

export async function insertPatient(
  db: Db,
  values: {
    nationalId: string;
    idKind: 'fodselsnummer' | 'd-number';
    synthetic: boolean;
    givenName: string;
    familyName: string;
    birthDate: string;
    sex: 'female' | 'male' | 'other' | 'unknown';
  },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('patient')
    .values({
      id,
      national_id: values.nationalId,
      id_kind: values.idKind,
      synthetic: values.synthetic,
      given_name: values.givenName,
      family_name: values.familyName,
      birth_date: values.birthDate,
      sex: values.sex,
    })
    .execute();
  return id;
}

export function insertCareRelationship(
  db: Db,
  patientId: string,
  organisationId: string,
  createdBy: string | null,
  since = new Date().toISOString().slice(0, 10),
) {
  return db
    .insertInto('care_relationship')
    .values({
      id: randomUUID(),
      patient_id: patientId,
      organisation_id: organisationId,
      since,
      until: null,
      created_by: createdBy,
    })
    .execute();
}

/** Reads of the patient's data, newest first, with who read it: what the patient may see. */
export function readsOfPatient(db: Db, patientId: string, limit: number) {
  return db
    .selectFrom('audit_entry as a')
    .leftJoin('app_user as u', 'u.id', 'a.user_id')
    .leftJoin('organisation as o', 'o.id', 'a.organisation_id')
    .select([
      'a.at',
      'u.display_name',
      'o.name as organisation_name',
      'a.role',
      'a.purpose',
      'a.action',
      'a.resource_type',
    ])
    .where('a.patient_id', '=', patientId)
    .where('a.outcome', '=', 'allow')
    .orderBy('a.seq', 'desc')
    .limit(limit)
    .execute();
}
