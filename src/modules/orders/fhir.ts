import type { Bundle, BundleEntry, Patient, ServiceRequest, Specimen } from '@medplum/fhirtypes';
import { badRequest, type FieldError } from '../../platform/http/problems.ts';
import { type NewOrderInput, SPECIMEN_KINDS } from './model.ts';
import type { viewOrder } from './views.ts';

/**
 * An order as FHIR R4 resources, for the patient record and other systems: Patient (with the
 * Norwegian identifier systems), ServiceRequest and its Specimens. Conversion happens here, at
 * the edge; inside genvei an order is an order. What FHIR has no element for (treatment lines,
 * the structured clinical information, consent) travels in genvei extensions, so a bundle we
 * export creates an equal order when posted back.
 */
export const FODSELSNUMMER = 'urn:oid:2.16.578.1.12.4.1.4.1';
export const D_NUMBER = 'urn:oid:2.16.578.1.12.4.1.4.2';
export const HPR_NUMBER = 'urn:oid:2.16.578.1.12.4.1.4.4';
const ORDER_NUMBER = 'urn:genvei:order-number';
const ANALYSIS = 'urn:genvei:analysis';
const SPECIMEN_KIND = 'urn:genvei:specimen-kind';
const ONCOTREE = 'http://oncotree.mskcc.org';
const ICD10 = 'http://hl7.org/fhir/sid/icd-10';
const EXT = 'urn:genvei:fhir:extension';

type OrderView = Awaited<ReturnType<typeof viewOrder>>;
type Clinical = NewOrderInput['clinical'];

const FHIR_STATUS: Record<string, ServiceRequest['status']> = {
  ordered: 'active',
  received: 'active',
  'in-analysis': 'active',
  'in-interpretation': 'active',
  reported: 'completed',
  cancelled: 'revoked',
  rejected: 'revoked',
};

export function orderToFhir(order: OrderView): Bundle {
  const clinical = order.clinical as Clinical;
  const patientRef = `urn:uuid:${order.patient.id}`;
  const dNumber = Number(order.patient.nationalId.slice(0, 1)) >= 4;
  const patient: Patient = {
    resourceType: 'Patient',
    identifier: [{ system: dNumber ? D_NUMBER : FODSELSNUMMER, value: order.patient.nationalId }],
    name: [{ family: order.patient.familyName, given: [order.patient.givenName] }],
    gender: order.patient.sex as Patient['gender'],
    birthDate: order.patient.birthDate,
  };
  const primary = order.specimens.filter((s) => s.parentId === null);
  const specimens: Specimen[] = primary.map((s) => ({
    resourceType: 'Specimen',
    id: s.id,
    ...(s.blockId ? { identifier: [{ system: 'urn:genvei:block-id', value: s.blockId }] } : {}),
    ...(s.accessionId
      ? { accessionIdentifier: { system: 'urn:genvei:accession', value: s.accessionId } }
      : {}),
    type: { coding: [{ system: SPECIMEN_KIND, code: s.kind }] },
    subject: { reference: patientRef },
    collection: {
      ...(s.collectionDate ? { collectedDateTime: s.collectionDate } : {}),
      ...(s.site ? { bodySite: { text: s.site } } : {}),
    },
    ...(s.tumourCellPercent !== null
      ? { extension: [{ url: `${EXT}/tumour-cell-percent`, valueInteger: s.tumourCellPercent }] }
      : {}),
  }));
  const request: ServiceRequest = {
    resourceType: 'ServiceRequest',
    id: order.id,
    identifier: [{ system: ORDER_NUMBER, value: order.orderNumber }],
    status: FHIR_STATUS[order.status] ?? 'unknown',
    intent: 'order',
    priority: order.priority as ServiceRequest['priority'],
    code: {
      coding: [{ system: ANALYSIS, code: order.analysis.slug, display: order.analysis.name }],
      text: order.analysis.name,
    },
    subject: { reference: patientRef },
    authoredOn: order.orderedAt,
    requester: {
      display: `${order.requester.name}, ${order.requester.organisation}`,
      ...(order.requester.hprNumber
        ? { identifier: { system: HPR_NUMBER, value: order.requester.hprNumber } }
        : {}),
    },
    performer: [{ display: order.performingLab.name }],
    reasonCode: [
      {
        coding: [
          { system: ONCOTREE, code: clinical.diagnosis.oncotree },
          ...(clinical.diagnosis.icd10 ? [{ system: ICD10, code: clinical.diagnosis.icd10 }] : []),
        ],
        ...(clinical.diagnosis.text ? { text: clinical.diagnosis.text } : {}),
      },
    ],
    note: [{ text: clinical.question }],
    specimen: specimens.map((s) => ({ reference: `urn:uuid:${s.id}` })),
    extension: [
      { url: `${EXT}/clinical-information`, valueString: JSON.stringify(clinical) },
      { url: `${EXT}/research-consent`, valueBoolean: order.researchConsent },
      { url: `${EXT}/copy-recipients`, valueString: JSON.stringify(order.copyRecipients) },
    ],
  };
  const entry = (fullUrl: string, resource: Patient | ServiceRequest | Specimen): BundleEntry => ({
    fullUrl,
    resource,
  });
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      entry(`urn:uuid:${order.id}`, request),
      entry(patientRef, patient),
      ...specimens.map((s) => entry(`urn:uuid:${s.id}`, s)),
    ],
  };
}

/** A Bundle with one ServiceRequest, its Patient and Specimens, as a requisition; problems named by FHIR path. */
export function fhirToOrder(bundle: unknown): NewOrderInput {
  const problems: FieldError[] = [];
  const fail = (path: string, message: string) =>
    problems.push({ path: `/body${path}`, rule: 'fhir', message });
  const entries = (
    (bundle as Bundle)?.resourceType === 'Bundle' ? ((bundle as Bundle).entry ?? []) : []
  ) as BundleEntry[];
  if (entries.length === 0)
    throw badRequest([{ path: '/body', rule: 'fhir', message: 'expected a FHIR Bundle with entries' }]);
  const byUrl = new Map(entries.map((e) => [e.fullUrl, e.resource]));
  const requestIndex = entries.findIndex((e) => e.resource?.resourceType === 'ServiceRequest');
  const request = entries[requestIndex]?.resource as ServiceRequest | undefined;
  if (!request)
    throw badRequest([{ path: '/body/entry', rule: 'fhir', message: 'the bundle holds no ServiceRequest' }]);
  const at = `/entry/${requestIndex}/resource`;
  const patient = byUrl.get(request.subject?.reference) as Patient | undefined;
  if (patient?.resourceType !== 'Patient') fail(`${at}/subject`, 'must reference a Patient in the bundle');
  const identifier = patient?.identifier?.find((i) => i.system === FODSELSNUMMER || i.system === D_NUMBER);
  if (patient && !identifier?.value)
    fail(`${at}/subject`, `the Patient needs an identifier with system ${FODSELSNUMMER} or ${D_NUMBER}`);
  const analysis = request.code?.coding?.find((c) => c.system === ANALYSIS)?.code;
  if (!analysis) fail(`${at}/code`, `needs a coding with system ${ANALYSIS}`);
  const extension = (name: string) => request.extension?.find((x) => x.url === `${EXT}/${name}`);
  let clinical: Clinical | undefined;
  const clinicalText = extension('clinical-information')?.valueString;
  if (clinicalText) clinical = JSON.parse(clinicalText) as Clinical;
  else {
    const oncotree = request.reasonCode?.[0]?.coding?.find((c) => c.system === ONCOTREE)?.code;
    const question = request.note?.[0]?.text;
    if (!oncotree) fail(`${at}/reasonCode`, `needs a coding with system ${ONCOTREE}`);
    if (!question) fail(`${at}/note`, 'the clinical question goes in note[0].text');
    clinical = {
      diagnosis: {
        oncotree: oncotree as string,
        icd10: request.reasonCode?.[0]?.coding?.find((c) => c.system === ICD10)?.code ?? null,
        text: request.reasonCode?.[0]?.text ?? null,
      },
      question: question as string,
    };
  }
  const specimens = (request.specimen ?? []).map((ref, index) => {
    const specimen = byUrl.get(ref.reference) as Specimen | undefined;
    const kind = specimen?.type?.coding?.find((c) => c.system === SPECIMEN_KIND)?.code;
    if (!specimen || !kind || !(SPECIMEN_KINDS as readonly string[]).includes(kind)) {
      fail(
        `${at}/specimen/${index}`,
        `must reference a Specimen with a type coding from ${SPECIMEN_KIND} (${SPECIMEN_KINDS.join(', ')})`,
      );
    }
    return {
      kind: kind as (typeof SPECIMEN_KINDS)[number],
      blockId: specimen?.identifier?.find((i) => i.system === 'urn:genvei:block-id')?.value ?? null,
      collectionDate: (specimen?.collection?.collectedDateTime ?? '').slice(0, 10),
      site: specimen?.collection?.bodySite?.text ?? '',
      tumourCellPercent:
        specimen?.extension?.find((x) => x.url === `${EXT}/tumour-cell-percent`)?.valueInteger ?? null,
    };
  });
  if (specimens.length === 0) fail(`${at}/specimen`, 'at least one Specimen');
  if (problems.length > 0) throw badRequest(problems);
  const name = patient?.name?.[0];
  return {
    patient: {
      nationalId: identifier?.value as string,
      givenName: name?.given?.[0],
      familyName: name?.family,
      sex: patient?.gender as 'female' | undefined,
    },
    analysis: analysis as string,
    clinical: clinical as Clinical,
    specimens,
    priority: request.priority === 'urgent' ? 'urgent' : 'routine',
    copyRecipients: JSON.parse(extension('copy-recipients')?.valueString ?? '[]'),
    researchConsent: extension('research-consent')?.valueBoolean ?? false,
  };
}
