import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../platform/testing/testApp.ts';
import { tsv } from '../calls/testing.ts';
import { lungOrder } from '../testing.ts';
import { ingestFusions } from './ingestCalls.ts';

const actor = { userId: null, username: 'cli:test' };

let t: TestApp;
let dir: string;
let order: { id: string; specimenId: string };

beforeAll(async () => {
  t = await testApp();
  dir = mkdtempSync(path.join(tmpdir(), 'genvei-calls-'));
  order = await lungOrder(t);
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

async function ingestFusionText(name: string, text: string) {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  const result = await ingestFusions(
    t.database.db,
    { file, orderId: order.id, specimenId: order.specimenId, actor, role: 'tumor' },
    () => {},
  );
  if (result.status !== 'ingested') throw new Error(`expected a new file, got ${result.status}`);
  return result.fileId;
}

const storedFusions = (fileId: string) =>
  t.database.db
    .selectFrom('fusion_call')
    .select(['sample_id', 'name', 'gene5', 'gene3', 'chrom3', 'pos3'])
    .where('file_id', '=', fileId)
    .orderBy('line')
    .execute();

describe('storing fusion calls', () => {
  it('keeps a partner in no gene as a null gene, the call named by its breakpoint', async () => {
    const fileId = await ingestFusionText(
      'intergenic.fusions.tsv',
      tsv([
        ['Gene5', 'Gene3', 'Breakpoint5', 'Breakpoint3', 'SpanningReads', 'JunctionReads', 'Frame'],
        ['EML4', 'ALK', 'chr2:42299753:+', 'chr2:29223528:-', '18', '42', 'in-frame'],
        ['TP63', '.', 'chr3:189631416:+', 'NC_001526.4:3200', '11', '9', '.'],
      ]),
    );
    expect(await storedFusions(fileId)).toMatchObject([
      { name: 'EML4::ALK', gene5: 'EML4', gene3: 'ALK' },
      { name: 'TP63::NC_001526.4:3200', gene5: 'TP63', gene3: null, chrom3: 'NC_001526.4', pos3: 3200 },
    ]);
  });

  it('stores STAR-Fusion’s abridged predictions, frame and transcripts from its coding effect', async () => {
    const fileId = await ingestFusionText(
      'star-fusion.fusion_predictions.abridged.coding_effect.tsv',
      tsv([
        [
          '#FusionName',
          'JunctionReadCount',
          'SpanningFragCount',
          'SpliceType',
          'LeftGene',
          'LeftBreakpoint',
          'RightGene',
          'RightBreakpoint',
          'FFPM',
          'annots',
          'CDS_LEFT_ID',
          'CDS_RIGHT_ID',
          'PROT_FUSION_TYPE',
        ],
        [
          'BCR--ABL1',
          '37',
          '12',
          'ONLY_REF_SPLICE',
          'BCR^ENSG00000186716.21',
          'chr22:23290555:+',
          'ABL1^ENSG00000097007.19',
          'chr9:130714455:+',
          '2.8101',
          '["Mitelman","Cosmic"]',
          'ENST00000305877.13',
          'ENST00000318560.6',
          'INFRAME',
        ],
      ]),
    );
    const [stored] = await t.database.db
      .selectFrom('fusion_call')
      .selectAll()
      .where('file_id', '=', fileId)
      .execute();
    expect(stored).toMatchObject({
      name: 'BCR::ABL1',
      gene5: 'BCR',
      gene3: 'ABL1',
      chrom5: 'chr22',
      pos5: 23290555,
      strand5: '+',
      transcript5: 'ENST00000305877.13',
      transcript3: 'ENST00000318560.6',
      junction_reads: 37,
      spanning_reads: 12,
      frame: 'in-frame',
      confidence: null,
      caller: 'STAR-Fusion',
    });
  });

  it('refuses, in the table itself, a call with no gene on either side', async () => {
    const fileId = await ingestFusionText(
      'one.fusions.tsv',
      tsv([
        ['Gene5', 'Gene3', 'Breakpoint5', 'Breakpoint3', 'SpanningReads', 'JunctionReads', 'Frame'],
        ['KIF5B', 'RET', 'chr10:32017143:-', 'chr10:43114480:+', '12', '30', 'in-frame'],
      ]),
    );
    const [stored] = await storedFusions(fileId);
    const insert = sql`
      insert into fusion_call (file_id, sample_id, line, name, gene5, gene3, chrom5, pos5, chrom3, pos3, frame)
      values (${fileId}, ${stored?.sample_id}, 3, 'chr1:5::chr1:9', null, null, 'chr1', 5, 'chr1', 9, 'unknown')
    `.execute(t.database.db);
    await expect(insert).rejects.toThrow(/fusion_call_names_a_gene/);
  });
});
