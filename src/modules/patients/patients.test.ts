import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoNationalIds, syntheticNationalId } from '../../demo/seed.ts';
import { lastAuditEntry, type TestApp, testApp } from '../../platform/testing/testApp.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const [astrid, olav, sigrid] = demoNationalIds() as [string, string, string];

async function patientId(nationalId: string) {
  const row = await t.database.db
    .selectFrom('patient')
    .select('id')
    .where('national_id', '=', nationalId)
    .executeTakeFirstOrThrow();
  return row.id;
}
const lastAudit = () => lastAuditEntry(t.database);
const count = async (table: 'patient' | 'audit_entry') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('reading a patient record', () => {
  it('is allowed for a clinician whose trust cares for the patient, and audited', async () => {
    const client = await t.login('rekvirent');
    const id = await patientId(astrid);
    const response = await client.request('GET', `/api/patients/${id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ nationalId: astrid, givenName: 'Astrid', synthetic: true });
    expect(await lastAudit()).toMatchObject({
      action: 'read',
      resource_type: 'patient',
      patient_id: id,
      outcome: 'allow',
      username: 'rekvirent',
      purpose: 'care',
    });
  });

  it('is refused to a user of another trust, and the refusal is audited with its reason', async () => {
    const client = await t.login('rekvirent.nordlys');
    const id = await patientId(astrid); // cared for by Fjordvik only
    const response = await client.request('GET', `/api/patients/${id}`);
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.json().detail).toMatch(/no care relationship/);
    expect(response.body).not.toContain(astrid);
    expect(await lastAudit()).toMatchObject({
      outcome: 'deny',
      patient_id: id,
      username: 'rekvirent.nordlys',
      reason: expect.stringMatching(/no care relationship/),
    });
  });

  it('is allowed to both trusts of a patient cared for by both', async () => {
    const id = await patientId(olav);
    for (const user of ['rekvirent', 'rekvirent.nordlys']) {
      const response = await (await t.login(user)).request('GET', `/api/patients/${id}`);
      expect(response.statusCode).toBe(200);
    }
  });

  it('is refused for research purposes even within the caring trust', async () => {
    const client = await t.login('patolog');
    const response = await client.request('GET', `/api/patients/${await patientId(astrid)}`, undefined, {
      'x-purpose-of-use': 'research',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().detail).toMatch(/purpose research/);
  });

  it('rejects an unknown purpose of use', async () => {
    const client = await t.login('patolog');
    const response = await client.request('GET', `/api/patients/${await patientId(astrid)}`, undefined, {
      'x-purpose-of-use': 'curiosity',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ path: '/headers/x-purpose-of-use', rule: 'enum' });
  });

  it('is refused without a session, and that refusal is audited too', async () => {
    const before = await count('audit_entry');
    const response = await t.app.inject({ method: 'GET', url: `/api/patients/${await patientId(sigrid)}` });
    expect(response.statusCode).toBe(401);
    expect(await count('audit_entry')).toBe(before + 1);
  });

  it('finds a patient by national id in the body, never in the URL', async () => {
    const client = await t.login('rekvirent.nordlys');
    const found = await client.request('POST', '/api/patients/lookup', { nationalId: sigrid });
    expect(found.statusCode).toBe(200);
    expect(found.json().familyName).toBe('Haugland');
    const refused = await client.request('POST', '/api/patients/lookup', { nationalId: astrid });
    expect(refused.statusCode).toBe(403);
  });
});

describe('registering a patient', () => {
  it('stores the patient with a care relationship for the registering trust', async () => {
    const client = await t.login('patolog.ostdal');
    const nationalId = syntheticNationalId('1990-04-12');
    const response = await client.request('POST', '/api/patients', {
      nationalId,
      givenName: 'Test',
      familyName: 'Testesen',
      sex: 'female',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      birthDate: '1990-04-12',
      careOrganisations: [{ name: 'Avdeling for patologi, Østdal' }],
    });
    expect(await lastAudit()).toMatchObject({
      action: 'create',
      patient_id: response.json().id,
      outcome: 'allow',
    });
    const other = await (await t.login('rekvirent')).request('GET', `/api/patients/${response.json().id}`);
    expect(other.statusCode).toBe(403);
  });

  it.each([
    ['1507650057', 'format'],
    ['32888512389', 'date'],
    ['15888512399', 'control-digit-1'],
    ['15888512380', 'control-digit-2'],
  ])('refuses national id %s with a 400 naming rule %s, storing nothing', async (nationalId, rule) => {
    const client = await t.login('rekvirent');
    const before = await count('patient');
    const response = await client.request('POST', '/api/patients', {
      nationalId,
      givenName: 'A',
      familyName: 'B',
      sex: 'male',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.json().errors).toEqual([expect.objectContaining({ path: '/body/nationalId', rule })]);
    expect(await count('patient')).toBe(before);
  });

  it('names every missing field', async () => {
    const client = await t.login('rekvirent');
    const response = await client.request('POST', '/api/patients', {
      nationalId: syntheticNationalId('1991-01-01'),
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/body/givenName', '/body/familyName', '/body/sex']));
  });

  it('refuses a role that may not register patients', async () => {
    const client = await t.login('kurator');
    const response = await client.request('POST', '/api/patients', {
      nationalId: syntheticNationalId('1992-02-02'),
      givenName: 'A',
      familyName: 'B',
      sex: 'male',
    });
    expect(response.statusCode).toBe(403);
  });

  it('leaves nothing behind when its audit entry cannot be written', async () => {
    const { db } = t.database;
    const { sql } = await import('kysely');
    await sql`create function audit_refuses() returns trigger language plpgsql as $$ begin raise exception 'audit store unavailable'; end $$`.execute(
      db,
    );
    await sql`create trigger audit_refuses before insert on audit_entry for each row execute function audit_refuses()`.execute(
      db,
    );
    try {
      const client = await t.login('rekvirent').catch(() => null);
      // Login itself is audited, so it fails too: sign in before breaking the audit store.
      expect(client).toBeNull();
    } finally {
      await sql`drop trigger audit_refuses on audit_entry`.execute(db);
    }
    const client = await t.login('rekvirent');
    await sql`create trigger audit_refuses before insert on audit_entry for each row execute function audit_refuses()`.execute(
      db,
    );
    const before = await count('patient');
    const careBefore = Number(
      (
        await db
          .selectFrom('care_relationship')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    try {
      const response = await client.request('POST', '/api/patients', {
        nationalId: syntheticNationalId('1993-03-03'),
        givenName: 'Ingen',
        familyName: 'Spor',
        sex: 'female',
      });
      expect(response.statusCode).toBe(500);
      expect(response.json()).toMatchObject({ type: 'urn:genvei:problem:internal' });
    } finally {
      await sql`drop trigger audit_refuses on audit_entry`.execute(db);
      await sql`drop function audit_refuses()`.execute(db);
    }
    expect(await count('patient')).toBe(before);
    const careAfter = Number(
      (
        await db
          .selectFrom('care_relationship')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(careAfter).toBe(careBefore);
  });
});

describe('synthetic identities', () => {
  it('are refused in production mode, naming the rule', async () => {
    const production = await testApp({ env: { GENVEI_MODE: 'production' } });
    try {
      const client = await production.login('rekvirent');
      const response = await client.request('POST', '/api/patients', {
        nationalId: syntheticNationalId('1994-04-04'),
        givenName: 'A',
        familyName: 'B',
        sex: 'male',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0]).toMatchObject({
        path: '/body/nationalId',
        rule: 'synthetic-not-allowed',
      });
    } finally {
      await production.close();
    }
  });
});

describe("the patient's access log", () => {
  it('shows the patient who read their data, and no one else’s', async () => {
    const id = await patientId(astrid);
    await (await t.login('patolog')).request('GET', `/api/patients/${id}`);
    const citizen = await t.login('pasient');
    const response = await citizen.request('GET', `/api/patients/${id}/access-log`);
    expect(response.statusCode).toBe(200);
    expect(response.json().entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          who: 'Per Patolog',
          organisation: 'Avdeling for patologi, Fjordvik',
          action: 'read',
        }),
      ]),
    );
    const other = await citizen.request('GET', `/api/patients/${await patientId(olav)}/access-log`);
    expect(other.statusCode).toBe(403);
  });

  it('is open to a privacy officer but not to a clinician', async () => {
    const id = await patientId(astrid);
    expect(
      (await (await t.login('personvern')).request('GET', `/api/patients/${id}/access-log`)).statusCode,
    ).toBe(200);
    expect(
      (await (await t.login('rekvirent')).request('GET', `/api/patients/${id}/access-log`)).statusCode,
    ).toBe(403);
  });
});

describe('logs', () => {
  it('never print a fødselsnummer', async () => {
    const client = await t.login('rekvirent');
    await client.request('POST', '/api/patients/lookup', { nationalId: astrid });
    await client.request('POST', '/api/patients', {
      nationalId: '15888512399',
      givenName: 'A',
      familyName: 'B',
      sex: 'male',
    });
    await client.request('GET', `/api/patients/${astrid}`);
    await client.request('GET', `/api/nothing-here?fnr=${olav}`);
    const all = t.logs.join('');
    expect(all.length).toBeGreaterThan(0);
    for (const number of [astrid, olav, '15888512399']) expect(all).not.toContain(number);
  });
});
