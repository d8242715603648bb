import type { Kysely } from 'kysely';
import { createOrganisation, createUser } from '../modules/access/service.ts';
import { addCareRelationship, registerPatient } from '../modules/patients/service.ts';
import { recordAudit } from '../platform/audit/auditLog.ts';
import type { DB, OrganisationKind, Role } from '../platform/db/schema.ts';
import { withControlDigits } from '../platform/identifiers/fodselsnummer.ts';
import { withOrganisationControlDigit } from '../platform/identifiers/organisationNumber.ts';
import { seedCatalogue } from './catalogueSeed.ts';

/**
 * Demo data: three invented health trusts, a user of every role, and synthetic patients.
 * Every person number is synthetic (month + 80) and every name is made up.
 */
export const DEMO_PASSWORD = 'genvei-demo';

type OrgSpec = { key: string; name: string; kind: OrganisationKind; parent?: string };

const ORGANISATIONS: OrgSpec[] = [
  { key: 'fjordvik', name: 'Fjordvik HF', kind: 'health-trust' },
  {
    key: 'fjordvik-patologi',
    name: 'Avdeling for patologi, Fjordvik',
    kind: 'department',
    parent: 'fjordvik',
  },
  { key: 'fjordvik-kreft', name: 'Kreftavdelingen, Fjordvik', kind: 'department', parent: 'fjordvik' },
  {
    key: 'fjordvik-genetikk',
    name: 'Avdeling for medisinsk genetikk, Fjordvik',
    kind: 'department',
    parent: 'fjordvik',
  },
  {
    key: 'fjordvik-lab',
    name: 'Molekylærpatologisk laboratorium, Fjordvik',
    kind: 'lab',
    parent: 'fjordvik-patologi',
  },
  { key: 'nordlys', name: 'Nordlys HF', kind: 'health-trust' },
  { key: 'nordlys-patologi', name: 'Patologiavdelingen, Nordlys', kind: 'department', parent: 'nordlys' },
  { key: 'nordlys-onkologi', name: 'Onkologisk avdeling, Nordlys', kind: 'department', parent: 'nordlys' },
  {
    key: 'nordlys-lab',
    name: 'Laboratorium for molekylærpatologi, Nordlys',
    kind: 'lab',
    parent: 'nordlys-patologi',
  },
  { key: 'ostdal', name: 'Østdal HF', kind: 'health-trust' },
  { key: 'ostdal-patologi', name: 'Avdeling for patologi, Østdal', kind: 'department', parent: 'ostdal' },
  { key: 'ostdal-kreft', name: 'Kreftklinikken, Østdal', kind: 'department', parent: 'ostdal' },
  { key: 'ostdal-lab', name: 'Genomlaboratoriet, Østdal', kind: 'lab', parent: 'ostdal-patologi' },
];

export type DemoUser = {
  username: string;
  displayName: string;
  org: string;
  role: Role;
  hpr?: string;
  password?: boolean;
};

export const DEMO_USERS: DemoUser[] = [
  {
    username: 'rekvirent',
    displayName: 'Kari Onkolog',
    org: 'fjordvik-kreft',
    role: 'requester',
    hpr: '9100001',
  },
  {
    username: 'patolog',
    displayName: 'Per Patolog',
    org: 'fjordvik-patologi',
    role: 'pathologist',
    hpr: '9100002',
  },
  {
    username: 'bioingenior',
    displayName: 'Berit Bioingeniør',
    org: 'fjordvik-lab',
    role: 'lab-scientist',
    hpr: '9100003',
  },
  {
    username: 'bioinformatiker',
    displayName: 'Bjørn Bioinformatiker',
    org: 'fjordvik-lab',
    role: 'bioinformatician',
  },
  {
    username: 'genetiker',
    displayName: 'Gro Genetiker',
    org: 'fjordvik-genetikk',
    role: 'medical-geneticist',
    hpr: '9100005',
  },
  { username: 'mdt', displayName: 'Mona Koordinator', org: 'fjordvik-kreft', role: 'board-coordinator' },
  { username: 'kurator', displayName: 'Kjell Kurator', org: 'ostdal-lab', role: 'curator' },
  { username: 'personvern', displayName: 'Pia Personvernombud', org: 'fjordvik', role: 'privacy-officer' },
  { username: 'forsker', displayName: 'Frida Forsker', org: 'ostdal', role: 'researcher' },
  { username: 'admin', displayName: 'Ada Administrator', org: 'fjordvik', role: 'admin' },
  {
    username: 'rekvirent.nordlys',
    displayName: 'Nils Onkolog',
    org: 'nordlys-onkologi',
    role: 'requester',
    hpr: '9100011',
  },
  {
    username: 'patolog.ostdal',
    displayName: 'Øyvind Patolog',
    org: 'ostdal-patologi',
    role: 'pathologist',
    hpr: '9100012',
  },
  {
    username: 'bioingenior.nordlys',
    displayName: 'Nora Bioingeniør',
    org: 'nordlys-lab',
    role: 'lab-scientist',
    hpr: '9100013',
  },
  {
    username: 'bioinformatiker.nordlys',
    displayName: 'Nils Bioinformatiker',
    org: 'nordlys-lab',
    role: 'bioinformatician',
  },
  // Signs in through the identity provider only; linked by HPR number on first sign-in.
  {
    username: 'lege.helseid',
    displayName: 'Helene HelseID',
    org: 'nordlys-onkologi',
    role: 'requester',
    hpr: '9144900',
    password: false,
  },
];

type PatientSpec = { birth: string; given: string; family: string; sex: 'female' | 'male'; careAt: string[] };

const PATIENTS: PatientSpec[] = [
  { birth: '1958-03-11', given: 'Astrid', family: 'Fjellheim', sex: 'female', careAt: ['fjordvik-kreft'] },
  {
    birth: '1962-11-02',
    given: 'Olav',
    family: 'Brekke',
    sex: 'male',
    careAt: ['fjordvik-kreft', 'nordlys-onkologi'],
  },
  { birth: '1971-06-24', given: 'Sigrid', family: 'Haugland', sex: 'female', careAt: ['nordlys-onkologi'] },
  { birth: '1949-09-30', given: 'Einar', family: 'Lunde', sex: 'male', careAt: ['ostdal-kreft'] },
  { birth: '1983-01-17', given: 'Marit', family: 'Solberg', sex: 'female', careAt: ['fjordvik-genetikk'] },
  {
    birth: '2001-12-05',
    given: 'Jonas',
    family: 'Vik',
    sex: 'male',
    careAt: ['nordlys-onkologi', 'ostdal-kreft'],
  },
];

/** A synthetic fødselsnummer for a birth date: month + 80, then the first individual number with valid control digits. */
export function syntheticNationalId(birth: string): string {
  const [year, month, day] = birth.split('-');
  const yy = (year as string).slice(2);
  const mm = String(Number(month) + 80);
  const start = Number(year) >= 2000 ? 500 : 100;
  for (let individual = start; individual < start + 400; individual++) {
    const number = withControlDigits(`${day}${mm}${yy}${individual}`);
    if (number) return number;
  }
  throw new Error(`no synthetic number for ${birth}`);
}

function organisationNumber(index: number): string {
  for (let n = 0; ; n++) {
    const number = withOrganisationControlDigit(String(99_100_000 + index * 100 + n));
    if (number) return number;
  }
}

export const demoNationalIds = () => PATIENTS.map((p) => syntheticNationalId(p.birth));

/** Seeds an empty database; returns false (and does nothing) if organisations already exist. */
export async function seedDemo(db: Kysely<DB>): Promise<boolean> {
  const existing = await db.selectFrom('organisation').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  await db.transaction().execute(async (tx) => {
    const ids = new Map<string, string>();
    for (const [index, org] of ORGANISATIONS.entries()) {
      const parentId = org.parent ? (ids.get(org.parent) ?? null) : null;
      const created = await createOrganisation(tx, {
        orgNumber: organisationNumber(index),
        name: org.name,
        kind: org.kind,
        parentId,
      });
      ids.set(org.key, created.id);
    }
    const orgId = (key: string) => ids.get(key) as string;

    const patientIds: string[] = [];
    for (const p of PATIENTS) {
      const id = await registerPatient(
        tx,
        { nationalId: syntheticNationalId(p.birth), givenName: p.given, familyName: p.family, sex: p.sex },
        { userId: '', organisationId: null },
        true,
      );
      for (const key of p.careAt) await addCareRelationship(tx, id, orgId(key), null, '2026-01-05');
      patientIds.push(id);
    }

    for (const u of DEMO_USERS) {
      await createUser(tx, {
        username: u.username,
        displayName: u.displayName,
        password: u.password === false ? undefined : DEMO_PASSWORD,
        hprNumber: u.hpr ?? null,
        memberships: [{ organisationId: orgId(u.org), role: u.role }],
      });
    }
    const curator = await tx
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'kurator')
      .executeTakeFirstOrThrow();
    await seedCatalogue(tx, orgId, curator.id);
    // A citizen's own account, to show the patient-facing access log.
    await createUser(tx, {
      username: 'pasient',
      displayName: 'Astrid Fjellheim',
      password: DEMO_PASSWORD,
      patientId: patientIds[0],
      memberships: [],
    });
  });
  await recordAudit(db, {
    userId: null,
    username: 'system',
    organisationId: null,
    role: null,
    purpose: 'administration',
    action: 'seed',
    resourceType: 'demo-data',
    resourceId: null,
    patientId: null,
    outcome: 'allow',
    reason: 'demo data seeded on first start',
    requestId: null,
  });
  return true;
}
