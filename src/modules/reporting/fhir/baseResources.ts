import type { ElementRule, ReferenceRule } from './rules.ts';

/**
 * FHIR R4 base rules checked on every resource of these types, whether or not it claims an IG
 * profile: the elements R4 itself requires, and the Reference elements whose targets must be in
 * the bundle. A genomic report travels as one bundle, so a reference that does not resolve inside
 * it is a broken report. Practitioners, organisations and encounters are left out: they are
 * commonly referred to by identifier in the receiving system's registry.
 */
export interface BaseRules {
  elements: readonly ElementRule[];
  references: readonly ReferenceRule[];
}

const required = (...elements: string[]): ElementRule[] =>
  elements.map((element) => ({ element, min: 1, max: 1, source: 'r4-core' }));

const ref = (element: string, ...types: string[]): ReferenceRule => ({
  element,
  target: { types },
  source: 'r4-core',
});

export const BASE_RULES: Readonly<Record<string, BaseRules>> = {
  Observation: {
    elements: required('status', 'code'),
    references: [
      ref(
        'basedOn',
        'CarePlan',
        'DeviceRequest',
        'ImmunizationRecommendation',
        'MedicationRequest',
        'NutritionOrder',
        'ServiceRequest',
      ),
      ref(
        'partOf',
        'MedicationAdministration',
        'MedicationDispense',
        'MedicationStatement',
        'Procedure',
        'Immunization',
        'ImagingStudy',
      ),
      ref('subject', 'Patient', 'Group', 'Device', 'Location'),
      ref('specimen', 'Specimen'),
      ref('hasMember', 'Observation', 'QuestionnaireResponse', 'MolecularSequence'),
      ref(
        'derivedFrom',
        'DocumentReference',
        'ImagingStudy',
        'Media',
        'QuestionnaireResponse',
        'Observation',
        'MolecularSequence',
      ),
    ],
  },
  DiagnosticReport: {
    elements: required('status', 'code'),
    references: [
      ref(
        'basedOn',
        'CarePlan',
        'ImmunizationRecommendation',
        'MedicationRequest',
        'NutritionOrder',
        'ServiceRequest',
      ),
      ref('subject', 'Patient', 'Group', 'Device', 'Location'),
      ref('specimen', 'Specimen'),
      ref('result', 'Observation'),
    ],
  },
  Procedure: {
    elements: required('status', 'subject'),
    references: [
      ref('basedOn', 'CarePlan', 'ServiceRequest'),
      ref('partOf', 'Procedure', 'Observation', 'MedicationAdministration'),
      ref('subject', 'Patient', 'Group'),
    ],
  },
  ServiceRequest: {
    elements: required('status', 'intent', 'subject'),
    references: [
      ref('basedOn', 'CarePlan', 'ServiceRequest', 'MedicationRequest'),
      ref('replaces', 'ServiceRequest'),
      ref('subject', 'Patient', 'Group', 'Location', 'Device'),
      ref('specimen', 'Specimen'),
    ],
  },
  Specimen: {
    elements: [],
    references: [
      ref('subject', 'Patient', 'Group', 'Device', 'Substance', 'Location'),
      ref('parent', 'Specimen'),
      ref('request', 'ServiceRequest'),
    ],
  },
  Patient: { elements: [], references: [] },
};
