import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastAuditEntry, type TestApp, testApp } from '../../platform/testing/testApp.ts';
import { analysisBodyOf, editAnalysis } from './testing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const shown = async (slug: string) =>
  (await t.app.inject({ method: 'GET', url: `/api/catalogue/analyses/${slug}` })).json();

describe("an analysis's choices for reading DRAGEN's metrics", () => {
  it('are unset until someone sets them: genvei has no TMB figure or MSI-H cut-off of its own', async () => {
    expect(await shown('fjordvik-lunge-ngs')).toMatchObject({ tmb_figure: null, msi_high_at_percent: null });
    const curator = await t.login('kurator');
    const created = await curator.request('POST', '/api/catalogue/analyses', {
      slug: 'fjordvik-tso500',
      labId: (await shown('fjordvik-lunge-ngs')).lab.id,
      name: 'Bredt tumorpanel',
      method: 'ngs-dna-panel',
      variantTypes: ['SNV', 'indel'],
      materials: ['ffpe'],
      status: 'planned',
    });
    expect(created.statusCode).toBe(201);
    expect(await shown('fjordvik-tso500')).toMatchObject({ tmb_figure: null, msi_high_at_percent: null });
  });

  it('are set by a curator, shown with the analysis, and the edit is audited by name', async () => {
    const curator = await t.login('kurator');
    const response = await editAnalysis(t, curator, 'fjordvik-lunge-ngs', {
      tmbFigure: 'AdjustedTmbPerMb',
      msiHighAtPercent: 20,
    });
    expect(response.statusCode).toBe(200);
    expect(await shown('fjordvik-lunge-ngs')).toMatchObject({
      tmb_figure: 'AdjustedTmbPerMb',
      msi_high_at_percent: 20,
      name: 'NGS lungepanel (DNA)',
      min_tumour_cell_percent: 20,
    });
    expect(await lastAuditEntry(t.database)).toMatchObject({
      resource_type: 'analysis',
      action: 'update',
      resource_id: 'fjordvik-lunge-ngs',
      username: 'kurator',
      outcome: 'allow',
    });
    const cleared = await editAnalysis(t, curator, 'fjordvik-lunge-ngs', { msiHighAtPercent: null });
    expect(cleared.statusCode).toBe(200);
    expect(await shown('fjordvik-lunge-ngs')).toMatchObject({
      tmb_figure: 'AdjustedTmbPerMb',
      msi_high_at_percent: null,
    });
  });

  it('stay as they are when a change of the analysis leaves them out, and only null clears them', async () => {
    const curator = await t.login('kurator');
    await editAnalysis(t, curator, 'fjordvik-lunge-ngs', { tmbFigure: 'TmbPerMb', msiHighAtPercent: 15 });
    // A client that knows nothing of the settings sends the analysis back as it knows it.
    const {
      tmbFigure: _figure,
      msiHighAtPercent: _cutoff,
      ...older
    } = await analysisBodyOf(t, 'fjordvik-lunge-ngs');
    const renamed = await curator.request('PUT', '/api/catalogue/analyses/fjordvik-lunge-ngs', {
      ...older,
      name: 'NGS lungepanel (DNA), versjon 2',
    });
    expect(renamed.statusCode).toBe(200);
    expect(await shown('fjordvik-lunge-ngs')).toMatchObject({
      name: 'NGS lungepanel (DNA), versjon 2',
      tmb_figure: 'TmbPerMb',
      msi_high_at_percent: 15,
    });
    const cleared = await curator.request('PUT', '/api/catalogue/analyses/fjordvik-lunge-ngs', {
      ...older,
      tmbFigure: null,
      msiHighAtPercent: null,
    });
    expect(cleared.statusCode).toBe(200);
    expect(await shown('fjordvik-lunge-ngs')).toMatchObject({ tmb_figure: null, msi_high_at_percent: null });
    // As the tests after this one expect it.
    await editAnalysis(t, curator, 'fjordvik-lunge-ngs', { ...older, tmbFigure: 'AdjustedTmbPerMb' });
  });

  it('refuses a figure DRAGEN does not report and a cut-off outside 0–100, naming the field', async () => {
    const curator = await t.login('kurator');
    const before = await shown('nordlys-solid-ngs');
    for (const [changes, path] of [
      [{ tmbFigure: 'TMB' }, '/body/tmbFigure'],
      [{ tmbFigure: 'tmbpermb' }, '/body/tmbFigure'],
      [{ msiHighAtPercent: 120 }, '/body/msiHighAtPercent'],
      [{ msiHighAtPercent: -1 }, '/body/msiHighAtPercent'],
      [{ msiHighAtPercent: '20' }, '/body/msiHighAtPercent'],
    ] as const) {
      const response = await editAnalysis(t, curator, 'nordlys-solid-ngs', changes);
      expect({ changes, status: response.statusCode }).toEqual({ changes, status: 400 });
      expect(JSON.stringify(response.json())).toContain(path);
    }
    expect(await shown('nordlys-solid-ngs')).toEqual(before);
    const edges = await editAnalysis(t, curator, 'nordlys-solid-ngs', {
      tmbFigure: 'AdjustedNonsynonymousTmbPerMb',
      msiHighAtPercent: 0,
    });
    expect(edges.statusCode).toBe(200);
    expect(await shown('nordlys-solid-ngs')).toMatchObject({
      tmb_figure: 'AdjustedNonsynonymousTmbPerMb',
      msi_high_at_percent: 0,
    });
  });

  it("are set by lab staff for their own lab's analyses only, and never by a requester", async () => {
    const scientist = await t.login('bioingenior'); // Fjordvik lab
    await scientist.request('PUT', '/api/session/context', {
      organisationId: (await scientist.request('GET', '/api/session')).json().organisationId,
      role: 'lab-scientist',
      purpose: 'quality-assurance',
    });
    const own = await editAnalysis(t, scientist, 'fjordvik-lunge-ngs', { msiHighAtPercent: 15.5 });
    expect(own.statusCode).toBe(200);
    expect((await shown('fjordvik-lunge-ngs')).msi_high_at_percent).toBe(15.5);
    const other = await editAnalysis(t, scientist, 'ostdal-fusjon-ngs', { tmbFigure: 'TmbPerMb' });
    expect(other.statusCode).toBe(403);
    expect(await lastAuditEntry(t.database)).toMatchObject({ resource_type: 'analysis', outcome: 'deny' });
    const requester = await t.login('rekvirent');
    const refused = await editAnalysis(t, requester, 'fjordvik-lunge-ngs', { tmbFigure: 'TmbPerMb' });
    expect(refused.statusCode).toBe(403);
    expect(await shown('ostdal-fusjon-ngs')).toMatchObject({ tmb_figure: null });
    expect(await shown('fjordvik-lunge-ngs')).toMatchObject({ tmb_figure: 'AdjustedTmbPerMb' });
  });
});

describe('the metric settings on their own (the analysis page form)', () => {
  const settings = (slug: string) => `/api/catalogue/analyses/${slug}/metric-settings`;

  it('changes the two settings and nothing else, audited by the analysis', async () => {
    const curator = await t.login('kurator');
    const before = await shown('ostdal-fusjon-ngs');
    const response = await curator.request('PUT', settings('ostdal-fusjon-ngs'), {
      tmbFigure: 'TmbPerMb',
      msiHighAtPercent: 12.5,
    });
    expect(response.statusCode).toBe(200);
    const after = await shown('ostdal-fusjon-ngs');
    const { updated_at: _before, tmb_figure: _t, msi_high_at_percent: _m, ...rest } = before;
    expect(after).toMatchObject({ ...rest, tmb_figure: 'TmbPerMb', msi_high_at_percent: 12.5 });
    expect(await lastAuditEntry(t.database)).toMatchObject({
      resource_type: 'analysis',
      action: 'update',
      resource_id: 'ostdal-fusjon-ngs',
      outcome: 'allow',
    });
  });

  it('refuses other fields, bad values and the wrong user, changing nothing', async () => {
    const curator = await t.login('kurator');
    const before = await shown('ostdal-fusjon-ngs');
    for (const body of [
      { tmbFigure: 'TmbPerMb', msiHighAtPercent: 10, name: 'Nytt navn' },
      { tmbFigure: 'TMB', msiHighAtPercent: 10 },
      { tmbFigure: null, msiHighAtPercent: 101 },
      // The form always sends both; one left out would have been cleared before.
      { tmbFigure: 'TmbPerMb' },
    ]) {
      const response = await curator.request('PUT', settings('ostdal-fusjon-ngs'), body);
      expect({ body, status: response.statusCode }).toEqual({ body, status: 400 });
    }
    const requester = await t.login('rekvirent');
    const refused = await requester.request('PUT', settings('ostdal-fusjon-ngs'), {
      tmbFigure: null,
      msiHighAtPercent: null,
    });
    expect(refused.statusCode).toBe(403);
    expect(await lastAuditEntry(t.database)).toMatchObject({ resource_type: 'analysis', outcome: 'deny' });
    expect(await shown('ostdal-fusjon-ngs')).toEqual(before);
    const unknown = await curator.request('PUT', settings('no-such-analysis'), {
      tmbFigure: null,
      msiHighAtPercent: null,
    });
    expect(unknown.statusCode).toBe(404);
  });
});
