import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type HgncGene, parseHgncGenes } from './hgnc.ts';

/** A file under test/fixtures/catalogue, written by us for these tests. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../../../test/fixtures/catalogue/${name}`, import.meta.url));
}

/** Reads a TSV the way the importer will: line by line from a stream. */
export async function hgncGenesIn(name: string): Promise<HgncGene[]> {
  const lines = createInterface({ input: createReadStream(fixture(name)), crlfDelay: Infinity });
  const genes: HgncGene[] = [];
  for await (const gene of parseHgncGenes(lines, { file: name })) genes.push(gene);
  return genes;
}
