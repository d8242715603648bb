import { fileURLToPath } from 'node:url';
import { CallsFileError } from './errors.ts';

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

/** The CallsFileError `run` throws; anything else it throws, or nothing, fails the test. */
export function errorOf(run: () => unknown): CallsFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof CallsFileError) return error;
    throw error;
  }
  throw new Error('expected a CallsFileError');
}
