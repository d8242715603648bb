import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../demo/seed.ts';
import { type TestApp, testApp } from '../../platform/testing/testApp.ts';
import { clinvarIdentityKey, importCivic, importClinVar } from './imports.ts';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/knowledge/${name}`, import.meta.url));

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t?.close();
});

describe('importing knowledge sources', () => {
  it('imports CIViC evidence and assertions as one release; the same file again changes nothing', async () => {
    const first = await importCivic(t.database.db, {
      evidence: fixture('civic-evidence.tsv'),
      assertions: fixture('civic-assertions.tsv'),
      release: '2026-11-01',
    });
    expect(first).toMatchObject({ status: 'imported', release: '2026-11-01' });
    const braf = await t.database.db
      .selectFrom('civic_evidence')
      .select(['kind', 'level', 'therapies', 'disease', 'pubmed_id', 'amp_tier', 'amp_level'])
      .where('gene', '=', 'BRAF')
      .where('protein_change', '=', 'V600E')
      .orderBy('kind')
      .orderBy('evidence_id')
      .execute();
    expect(braf[0]).toMatchObject({ kind: 'assertion', amp_tier: 'I', amp_level: 'A', disease: 'Melanoma' });
    expect(braf[1]).toMatchObject({
      kind: 'evidence',
      level: 'A',
      therapies: ['Vemurafenib'],
      pubmed_id: '21639808',
    });
    const again = await importCivic(t.database.db, { evidence: fixture('civic-evidence.tsv') });
    expect(again).toMatchObject({ status: 'already-imported', release: '2026-11-01' });
  });

  it('imports ClinVar with review stars, keyed like genvei variants (trimmed, chr-prefixed)', async () => {
    const summary = await importClinVar(t.database.db, fixture('clinvar-small.vcf'));
    expect(summary).toMatchObject({ status: 'imported', records: 8 });
    const brca1 = await t.database.db
      .selectFrom('clinvar_record')
      .select(['identity_key', 'stars', 'significance'])
      .where('variation_id', '=', '17662')
      .executeTakeFirstOrThrow();
    // ACT>A at 43124027: the trimmed deletion of CT after the anchor base.
    expect(brca1.identity_key).toBe('GRCh38:chr17:43124027:CT:');
    expect(clinvarIdentityKey({ chrom: '7', pos: 140753336, ref: 'A', alt: 'T' })).toBe(
      'GRCh38:chr7:140753335:A:T',
    );
  });

  it('names file and line when a CIViC row is broken, and stores nothing', async () => {
    const { writeFileSync, mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(tmpdir(), 'genvei-civic-'));
    const lines = readFileSync(fixture('civic-evidence.tsv'), 'utf8').split('\n');
    const fields = (lines[3] as string).split('\t');
    fields[9] = 'F'; // evidence_level
    lines[3] = fields.join('\t');
    const broken = path.join(dir, 'nightly-ClinicalEvidenceSummaries.tsv');
    writeFileSync(broken, lines.join('\n'));
    const before = await t.database.db.selectFrom('knowledge_release').select('id').execute();
    await expect(importCivic(t.database.db, { evidence: broken })).rejects.toThrow(/:4: evidence_level/);
    expect(await t.database.db.selectFrom('knowledge_release').select('id').execute()).toHaveLength(
      before.length,
    );
  });
});

describe('interpretation phrases', () => {
  it('versions a phrase and lists only the latest; replacing an old version is refused', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'bioingenior', password: DEMO_PASSWORD },
    });
    const cookie = `genvei_session=${login.cookies.find((c) => c.name === 'genvei_session')?.value}`;
    const headers = { cookie, 'x-csrf-token': login.json().csrfToken };
    const post = (payload: object) => t.app.inject({ method: 'POST', url: '/api/phrases', headers, payload });
    const first = await post({
      phraseKey: 'braf-v600e-mel',
      gene: 'BRAF',
      context: 'MEL',
      language: 'nb',
      text: 'BRAF V600E.',
    });
    expect(first.statusCode).toBe(201);
    const second = await post({
      phraseKey: 'braf-v600e-mel',
      gene: 'BRAF',
      context: 'MEL',
      language: 'nb',
      text: 'BRAF p.V600E er behandlingsrettet ved melanom.',
      previousId: first.json().id,
    });
    expect(second.json()).toMatchObject({ version: 2 });
    const stale = await post({
      phraseKey: 'x',
      context: 'MEL',
      language: 'nb',
      text: 'x',
      previousId: first.json().id,
    });
    expect(stale.statusCode).toBe(400);
    const list = await t.app.inject({ method: 'GET', url: '/api/phrases?gene=BRAF&context=MEL', headers });
    expect(list.json().phrases.map((p: { text: string }) => p.text)).toEqual([
      'BRAF p.V600E er behandlingsrettet ved melanom.',
    ]);
  });
});
