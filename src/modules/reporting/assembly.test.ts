import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, testApp } from '../../platform/testing/testApp.ts';
import { tsv } from '../genomics/calls/testing.ts';
import { ingestResultFile } from '../genomics/ingest/ingestResultFile.ts';
import { finalisedMelanomaCase } from '../interpretation/testing.ts';

let t: TestApp;
let lab: Client;
let dir: string;
let caseId: string;

beforeAll(async () => {
  t = await testApp();
  lab = await t.login('bioingenior');
  dir = mkdtempSync(path.join(tmpdir(), 'genvei-report-'));
  const done = await finalisedMelanomaCase(t, lab, await t.login('bioinformatiker'));
  caseId = done.caseId;
  const order = (await lab.request('GET', `/api/orders/${done.orderId}`)).json();
  const file = path.join(dir, 'rna.fusions.tsv');
  writeFileSync(
    file,
    tsv([
      ['Gene5', 'Gene3', 'Breakpoint5', 'Breakpoint3', 'SpanningReads', 'JunctionReads', 'Frame'],
      ['AGK', 'BRAF', 'chr7:141652630:+', 'chr7:140787584:-', '9', '14', 'in-frame'],
      ['TP63', '.', 'chr3:189631416:+', 'NC_001526.4:3200', '11', '9', 'unknown'],
      ['EML4', 'ALK', 'chr2:42299753:+', 'chr2:29223528:-', '18', '42', 'unknown'],
      ['TP53', 'ATP1B2', 'chr17:7673534:-', 'chr17:7659000:+', '3', '5', 'out-of-frame'],
      // An intronic read-through (Arriba's `.` frame) and an intergenic partner named by its neighbours.
      ['TP53', 'WRAP53', 'chr17:7676520:-', 'chr17:7686000:+', '2', '4', 'non-coding'],
      ['LINC01234(1520),BRAF(24388)', 'ALK', 'chr12:1000:+', 'chr2:29223528:-', '2', '3', 'unknown'],
    ]),
  );
  const ingested = await ingestResultFile(t.database.db, 'fusions', {
    file,
    orderId: done.orderId,
    specimenId: order.specimens[0].id,
    actor: { userId: null, username: 'cli:test' },
    role: 'tumor',
  });
  // No reader stores an in-frame call with a partner in no gene; the report must not rely on that.
  await sql`
    insert into fusion_call (file_id, sample_id, line, name, gene5, gene3, chrom5, pos5, chrom3, pos3, frame)
    select file_id, sample_id, 19, 'NTRK1::chrUn_KI270742v1:1200', 'NTRK1', null,
           'chr1', 156874906, 'chrUn_KI270742v1', 1200, 'in-frame'
    from fusion_call where file_id = ${ingested.fileId as string} and line = 2
  `.execute(t.database.db);
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the fusions a report draft proposes', () => {
  it('are the in-frame and unframed calls with a gene on both sides; a partner in no gene never reads "null"', async () => {
    const drafted = await lab.request('POST', `/api/cases/${caseId}/report`);
    expect(drafted.statusCode).toBe(201);
    const { content, html } = (
      await lab.request('GET', `/api/reports/${drafted.json().id}/versions/1`)
    ).json();
    expect(content.fusions).toMatchObject([
      {
        fivePrime: { symbol: 'AGK' },
        threePrime: { symbol: 'BRAF' },
        description: 'AGK::BRAF (chr7:141652630::chr7:140787584), leseramme bevart',
        supportingReads: 23,
      },
      {
        fivePrime: { symbol: 'EML4' },
        threePrime: { symbol: 'ALK' },
        description: 'EML4::ALK (chr2:42299753::chr2:29223528), leseramme ikke oppgitt av fusjonskalleren',
        supportingReads: 60,
      },
    ]);
    expect(html).toContain('AGK::BRAF');
    expect(html).not.toMatch(/null/i);
  });
});
