import type {
  Bundle,
  BundleEntry,
  DiagnosticReport,
  Observation,
  ObservationComponent,
  Patient,
  Procedure,
  Resource,
  ServiceRequest,
  Specimen,
} from '@medplum/fhirtypes';
import { IG_CANONICAL, profileUrl, SYSTEM } from './rules.ts';

/*
 * A small genomic report bundle that conforms to everything checkGenomicsBundle checks, for
 * tests here and in later code: a somatic BRAF NM_004333.6:c.1799T>A p.(Val600Glu) found in a
 * melanoma biopsy, with one therapeutic and one diagnostic implication and the genomic study
 * that produced it. Every call returns a fresh bundle, so tests may break it in place.
 */

const LNC = SYSTEM.LNC;
const ICD10 = 'http://hl7.org/fhir/sid/icd-10';
const ATC = 'http://www.whocc.no/atc';

export const GENOMICS_IDS = {
  patient: 'pat-1',
  serviceRequest: 'sr-1',
  specimen: 'spec-1',
  variant: 'var-1',
  therapeuticImplication: 'ti-1',
  diagnosticImplication: 'di-1',
  report: 'rep-1',
  study: 'gs-1',
  analysis: 'gsa-1',
} as const;

/**
 * Entries are addressed by urn:uuid (the last digits number them); references mix `Type/id` and
 * urn:uuid, as real senders do.
 */
const fullUrl = (n: number) => `urn:uuid:5d0c6e2a-7b1f-4c3e-9a8d-${String(n).padStart(12, '0')}`;
export const VARIANT_FULL_URL = fullUrl(5);

const ref = (type: string, id: string) => ({ reference: `${type}/${id}` });
const patientRef = ref('Patient', GENOMICS_IDS.patient);
const specimenRef = ref('Specimen', GENOMICS_IDS.specimen);
const requestRef = ref('ServiceRequest', GENOMICS_IDS.serviceRequest);
const genomicCategories = [
  { coding: [{ system: SYSTEM.OBSCAT, code: 'laboratory' }] },
  { coding: [{ system: SYSTEM.DIAGNOSTICSERVICE, code: 'GE' }] },
];

const loincCode = (code: string) => ({ coding: [{ system: LNC, code }] });
const coded = (code: string, value: { system: string; code: string; display?: string }) => ({
  code: loincCode(code),
  valueCodeableConcept: { coding: [value] },
});

const hgvs = (expression: string) => ({ system: SYSTEM.HGVS, code: expression, display: expression });
const refSeq = (accession: string) => ({ system: 'http://www.ncbi.nlm.nih.gov/refseq', code: accession });

const variantComponents: ObservationComponent[] = [
  coded('48018-6', { system: 'http://www.genenames.org', code: 'HGNC:1097', display: 'BRAF' }),
  coded('48004-6', hgvs('NM_004333.6:c.1799T>A')),
  coded('51958-7', refSeq('NM_004333.6')),
  coded('48005-3', hgvs('NP_004324.2:p.(Val600Glu)')),
  coded('81290-9', hgvs('NC_000007.14:g.140753336A>T')),
  coded('48013-7', refSeq('NC_000007.14')),
  coded('62374-4', { system: LNC, code: 'LA26806-2', display: 'GRCh38' }),
  coded('92822-6', { system: LNC, code: 'LA30102-0', display: '1-based character counting' }),
  {
    code: loincCode('81254-5'),
    valueRange: { low: { value: 140753336 }, high: { value: 140753336 } },
  },
  { code: loincCode('69547-8'), valueString: 'A' },
  { code: loincCode('69551-0'), valueString: 'T' },
  coded('48019-4', { system: 'http://www.sequenceontology.org', code: 'SO:0001483', display: 'SNV' }),
  coded('48002-0', { system: LNC, code: 'LA6684-0', display: 'Somatic' }),
  coded('53034-5', { system: LNC, code: 'LA6706-1', display: 'Heterozygous' }),
  {
    code: loincCode('81258-6'),
    valueQuantity: { value: 0.34, system: SYSTEM.UCUM, code: '1' },
  },
  {
    code: loincCode('82121-5'),
    valueQuantity: { value: 412, system: SYSTEM.UCUM, code: '1' },
  },
];

export function buildValidGenomicsBundle(): Bundle {
  const patient: Patient = {
    resourceType: 'Patient',
    id: GENOMICS_IDS.patient,
    name: [{ family: 'Nordmann', given: ['Kari'] }],
    gender: 'female',
    birthDate: '1968-04-12',
  };
  const serviceRequest: ServiceRequest = {
    resourceType: 'ServiceRequest',
    id: GENOMICS_IDS.serviceRequest,
    status: 'completed',
    intent: 'order',
    code: { text: 'Solid tumour NGS panel' },
    subject: patientRef,
    specimen: [specimenRef],
  };
  const specimen: Specimen = {
    resourceType: 'Specimen',
    id: GENOMICS_IDS.specimen,
    status: 'available',
    type: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0487', code: 'TUMOR', display: 'Tumor' }],
    },
    subject: patientRef,
    request: [requestRef],
    collection: { collectedDateTime: '2025-03-03', bodySite: { text: 'Skin of back' } },
  };
  const observationBase = {
    resourceType: 'Observation' as const,
    status: 'final' as const,
    category: structuredClone(genomicCategories),
    subject: patientRef,
    effectiveDateTime: '2025-03-10',
    specimen: specimenRef,
  };
  const variant: Observation = {
    ...observationBase,
    id: GENOMICS_IDS.variant,
    meta: { profile: [profileUrl('variant')] },
    code: loincCode('69548-6'),
    valueCodeableConcept: { coding: [{ system: LNC, code: 'LA9633-4', display: 'Present' }] },
    method: { coding: [{ system: LNC, code: 'LA26398-0', display: 'Sequencing' }] },
    component: structuredClone(variantComponents),
  };
  const therapeuticImplication: Observation = {
    ...observationBase,
    id: GENOMICS_IDS.therapeuticImplication,
    meta: { profile: [profileUrl('therapeutic-implication')] },
    code: { coding: [{ system: SYSTEM.TBD, code: 'therapeutic-implication' }] },
    derivedFrom: [{ reference: VARIANT_FULL_URL }],
    component: [
      {
        code: { coding: [{ system: SYSTEM.TBD, code: 'therapeutic-implication' }] },
        valueCodeableConcept: { text: 'Responsive' },
      },
      {
        code: loincCode('51963-7'),
        valueCodeableConcept: { coding: [{ system: ATC, code: 'L01EC01', display: 'vemurafenib' }] },
      },
      coded('81259-4', { system: ICD10, code: 'C43.5', display: 'Malignant melanoma of trunk' }),
      { code: loincCode('93044-6'), valueCodeableConcept: { text: 'ESCAT I-A' } },
    ],
  };
  const diagnosticImplication: Observation = {
    ...observationBase,
    id: GENOMICS_IDS.diagnosticImplication,
    meta: { profile: [profileUrl('diagnostic-implication')] },
    code: { coding: [{ system: SYSTEM.TBD, code: 'diagnostic-implication' }] },
    derivedFrom: [{ reference: `Observation/${GENOMICS_IDS.variant}` }],
    component: [
      coded('53037-8', { system: LNC, code: 'LA6668-3', display: 'Pathogenic' }),
      coded('81259-4', { system: ICD10, code: 'C43.5', display: 'Malignant melanoma of trunk' }),
    ],
  };
  const report: DiagnosticReport = {
    resourceType: 'DiagnosticReport',
    id: GENOMICS_IDS.report,
    meta: { profile: [profileUrl('genomic-report')] },
    extension: [
      { url: profileUrl('genomic-study-reference'), valueReference: ref('Procedure', GENOMICS_IDS.study) },
    ],
    status: 'final',
    category: [{ coding: [{ system: SYSTEM.DIAGNOSTICSERVICE, code: 'GE' }] }],
    code: loincCode('51969-4'),
    subject: patientRef,
    effectiveDateTime: '2025-03-12',
    basedOn: [requestRef],
    specimen: [specimenRef],
    result: [
      { reference: VARIANT_FULL_URL },
      ref('Observation', GENOMICS_IDS.therapeuticImplication),
      ref('Observation', GENOMICS_IDS.diagnosticImplication),
    ],
    conclusion: 'BRAF V600E present; predicts response to BRAF inhibition.',
  };
  const laboratory = { coding: [{ system: SYSTEM.OBSCAT, code: 'laboratory' }] };
  const study: Procedure = {
    resourceType: 'Procedure',
    id: GENOMICS_IDS.study,
    meta: { profile: [profileUrl('genomic-study')] },
    extension: [
      {
        url: profileUrl('genomic-study-analysis-ext'),
        valueReference: ref('Procedure', GENOMICS_IDS.analysis),
      },
    ],
    status: 'completed',
    category: laboratory,
    code: { text: 'Solid tumour NGS panel' },
    subject: patientRef,
    performedDateTime: '2025-03-08',
    basedOn: [requestRef],
  };
  const analysisExtension = (name: string, value: object) => ({
    url: profileUrl(`genomic-study-analysis-${name}`),
    ...value,
  });
  const analysis: Procedure = {
    resourceType: 'Procedure',
    id: GENOMICS_IDS.analysis,
    meta: { profile: [profileUrl('genomic-study-analysis')] },
    extension: [
      analysisExtension('method-type', {
        valueCodeableConcept: {
          coding: [{ system: `${IG_CANONICAL}/CodeSystem/genomic-study-method-type-cs`, code: 'ngs-mps' }],
        },
      }),
      analysisExtension('genome-build', {
        valueCodeableConcept: { coding: [{ system: LNC, code: 'LA26806-2' }] },
      }),
      analysisExtension('genomic-source-class', {
        valueCodeableConcept: { coding: [{ system: LNC, code: 'LA6684-0' }] },
      }),
      analysisExtension('specimen', { valueReference: specimenRef }),
    ],
    status: 'completed',
    category: structuredClone(laboratory),
    subject: patientRef,
    performedDateTime: '2025-03-08',
  };

  const resources: Resource[] = [
    report,
    patient,
    serviceRequest,
    specimen,
    variant,
    therapeuticImplication,
    diagnosticImplication,
    study,
    analysis,
  ];
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: resources.map((resource, i): BundleEntry => ({ fullUrl: fullUrl(i + 1), resource })),
  };
}

/** The resource with this type and id in a bundle built above, typed for editing in a test. */
export function resourceIn<T extends Resource['resourceType']>(
  bundle: Bundle,
  resourceType: T,
  id: string,
): Extract<Resource, { resourceType: T }> {
  const found = bundle.entry?.find(
    (e) => e.resource?.resourceType === resourceType && e.resource.id === id,
  )?.resource;
  if (!found) throw new Error(`${resourceType}/${id} is not in the bundle`);
  return found as Extract<Resource, { resourceType: T }>;
}
