import { z } from 'zod';
import type { Purpose, Role } from '../../platform/db/schema.ts';

export type { Purpose, Role };

export const ROLES = [
  'requester',
  'pathologist',
  'lab-scientist',
  'bioinformatician',
  'medical-geneticist',
  'board-coordinator',
  'curator',
  'privacy-officer',
  'researcher',
  'admin',
] as const satisfies readonly Role[];

export const PURPOSES = [
  'care',
  'quality-assurance',
  'research',
  'administration',
] as const satisfies readonly Purpose[];

export const roleSchema = z.enum(ROLES);
export const purposeSchema = z.enum(PURPOSES);

/** The person behind a request, in the organisation and role they act in now. */
export type Subject = {
  userId: string;
  username: string;
  displayName: string;
  hprNumber: string | null;
  organisationId: string | null;
  /** The health trust of organisationId; care relationships are held at trust level. */
  trustId: string | null;
  role: Role | null;
  /** Set for a citizen's own account. */
  patientId: string | null;
};

export const organisationKindSchema = z.enum(['health-trust', 'hospital', 'department', 'lab', 'other']);
