import { createHash } from 'node:crypto';
import type {
  Bundle,
  DiagnosticReport,
  Identifier,
  Patient,
  Procedure,
  Resource,
  ServiceRequest,
  Specimen,
} from '@medplum/fhirtypes';
import { isUuid } from '../../../platform/identifiers/uuid.ts';
import { findingsOf, type ReportContent } from '../content.ts';
import { coding, concept, loinc, OBSERVATION_STATUS, reference, SYSTEMS } from './bundleCodes.ts';
import { biomarkerEntries, type Entry, findingEntries, type ObservationContext } from './bundleFindings.ts';
import { profileUrl } from './rules.ts';

/**
 * One report version as a FHIR R4 Bundle of type `collection` following the Genomics Reporting IG
 * (STU3): GenomicReport with its Variants, implications and biomarkers, the GenomicStudy and its
 * analysis, and the Patient, ServiceRequest and Specimen they refer to, all inside the bundle so
 * that checkGenomicsBundle can resolve every reference. (`document` would need a Composition and
 * suits a signed, attested exchange; the IG's example report bundles, such as
 * bundle-cgexample-withGrouping, are collections.)
 *
 * Entries are addressed by `urn:uuid`. Their ids are name-based UUIDs (RFC 4122 version 5) derived
 * from the report version's UUID, so the same version always yields the same bundle.
 */
export interface FhirBundleIds {
  /** A UUID naming this report version. */
  report: string;
}

/** RFC 4122 §4.3: SHA-1 over the namespace's bytes and the name, with version 5 and the variant set. */
export function nameUuid(namespace: string, name: string): string {
  if (!isUuid(namespace)) throw new Error(`${namespace} is not a UUID`);
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** HL7 v2 table 0487 where it has the material; cytology has no single code there. */
const SPECIMEN_TYPE: Record<ReportContent['specimen']['kind'], { code: string | null; text: string }> = {
  'ffpe-block': { code: 'TUMOR', text: 'FFPE tumour tissue, block' },
  'ffpe-slides': { code: 'TUMOR', text: 'FFPE tumour tissue, sections' },
  'fresh-frozen': { code: 'TUMOR', text: 'Fresh-frozen tumour tissue' },
  blood: { code: 'BLD', text: 'Whole blood' },
  plasma: { code: 'PLAS', text: 'Plasma' },
  'bone-marrow': { code: 'MAR', text: 'Bone marrow' },
  cytology: { code: null, text: 'Cytology specimen' },
};

export function toFhirBundle(content: ReportContent, ids: FhirBundleIds): Bundle {
  const fullUrl = (key: string) => `urn:uuid:${nameUuid(ids.report, key)}`;
  const url = {
    patient: fullUrl('patient'),
    request: fullUrl('service-request'),
    specimen: fullUrl('specimen'),
    report: fullUrl('report'),
    study: fullUrl('genomic-study'),
    analysis: fullUrl('genomic-study/analysis'),
  };
  const ctx: ObservationContext = { content, patient: url.patient, specimen: url.specimen, fullUrl };
  const observations: Entry[] = [
    ...findingsOf(content).flatMap((f) => findingEntries(ctx, f)),
    ...biomarkerEntries(ctx),
  ];
  const resources: [string, Resource][] = [
    [url.report, diagnosticReport(content, url, observations)],
    [url.patient, patient(content)],
    [url.request, serviceRequest(content, url)],
    [url.specimen, specimen(content, url)],
    ...observations.map((o): [string, Resource] => [o.fullUrl, o.resource]),
    [url.study, genomicStudy(content, url)],
    [url.analysis, genomicStudyAnalysis(content, url)],
  ];
  return {
    resourceType: 'Bundle',
    id: nameUuid(ids.report, 'bundle'),
    identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${ids.report}` },
    type: 'collection',
    timestamp: content.preparedAt,
    entry: resources.map(([entryUrl, resource]) => ({
      fullUrl: entryUrl,
      resource: { ...resource, id: entryUrl.slice('urn:uuid:'.length) },
    })),
  };
}

type Urls = Record<'patient' | 'request' | 'specimen' | 'report' | 'study' | 'analysis', string>;

const hpr = (hprNumber: string | null, name: string) =>
  hprNumber ? { identifier: { system: SYSTEMS.HPR, value: hprNumber }, display: name } : { display: name };

const labReference = (content: ReportContent) => ({
  identifier: { system: SYSTEMS.ORGANISATION_NUMBER, value: content.lab.organisationNumber },
  display: content.lab.name,
});

function diagnosis(content: ReportContent) {
  const { diagnosis } = content.clinical;
  const codings = [
    ...(diagnosis.icd10 ? [coding(SYSTEMS.ICD10, diagnosis.icd10)] : []),
    ...(diagnosis.icdO3Morphology ? [coding(SYSTEMS.ICD_O_3, diagnosis.icdO3Morphology)] : []),
  ];
  return concept(codings, diagnosis.text);
}

function patient(content: ReportContent): Patient {
  const p = content.patient;
  // A D-number adds 40 to the day of birth.
  const system = Number(p.nationalId.charAt(0)) >= 4 ? SYSTEMS.D_NUMBER : SYSTEMS.FODSELSNUMMER;
  return {
    resourceType: 'Patient',
    identifier: [{ system, value: p.nationalId }],
    name: [{ family: p.familyName, given: p.givenName.split(/\s+/) }],
    gender: p.sex,
    birthDate: p.birthDate,
  };
}

function serviceRequest(content: ReportContent, url: Urls): ServiceRequest {
  const { requester } = content;
  const orderNumber: Identifier = { type: { text: 'Rekvisisjonsnummer' }, value: content.orderNumber };
  return {
    resourceType: 'ServiceRequest',
    identifier: [orderNumber],
    status: content.status === 'draft' ? 'active' : 'completed',
    intent: 'order',
    code: { text: content.method.analysis },
    subject: reference(url.patient),
    requester: hpr(requester.hprNumber, `${requester.name}, ${requester.organisation}`),
    performer: [labReference(content)],
    reasonCode: [diagnosis(content)],
    specimen: [reference(url.specimen)],
    note: [{ text: content.clinical.question }],
  };
}

function specimen(content: ReportContent, url: Urls): Specimen {
  const s = content.specimen;
  const type = SPECIMEN_TYPE[s.kind];
  return {
    resourceType: 'Specimen',
    identifier: [{ value: s.id }],
    status: 'available',
    type: type.code ? concept([coding(SYSTEMS.SPECIMEN_TYPE, type.code)], type.text) : { text: type.text },
    subject: reference(url.patient),
    request: [reference(url.request)],
    ...(s.receivedOn ? { receivedTime: s.receivedOn } : {}),
    collection: { collectedDateTime: s.collectedOn, bodySite: { text: s.site } },
    ...(s.blockId ? { container: [{ identifier: [{ value: s.blockId }], description: 'FFPE block' }] } : {}),
    ...(s.tumourCellPercent === null
      ? {}
      : { note: [{ text: `Tumour cell content ${s.tumourCellPercent} %` }] }),
  };
}

/** The conclusion, then the pathologist's integrated conclusion and the germline note, as prose. */
function conclusion(content: ReportContent): string {
  const parts = [content.conclusion];
  if (content.pathology) {
    parts.push(content.pathology.integratedConclusion);
    if (content.pathology.discordance) parts.push(content.pathology.discordance);
  }
  if (content.germline.present && content.germline.note) parts.push(content.germline.note);
  return parts.join('\n\n');
}

function diagnosticReport(content: ReportContent, url: Urls, observations: Entry[]): DiagnosticReport {
  const signedAt = content.signatures.map((s) => s.signedAt).sort();
  return {
    resourceType: 'DiagnosticReport',
    meta: { profile: [profileUrl('genomic-report')] },
    extension: [{ url: profileUrl('genomic-study-reference'), valueReference: reference(url.study) }],
    identifier: [
      { type: { text: 'Rekvisisjonsnummer' }, value: `${content.orderNumber}/${content.version}` },
    ],
    basedOn: [reference(url.request)],
    status: OBSERVATION_STATUS[content.status],
    category: [concept([coding(SYSTEMS.DIAGNOSTICSERVICE, 'GE')])],
    code: loinc('51969-4', 'Genetic analysis report'),
    subject: reference(url.patient),
    effectiveDateTime: content.method.performedOn,
    ...(signedAt.length > 0 ? { issued: signedAt.at(-1) } : {}),
    performer: [labReference(content)],
    resultsInterpreter: content.signatures.map((s) => hpr(s.hprNumber, s.name)),
    specimen: [reference(url.specimen)],
    result: observations.map((o) => reference(o.fullUrl)),
    conclusion: conclusion(content),
  };
}

const LABORATORY = concept([coding(SYSTEMS.OBSCAT, 'laboratory')]);

function methodNote(content: ReportContent): string {
  const m = content.method;
  const lod = m.limitOfDetection;
  return [
    `Panel: ${m.panel.name} ${m.panel.version} (${m.panel.genes.join(', ')})`,
    `Platform: ${m.platform}`,
    `Limit of detection: VAF ${lod.vafPercent} %, depth ${lod.minimumDepth}`,
    `Pipeline: ${m.pipeline.name} ${m.pipeline.version}`,
    `Knowledge sources: ${m.knowledgeSources.map((s) => `${s.name} ${s.release}`).join(', ')}`,
    ...content.coverageGaps.map((g) => `Insufficient coverage: ${g.gene.symbol} ${g.region}`),
  ].join('\n');
}

function genomicStudy(content: ReportContent, url: Urls): Procedure {
  return {
    resourceType: 'Procedure',
    meta: { profile: [profileUrl('genomic-study')] },
    extension: [{ url: profileUrl('genomic-study-analysis-ext'), valueReference: reference(url.analysis) }],
    basedOn: [reference(url.request)],
    status: 'completed',
    category: LABORATORY,
    code: { text: content.method.analysis },
    subject: reference(url.patient),
    performedDateTime: content.method.performedOn,
    reasonCode: [diagnosis(content)],
    note: [{ text: methodNote(content) }],
  };
}

function genomicStudyAnalysis(content: ReportContent, url: Urls): Procedure {
  const ext = (name: string, value: object) => ({
    url: profileUrl(`genomic-study-analysis-${name}`),
    ...value,
  });
  const { method } = content;
  const assembly = method.referenceGenome === 'GRCh38' ? 'LA26806-2' : 'LA14029-5';
  return {
    resourceType: 'Procedure',
    meta: { profile: [profileUrl('genomic-study-analysis')] },
    extension: [
      ext('method-type', { valueCodeableConcept: concept([coding(SYSTEMS.STUDY_METHOD, 'ngs-mps')]) }),
      ext('genome-build', {
        valueCodeableConcept: concept([coding(SYSTEMS.LNC, assembly, method.referenceGenome)]),
      }),
      ext('genomic-source-class', {
        valueCodeableConcept: concept([coding(SYSTEMS.LNC, 'LA6684-0', 'Somatic')]),
      }),
      ext('title', { valueString: `${method.panel.name} ${method.panel.version}` }),
      ext('specimen', { valueReference: reference(url.specimen) }),
    ],
    status: 'completed',
    category: LABORATORY,
    subject: reference(url.patient),
    performedDateTime: method.performedOn,
    note: [{ text: `${method.platform}; ${method.pipeline.name} ${method.pipeline.version}` }],
  };
}
