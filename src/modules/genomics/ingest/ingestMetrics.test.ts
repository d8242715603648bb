import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, testApp } from '../../../platform/testing/testApp.ts';
import { editAnalysis } from '../../catalogue/testing.ts';
import { unfinished } from '../ingestJobs.ts';
import { lungOrder } from '../testing.ts';
import { ingestResultFile } from './ingestResultFile.ts';

const actor = { userId: null, username: 'cli:test' };

let t: TestApp;
let lab: Client;
let dir: string;
let order: { id: string; specimenId: string };

beforeAll(async () => {
  t = await testApp();
  lab = await t.login('bioinformatiker');
  dir = mkdtempSync(path.join(tmpdir(), 'genvei-dragen-'));
  order = await lungOrder(t); // fjordvik-lunge-ngs, which sets neither choice in the demo catalogue
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const TMB_JSON = `{
  "TmbPerMb": 13.1,
  "AdjustedTmbPerMb": 12.4,
  "NonsynonymousTmbPerMb": 9.8,
  "AdjustedNonsynonymousTmbPerMb": 9.2,
  "TotalRegionSizeMb": 1.94
}
`;
const MSI_JSON = `{
  "TotalMicrosatelliteSitesAssessed": 2212,
  "PercentageUnstableSites": 25.0,
  "ResultIsValid": true
}
`;

function written(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** As `genvei ingest --kind metrics` runs it. */
const ingest = (name: string, text: string) =>
  ingestResultFile(t.database.db, 'metrics', {
    file: written(name, text),
    orderId: order.id,
    specimenId: order.specimenId,
    actor,
  });

async function storedForSpecimen() {
  const files = await t.database.db
    .selectFrom('sequencing_file')
    .select('file_name')
    .where('specimen_id', '=', order.specimenId)
    .execute();
  const metrics = await t.database.db
    .selectFrom('sample_metrics as m')
    .innerJoin('sequenced_sample as s', 's.id', 'm.sample_id')
    .select(['m.tmb', 'm.tmb_unit', 'm.tmb_method', 'm.msi_status', 'm.msi_score', 'm.msi_method'])
    .where('s.specimen_id', '=', order.specimenId)
    .execute();
  return { files: files.map((f) => f.file_name), metrics };
}

/** Uploads a file as the lab does and waits for its ingest job to finish. */
async function upload(name: string, text: string) {
  const started = await lab.request(
    'POST',
    `/api/specimens/${order.specimenId}/results?kind=metrics&fileName=${name}&role=tumor`,
    Buffer.from(text),
    { 'content-type': 'application/octet-stream' },
  );
  let job = started.json();
  while (unfinished(job)) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    job = (await lab.request('GET', `/api/ingest-jobs/${job.id}`)).json();
  }
  return job;
}

describe("DRAGEN's metrics into an order, read with its analysis's choices", () => {
  it('refuses a tmb.json while the analysis names no TMB figure, saying where to set it, and stores nothing', async () => {
    await expect(ingest('tmb.json', TMB_JSON)).rejects.toMatchObject({
      name: 'CallsFileError',
      file: 'tmb.json',
      line: 2,
      field: '/TmbPerMb',
      message:
        'tmb.json:2: /TmbPerMb: DRAGEN reports several TMB figures (TmbPerMb, AdjustedTmbPerMb, NonsynonymousTmbPerMb, AdjustedNonsynonymousTmbPerMb); genvei will not choose one: set the TMB figure for analysis fjordvik-lunge-ngs in the catalogue',
    });
    const job = await upload('tmb.json', TMB_JSON);
    expect(job).toMatchObject({ status: 'failed', error: { line: 2, field: '/TmbPerMb' } });
    expect(job.error.message).toContain(
      'set the TMB figure for analysis fjordvik-lunge-ngs in the catalogue',
    );
    expect(await storedForSpecimen()).toEqual({ files: [], metrics: [] });
  });

  it('refuses an msi.json while the analysis has no MSI-H cut-off, saying where to set it', async () => {
    await expect(ingest('msi.json', MSI_JSON)).rejects.toMatchObject({
      line: 3,
      field: '/PercentageUnstableSites',
      message:
        'msi.json:3: /PercentageUnstableSites: DRAGEN gives the percentage of unstable sites but no MSI status; genvei has no cut-off of its own: set the MSI-H cut-off (percent unstable sites) for analysis fjordvik-lunge-ngs in the catalogue',
    });
    expect(await storedForSpecimen()).toEqual({ files: [], metrics: [] });
  });

  it('ingests both once the catalogue has the choices: the chosen figure, and the status at the cut-off', async () => {
    const curator = await t.login('kurator');
    const edit = await editAnalysis(t, curator, 'fjordvik-lunge-ngs', {
      tmbFigure: 'AdjustedTmbPerMb',
      msiHighAtPercent: 20,
    });
    expect(edit.statusCode).toBe(200);
    expect(await ingest('tmb.json', TMB_JSON)).toMatchObject({ status: 'ingested', records: 1 });
    expect(await upload('msi.json', MSI_JSON)).toMatchObject({ status: 'done', error: null });
    const stored = await storedForSpecimen();
    expect(stored.files.sort()).toEqual(['msi.json', 'tmb.json']);
    expect(stored.metrics).toEqual(
      expect.arrayContaining([
        {
          tmb: 12.4,
          tmb_unit: 'mut/Mb',
          tmb_method: 'DRAGEN AdjustedTmbPerMb',
          msi_status: null,
          msi_score: null,
          msi_method: null,
        },
        {
          tmb: null,
          tmb_unit: null,
          tmb_method: null,
          msi_status: 'MSI-H',
          msi_score: 25,
          msi_method: 'DRAGEN MSI, MSI-H at ≥ 20 %',
        },
      ]),
    );
  });

  it('names the chosen figure when the file lacks it', async () => {
    const curator = await t.login('kurator');
    await editAnalysis(t, curator, 'fjordvik-lunge-ngs', { tmbFigure: 'NonsynonymousTmbPerMb' });
    await expect(ingest('partial.tmb.json', '{\n  "TmbPerMb": 13.1\n}\n')).rejects.toMatchObject({
      message:
        'partial.tmb.json:1: /: the file has no NonsynonymousTmbPerMb, the TMB figure set for analysis fjordvik-lunge-ngs in the catalogue; it has TmbPerMb',
    });
  });
});
