import type { Bundle } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { checkGenomicsBundle } from './checkBundle.ts';
import { profileUrl, SYSTEM } from './rules.ts';
import { buildValidGenomicsBundle, GENOMICS_IDS as ID, resourceIn } from './testing.ts';

const issue = (fields: {
  severity?: 'error' | 'warning';
  profile: string;
  resource: string;
  path: string;
  rule: string;
}) => ({
  severity: 'error',
  message: expect.any(String),
  ...fields,
});

const variantOf = (bundle: Bundle) => resourceIn(bundle, 'Observation', ID.variant);

describe('implications', () => {
  it('reports a TherapeuticImplication without derivedFrom (1..*)', () => {
    const bundle = buildValidGenomicsBundle();
    delete resourceIn(bundle, 'Observation', ID.therapeuticImplication).derivedFrom;
    expect(checkGenomicsBundle(bundle)).toEqual([
      issue({
        profile: 'therapeutic-implication',
        resource: 'Observation/ti-1',
        path: 'Observation.derivedFrom',
        rule: 'cardinality',
      }),
    ]);
  });

  it('reports derivedFrom pointing at a Variant that is not in the bundle', () => {
    const bundle = buildValidGenomicsBundle();
    resourceIn(bundle, 'Observation', ID.diagnosticImplication).derivedFrom = [
      { reference: 'Observation/var-9' },
    ];
    expect(checkGenomicsBundle(bundle)).toEqual([
      {
        severity: 'error',
        profile: 'diagnostic-implication',
        resource: 'Observation/di-1',
        path: 'Observation.derivedFrom[0]',
        rule: 'reference',
        message: 'Observation/var-9 is not in the bundle',
      },
    ]);
  });

  it('reports derivedFrom given only as an identifier, which cannot be resolved', () => {
    const bundle = buildValidGenomicsBundle();
    resourceIn(bundle, 'Observation', ID.diagnosticImplication).derivedFrom = [
      { identifier: { system: 'urn:genvei:variant', value: '42' } },
    ];
    expect(checkGenomicsBundle(bundle)).toMatchObject([
      { path: 'Observation.derivedFrom[0]', rule: 'reference' },
    ]);
  });

  it('warns when derivedFrom rests on another implication (open slicing allows it)', () => {
    const bundle = buildValidGenomicsBundle();
    resourceIn(bundle, 'Observation', ID.therapeuticImplication).derivedFrom = [
      { reference: `Observation/${ID.diagnosticImplication}` },
    ];
    expect(checkGenomicsBundle(bundle)).toEqual([
      {
        severity: 'warning',
        profile: 'therapeutic-implication',
        resource: 'Observation/ti-1',
        path: 'Observation.derivedFrom[0]',
        rule: 'reference',
        message:
          'Observation/di-1 claims diagnostic-implication, not variant or genotype or haplotype or molecular-biomarker',
      },
    ]);
  });

  it('reports derivedFrom pointing at a resource type Observation.derivedFrom cannot hold', () => {
    const bundle = buildValidGenomicsBundle();
    resourceIn(bundle, 'Observation', ID.therapeuticImplication).derivedFrom = [
      { reference: `Patient/${ID.patient}` },
    ];
    expect(checkGenomicsBundle(bundle)).toMatchObject([
      {
        severity: 'error',
        path: 'Observation.derivedFrom[0]',
        rule: 'reference',
        message: expect.stringContaining('is a Patient'),
      },
    ]);
  });

  it('reports an implication that carries a value (value[x] 0..0)', () => {
    const bundle = buildValidGenomicsBundle();
    resourceIn(bundle, 'Observation', ID.diagnosticImplication).valueString = 'pathogenic';
    expect(checkGenomicsBundle(bundle)).toEqual([
      issue({
        profile: 'diagnostic-implication',
        resource: 'Observation/di-1',
        path: 'Observation.value[x]',
        rule: 'cardinality',
      }),
    ]);
  });

  it('reports an implication with the wrong TBD code', () => {
    const bundle = buildValidGenomicsBundle();
    resourceIn(bundle, 'Observation', ID.diagnosticImplication).code = {
      coding: [{ system: SYSTEM.TBD, code: 'therapeutic-implication' }],
    };
    expect(checkGenomicsBundle(bundle)).toMatchObject([
      { profile: 'diagnostic-implication', path: 'Observation.code', rule: 'fixed-code' },
    ]);
  });
});

describe('GenomicStudy as Procedure profiles', () => {
  it('reports Procedure elements the R4 back-port forbids, and a period for performed[x]', () => {
    const bundle = buildValidGenomicsBundle();
    const study = resourceIn(bundle, 'Procedure', ID.study);
    study.report = [{ reference: `DiagnosticReport/${ID.report}` }];
    delete study.performedDateTime;
    study.performedPeriod = { start: '2025-03-08' };
    expect(checkGenomicsBundle(bundle)).toEqual([
      issue({
        profile: 'genomic-study',
        resource: 'Procedure/gs-1',
        path: 'Procedure.performedPeriod',
        rule: 'type',
      }),
      issue({
        profile: 'genomic-study',
        resource: 'Procedure/gs-1',
        path: 'Procedure.report',
        rule: 'cardinality',
      }),
    ]);
  });

  it('reports a study without the laboratory category (category 1..1)', () => {
    const bundle = buildValidGenomicsBundle();
    delete resourceIn(bundle, 'Procedure', ID.study).category;
    expect(checkGenomicsBundle(bundle)).toEqual([
      issue({
        profile: 'genomic-study',
        resource: 'Procedure/gs-1',
        path: 'Procedure.category',
        rule: 'cardinality',
      }),
    ]);
  });

  it('reports an analysis that is not completed (status fixed to completed)', () => {
    const bundle = buildValidGenomicsBundle();
    resourceIn(bundle, 'Procedure', ID.analysis).status = 'in-progress';
    expect(checkGenomicsBundle(bundle)).toEqual([
      issue({
        profile: 'genomic-study-analysis',
        resource: 'Procedure/gsa-1',
        path: 'Procedure.status',
        rule: 'fixed-value',
      }),
    ]);
  });

  it('reports an analysis extension that points at the study instead of an analysis', () => {
    const bundle = buildValidGenomicsBundle();
    const study = resourceIn(bundle, 'Procedure', ID.study);
    const extension = study.extension?.[0];
    if (extension) extension.valueReference = { reference: `Procedure/${ID.study}` };
    expect(checkGenomicsBundle(bundle)).toEqual([
      {
        severity: 'error',
        profile: 'genomic-study',
        resource: 'Procedure/gs-1',
        path: 'Procedure.extension[0].valueReference',
        rule: 'reference',
        message: 'Procedure/gs-1 claims genomic-study, not genomic-study-analysis',
      },
    ]);
  });

  it('reports a second genome build on an analysis (0..1)', () => {
    const bundle = buildValidGenomicsBundle();
    const analysis = resourceIn(bundle, 'Procedure', ID.analysis);
    analysis.extension?.push({
      url: profileUrl('genomic-study-analysis-genome-build'),
      valueCodeableConcept: { coding: [{ system: SYSTEM.LNC, code: 'LA14029-5' }] },
    });
    expect(checkGenomicsBundle(bundle)).toMatchObject([
      { profile: 'genomic-study-analysis', path: 'Procedure.extension[genome-build]', rule: 'cardinality' },
    ]);
  });
});

describe('base resources and references', () => {
  it('reports a Specimen whose patient is not in the bundle', () => {
    const bundle = buildValidGenomicsBundle();
    resourceIn(bundle, 'Specimen', ID.specimen).subject = { reference: 'Patient/someone-else' };
    expect(checkGenomicsBundle(bundle)).toEqual([
      issue({
        profile: 'Specimen',
        resource: 'Specimen/spec-1',
        path: 'Specimen.subject',
        rule: 'reference',
      }),
    ]);
  });

  it('reports a ServiceRequest without intent and a report result that is not an Observation', () => {
    const bundle = buildValidGenomicsBundle();
    delete (resourceIn(bundle, 'ServiceRequest', ID.serviceRequest) as { intent?: unknown }).intent;
    resourceIn(bundle, 'DiagnosticReport', ID.report).result?.push({ reference: `Specimen/${ID.specimen}` });
    expect(checkGenomicsBundle(bundle)).toEqual([
      issue({
        profile: 'DiagnosticReport',
        resource: 'DiagnosticReport/rep-1',
        path: 'DiagnosticReport.result[3]',
        rule: 'reference',
      }),
      issue({
        profile: 'ServiceRequest',
        resource: 'ServiceRequest/sr-1',
        path: 'ServiceRequest.intent',
        rule: 'cardinality',
      }),
    ]);
  });

  it('resolves references to contained resources', () => {
    const bundle = buildValidGenomicsBundle();
    const specimen = resourceIn(bundle, 'Specimen', ID.specimen);
    specimen.contained = [
      { resourceType: 'Specimen', id: 'block', subject: { reference: `Patient/${ID.patient}` } },
    ];
    specimen.parent = [{ reference: '#block' }];
    expect(checkGenomicsBundle(bundle)).toEqual([]);
  });

  it('reports two entries with the same fullUrl', () => {
    const bundle = buildValidGenomicsBundle();
    const [first, second] = bundle.entry ?? [];
    if (first && second) second.fullUrl = first.fullUrl;
    expect(checkGenomicsBundle(bundle)).toMatchObject([{ profile: 'Bundle', rule: 'bundle' }]);
  });
});

describe('profile claims', () => {
  it('reports a claim of a profile the IG does not have', () => {
    const bundle = buildValidGenomicsBundle();
    variantOf(bundle).meta = { profile: [profileUrl('variant'), profileUrl('somatic-variant')] };
    expect(checkGenomicsBundle(bundle)).toEqual([
      issue({
        profile: 'Bundle',
        resource: 'Observation/var-1',
        path: 'Observation.meta.profile',
        rule: 'profile',
      }),
    ]);
  });

  it('reports a profile claimed by the wrong resource type, and skips its rules', () => {
    const bundle = buildValidGenomicsBundle();
    resourceIn(bundle, 'Specimen', ID.specimen).meta = { profile: [profileUrl('variant')] };
    expect(checkGenomicsBundle(bundle)).toMatchObject([
      {
        severity: 'error',
        resource: 'Specimen/spec-1',
        rule: 'profile',
        message: expect.stringContaining('profiles Observation'),
      },
    ]);
  });

  it('ignores a version suffix on the canonical and warns about IG profiles it does not check', () => {
    const bundle = buildValidGenomicsBundle();
    variantOf(bundle).meta = { profile: [`${profileUrl('variant')}|3.0.0`, profileUrl('haplotype')] };
    expect(checkGenomicsBundle(bundle)).toMatchObject([
      { severity: 'warning', rule: 'profile', message: expect.stringContaining('haplotype is not checked') },
    ]);
  });

  it('warns about a Variant-coded Observation that claims no profile, and checks only R4 rules on it', () => {
    const bundle = buildValidGenomicsBundle();
    const variant = variantOf(bundle);
    delete variant.meta;
    variant.category = [];
    expect(checkGenomicsBundle(bundle)).toEqual([
      issue({
        severity: 'warning',
        profile: 'Bundle',
        resource: 'Observation/var-1',
        path: 'Observation.meta.profile',
        rule: 'profile',
      }),
    ]);
  });
});
