import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { FormatsPlugin } from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { demoReportContent, signedDemoReportContent } from '../testing.ts';
import { toCancerRegistryMessage } from './cancerRegistry.ts';

// ajv-formats is CommonJS whose default export TypeScript's NodeNext typing cannot call.
const addFormats = createRequire(import.meta.url)('ajv-formats') as FormatsPlugin;
const schema = JSON.parse(readFileSync(new URL('./cancerRegistry.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
addFormats(ajv);
const validate = ajv.compile(schema);
const errors = (message: unknown) =>
  validate(message) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

describe('toCancerRegistryMessage', () => {
  it('gives a signed report as a message valid against the published schema', () => {
    const message = toCancerRegistryMessage(signedDemoReportContent());
    expect(errors(message)).toEqual([]);
    expect(message.report).toMatchObject({
      orderNumber: 'FJ-2025-004211',
      version: 1,
      signedAt: '2025-03-12T15:30:00+01:00',
    });
    expect(message.patient.nationalId).toBe('14835845665');
    expect(message.diagnosis).toEqual({
      text: 'Metastase fra malignt melanom',
      icd10: 'C43.5',
      icdO3Morphology: '8720/3',
      oncotree: 'SKCM',
    });
  });

  it('carries each variant with HGVS on its references, classification and interpretation', () => {
    const [braf, tp53] = toCancerRegistryMessage(signedDemoReportContent()).variants;
    expect(braf).toMatchObject({
      gene: 'BRAF',
      hgncId: 'HGNC:1097',
      hgvsc: 'NM_004333.6:c.1799T>A',
      hgvsp: 'NP_004324.2:p.(Val600Glu)',
      hgvsg: 'NC_000007.14:g.140753336A>T',
      classification: {
        scheme: 'clingen-cgc-vicc-2022',
        class: 'oncogenic',
        ampTier: 'I',
        ampLevel: 'A',
        escat: 'I-A',
      },
    });
    expect(braf?.interpretation).toMatch(/^BRAF p\.\(Val600Glu\) er en kjent aktiverende mutasjon/);
    expect(braf?.implications.map((i) => i.kind)).toEqual(['therapeutic', 'diagnostic']);
    expect(tp53).toMatchObject({ hgvsc: 'NM_000546.6:c.916del', hgvsg: null, assembly: null });
  });

  it('is the example the documentation shows', () => {
    const example = JSON.parse(
      readFileSync(
        new URL('../../../../docs/reporting/cancer-registry-message.example.json', import.meta.url),
        'utf8',
      ),
    );
    expect(toCancerRegistryMessage(signedDemoReportContent())).toEqual(example);
    expect(errors(example)).toEqual([]);
  });

  it('sends no draft and no unsigned report', () => {
    expect(() => toCancerRegistryMessage(demoReportContent())).toThrow(/draft/);
    expect(() => toCancerRegistryMessage({ ...signedDemoReportContent(), signatures: [] })).toThrow(
      /signatures/,
    );
  });
});

describe('cancerRegistry.schema.json', () => {
  it('rejects HGVS without a versioned reference, a class outside its scheme and unknown fields', () => {
    const message = toCancerRegistryMessage(signedDemoReportContent());
    const variant = message.variants[0];
    if (!variant) throw new Error('the demo has variants');
    variant.hgvsc = 'c.1799T>A';
    variant.classification = { ...variant.classification, scheme: 'acmg-2015' };
    const withExtra = { ...message, note: 'x' };
    expect(errors(withExtra)).toEqual(
      expect.arrayContaining([
        '/variants/0/hgvsc must match pattern "^(N[MR]_\\d+|ENST\\d{11})\\.\\d+:[cn]\\.\\S+$"',
        '/variants/0/classification/class must be equal to one of the allowed values',
        ' must NOT have additional properties',
      ]),
    );
  });
});
