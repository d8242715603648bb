import { z } from 'zod';

export const nationalIdSchema = z.string().describe('fødselsnummer or D-number, 11 digits');

export const newPatientSchema = z.object({
  nationalId: nationalIdSchema,
  givenName: z.string().trim().min(1).max(200),
  familyName: z.string().trim().min(1).max(200),
  sex: z.enum(['female', 'male', 'other', 'unknown']),
});
export type NewPatient = z.infer<typeof newPatientSchema>;

export const patientSchema = z.object({
  id: z.uuid(),
  nationalId: z.string(),
  idKind: z.enum(['fodselsnummer', 'd-number']),
  synthetic: z.boolean(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.string(),
  sex: z.string(),
  careOrganisations: z.array(z.object({ id: z.uuid(), name: z.string(), since: z.string() })),
});
export type PatientView = z.infer<typeof patientSchema>;

export const accessLogEntrySchema = z.object({
  at: z.string(),
  who: z.string().nullable(),
  organisation: z.string().nullable(),
  role: z.string().nullable(),
  purpose: z.string().nullable(),
  action: z.string(),
  what: z.string(),
});
