import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readRows } from '../ingest/readRows.ts';
import { openVcf } from './reader.ts';

// The hts-specs test files, read in place from ../shared beside the repository (never copied).
const corpus = new URL('../../../../../shared/data/vcf-conformance/', import.meta.url);

/** Every batch's rows and the QC, or the error, of reading a file for an ingest. */
async function outcome(path: string, lineLane: boolean): Promise<unknown> {
  try {
    const vcf = await openVcf(path);
    const stream = readRows(vcf, { samples: vcf.header.samples, reference: null, batchRecords: 3, lineLane });
    const batches: unknown[] = [];
    for await (const batch of stream.batches()) batches.push(batch.rows);
    return { batches, qc: stream.qc() };
  } catch (error) {
    return { error: String(error) };
  }
}

describe.each(['4.2/passed', '4.2/failed', '4.3/passed', '4.3/failed'])('the line lane on %s', (folder) => {
  it('reads every file exactly as the checker alone does: the same rows, QC or error', async () => {
    const directory = fileURLToPath(new URL(`${folder}/`, corpus));
    const names = readdirSync(directory).filter((name) => name.endsWith('.vcf'));
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      const path = `${directory}${name}`;
      expect(await outcome(path, true), name).toEqual(await outcome(path, false));
    }
  });
});
