import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoNationalIds, syntheticNationalId } from '../../demo/seed.ts';
import { type Client, lastAuditEntry, type TestApp, testApp } from '../../platform/testing/testApp.ts';

let t: TestApp;
let requester: Client;
const [astrid] = demoNationalIds() as [string];

beforeAll(async () => {
  t = await testApp();
  requester = await t.login('rekvirent'); // Kreftavdelingen, Fjordvik
});
afterAll(() => t.close());

const requisition = (nationalId: string, overrides: Record<string, unknown> = {}) => ({
  patient: { nationalId },
  analysis: 'fjordvik-lunge-ngs',
  clinical: {
    diagnosis: { oncotree: 'LUAD', icd10: 'C34.1', text: 'Adenokarsinom i høyre overlapp' },
    question: 'Behandlingsrettede varianter før førstelinjebehandling?',
    treatmentLines: [
      { line: 1, regimen: 'karboplatin/pemetreksed', start: '2026-01-10', end: null, response: 'partial' },
    ],
    metastaticSites: ['lever'],
  },
  specimens: [
    {
      kind: 'ffpe-block',
      blockId: 'H26-1234 A2',
      collectionDate: '2026-10-01',
      site: 'lunge, høyre overlapp',
      tumourCellPercent: 15,
    },
  ],
  researchConsent: false,
  ...overrides,
});
const count = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('clinical_order')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const labId = async (name: string) =>
  (
    await t.database.db
      .selectFrom('organisation')
      .select('id')
      .where('name', '=', name)
      .executeTakeFirstOrThrow()
  ).id;

describe('ordering', () => {
  let orderId: string;

  it('places an order, warns on low tumour cell content, and lands on the lab’s work-list', async () => {
    const response = await requester.request('POST', '/api/orders', requisition(astrid));
    expect(response.statusCode).toBe(201);
    const placed = response.json();
    expect(placed.orderNumber).toMatch(/^GV-\d{4}-\d{6}$/);
    expect(placed.warnings).toEqual([expect.stringMatching(/15% is below the analysis' minimum of 20%/)]);
    orderId = placed.id;
    const lab = await t.login('bioingenior');
    const list = (
      await lab.request(
        'GET',
        `/api/labs/${await labId('Molekylærpatologisk laboratorium, Fjordvik')}/worklist`,
      )
    ).json();
    expect(list.counts).toMatchObject({ ordered: 1 });
    expect(list.orders[0]).toMatchObject({
      orderNumber: placed.orderNumber,
      patientName: 'Astrid Fjellheim',
      status: 'ordered',
    });
  });

  it('is refused to a user of an unrelated trust, audited; a pathologist of the performing lab may read it', async () => {
    const stranger = await t.login('rekvirent.nordlys');
    const refused = await stranger.request('GET', `/api/orders/${orderId}`);
    expect(refused.statusCode).toBe(403);
    expect(await lastAuditEntry(t.database)).toMatchObject({
      outcome: 'deny',
      resource_type: 'order',
      username: 'rekvirent.nordlys',
      reason: expect.stringMatching(/neither cares for the patient nor performs the order/),
    });
    const pathologist = await t.login('patolog');
    const read = await pathologist.request('GET', `/api/orders/${orderId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      status: 'ordered',
      analysis: { slug: 'fjordvik-lunge-ngs' },
      clinical: { question: expect.any(String) },
    });
  });

  it('is received by the lab, which registers the specimen and a DNA extract; the requester sees the status', async () => {
    const lab = await t.login('bioingenior');
    const order = (await lab.request('GET', `/api/orders/${orderId}`)).json();
    const specimenId = order.specimens[0].id;
    expect(
      (
        await lab.request('POST', `/api/orders/${orderId}/specimens/${specimenId}/receive`, {
          accessionId: 'FJ-26-0001',
          storageLocation: 'Blokkarkiv 3, skuff 12',
        })
      ).statusCode,
    ).toBe(200);
    const dna = await lab.request('POST', `/api/orders/${orderId}/specimens/${specimenId}/derive`, {
      kind: 'dna',
      accessionId: 'FJ-26-0001-D1',
      quantityNg: 85,
      storageLocation: 'Fryser 2, hylle A',
    });
    expect(dna.statusCode).toBe(201);
    const seen = (await requester.request('GET', `/api/orders/${orderId}`)).json();
    expect(seen.status).toBe('received');
    expect(
      seen.specimens.map((s: { kind: string; accessionId: string }) => `${s.kind}:${s.accessionId}`),
    ).toEqual(['ffpe-block:FJ-26-0001', 'dna:FJ-26-0001-D1']);
    expect(seen.specimens[0].custody.map((c: { action: string }) => c.action)).toEqual([
      'collected',
      'received',
      'extracted',
    ]);
    expect(seen.timeline.map((e: { kind: string; to_status: string }) => `${e.kind}:${e.to_status}`)).toEqual(
      ['created:ordered', 'status:received'],
    );
  });

  it('warns of a duplicate when the same genes were tested recently, and keeps the reason given to order anyway', async () => {
    const check = (
      await requester.request('POST', '/api/orders/check', {
        nationalId: astrid,
        analysis: 'fjordvik-lunge-ngs',
      })
    ).json();
    expect(check.duplicates).toHaveLength(1);
    expect(check.history[0]).toMatchObject({ analysis: 'NGS lungepanel (DNA)', status: 'received' });
    const again = await requester.request('POST', '/api/orders', requisition(astrid));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      type: 'urn:genvei:problem:duplicate-order',
      errors: [{ path: '/body/duplicateOverrideReason' }],
    });
    const anyway = await requester.request(
      'POST',
      '/api/orders',
      requisition(astrid, { duplicateOverrideReason: 'progresjon etter første linje; ny biopsi' }),
    );
    expect(anyway.statusCode).toBe(201);
    const order = (await requester.request('GET', `/api/orders/${anyway.json().id}`)).json();
    expect(order.duplicateOverrideReason).toBe('progresjon etter første linje; ny biopsi');
  });

  it('moves through the lab statuses to reported, and reports turnaround', async () => {
    const lab = await t.login('bioingenior');
    for (const status of ['in-analysis', 'in-interpretation', 'reported']) {
      expect((await lab.request('POST', `/api/orders/${orderId}/status`, { status })).statusCode).toBe(200);
    }
    expect(
      (await lab.request('POST', `/api/orders/${orderId}/status`, { status: 'received' })).statusCode,
    ).toBe(409);
    const figures = (
      await t.app.inject({
        method: 'GET',
        url: `/api/labs/${await labId('Molekylærpatologisk laboratorium, Fjordvik')}/turnaround`,
      })
    ).json();
    expect(figures).toMatchObject({
      reported: 1,
      medianDays: expect.any(Number),
      p90Days: expect.any(Number),
    });
  });
});

describe('a bad requisition', () => {
  it.each([
    [
      'an invalid fødselsnummer',
      { patient: { nationalId: '15888512399' } },
      '/body/patient/nationalId',
      'control-digit-1',
    ],
    ['an unknown analysis', { analysis: 'no-such-analysis' }, '/body/analysis', 'unknown'],
    [
      'a specimen the analysis does not accept',
      { specimens: [{ kind: 'plasma', collectionDate: '2026-10-01', site: 'blod' }] },
      '/body/specimens/0/kind',
      'material-not-accepted',
    ],
  ])(
    'gets a clear error for %s, naming the field, and nothing is stored',
    async (_what, overrides, path, rule) => {
      const before = await count();
      const response = await requester.request('POST', '/api/orders', requisition(astrid, overrides));
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ path, rule })]),
      );
      expect(await count()).toBe(before);
    },
  );

  it('names a missing required field', async () => {
    const body = requisition(astrid);
    const { question: _q, ...clinical } = body.clinical;
    const response = await requester.request('POST', '/api/orders', { ...body, clinical });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ path: '/body/clinical/question' })]);
  });

  it('needs names for a patient genvei does not know yet', async () => {
    const response = await requester.request(
      'POST',
      '/api/orders',
      requisition(syntheticNationalId('1970-05-05')),
    );
    expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual([
      '/body/patient/givenName',
      '/body/patient/familyName',
      '/body/patient/sex',
    ]);
  });
});

describe('FHIR', () => {
  it('exports ServiceRequest, Specimen and Patient with Norwegian identifiers; posted back, it creates an equal order', async () => {
    const nationalId = syntheticNationalId('1966-06-16');
    const placed = (
      await requester.request(
        'POST',
        '/api/orders',
        requisition(nationalId, {
          patient: { nationalId, givenName: 'Fhir', familyName: 'Testesen', sex: 'male' },
        }),
      )
    ).json();
    const exported = await requester.request('GET', `/api/orders/${placed.id}/fhir`);
    expect(exported.headers['content-type']).toMatch(/application\/fhir\+json/);
    const bundle = exported.json();
    const patient = bundle.entry.find(
      (e: { resource: { resourceType: string } }) => e.resource.resourceType === 'Patient',
    ).resource;
    expect(patient.identifier).toEqual([{ system: 'urn:oid:2.16.578.1.12.4.1.4.1', value: nationalId }]);
    const request = bundle.entry[0].resource;
    expect(request).toMatchObject({
      resourceType: 'ServiceRequest',
      intent: 'order',
      status: 'active',
      requester: { identifier: { system: 'urn:oid:2.16.578.1.12.4.1.4.4', value: '9100001' } },
    });
    await requester.request('POST', `/api/orders/${placed.id}/cancel`, {
      reason: 'erstattes av FHIR-import',
    });
    const again = await requester.request('POST', '/api/orders/fhir', bundle);
    expect(again.statusCode).toBe(201);
    const [first, second] = await Promise.all(
      [placed.id, again.json().id].map(async (id) =>
        (await requester.request('GET', `/api/orders/${id}`)).json(),
      ),
    );
    const comparable = (o: Record<string, unknown>) => ({
      patient: o.patient,
      analysis: o.analysis,
      clinical: o.clinical,
      priority: o.priority,
      researchConsent: o.researchConsent,
      specimens: (o.specimens as Record<string, unknown>[]).map(
        ({ kind, blockId, collectionDate, site, tumourCellPercent }) => ({
          kind,
          blockId,
          collectionDate,
          site,
          tumourCellPercent,
        }),
      ),
    });
    expect(comparable(second)).toEqual(comparable(first));
  });

  it('names what is missing from a bundle', async () => {
    const response = await requester.request('POST', '/api/orders/fhir', {
      resourceType: 'Bundle',
      entry: [
        {
          fullUrl: 'urn:uuid:x',
          resource: { resourceType: 'ServiceRequest', subject: { reference: 'urn:uuid:nobody' } },
        },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['/body/entry/0/resource/subject', '/body/entry/0/resource/code']),
    );
  });
});

describe('routing between labs', () => {
  it('forwards an order with a reason and the same number; the new lab takes over, the old one lets go', async () => {
    const placed = (
      await requester.request(
        'POST',
        '/api/orders',
        requisition(astrid, { duplicateOverrideReason: 'test av videresending' }),
      )
    ).json();
    const fjordvikLab = await t.login('bioingenior');
    const ostdalLabId = await labId('Genomlaboratoriet, Østdal');
    const ostdal = await t.login('patolog.ostdal');
    expect((await ostdal.request('GET', `/api/orders/${placed.id}`)).statusCode).toBe(403);
    const forwarded = await fjordvikLab.request('POST', `/api/orders/${placed.id}/forward`, {
      labId: ostdalLabId,
      reason: 'kapasitet: sendes til Østdal',
    });
    expect(forwarded.statusCode).toBe(200);
    const order = (await ostdal.request('GET', `/api/orders/${placed.id}`)).json();
    expect(order).toMatchObject({
      orderNumber: placed.orderNumber,
      performingLab: { name: 'Genomlaboratoriet, Østdal' },
    });
    expect(order.timeline.at(-1)).toMatchObject({
      kind: 'forwarded',
      from_lab: 'Molekylærpatologisk laboratorium, Fjordvik',
      to_lab: 'Genomlaboratoriet, Østdal',
      reason: 'kapasitet: sendes til Østdal',
    });
    expect(
      (await fjordvikLab.request('POST', `/api/orders/${placed.id}/status`, { status: 'received' }))
        .statusCode,
    ).toBe(403);
  });

  it('rejects only with a reason, and only from the lab side', async () => {
    const placed = (
      await requester.request(
        'POST',
        '/api/orders',
        requisition(astrid, { duplicateOverrideReason: 'test av avvisning' }),
      )
    ).json();
    expect(
      (
        await requester.request('POST', `/api/orders/${placed.id}/status`, {
          status: 'rejected',
          reason: 'x',
        })
      ).statusCode,
    ).toBe(403);
    const lab = await t.login('bioingenior');
    const noReason = await lab.request('POST', `/api/orders/${placed.id}/status`, { status: 'rejected' });
    expect(noReason.json().errors).toEqual([expect.objectContaining({ path: '/body/reason' })]);
    const rejected = await lab.request('POST', `/api/orders/${placed.id}/status`, {
      status: 'rejected',
      reason: 'for lite tumorvev',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected' });
  });
});

describe("the requester's own orders", () => {
  it('lists the orders I placed with their status, each listed patient audited as read', async () => {
    const response = await requester.request('GET', '/api/orders/mine');
    expect(response.statusCode).toBe(200);
    const orders = response.json().orders;
    expect(orders.length).toBeGreaterThan(2);
    expect(orders[0]).toMatchObject({
      orderNumber: expect.stringMatching(/^GV-/),
      status: expect.any(String),
      patientName: expect.any(String),
    });
    const reads = await t.database.db
      .selectFrom('audit_entry')
      .select('patient_id')
      .where('resource_id', '=', 'mine')
      .where('action', '=', 'read')
      .execute();
    expect(new Set(reads.map((r) => r.patient_id))).toEqual(
      new Set(orders.map((o: { patientId: string }) => o.patientId)),
    );
    const stranger = await t.login('rekvirent.nordlys');
    expect((await stranger.request('GET', '/api/orders/mine')).json().orders).toEqual([]);
  });
});

describe('the pre-order check', () => {
  it('is audited as a search of the patient’s data', async () => {
    await requester.request('POST', '/api/orders/check', {
      nationalId: astrid,
      analysis: 'fjordvik-lunge-ngs',
    });
    expect(await lastAuditEntry(t.database)).toMatchObject({
      resource_type: 'order',
      action: 'search',
      outcome: 'allow',
      patient_id: expect.any(String),
    });
  });
});
