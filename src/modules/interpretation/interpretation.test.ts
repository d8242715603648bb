import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoNationalIds } from '../../demo/seed.ts';
import { type Client, lastAuditEntry, type TestApp, testApp } from '../../platform/testing/testApp.ts';
import { melanomaOrder, ONCOGENIC_BRAF_V600E } from './testing.ts';

let t: TestApp;
let labScientist: Client;
let bioinformatician: Client;

type Row = {
  id: number;
  label: string;
  gene: string | null;
  decision: unknown;
  offers: { ownLab: boolean; classification: string; ageDays: number }[];
};

async function caseFor(client: Client, orderId: string) {
  const created = await client.request('POST', `/api/orders/${orderId}/cases`);
  expect(created.statusCode).toBe(201);
  return created.json().id as string;
}
const worklist = async (client: Client, caseId: string, chain?: string) =>
  (await client.request('GET', `/api/cases/${caseId}/worklist${chain ? `?chain=${chain}` : ''}`)).json();

let firstOrder: string;
let firstCase: string;
let braf: Row;

beforeAll(async () => {
  t = await testApp();
  labScientist = await t.login('bioingenior');
  bioinformatician = await t.login('bioinformatiker');
});
afterAll(async () => {
  await t?.close();
});

describe('a somatic case from an ingested tumour/normal VCF', () => {
  it('builds the work-list, and every filtered-out variant names its filter', async () => {
    firstOrder = await melanomaOrder(t, 0, 'rekvirent', 'fjordvik-lunge-ngs');
    firstCase = await caseFor(labScientist, firstOrder);
    const list = await worklist(labScientist, firstCase);
    expect(list).toMatchObject({ status: 'interpreting', scheme: 'clingen-cgc-vicc-2022', context: 'MEL' });
    const kept = list.kept.map((v: Row) => v.label);
    expect(kept).toContain('BRAF p.V600E');
    braf = list.kept.find((v: Row) => v.label === 'BRAF p.V600E');
    expect(braf).toMatchObject({ hotspot: true, origin: 'somatic', vaf: 0.4, depth: 100 });
    const kras = list.removed.find((v: Row) => v.gene === 'KRAS');
    expect(kras).toMatchObject({ filter: 'VCF FILTER', reason: expect.stringMatching(/weak_evidence/) });
    const tp53 = list.kept.find((v: Row) => v.gene === 'TP53');
    expect(tp53.suggestions).toEqual([
      expect.objectContaining({
        criterion: { criterion: 'null-variant-in-tsg' },
        label: 'OVS1',
        needsConfirmation: true,
      }),
    ]);
    expect(await lastAuditEntry(t.database)).toMatchObject({
      resource_type: 'interpretation-case',
      action: 'read',
    });
  });

  it('pulls a filtered-out variant back in', async () => {
    const list = await worklist(labScientist, firstCase);
    const kras = list.removed.find((v: Row) => v.gene === 'KRAS');
    expect(
      (await labScientist.request('POST', `/api/cases/${firstCase}/variants/${kras.id}/pull-back`))
        .statusCode,
    ).toBe(200);
    const after = await worklist(labScientist, firstCase);
    expect(after.kept.find((v: Row) => v.id === kras.id)).toMatchObject({ keptBecause: 'pulled-back' });
  });

  it('classifies BRAF p.V600E in melanoma as oncogenic, AMP Tier I level A, computed from the criteria', async () => {
    const response = await labScientist.request(
      'PUT',
      `/api/cases/${firstCase}/variants/${braf.id}/assessment`,
      ONCOGENIC_BRAF_V600E,
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      classification: 'oncogenic',
      points: 10,
      ampTier: 'I',
      ampLevel: 'A',
      version: 1,
    });
  });

  it('refuses finalising with undecided variants, and finalising alone', async () => {
    const early = await bioinformatician.request('POST', `/api/cases/${firstCase}/finalise`);
    expect(early.statusCode).toBe(409);
    expect(early.json().reason).toEqual({
      code: 'wrong-status',
      params: { step: 'finalise', status: 'interpreting' },
    });
    expect((await labScientist.request('POST', `/api/cases/${firstCase}/submit`)).statusCode).toBe(200);
    const unclassified = await bioinformatician.request('POST', `/api/cases/${firstCase}/finalise`);
    expect(unclassified.statusCode).toBe(409);
    expect(unclassified.json().detail).toMatch(/without a decision: .*TP53/);
    expect(unclassified.json().reason).toEqual({
      code: 'undecided-variants',
      params: { n: expect.any(Number), list: expect.stringMatching(/TP53/) },
    });
    expect(unclassified.json().detail).toContain(
      `${unclassified.json().reason.params.n} without a decision: ${unclassified.json().reason.params.list}`,
    );
    expect(await lastAuditEntry(t.database)).toMatchObject({ outcome: 'deny', action: 'approve' });
    const again = await labScientist.request('POST', `/api/cases/${firstCase}/submit`);
    expect(again.json().reason).toEqual({
      code: 'wrong-status',
      params: { step: 'submit', status: 'in-review' },
    });
    for (const v of (await worklist(labScientist, firstCase)).kept.filter((v: Row) => !v.decision))
      await bioinformatician.request('POST', `/api/cases/${firstCase}/variants/${v.id}/not-relevant`, {
        reason: 'Ikke relevant for problemstillingen',
      });
    const alone = await labScientist.request('POST', `/api/cases/${firstCase}/finalise`);
    expect(alone.statusCode).toBe(409);
    expect(alone.json().detail).toMatch(/second person/);
    expect(alone.json()).toMatchObject({
      type: 'urn:genvei:problem:workflow',
      reason: { code: 'second-person-required', params: {} },
    });
  });

  it('refuses a case for an order whose VCF is not in yet', async () => {
    const requester = await t.login('rekvirent');
    const placed = await requester.request('POST', '/api/orders', {
      patient: { nationalId: demoNationalIds()[0] },
      analysis: 'fjordvik-lunge-ngs',
      clinical: { diagnosis: { oncotree: 'MEL' }, question: 'BRAF-status før behandling?' },
      specimens: [
        {
          kind: 'ffpe-block',
          blockId: 'H2026-04712 A1',
          collectionDate: '2026-10-01',
          site: 'hud, rygg',
          tumourCellPercent: 70,
        },
      ],
      researchConsent: false,
      duplicateOverrideReason: 'Ny biopsi etter progresjon',
    });
    expect(placed.statusCode, placed.body).toBe(201);
    const refused = await labScientist.request('POST', `/api/orders/${placed.json().id}/cases`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().reason).toEqual({ code: 'no-vcf', params: {} });
  });

  it('refuses a second case for the same sample, naming the case it has', async () => {
    const twice = await labScientist.request('POST', `/api/orders/${firstOrder}/cases`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toMatch(/already has a case/);
    expect(twice.json().reason).toEqual({ code: 'case-exists', params: { caseId: firstCase } });
  });

  it('finalises by a second person, keeping a snapshot of what each round saw', async () => {
    const finalised = await bioinformatician.request('POST', `/api/cases/${firstCase}/finalise`);
    expect(finalised.statusCode).toBe(200);
    expect(finalised.json()).toMatchObject({ status: 'finalised', conflicts: 0 });
    const rounds = await t.database.db
      .selectFrom('case_round')
      .select(['number', 'kind', 'outcome', 'snapshot'])
      .where('case_id', '=', firstCase)
      .orderBy('number')
      .execute();
    expect(rounds.map((r) => [r.kind, r.outcome])).toEqual([
      ['interpretation', 'ready-for-review'],
      ['review', 'finalised'],
    ]);
    const snapshot = rounds[1]?.snapshot as { decisions: { classification: string | null }[] };
    const decisions = snapshot.decisions;
    expect(decisions.map((d) => d.classification)).toContain('oncogenic');
  });

  it('refuses editing a finalised case, and a closed round cannot be rewritten in the database', async () => {
    const edit = await labScientist.request(
      'PUT',
      `/api/cases/${firstCase}/variants/${braf.id}/assessment`,
      ONCOGENIC_BRAF_V600E,
    );
    expect(edit.statusCode).toBe(409);
    expect(edit.json().detail).toMatch(/finalised: reopen it/);
    expect(edit.json().reason).toEqual({ code: 'case-finalised', params: {} });
    await expect(
      t.database.db
        .updateTable('case_round')
        .set({ outcome: 'returned' })
        .where('case_id', '=', firstCase)
        .execute(),
    ).rejects.toThrow(/closed/);
    await expect(t.database.db.deleteFrom('assessment').execute()).rejects.toThrow(/append-only/);
  });

  it('offers the finalised assessment when the variant shows up in a new case, with its age', async () => {
    const second = await caseFor(labScientist, await melanomaOrder(t, 1, 'rekvirent', 'fjordvik-lunge-ngs'));
    const row = (await worklist(labScientist, second)).kept.find((v: Row) => v.label === 'BRAF p.V600E');
    expect(row.priorClass).toBe('oncogenic');
    expect(row.offers).toEqual([
      expect.objectContaining({
        ownLab: true,
        classification: 'oncogenic',
        ageDays: 0,
        reReviewRequired: false,
      }),
    ]);
  });
});

describe('conflicts between labs', () => {
  it('raises a conflict for both labs when another lab finalises a different class, until one resolves it', async () => {
    const nordlysLab = await t.login('bioingenior.nordlys');
    const nordlysInformatics = await t.login('bioinformatiker.nordlys');
    const caseId = await caseFor(
      nordlysLab,
      await melanomaOrder(t, 2, 'rekvirent.nordlys', 'nordlys-solid-ngs'),
    );
    const list = await worklist(nordlysLab, caseId);
    const row = list.kept.find((v: Row) => v.label === 'BRAF p.V600E');
    const likelyOncogenic = await nordlysLab.request(
      'PUT',
      `/api/cases/${caseId}/variants/${row.id}/assessment`,
      {
        ...ONCOGENIC_BRAF_V600E,
        criteria: [
          { criterion: 'hotspot-strong' },
          { criterion: 'computational-evidence-oncogenic' },
          { criterion: 'absent-from-population' },
        ],
      },
    );
    expect(likelyOncogenic.json()).toMatchObject({ classification: 'likely-oncogenic' });
    for (const v of list.kept.filter((v: Row) => v.id !== row.id))
      await nordlysLab.request('POST', `/api/cases/${caseId}/variants/${v.id}/not-relevant`, {
        reason: 'Ikke relevant',
      });
    await nordlysLab.request('POST', `/api/cases/${caseId}/submit`);
    const finalised = await nordlysInformatics.request('POST', `/api/cases/${caseId}/finalise`);
    expect(finalised.json()).toMatchObject({ status: 'finalised', conflicts: 1 });

    const seenByNordlys = (await nordlysLab.request('GET', '/api/conflicts')).json().conflicts;
    const seenByFjordvik = (await labScientist.request('GET', '/api/conflicts')).json().conflicts;
    for (const seen of [seenByNordlys, seenByFjordvik])
      expect(seen).toEqual([
        expect.objectContaining({
          raised_classification: 'likely-oncogenic',
          other_classification: 'oncogenic',
          context: 'MEL',
        }),
      ]);
    const outsider = await (await t.login('patolog.ostdal')).request(
      'POST',
      `/api/conflicts/${seenByNordlys[0].id}/resolve`,
      {
        note: 'x',
      },
    );
    expect(outsider.statusCode).toBe(403);
    const resolved = await labScientist.request('POST', `/api/conflicts/${seenByNordlys[0].id}/resolve`, {
      note: 'Avklart i nasjonalt faggruppemøte: onkogen.',
    });
    expect(resolved.json()).toEqual({ resolved: true });
    expect((await nordlysLab.request('GET', '/api/conflicts')).json().conflicts).toEqual([]);
  });

  it('shows every lab’s assessments of the variant on its page', async () => {
    const page = (await labScientist.request('GET', `/api/variants/${braf.id}`)).json();
    expect(page.assessments.map((a: { classification: string }) => a.classification).sort()).toEqual([
      'likely-oncogenic',
      'oncogenic',
    ]);
  });
});

describe('who may work on a case', () => {
  it('refuses a lab in another trust and a requester, and audits the refusal', async () => {
    const nordlysLab = await t.login('bioingenior.nordlys');
    expect((await nordlysLab.request('GET', `/api/cases/${firstCase}/worklist`)).statusCode).toBe(403);
    expect(await lastAuditEntry(t.database)).toMatchObject({
      resource_type: 'interpretation-case',
      outcome: 'deny',
    });
    const requester = await t.login('rekvirent');
    expect(
      (await requester.request('POST', `/api/cases/${firstCase}/reopen`, { reason: 'x' })).statusCode,
    ).toBe(403);
  });
});

describe('lab-defined filter chains', () => {
  const strict = {
    id: 'fjordvik-somatisk-streng',
    name: { nb: 'Somatisk, streng', en: 'Somatic, strict' },
    analysisTypes: ['somatic:ngs-dna-panel'],
    version: 1,
    filters: [
      { kind: 'vcf-filter', name: 'VCF FILTER', allowed: [] },
      { kind: 'depth', name: 'Dybde', min: 150 },
    ],
    exceptions: { keepHotspots: true, keepClasses: ['oncogenic'] },
  };

  it('names every problem of a bad chain by its path', async () => {
    const response = await labScientist.request('POST', '/api/filter-chains', {
      ...strict,
      filters: [{ kind: 'population-frequency', name: 'AF', maxAf: 2 }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ path: '/body/filters/0/maxAf' })]);
  });

  it('stores a lab’s chain in versions and filters a case with it', async () => {
    expect((await labScientist.request('POST', '/api/filter-chains', strict)).json()).toEqual({
      id: strict.id,
      version: 1,
    });
    expect((await labScientist.request('POST', '/api/filter-chains', strict)).json()).toEqual({
      id: strict.id,
      version: 2,
    });
    const other = await (await t.login('bioingenior.nordlys')).request('POST', '/api/filter-chains', strict);
    expect(other.statusCode).toBe(409);
    expect(other.json().reason).toEqual({ code: 'chain-of-another-lab', params: { chain: strict.id } });
    const list = await worklist(labScientist, firstCase, strict.id);
    expect(list.chain).toMatchObject({ id: strict.id, version: 2 });
    expect(list.removed.filter((v: Row & { filter: string }) => v.filter === 'Dybde').length).toBeGreaterThan(
      0,
    );
  });
});
