import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastAuditEntry, type TestApp, testApp } from '../../platform/testing/testApp.ts';
import { fixture } from './testing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
type Cell = { hgncId: string; coverage: string; missingVariantTypes?: string[] };

describe('the coverage check for lung adenocarcinoma (demo data)', () => {
  it('shows which labs cover each list gene, by the right variant types', async () => {
    const response = await get('/api/catalogue/coverage/LUAD');
    expect(response.statusCode).toBe(200);
    const matrix = response.json();
    const symbols = matrix.genes.map((g: { symbol: string }) => g.symbol);
    expect(symbols).toEqual(
      expect.arrayContaining([
        'EGFR',
        'KRAS',
        'BRAF',
        'ALK',
        'ROS1',
        'RET',
        'MET',
        'NTRK1',
        'NTRK2',
        'NTRK3',
        'ERBB2',
      ]),
    );
    expect(symbols).not.toContain('TP53'); // mentioned only: not checked
    const cell = (analysis: string, symbol: string): Cell => {
      const row = matrix.analyses.find((a: { analysis: { id: string } }) => a.analysis.id === analysis);
      return row.cells[symbols.indexOf(symbol)];
    };
    expect(cell('fjordvik-lunge-ngs', 'EGFR').coverage).toBe('covered');
    expect(cell('fjordvik-lunge-ngs', 'ALK').coverage).toBe('gene-not-in-panel');
    expect(cell('fjordvik-lunge-ngs', 'MET')).toMatchObject({
      coverage: 'variant-type-not-detected',
      missingVariantTypes: ['splice'],
    });
    expect(cell('ostdal-fusjon-ngs', 'ALK').coverage).toBe('covered');
    expect(cell('ostdal-fusjon-ngs', 'EGFR').coverage).toBe('gene-not-in-panel');
    for (const symbol of symbols) expect(cell('nordlys-solid-ngs', symbol).coverage).toBe('covered');
    expect(matrix.analyses.map((a: { analysis: { id: string } }) => a.analysis.id)).not.toContain(
      'fjordvik-lunge-ctdna',
    ); // planned, not active
  });

  it('lists the genes one analysis misses, and why', async () => {
    const response = await get('/api/catalogue/analyses/fjordvik-lunge-ngs/missing-genes?cancerType=LUAD');
    const missed = response
      .json()
      .missed.map((m: { symbol: string; coverage: string }) => `${m.symbol}:${m.coverage}`);
    expect(missed).toEqual(
      expect.arrayContaining([
        'ALK:gene-not-in-panel',
        'MET:variant-type-not-detected',
        'NTRK3:gene-not-in-panel',
      ]),
    );
    expect(missed.join()).not.toContain('EGFR');
  });
});

describe('public search, without login', () => {
  it('finds the analyses that test a gene, and resolves an alias with a note', async () => {
    const alk = (await get('/api/catalogue/search?gene=ALK')).json();
    expect(alk.analyses.map((a: { slug: string }) => a.slug).sort()).toEqual([
      'nordlys-solid-ngs',
      'ostdal-fusjon-ngs',
    ]);
    const her2 = (await get('/api/catalogue/search?gene=her2')).json();
    expect(her2.note).toMatch(/HER2 is an alias of ERBB2/);
    expect(her2.analyses.map((a: { slug: string }) => a.slug)).toContain('fjordvik-lunge-ngs');
  });

  it('filters by method, lab, free text and cancer type', async () => {
    const rna = (await get('/api/catalogue/search?method=ngs-rna-panel')).json();
    expect(rna.analyses.map((a: { slug: string }) => a.slug)).toEqual(['ostdal-fusjon-ngs']);
    const text = (await get('/api/catalogue/search?q=brca')).json();
    expect(text.analyses.map((a: { slug: string }) => a.slug)).toEqual(['ostdal-brca-arvelig']);
    const luad = (await get('/api/catalogue/search?cancerType=LUAD')).json();
    expect(luad.analyses.map((a: { slug: string }) => a.slug)).not.toContain('ostdal-brca-arvelig');
    const planned = (await get('/api/catalogue/search?status=any&q=ctdna')).json();
    expect(planned.analyses).toHaveLength(1);
  });

  it('serves a gene page, a cancer type with its gene list, and a panel with its versions', async () => {
    const gene = (await get('/api/catalogue/genes/ALK')).json();
    expect(gene.geneLists).toEqual([
      expect.objectContaining({ code: 'LUAD', status: 'mandatory', variant_types: ['fusion'] }),
    ]);
    const luad = (await get('/api/catalogue/cancer-types/LUAD')).json();
    expect(luad).toMatchObject({
      code: 'LUAD',
      parent_code: 'NSCLC',
      geneList: { version: { version: 1, status: 'published' } },
    });
    const panel = (await get('/api/catalogue/panels/fjordvik-lunge-dna')).json();
    expect(panel).toMatchObject({ version: '1.0', signedOffAt: expect.any(String) });
    expect(panel.versions.map((v: { version: string }) => v.version)).toEqual(['1.0', '0.2', '0.1']);
    expect((await get('/api/catalogue/genes/NOSUCHGENE')).statusCode).toBe(404);
  });
});

describe('editing a gene panel', () => {
  it('makes every edit a new minor version, a release a new major, and shows the diff', async () => {
    const curator = await t.login('kurator');
    const before = (await get('/api/catalogue/panels/ostdal-fusjon-rna')).json();
    const entries = [
      ...before.entries.map((e: { symbol: string; confidence: string }) => ({
        symbol: e.symbol,
        confidence: e.confidence,
      })),
      { symbol: 'LKB1', confidence: 'amber' },
    ];
    const edit = await curator.request('PUT', '/api/catalogue/panels/ostdal-fusjon-rna/entries', {
      entries,
      changeNote: 'STK11 lagt til',
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json()).toMatchObject({
      version: '1.1',
      warnings: [expect.stringMatching(/LKB1 is an alias of STK11/)],
    });
    const release = await curator.request('POST', '/api/catalogue/panels/ostdal-fusjon-rna/release', {
      changeNote: 'versjon 2',
    });
    expect(release.json()).toMatchObject({ version: '2.0' });
    const diff = (await get('/api/catalogue/panels/ostdal-fusjon-rna/diff?from=1.0&to=2.0')).json();
    expect(diff.added.map((e: { symbol: string }) => e.symbol)).toEqual(['STK11']);
    expect(diff.removed).toEqual([]);
    const old = (await get('/api/catalogue/panels/ostdal-fusjon-rna?version=1.0')).json();
    expect(old.entries.map((e: { symbol: string }) => e.symbol)).not.toContain('STK11');
    expect(await lastAuditEntry(t.database)).toMatchObject({
      resource_type: 'gene-panel',
      action: 'update',
      username: 'kurator',
      outcome: 'allow',
    });
  });

  it('refuses an unknown gene naming the entry, and stores nothing', async () => {
    const curator = await t.login('kurator');
    const versions = (await get('/api/catalogue/panels/nordlys-solid-dna-rna')).json().versions.length;
    const response = await curator.request('PUT', '/api/catalogue/panels/nordlys-solid-dna-rna/entries', {
      entries: [
        { symbol: 'EGFR', confidence: 'green' },
        { symbol: 'NOTAGENE', confidence: 'green' },
      ],
      changeNote: 'feil',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ path: '/body/entries/1/symbol', rule: 'unknown-gene' }),
    ]);
    expect((await get('/api/catalogue/panels/nordlys-solid-dna-rna')).json().versions.length).toBe(versions);
  });

  it("lets lab staff edit their own lab's panel, not another lab's, and never sign off", async () => {
    const scientist = await t.login('bioingenior'); // Fjordvik lab
    await scientist.request('PUT', '/api/session/context', {
      organisationId: (await scientist.request('GET', '/api/session')).json().organisationId,
      role: 'lab-scientist',
      purpose: 'quality-assurance',
    });
    const own = await scientist.request('PUT', '/api/catalogue/panels/fjordvik-lunge-dna/entries', {
      entries: [{ symbol: 'EGFR', confidence: 'green' }],
      changeNote: 'test',
    });
    expect(own.statusCode).toBe(200);
    const other = await scientist.request('PUT', '/api/catalogue/panels/nordlys-solid-dna-rna/entries', {
      entries: [{ symbol: 'EGFR', confidence: 'green' }],
      changeNote: 'test',
    });
    expect(other.statusCode).toBe(403);
    expect(await lastAuditEntry(t.database)).toMatchObject({ outcome: 'deny', resource_type: 'gene-panel' });
    const signOff = await scientist.request(
      'POST',
      `/api/catalogue/panels/fjordvik-lunge-dna/versions/${own.json().version}/sign-off`,
    );
    expect(signOff.statusCode).toBe(403);
  });

  it('imports a gene list file, resolving aliases and naming the line of an unknown symbol', async () => {
    const curator = await t.login('kurator');
    const ok = await curator.request('POST', '/api/catalogue/panels/ostdal-brca/import-list', {
      text: 'HGNC_symbol;HGNC_id\nBRCA1;HGNC:1100\nBRCA2;HGNC:1101\nHER2\n',
      fileName: 'brca.txt',
      changeNote: 'fra fil',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().warnings.join()).toMatch(/HER2 is an alias of ERBB2/);
    const bad = await curator.request('POST', '/api/catalogue/panels/ostdal-brca/import-list', {
      text: 'BRCA1\nBRCA2\nNOTAGENE\n',
      fileName: 'brca.txt',
      changeNote: 'x',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      expect.objectContaining({ path: '/body/text (brca.txt line 3)', rule: 'unknown-gene' }),
    ]);
  });

  it('keeps versions as snapshots even against direct SQL', async () => {
    await expect(sql`update gene_panel_entry set confidence = 'red'`.execute(t.database.db)).rejects.toThrow(
      /snapshot/,
    );
    await expect(
      sql`update gene_panel_version set change_note = 'x' where signed_off_at is not null`.execute(
        t.database.db,
      ),
    ).rejects.toThrow(/snapshot/);
  });
});

describe('PanelApp', () => {
  it('round-trips: import → export → import gives the same entries', async () => {
    const curator = await t.login('kurator');
    const panelapp = JSON.parse(readFileSync(fixture('panelapp_lung_panel.json'), 'utf8'));
    const imported = await curator.request('POST', '/api/catalogue/panels/import-panelapp', {
      slug: 'panelapp-lung',
      purpose: 'somatic',
      labId: null,
      panelapp,
    });
    expect(imported.statusCode).toBe(201);
    expect(imported.json().warnings.join()).toMatch(/KRAS2/);
    const exported = await get('/api/catalogue/panels/panelapp-lung/export?format=panelapp');
    expect(exported.headers['content-type']).toMatch(/application\/json/);
    const again = await curator.request('POST', '/api/catalogue/panels/import-panelapp', {
      slug: 'panelapp-lung-2',
      purpose: 'somatic',
      labId: null,
      panelapp: exported.json(),
    });
    expect(again.statusCode).toBe(201);
    const first = (await get('/api/catalogue/panels/panelapp-lung')).json().entries;
    const second = (await get('/api/catalogue/panels/panelapp-lung-2')).json().entries;
    expect(second).toEqual(first);
  });

  it("exports Genetikkportalen's gene list", async () => {
    const response = await get('/api/catalogue/panels/ostdal-brca/export?format=genetikkportalen');
    expect(response.body.split('\n').slice(0, 3)).toEqual([
      'HGNC_symbol;HGNC_id',
      'BRCA1;HGNC:1100',
      'BRCA2;HGNC:1101',
    ]);
  });
});

describe('labs', () => {
  it("lets lab staff update their own lab's record, and refuses an organisation that is not a lab", async () => {
    const scientist = await t.login('bioingenior');
    const session = (await scientist.request('GET', '/api/session')).json();
    await scientist.request('PUT', '/api/session/context', {
      organisationId: session.organisationId,
      role: 'lab-scientist',
      purpose: 'administration',
    });
    const trusts = (await scientist.request('GET', '/api/organisations'))
      .json()
      .filter((o: { kind: string }) => o.kind === 'health-trust');
    const body = {
      contactEmail: 'lab@fjordvik.example',
      accreditationStandard: 'ISO 15189:2022',
      accreditationNumber: 'TEST 123',
      acceptsFrom: trusts.map((o: { id: string }) => o.id),
    };
    const saved = await scientist.request('PUT', `/api/catalogue/labs/${session.organisationId}`, body);
    expect(saved.statusCode).toBe(200);
    const lab = (await get('/api/catalogue/labs'))
      .json()
      .labs.find((l: { id: string }) => l.id === session.organisationId);
    expect(lab).toMatchObject({
      accreditation_number: 'TEST 123',
      accepts_from: ['Fjordvik HF', 'Nordlys HF', 'Østdal HF'],
    });
    const other = (await get('/api/catalogue/labs'))
      .json()
      .labs.find((l: { id: string }) => l.id !== session.organisationId);
    expect((await scientist.request('PUT', `/api/catalogue/labs/${other.id}`, body)).statusCode).toBe(403);
    const curator = await t.login('kurator');
    const notALab = await curator.request('PUT', `/api/catalogue/labs/${trusts[0].id}`, body);
    expect(notALab.json().errors[0]).toMatchObject({ path: '/params/id', rule: 'not-a-lab' });
  });
});

describe('the national gene list', () => {
  it('edits a draft and publishes it as a new version; published versions never change', async () => {
    const curator = await t.login('kurator');
    const v1 = (await get('/api/catalogue/cancer-types/LUAD')).json().geneList.entries;
    const entries = v1.map(({ hgncId: _h, ...e }: { hgncId: string }) => e);
    entries.push({
      symbol: 'KEAP1',
      roles: ['prognostic'],
      evidenceColour: 'amber',
      status: 'horizon',
      variantTypes: ['SNV', 'indel'],
    });
    const draft = await curator.request('PUT', '/api/catalogue/gene-lists/LUAD/draft', {
      entries,
      note: 'KEAP1 som horisont',
    });
    expect(draft.json()).toMatchObject({ version: 2, status: 'draft' });
    expect((await get('/api/catalogue/cancer-types/LUAD')).json().geneList.version.version).toBe(1);
    const published = await curator.request('POST', '/api/catalogue/gene-lists/LUAD/publish');
    expect(published.json()).toMatchObject({ version: 2, status: 'published' });
    const now = (await get('/api/catalogue/cancer-types/LUAD')).json().geneList;
    expect(now.entries.map((e: { symbol: string }) => e.symbol)).toContain('KEAP1');
    expect((await get('/api/catalogue/cancer-types/LUAD?version=1')).json().geneList.entries).toHaveLength(
      v1.length,
    );
    await expect(sql`delete from gene_list_entry`.execute(t.database.db)).rejects.toThrow(
      /published gene list version never changes/,
    );
  });

  it('is edited by curators only', async () => {
    const scientist = await t.login('bioingenior');
    expect((await scientist.request('POST', '/api/catalogue/gene-lists/LUAD/publish')).statusCode).toBe(403);
  });
});
