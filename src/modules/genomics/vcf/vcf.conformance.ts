import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateVcf } from './validate.ts';

// The hts-specs test files, read in place from ../shared beside the repository (never copied).
const repositoryRoot = new URL('../../../../', import.meta.url);
const corpus = new URL('../shared/data/vcf-conformance/', repositoryRoot);
const decisions = readFileSync(new URL('docs/decisions/vcf-conformance.md', repositoryRoot), 'utf8');

/** `| \`4.3/failed/x.vcf\` | cause | why we accept |` rows of the decisions file, by file. */
const acceptedInDecisions = new Map<string, string>(
  [...decisions.matchAll(/^\|\s*`(4\.[23]\/failed\/[^`]+)`\s*\|[^|]*\|\s*([^|]*?)\s*\|$/gm)].map((row) => [
    row[1] ?? '',
    row[2] ?? '',
  ]),
);

async function verdicts(version: string, folder: 'passed' | 'failed') {
  const directory = fileURLToPath(new URL(`${version}/${folder}/`, corpus));
  const files = readdirSync(directory)
    .filter((name) => name.endsWith('.vcf'))
    .sort();
  return Promise.all(
    files.map(async (name) => ({
      name: `${version}/${folder}/${name}`,
      result: await validateVcf(`${directory}${name}`),
    })),
  );
}

describe.each(['4.2', '4.3'])('VCF %s conformance (samtools/hts-specs test/vcf)', (version) => {
  it('accepts every file in passed/', async () => {
    const rejected = (await verdicts(version, 'passed')).filter(({ result }) => !result.ok);
    expect(rejected.map(({ name, result }) => ({ name, error: result.ok ? null : result.error }))).toEqual(
      [],
    );
  });

  it('rejects at least 95% of failed/, and every accepted one is explained in docs/decisions/vcf-conformance.md', async () => {
    const results = await verdicts(version, 'failed');
    const accepted = results.filter(({ result }) => result.ok).map(({ name }) => name);
    expect(results.length).toBeGreaterThan(150);
    expect(1 - accepted.length / results.length).toBeGreaterThanOrEqual(0.95);
    for (const name of accepted)
      expect(acceptedInDecisions.get(name), `${name} needs a reason`).toMatch(/\w{3,}/);
    const listed = [...acceptedInDecisions.keys()].filter((name) => name.startsWith(`${version}/`));
    expect(listed.sort(), 'the decisions file lists only files that are accepted').toEqual(accepted);
  });
});
