import type { Kysely } from 'kysely';
import type { DB, Patient } from '../../platform/db/schema.ts';
import { badRequest, conflict, notFound } from '../../platform/http/problems.ts';
import { checkPersonId } from '../../platform/identifiers/fodselsnummer.ts';
import type { PatientContext } from '../access/policy.ts';
import type { NewPatient, PatientView } from './model.ts';
import * as store from './store.ts';

type Db = Kysely<DB>;

/** Validates a person number, naming the rule it breaks; synthetic numbers only where allowed. */
export function parseNationalId(nationalId: string, allowSynthetic: boolean, path = '/body/nationalId') {
  const result = checkPersonId(nationalId, { allowSynthetic });
  if (!result.ok) throw badRequest([{ path, rule: result.problem.rule, message: result.problem.message }]);
  return result.id;
}

/**
 * Registers a patient and the care relationship of the registering organisation, which is what
 * lets the registering clinician's trust see the patient afterwards.
 */
export async function registerPatient(
  db: Db,
  input: NewPatient,
  registeredBy: { userId: string; organisationId: string | null },
  allowSynthetic: boolean,
): Promise<string> {
  const id = parseNationalId(input.nationalId, allowSynthetic);
  if (await store.findPatientIdByNationalId(db, input.nationalId)) {
    throw conflict('a patient with this national id is already registered');
  }
  const patientId = await store.insertPatient(db, {
    nationalId: input.nationalId,
    idKind: id.kind,
    synthetic: id.synthetic,
    givenName: input.givenName,
    familyName: input.familyName,
    birthDate: id.birthDate,
    sex: input.sex,
  });
  if (registeredBy.organisationId) {
    await store.insertCareRelationship(db, patientId, registeredBy.organisationId, registeredBy.userId);
  }
  return patientId;
}

export async function patientIdByNationalId(db: Db, nationalId: string): Promise<string | undefined> {
  return (await store.findPatientIdByNationalId(db, nationalId))?.id;
}

/** A care relationship from `since` (default today) for the organisation's health trust. */
export function addCareRelationship(
  db: Db,
  patientId: string,
  organisationId: string,
  createdBy: string | null,
  since?: string,
) {
  return store.insertCareRelationship(db, patientId, organisationId, createdBy, since);
}

export async function patientContext(
  db: Db,
  patientId: string | undefined,
): Promise<PatientContext | undefined> {
  if (!patientId) return undefined;
  const patient = await store.findPatientById(db, patientId);
  if (!patient) return undefined;
  return { patientId, careTrustIds: await store.careTrustIds(db, patientId) };
}

export async function patientContextByNationalId(
  db: Db,
  nationalId: string,
): Promise<PatientContext | undefined> {
  const row = await store.findPatientIdByNationalId(db, nationalId);
  return row ? patientContext(db, row.id) : undefined;
}

export const patientNotFound = () => notFound('the patient');

export async function viewPatient(db: Db, patientId: string): Promise<PatientView> {
  const patient = await store.findPatientById(db, patientId);
  if (!patient) throw patientNotFound();
  return toView(patient, await store.careOrganisations(db, patientId));
}

function toView(patient: Patient, care: { id: string; name: string; since: string }[]): PatientView {
  return {
    id: patient.id,
    nationalId: patient.national_id,
    idKind: patient.id_kind,
    synthetic: patient.synthetic,
    givenName: patient.given_name,
    familyName: patient.family_name,
    birthDate: patient.birth_date,
    sex: patient.sex,
    careOrganisations: care,
  };
}

export async function accessLog(db: Db, patientId: string, limit = 500) {
  const rows = await store.readsOfPatient(db, patientId, limit);
  return rows.map((r) => ({
    at: r.at.toISOString(),
    who: r.display_name,
    organisation: r.organisation_name,
    role: r.role,
    purpose: r.purpose,
    action: r.action,
    what: r.resource_type,
  }));
}
