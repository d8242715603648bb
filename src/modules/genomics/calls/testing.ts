import { fileURLToPath } from 'node:url';

/** A file of the shared tumour/normal case, beside its VCF. */
export function caseFixture(name: string): string {
  return fileURLToPath(new URL(`../../../../test/fixtures/vcf/${name}`, import.meta.url));
}

/** A bad-input file written for these parsers' error tests. */
export function badFixture(name: string): string {
  return fileURLToPath(new URL(`../../../../test/fixtures/calls/${name}`, import.meta.url));
}

/** Rows joined with tabs within and newlines between, so tests can write tables without escapes. */
export function tsv(rows: string[][]): string {
  return `${rows.map((row) => row.join('\t')).join('\n')}\n`;
}
