import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSampleMetrics, readSampleMetrics } from './sampleMetrics.ts';
import { badFixture, caseFixture, errorOf } from './testing.ts';

const json = (value: unknown) => JSON.stringify(value, null, 2);

describe('sample metrics in genvei’s JSON layout', () => {
  it('reads the case’s metrics', async () => {
    expect(await readSampleMetrics(caseFixture('tumour-normal.metrics.json'))).toEqual({
      sample: 'TUMOR',
      tmb: { value: 12.4, unit: 'mut/Mb', callableMb: 33.8 },
      msi: { status: 'MSS', score: 1.85, method: 'DRAGEN MSI' },
      purity: 0.6,
      ploidy: 2.1,
      source: 'json',
      pipeline: { name: 'DRAGEN somatic', version: '4.2.4' },
    });
  });

  it('reads text the same as the file', async () => {
    const text = readFileSync(caseFixture('tumour-normal.metrics.json'), 'utf8');
    expect(parseSampleMetrics(text)).toEqual(
      await readSampleMetrics(caseFixture('tumour-normal.metrics.json')),
    );
  });

  it('takes any one metric alone; absent and null both mean not reported', () => {
    expect(parseSampleMetrics(json({ msi: { status: 'msi-h' }, tmb: null, extra: [1] }))).toEqual({
      sample: null,
      tmb: null,
      msi: { status: 'MSI-H', score: null, method: null },
      purity: null,
      ploidy: null,
      source: 'json',
      pipeline: null,
    });
  });

  it('takes a percentage only as purityPercent', () => {
    expect(parseSampleMetrics(json({ purityPercent: 60 })).purity).toBe(0.6);
    expect(
      errorOf(() => parseSampleMetrics(json({ purity: 0.6, purityPercent: 60 }), { file: 'm.json' })),
    ).toMatchObject({
      line: 3,
      field: '/purityPercent',
      reason: 'give purity (0–1) or purityPercent (0–100), not both',
    });
  });

  it('refuses a percentage in purity’s place, naming its line', async () => {
    const read = readSampleMetrics(badFixture('purity-percent.metrics.json'), {
      file: 'purity-percent.metrics.json',
    });
    await expect(read).rejects.toMatchObject({
      name: 'CallsFileError',
      message:
        'purity-percent.metrics.json:4: /purity: purity must be a fraction from 0 to 1, got 60; a percentage belongs in purityPercent',
    });
  });

  it.each([
    [
      { msi: { status: 'unstable' } },
      3,
      '/msi/status',
      'expected MSI-H, MSI-L, MSS or indeterminate, got "unstable"',
    ],
    [
      { msi: { status: 'constructor' } },
      3,
      '/msi/status',
      'expected MSI-H, MSI-L, MSS or indeterminate, got "constructor"',
    ],
    [{ msi: { score: 3 } }, 2, '/msi/status', 'expected a non-empty string, got nothing'],
    [
      { msi: { status: 'MSS', score: -2.5 } },
      4,
      '/msi/score',
      'an MSI score must be a number of at least 0, got -2.5',
    ],
    [{ tmb: { unit: 'mut/Mb' } }, 2, '/tmb/value', 'expected a number, got nothing'],
    [{ tmb: { value: '12' } }, 3, '/tmb/value', 'expected a number, got "12"'],
    [{ tmb: { value: -1 } }, 3, '/tmb/value', 'TMB must be a number of at least 0, got -1'],
    [
      { tmb: { value: 5, unit: 'mut/exome' } },
      4,
      '/tmb/unit',
      'expected mut/Mb (mutations per megabase), got "mut/exome"',
    ],
    [
      { tmb: { value: 5, callableMb: 0 } },
      4,
      '/tmb/callableMb',
      'expected a positive number of megabases, got 0',
    ],
    [
      { purity: 1.2 },
      2,
      '/purity',
      'purity must be a fraction from 0 to 1, got 1.2; a percentage belongs in purityPercent',
    ],
    [{ purity: -0.1 }, 2, '/purity', 'purity must be a fraction from 0 to 1, got -0.1'],
    [{ purityPercent: 160 }, 2, '/purityPercent', 'purityPercent must be from 0 to 100, got 160'],
    [{ ploidy: 0 }, 2, '/ploidy', 'ploidy must be a positive number, got 0'],
    [
      { purity: 0.5, pipeline: { version: '1' } },
      3,
      '/pipeline/name',
      'expected a non-empty string, got nothing',
    ],
    [
      { sample: 'TUMOR' },
      1,
      '/',
      'no metrics: expected at least one of tmb, msi, purity, purityPercent, ploidy',
    ],
    [[0.6], 1, '/', 'expected an object, got an array'],
  ])('%j fails on line %d at %s', (value, line, field, reason) => {
    expect(errorOf(() => parseSampleMetrics(json(value), { file: 'm.json' }))).toMatchObject({
      file: 'm.json',
      line,
      field,
      reason,
    });
  });

  it('names the line of a JSON syntax error', () => {
    const text = '{\n  "purity": 0.6,\n  "ploidy": 2.1,\n}\n';
    expect(errorOf(() => parseSampleMetrics(text, { file: 'm.json' })).message).toBe(
      'm.json:4: json: expected a "quoted" member name',
    );
  });

  it('names a file that is not there', async () => {
    await expect(readSampleMetrics('/nonexistent/m.json', { file: 'm.json' })).rejects.toMatchObject({
      message: 'm.json:1: file: no such file',
    });
  });
});

describe('DRAGEN’s flat TMB and MSI JSON', () => {
  const tmbJson = json({
    TmbPerMb: 13.1,
    AdjustedTmbPerMb: 12.4,
    NonsynonymousTmbPerMb: 9.8,
    AdjustedNonsynonymousTmbPerMb: 9.2,
    TotalRegionSizeMb: 1.94,
    CodingRegionSizeMb: 1.33,
    Settings: { MinimumVaf: 0.05 },
  });
  const msiJson = (percent: number | string, valid = true) =>
    `{\n  "TotalMicrosatelliteSitesAssessed": 2212,\n  "PercentageUnstableSites": ${percent},\n  "ResultIsValid": ${valid}\n}`;

  it('takes the TMB figure the laboratory names, and says which it is', () => {
    expect(parseSampleMetrics(tmbJson, { dragen: { tmbKey: 'AdjustedTmbPerMb' } })).toEqual({
      sample: null,
      tmb: { value: 12.4, unit: 'mut/Mb', callableMb: null, method: 'DRAGEN AdjustedTmbPerMb' },
      msi: null,
      purity: null,
      ploidy: null,
      source: 'json',
      pipeline: null,
    });
  });

  it('will not pick a TMB figure itself', () => {
    expect(errorOf(() => parseSampleMetrics(tmbJson, { file: 'tmb.json' }))).toMatchObject({
      line: 2,
      field: '/TmbPerMb',
      reason:
        'DRAGEN reports several TMB figures (TmbPerMb, AdjustedTmbPerMb, NonsynonymousTmbPerMb, AdjustedNonsynonymousTmbPerMb); name the one the laboratory reports (dragen.tmbKey)',
    });
  });

  it('calls MSI status against the assay’s cut-off, at or above it MSI-H, and keeps the cut-off with it', () => {
    const dragen = { msiHighAtPercent: 20 };
    expect(parseSampleMetrics(msiJson(20), { dragen }).msi).toEqual({
      status: 'MSI-H',
      score: 20,
      method: 'DRAGEN MSI, MSI-H at ≥ 20 %',
    });
    expect(parseSampleMetrics(msiJson(19.99), { dragen }).msi).toEqual({
      status: 'MSS',
      score: 19.99,
      method: 'DRAGEN MSI, MSI-H at ≥ 20 %',
    });
    expect(parseSampleMetrics(msiJson('"4.5"'), { dragen }).msi?.score).toBe(4.5);
  });

  it('refuses a percentage of unstable sites outside 0–100', () => {
    for (const percent of [-5, 150])
      expect(
        errorOf(() => parseSampleMetrics(msiJson(percent), { dragen: { msiHighAtPercent: 20 } })),
      ).toMatchObject({
        line: 3,
        field: '/PercentageUnstableSites',
        reason: `a percentage of unstable sites must be 0–100, got ${percent}`,
      });
  });

  it('reports an invalid or uncomputed result as indeterminate, cut-off or not', () => {
    expect(parseSampleMetrics(msiJson(3, false)).msi).toEqual({
      status: 'indeterminate',
      score: 3,
      method: 'DRAGEN MSI',
    });
    expect(parseSampleMetrics(msiJson('NaN')).msi).toEqual({
      status: 'indeterminate',
      score: null,
      method: 'DRAGEN MSI',
    });
    expect(parseSampleMetrics(msiJson('"NaN"')).msi?.status).toBe('indeterminate');
  });

  it('asks for a missing choice where the reader keeps its choices, when told', () => {
    const choicesIn = 'analysis x in the catalogue';
    expect(errorOf(() => parseSampleMetrics(tmbJson, { dragen: { choicesIn } })).reason).toMatch(
      /; genvei will not choose one: set the TMB figure for analysis x in the catalogue$/,
    );
    expect(errorOf(() => parseSampleMetrics(msiJson(25), { dragen: { choicesIn } })).reason).toMatch(
      /; genvei has no cut-off of its own: set the MSI-H cut-off \(percent unstable sites\) for analysis x in the catalogue$/,
    );
  });

  it('asks for the cut-off rather than guess one', () => {
    expect(errorOf(() => parseSampleMetrics(msiJson(25), { file: 'msi.json' })).message).toBe(
      'msi.json:3: /PercentageUnstableSites: DRAGEN gives the percentage of unstable sites but no MSI status; give the assay’s MSI-H cut-off (dragen.msiHighAtPercent)',
    );
  });
});
