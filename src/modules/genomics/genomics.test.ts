import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, lastAuditEntry, type TestApp, testApp } from '../../platform/testing/testApp.ts';
import { unfinished } from './ingestJobs.ts';
import { lungOrder } from './testing.ts';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../../test/fixtures/vcf/${name}`, import.meta.url)));
const SHA = 'a'.repeat(64);

let t: TestApp;
let lab: Client;
let requester: Client;
let specimenId: string;

beforeAll(async () => {
  t = await testApp();
  requester = await t.login('rekvirent');
  lab = await t.login('bioinformatiker');
  specimenId = (await lungOrder(t, { patient: 1, tumourCellPercent: 60 })).specimenId;
});
afterAll(async () => {
  await t?.close();
});

const octets = { 'content-type': 'application/octet-stream' };

/** Uploads a file and waits for its ingest job to finish, as the page does. */
async function upload(client: Client, query: string, body: Buffer, specimen = specimenId) {
  const started = await client.request('POST', `/api/specimens/${specimen}/results?${query}`, body, octets);
  if (started.statusCode !== 202) return started.json();
  let job = started.json();
  while (unfinished(job)) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    job = (await client.request('GET', `/api/ingest-jobs/${job.id}`)).json();
  }
  return job;
}

describe('uploading a tumour/normal result set over HTTP', () => {
  it('streams each file, ingests it in the background and reports the outcome', async () => {
    const vcf = await upload(
      lab,
      'kind=vcf&fileName=tumour-normal.vep.vcf&sample=TUMOR%3Dtumor&sample=NORMAL%3Dnormal&pipeline=DRAGEN&pipelineVersion=4.2.4',
      fixture('tumour-normal.vep.vcf'),
    );
    expect(vcf).toMatchObject({
      status: 'done',
      kind: 'vcf',
      records: 4,
      result: { status: 'ingested', records: 4 },
    });
    for (const [kind, name] of [
      ['copy-number', 'tumour-normal.cna.tsv'],
      ['fusions', 'tumour-normal.fusions.tsv'],
      ['metrics', 'tumour-normal.metrics.json'],
    ]) {
      const job = await upload(lab, `kind=${kind}&fileName=${name}&role=tumor`, fixture(name as string));
      expect({ name, status: job.status, error: job.error }).toEqual({ name, status: 'done', error: null });
    }
    const again = await upload(
      lab,
      'kind=copy-number&fileName=again.cna.tsv',
      fixture('tumour-normal.cna.tsv'),
    );
    expect(again.result).toMatchObject({ status: 'already-ingested' });
  });

  it('shows the sample page what the files say: QC, metrics, copy number, fusions, provenance', async () => {
    const response = await requester.request('GET', `/api/specimens/${specimenId}/genomics`);
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(page.files.map((f: { format: string }) => f.format).sort()).toEqual([
      'copy-number-tsv',
      'fusion-tsv',
      'metrics-json',
      'vcf',
    ]);
    const vcfFile = page.files.find((f: { format: string }) => f.format === 'vcf');
    expect(vcfFile).toMatchObject({
      file_name: 'tumour-normal.vep.vcf',
      pipeline: 'DRAGEN',
      pipeline_version: '4.2.4',
      reference_build: 'GRCh38',
      annotation_source: 'VEP',
      records: 4,
      uri: null,
      ingested_by: 'Bjørn Bioinformatiker',
      merged_alleles: 0,
      merged_lines: [],
    });
    expect(vcfFile.drs_id).toBe(vcfFile.id);
    const tumour = page.samples.find(
      (s: { name_in_file: string; file_id: string }) =>
        s.name_in_file === 'TUMOR' && s.file_id === vcfFile.id,
    );
    expect(tumour).toMatchObject({ role: 'tumor', records: 5, observations: 5 });
    const metrics = page.samples.find((s: { metrics_source: string | null }) => s.metrics_source === 'json');
    expect(metrics).toMatchObject({
      name_in_file: 'TUMOR',
      tmb: 12.4,
      tmb_unit: 'mut/Mb',
      msi_status: 'MSS',
      msi_method: 'DRAGEN MSI',
    });
    expect(metrics.purity).toBeCloseTo(0.6);
    expect(metrics.msi_score).toBeCloseTo(1.85);
    expect(page.segments).toHaveLength(7);
    expect(page.segments[1]).toMatchObject({
      chrom: 'chr7',
      genes: ['MET'],
      call: 'amplification',
      copy_number: 8,
    });
    expect(page.segments[3]).toMatchObject({ genes: ['CDKN2A', 'CDKN2B'], call: 'homdel' });
    expect(page.fusions.map((f: { name: string }) => f.name)).toEqual([
      'EML4::ALK',
      'AGK::BRAF',
      'TP53::ATP1B2',
    ]);
    expect(page.fusions[0]).toMatchObject({
      frame: 'in-frame',
      pos5: 42299753,
      strand5: '+',
      junction_reads: 42,
      spanning_reads: 18,
      confidence: 'high',
    });
    const audit = await lastAuditEntry(t.database);
    expect(audit).toMatchObject({ resource_type: 'sequencing-data', action: 'read', outcome: 'allow' });
  });

  it('fails a broken file by line and field, leaving nothing behind', async () => {
    const text = fixture('tumour-normal.vep.vcf').toString().replace('DP=90;', 'DP=ninety;');
    const job = await upload(
      lab,
      'kind=vcf&fileName=broken.vcf&sample=TUMOR%3Dtumor&sample=NORMAL%3Dnormal',
      Buffer.from(text),
    );
    expect(job).toMatchObject({ status: 'failed', error: { line: 25, field: 'INFO/DP' } });
    expect(job.error.message).toMatch(/broken\.vcf:25/);
    const files = await t.database.db
      .selectFrom('sequencing_file')
      .select('file_name')
      .where('file_name', '=', 'broken.vcf')
      .execute();
    expect(files).toEqual([]);
  });

  it('names the lines of alleles merged into an earlier record, in the job and on the sample page', async () => {
    // Line 28 repeats the BRAF record of line 24.
    const text = fixture('tumour-normal.vep.vcf').toString();
    const repeated = `${text}${text.split('\n').find((line) => line.startsWith('chr7'))}\n`;
    const job = await upload(
      lab,
      'kind=vcf&fileName=repeated.vcf&sample=TUMOR%3Dtumor&sample=NORMAL%3Dnormal',
      Buffer.from(repeated),
    );
    expect(job).toMatchObject({
      status: 'done',
      result: { records: 5, variants: 5, observations: 10, merged: 1, mergedLines: [28] },
    });
    const page = (await requester.request('GET', `/api/specimens/${specimenId}/genomics`)).json();
    expect(page.files.find((f: { file_name: string }) => f.file_name === 'repeated.vcf')).toMatchObject({
      records: 5,
      merged_alleles: 1,
      merged_lines: [28],
    });
  });

  it('keeps the outcome of a job that fails at once, for any instance to read', async () => {
    // Fails before reading a record (two samples, no roles): it must not finish before its row is stored.
    const text = fixture('tumour-normal.vep.vcf').toString().replace('##fileformat=VCFv4.2\n', '$&##run=3\n');
    const job = await upload(lab, 'kind=vcf&fileName=no-roles.vcf', Buffer.from(text));
    expect(job).toMatchObject({ status: 'failed' });
    expect(job.error.message).toMatch(/give each sample its role/);
    const stored = await t.database.db
      .selectFrom('ingest_job')
      .select(['status', 'error'])
      .where('id', '=', job.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ status: 'failed', error: { message: expect.stringMatching(/its role/) } });
  });

  it('refuses an upload from outside the performing lab, audits it and keeps no copy', async () => {
    const before = readdirSync(tmpdir()).filter((f) => f.startsWith('genvei-upload-')).length;
    const response = await requester.request(
      'POST',
      `/api/specimens/${specimenId}/results?kind=vcf&fileName=x.vcf&role=tumor`,
      fixture('tumour-normal.vep.vcf'),
      octets,
    );
    expect(response.statusCode).toBe(403);
    expect(await lastAuditEntry(t.database)).toMatchObject({
      resource_type: 'sequencing-data',
      action: 'create',
      outcome: 'deny',
    });
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith('genvei-upload-')).length).toBe(before);
  });
  it('removes the uploaded file and keeps no job when the request cannot commit', async () => {
    // The upload's own audit entry fails at the end of its transaction, after the job was started.
    const { db } = t.database;
    await sql`
      create function refuse_upload_audit() returns trigger language plpgsql as $$
      begin
        if new.resource_type = 'sequencing-data' and new.action = 'create' and new.outcome = 'allow' then
          raise exception 'audit store unavailable (test)';
        end if;
        return new;
      end $$`.execute(db);
    await sql`create trigger refuse_upload_audit before insert on audit_entry
      for each row execute function refuse_upload_audit()`.execute(db);
    const uploads = () => readdirSync(tmpdir()).filter((f) => f.startsWith('genvei-upload-')).length;
    const before = uploads();
    try {
      const response = await lab.request(
        'POST',
        `/api/specimens/${specimenId}/results?kind=vcf&fileName=uncommitted.vcf&sample=TUMOR%3Dtumor&sample=NORMAL%3Dnormal`,
        Buffer.from(
          fixture('tumour-normal.vep.vcf').toString().replace('##fileformat=VCFv4.2\n', '$&##run=4\n'),
        ),
        octets,
      );
      expect(response.statusCode).toBe(500);
    } finally {
      await sql`drop trigger refuse_upload_audit on audit_entry`.execute(db);
      await sql`drop function refuse_upload_audit()`.execute(db);
    }
    // The file removal is not awaited by the request; give it a moment.
    for (let i = 0; i < 50 && uploads() > before; i++) await new Promise((r) => setTimeout(r, 20));
    expect(uploads()).toBe(before);
    // The job's row went with the rolled-back request, and nothing was ingested. (Whether the
    // ingest was launched at all is not visible from here: with its file gone it would fail
    // without a trace; the file's removal above is what shows `otherwise` ran.)
    await new Promise((resolve) => setTimeout(resolve, 100));
    const left = await db
      .selectFrom('ingest_job')
      .select('id')
      .where('file_name', '=', 'uncommitted.vcf')
      .union(db.selectFrom('sequencing_file').select('id').where('file_name', '=', 'uncommitted.vcf'))
      .execute();
    expect(left).toEqual([]);
  });
});

describe('copy-number calls and the tumour ploidy', () => {
  // CN 3 is a gain in a diploid tumour, neutral at ploidy 3.2 (3 copies), and CN 2 a loss there.
  const segments = Buffer.from(
    'Chromosome\tStart\tEnd\tSegment_Mean\tCopy_Number\tGenes\tCall\n' +
      'chr7\t1\t1000\t0.3\t3\tEGFR\t\n' +
      'chr17\t1\t1000\t-0.2\t2\tTP53\t\n' +
      'chr9\t1\t1000\t-0.2\t2\tCDKN2A\tLOSS\n',
  );
  const metrics = (ploidy: number) => Buffer.from(JSON.stringify({ sample: 'TUMOR', purity: 0.5, ploidy }));
  const callsOf = async (specimen: string) => {
    const page = (await requester.request('GET', `/api/specimens/${specimen}/genomics`)).json();
    return page.segments.map(
      (s: { genes: string[]; call: string; call_basis: string; call_ploidy: number | null }) => [
        s.genes[0],
        s.call,
        s.call_basis,
        s.call_ploidy,
      ],
    );
  };
  const atPloidy = (ploidy: number) => [
    ['EGFR', 'neutral', 'copy-number', ploidy],
    ['TP53', 'loss', 'copy-number', ploidy],
    ['CDKN2A', 'loss', 'file', null],
  ];

  it('calls segments against the ploidy known when they are read, whichever file came first', async () => {
    const metricsFirst = (await lungOrder(t, { patient: 0 })).specimenId;
    const segmentsFirst = (
      await lungOrder(t, { patient: 1, duplicateOverrideReason: 'Ny biopsi etter progresjon' })
    ).specimenId;
    const ingest = async (specimen: string, kind: string, body: Buffer) => {
      const job = await upload(lab, `kind=${kind}&fileName=${kind}.txt&role=tumor`, body, specimen);
      expect({ kind, status: job.status, error: job.error }).toEqual({ kind, status: 'done', error: null });
    };
    await ingest(metricsFirst, 'metrics', metrics(3.2));
    await ingest(metricsFirst, 'copy-number', segments);
    await ingest(segmentsFirst, 'copy-number', segments);
    // Before any metrics, the copy numbers are called against a diploid genome.
    expect(await callsOf(segmentsFirst)).toEqual([
      ['EGFR', 'gain', 'copy-number', 2],
      ['TP53', 'neutral', 'copy-number', 2],
      ['CDKN2A', 'loss', 'file', null],
    ]);
    await ingest(segmentsFirst, 'metrics', metrics(3.2));
    expect(await callsOf(segmentsFirst)).toEqual(atPloidy(3.2));
    expect(await callsOf(metricsFirst)).toEqual(atPloidy(3.2));
  });

  it("calls a male's X outside the PARs against one copy, a female's against two", async () => {
    const xSegments = Buffer.from(
      'Chromosome\tStart\tEnd\tSegment_Mean\tCopy_Number\tGenes\tCall\n' +
        'chrX\t77504880\t77786233\t-1.0\t1\tATRX\t\n' +
        'chrX\t1400000\t1500000\t-1.0\t1\tCSF2RA\t\n',
    );
    const reason = 'Ny biopsi etter progresjon';
    const female = (await lungOrder(t, { patient: 0, duplicateOverrideReason: reason })).specimenId;
    const male = (await lungOrder(t, { patient: 1, duplicateOverrideReason: reason })).specimenId;
    for (const specimen of [female, male]) {
      const job = await upload(lab, 'kind=copy-number&fileName=x.cna.tsv&role=tumor', xSegments, specimen);
      expect(job.status).toBe('done');
    }
    const oneCopy = async (specimen: string) => {
      const page = (await requester.request('GET', `/api/specimens/${specimen}/genomics`)).json();
      return page.segments.map((s: { genes: string[]; call: string; call_one_copy: boolean }) => [
        s.genes[0],
        s.call,
        s.call_one_copy,
      ]);
    };
    expect(await oneCopy(female)).toEqual([
      ['ATRX', 'loss', false],
      ['CSF2RA', 'loss', false],
    ]);
    // CSF2RA lies in PAR1, which a male has two copies of.
    expect(await oneCopy(male)).toEqual([
      ['ATRX', 'neutral', true],
      ['CSF2RA', 'loss', false],
    ]);
  });
});

describe('raw files by reference, served through GA4GH DRS', () => {
  let rawId: string;
  const cram = {
    name: 'tumour.cram',
    uri: 's3://fjordvik-sekvensering/run-2026-41/tumour.cram',
    format: 'cram',
    sizeBytes: 18_234_567_890,
    sha256: SHA,
    accessZone: 'Fjordvik HF forskningssone',
  };

  it('registers a file by URI, size and checksum; the same again is no change; a changed file is refused', async () => {
    const first = await lab.request('POST', `/api/specimens/${specimenId}/raw-files`, cram);
    expect(first.statusCode).toBe(201);
    rawId = first.json().id;
    const again = await lab.request('POST', `/api/specimens/${specimenId}/raw-files`, cram);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: rawId, created: false });
    const changed = await lab.request('POST', `/api/specimens/${specimenId}/raw-files`, {
      ...cram,
      sha256: 'b'.repeat(64),
    });
    expect(changed.statusCode).toBe(409);
  });

  it('names the field of a bad registration', async () => {
    const response = await lab.request('POST', `/api/specimens/${specimenId}/raw-files`, {
      ...cram,
      uri: 'smb://lab/share/tumour.cram',
      sha256: 'xyz',
    });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['/body/sha256', '/body/uri']);
  });

  it('publishes service-info without sign-in', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/ga4gh/drs/v1/service-info' });
    expect(response.json()).toMatchObject({
      type: { group: 'org.ga4gh', artifact: 'drs' },
      // Required by DrsService; there are no bulk routes.
      maxBulkRequestLength: 0,
    });
  });

  it('serves the DRS object to the care team and audits the read', async () => {
    const response = await requester.request('GET', `/ga4gh/drs/v1/objects/${rawId}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      id: rawId,
      name: 'tumour.cram',
      // A hostname-based DRS URI carries no port.
      self_uri: `drs://localhost/${rawId}`,
      size: 18_234_567_890,
      created_time: expect.any(String),
      mime_type: 'application/octet-stream',
      checksums: [{ checksum: SHA, type: 'sha-256' }],
      access_methods: [{ type: 's3', access_url: { url: cram.uri }, region: 'Fjordvik HF forskningssone' }],
      description: 'cram file in access zone Fjordvik HF forskningssone',
    });
    expect(await lastAuditEntry(t.database)).toMatchObject({
      resource_type: 'sequencing-data',
      resource_id: rawId,
      outcome: 'allow',
    });
  });

  it('serves ingested result files as DRS objects too', async () => {
    const page = (await lab.request('GET', `/api/specimens/${specimenId}/genomics`)).json();
    const vcf = page.files.find((f: { format: string }) => f.format === 'vcf');
    const response = await lab.request('GET', `/ga4gh/drs/v1/objects/${vcf.drs_id}`);
    expect(response.json()).toMatchObject({ id: vcf.drs_id, size: vcf.size_bytes, mime_type: 'text/x-vcf' });
    expect(response.json().access_methods).toBeUndefined();
  });

  it('refuses another trust in DRS error form, and audits the refusal', async () => {
    const outsider = await t.login('patolog.ostdal');
    const response = await outsider.request('GET', `/ga4gh/drs/v1/objects/${rawId}`);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ msg: expect.stringMatching(/neither cares/), status_code: 403 });
    expect(await lastAuditEntry(t.database)).toMatchObject({
      resource_type: 'sequencing-data',
      resource_id: rawId,
      outcome: 'deny',
    });
    const anonymous = await t.app.inject({ method: 'GET', url: `/ga4gh/drs/v1/objects/${rawId}` });
    expect(anonymous.json()).toMatchObject({ status_code: 401 });
  });

  it('answers an unknown object and a path it does not serve with 404 in DRS form', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const missing = await lab.request('GET', `/ga4gh/drs/v1/objects/${unknown}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ msg: expect.stringContaining(unknown), status_code: 404 });
    // Without a session the answer is still "sign in", whether or not the id exists.
    const anonymous = await t.app.inject({ method: 'GET', url: `/ga4gh/drs/v1/objects/${unknown}` });
    expect(anonymous.statusCode).toBe(401);
    // An id that is not one of ours (genvei's are UUIDs) is unknown too, not a bad request.
    const foreign = await lab.request('GET', '/ga4gh/drs/v1/objects/314159');
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toEqual({ msg: 'DRS object 314159 was not found', status_code: 404 });
    for (const [method, url] of [
      ['GET', `/ga4gh/drs/v1/objects/${rawId}/access/s3`],
      ['POST', `/ga4gh/drs/v1/objects/${rawId}`],
      ['OPTIONS', `/ga4gh/drs/v1/objects/${rawId}`],
      ['GET', '/ga4gh/drs/v1/service-info/'],
    ] as const) {
      const response = await lab.request(method, url);
      expect({ method, url, status: response.statusCode, body: response.json() }).toEqual({
        method,
        url,
        status: 404,
        body: {
          msg: expect.stringMatching(/^the DRS route [A-Z]+ \/ga4gh\/drs\/v1\/\S+ was not found$/),
          status_code: 404,
        },
      });
    }
  });

  it('serves an htsget registration as a resolvable https ticket URL', async () => {
    const registered = await lab.request('POST', `/api/specimens/${specimenId}/raw-files`, {
      ...cram,
      name: 'tumour-htsget.cram',
      uri: 'htsget://htsget.fjordvik.example/reads/B2026-04711',
    });
    expect(registered.statusCode).toBeLessThan(300);
    const object = (await lab.request('GET', `/ga4gh/drs/v1/objects/${registered.json().id}`)).json();
    expect(object.access_methods).toEqual([
      {
        type: 'htsget',
        access_url: { url: 'https://htsget.fjordvik.example/reads/B2026-04711' },
        region: 'Fjordvik HF forskningssone',
      },
    ]);
  });
});
