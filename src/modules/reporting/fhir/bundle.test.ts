import type { Bundle, DiagnosticReport, Observation, Patient, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import type { ReportContent } from '../content.ts';
import { demoReportContent, reportWithVariants, signedDemoReportContent } from '../testing.ts';
import { nameUuid, toFhirBundle } from './bundle.ts';
import { checkGenomicsBundle } from './index.ts';
import { profileUrl } from './rules.ts';

const REPORT = '0f6d8a52-3c1e-4b7a-9d2f-5e8c1a7b4d90';

const resources = (bundle: Bundle): Resource[] =>
  (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
const claiming = (bundle: Bundle, profile: string) =>
  resources(bundle).filter((r) => r.meta?.profile?.includes(profileUrl(profile))) as Observation[];
const componentValue = (o: Observation, code: string) =>
  o.component?.filter((c) => c.code.coding?.some((coding) => coding.code === code));
const fullUrlOf = (bundle: Bundle, resource: Resource) =>
  bundle.entry?.find((e) => e.resource === resource)?.fullUrl;

/** Errors must be none; the only warnings allowed are for MolecularBiomarker, which genvei does not check. */
function expectConforming(bundle: Bundle) {
  const issues = checkGenomicsBundle(bundle);
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  for (const warning of issues)
    expect(warning.message).toMatch(/molecular-biomarker is not checked by genvei/);
}

describe('toFhirBundle', () => {
  it('gives the demo report as a Genomics Reporting bundle the profile checker accepts', () => {
    const bundle = toFhirBundle(demoReportContent(), { report: REPORT });
    expect(bundle.type).toBe('collection');
    expectConforming(bundle);
    const types = resources(bundle).map((r) => r.resourceType);
    for (const type of ['DiagnosticReport', 'Patient', 'ServiceRequest', 'Specimen', 'Procedure']) {
      expect(types).toContain(type);
    }
  });

  it('has a genomic report with LOINC 51969-4, category GE, the conclusion and every observation as a result', () => {
    const bundle = toFhirBundle(demoReportContent(), { report: REPORT });
    const [report] = resources(bundle).filter(
      (r): r is DiagnosticReport => r.resourceType === 'DiagnosticReport',
    );
    expect(report?.code.coding).toEqual([
      { system: 'http://loinc.org', code: '51969-4', display: 'Genetic analysis report' },
    ]);
    expect(report?.category).toEqual([
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'GE' }] },
    ]);
    expect(report?.status).toBe('preliminary');
    expect(report?.conclusion).toContain('Påvist BRAF p.(Val600Glu)');
    const observations = resources(bundle).filter((r) => r.resourceType === 'Observation');
    expect(report?.result).toHaveLength(observations.length);
  });

  it('gives each variant its HGVS, transcript, VAF and depth components', () => {
    const bundle = toFhirBundle(demoReportContent(), { report: REPORT });
    const variants = claiming(bundle, 'variant');
    expect(variants).toHaveLength(2);
    const [braf, tp53] = variants as [Observation, Observation];
    expect(componentValue(braf, '48004-6')?.[0]?.valueCodeableConcept?.coding?.[0]?.code).toBe(
      'NM_004333.6:c.1799T>A',
    );
    expect(componentValue(braf, '48005-3')?.[0]?.valueCodeableConcept?.coding?.[0]?.code).toBe(
      'NP_004324.2:p.(Val600Glu)',
    );
    expect(componentValue(braf, '81290-9')?.[0]?.valueCodeableConcept?.coding?.[0]?.code).toBe(
      'NC_000007.14:g.140753336A>T',
    );
    expect(componentValue(braf, '81258-6')?.[0]?.valueQuantity).toEqual({
      value: 0.34,
      system: 'http://unitsofmeasure.org',
      code: '1',
    });
    expect(componentValue(braf, '82121-5')?.[0]?.valueQuantity?.value).toBe(412);
    expect(componentValue(tp53, '48019-4')?.[0]?.valueCodeableConcept?.coding?.[0]?.code).toBe('SO:0000159');
    expect(componentValue(tp53, '48002-0')?.[0]?.valueCodeableConcept?.coding?.[0]?.code).toBe('LA6684-0');
  });

  it('derives the therapeutic and diagnostic implications from their variant', () => {
    const bundle = toFhirBundle(demoReportContent(), { report: REPORT });
    const [braf, tp53] = claiming(bundle, 'variant') as [Observation, Observation];
    const therapeutic = claiming(bundle, 'therapeutic-implication');
    const diagnostic = claiming(bundle, 'diagnostic-implication');
    // A drug implication and a trial for BRAF; BRAF's diagnostic implication and TP53's class.
    expect(therapeutic).toHaveLength(2);
    expect(diagnostic).toHaveLength(2);
    for (const implication of [...therapeutic, diagnostic[0]]) {
      expect(implication?.derivedFrom).toEqual([{ reference: fullUrlOf(bundle, braf) }]);
    }
    expect(diagnostic[1]?.derivedFrom).toEqual([{ reference: fullUrlOf(bundle, tp53) }]);
    const drugs = componentValue(therapeutic[0] as Observation, '51963-7')?.map(
      (c) => c.valueCodeableConcept?.coding?.[0]?.code,
    );
    expect(drugs).toEqual(['L01EC02', 'L01EE01', 'L01EC03', 'L01EE03']);
    const significance = componentValue(diagnostic[0] as Observation, '53037-8')?.[0]?.valueCodeableConcept;
    expect(significance?.text).toBe('Oncogenic (ClinGen/CGC/VICC 2022)');
  });

  it('reports TMB and MSI as molecular biomarkers', () => {
    const bundle = toFhirBundle(demoReportContent(), { report: REPORT });
    const [tmb, msi] = claiming(bundle, 'molecular-biomarker') as [Observation, Observation];
    expect(tmb.code.coding?.[0]?.code).toBe('94076-7');
    expect(tmb.valueQuantity).toMatchObject({ value: 14.2, code: '1/1000000{Base}' });
    expect(msi.code.coding?.[0]?.code).toBe('81695-9');
    expect(msi.valueCodeableConcept?.coding?.[0]?.code).toBe('LA14122-8');
  });

  it('identifies the patient by fødselsnummer and the requester by HPR number', () => {
    const bundle = toFhirBundle(demoReportContent(), { report: REPORT });
    const patient = resources(bundle).find((r): r is Patient => r.resourceType === 'Patient');
    expect(patient?.identifier).toEqual([{ system: 'urn:oid:2.16.578.1.12.4.1.4.1', value: '14835845665' }]);
    expect(patient?.name).toEqual([{ family: 'Ødegård', given: ['Åse'] }]);
    const request = resources(bundle).find((r) => r.resourceType === 'ServiceRequest');
    expect(request).toMatchObject({
      identifier: [{ value: 'FJ-2025-004211' }],
      requester: { identifier: { system: 'urn:oid:2.16.578.1.12.4.1.4.4', value: '9144889' } },
    });
  });

  it('conforms for a signed report with copy-number changes, fusions and 30 variants', () => {
    const content: ReportContent = { ...reportWithVariants(30), status: 'signed' };
    content.signatures = signedDemoReportContent().signatures;
    content.copyNumbers = [
      {
        id: 'c1',
        gene: { symbol: 'ERBB2', hgncId: 'HGNC:3430' },
        kind: 'amplification',
        copyNumber: 12,
        iscn: 'seq[GRCh38] 17q12(39687914_39730426)x12',
        classification: {
          scheme: 'amp-asco-cap-2017',
          class: 'II',
          amp: { tier: 'II', level: 'C' },
          escat: null,
        },
        interpretation: 'ERBB2-amplifikasjon.',
        implications: [],
        trials: [],
      },
    ];
    content.fusions = [
      {
        id: 'f1',
        fivePrime: { symbol: 'EML4', hgncId: 'HGNC:1316' },
        threePrime: { symbol: 'ALK', hgncId: 'HGNC:427' },
        description: 'EML4 ekson 13::ALK ekson 20',
        supportingReads: 240,
        iscn: 'seq[GRCh38] inv(2)(p21p23)',
        classification: {
          scheme: 'clingen-cgc-vicc-2022',
          class: 'oncogenic',
          amp: { tier: 'I', level: 'A' },
          escat: 'I-A',
        },
        interpretation: 'EML4::ALK-fusjon.',
        implications: [],
        trials: [],
      },
    ];
    const bundle = toFhirBundle(content, { report: REPORT });
    expectConforming(bundle);
    expect(claiming(bundle, 'variant')).toHaveLength(32);
    const report = resources(bundle).find(
      (r): r is DiagnosticReport => r.resourceType === 'DiagnosticReport',
    );
    expect(report?.status).toBe('final');
    expect(report?.issued).toBe('2025-03-12T15:30:00+01:00');
    expect(report?.resultsInterpreter?.map((r) => r.display)).toEqual(['Kari Løvås', 'Per Ærø']);
  });

  it('derives the same ids from the same report version, and other ids for another version', () => {
    const a = toFhirBundle(demoReportContent(), { report: REPORT });
    expect(toFhirBundle(demoReportContent(), { report: REPORT })).toEqual(a);
    const b = toFhirBundle(demoReportContent(), { report: nameUuid(REPORT, 'version 2') });
    const urls = new Set(a.entry?.map((e) => e.fullUrl));
    for (const entry of b.entry ?? []) expect(urls.has(entry.fullUrl)).toBe(false);
    for (const entry of a.entry ?? []) expect(entry.fullUrl).toBe(`urn:uuid:${entry.resource?.id}`);
  });
});

describe('nameUuid', () => {
  it('computes RFC 4122 version 5 UUIDs', () => {
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, 'www.example.com')
    expect(nameUuid('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => nameUuid('report-1', 'x')).toThrow(/not a UUID/);
  });
});
