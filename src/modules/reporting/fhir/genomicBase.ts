import {
  CORE_EXTENSION,
  type CodingSlice,
  type ComponentSlice,
  type ElementRule,
  type ExtensionRule,
  profileUrl,
  type ReferenceRule,
  SYSTEM,
} from './rules.ts';

/*
 * The IG's abstract Observation profiles, as pieces the concrete profiles are built from:
 * GenomicBase (CGGeneral.fsh) → GenomicFinding (CGFindings.fsh) → Variant, and
 * GenomicBase → GenomicImplication (CGImplications.fsh) → Therapeutic/DiagnosticImplication.
 * Abstract profiles cannot be claimed by an instance, so they are never checked on their own.
 */

export const genomicBaseElements: readonly ElementRule[] = [
  { element: 'category', min: 2, max: '*', source: 'ig' },
];

export const genomicBaseCategories: readonly CodingSlice[] = [
  {
    name: 'labCategory',
    coding: { system: SYSTEM.OBSCAT, code: 'laboratory' },
    min: 1,
    max: 1,
    singleCoding: true,
  },
  {
    name: 'geCategory',
    coding: { system: SYSTEM.DIAGNOSTICSERVICE, code: 'GE' },
    min: 1,
    max: 1,
    singleCoding: true,
  },
];

export const genomicBaseComponents: readonly ComponentSlice[] = [
  {
    name: 'conclusion-string',
    code: { system: SYSTEM.TBD, code: 'conclusion-string' },
    min: 0,
    max: 1,
    valueTypes: ['string'],
    valueRequired: false,
  },
];

export const genomicBaseExtensions: readonly ExtensionRule[] = [
  { name: 'secondary-finding', url: `${CORE_EXTENSION}observation-secondaryFinding`, min: 0, max: 1 },
  { name: 'body-structure', url: `${CORE_EXTENSION}bodySite`, min: 0, max: 1 },
];

export const genomicImplicationExtensions: readonly ExtensionRule[] = [
  ...genomicBaseExtensions,
  { name: 'workflow-relatedArtifact', url: `${CORE_EXTENSION}workflow-relatedArtifact`, min: 0, max: '*' },
];

export const genomicRiskAssessment: ExtensionRule = {
  name: 'genomic-risk-assessment',
  url: profileUrl('genomic-risk-assessment'),
  min: 0,
  max: '*',
};

export const genomicBaseReferences: readonly ReferenceRule[] = [
  {
    element: 'partOf',
    // GenomicStudy is itself a Procedure profile, so any Procedure target passes the type check.
    target: {
      types: [
        'MedicationAdministration',
        'MedicationDispense',
        'MedicationStatement',
        'Procedure',
        'Immunization',
        'ImagingStudy',
      ],
    },
    source: 'ig',
  },
];

/** A GenomicFinding component slice: a LOINC-coded CodeableConcept value, 0..*, value 1..1. */
const findingSlice = (name: string, code: string, binding?: ComponentSlice['binding']): ComponentSlice => ({
  name,
  code: { system: SYSTEM.LNC, code },
  min: 0,
  max: '*',
  valueTypes: ['CodeableConcept'],
  valueRequired: true,
  ...(binding ? { binding } : {}),
});

export const genomicFindingComponents: readonly ComponentSlice[] = [
  findingSlice('gene-studied', '48018-6'),
  findingSlice('cytogenetic-location', '48001-2'),
  findingSlice('reference-sequence-assembly', '62374-4'),
  // LL2938-0 is LOINC's chromosome answer list; without its expansion we only check the system,
  // which still catches chromosomes coded as bare text or in another code system.
  findingSlice('chromosome-identifier', '48000-4', {
    valueSet: 'http://loinc.org/vs/LL2938-0',
    system: SYSTEM.LNC,
  }),
];

export const genomicImplicationElements: readonly ElementRule[] = [
  { element: 'value[x]', min: 0, max: 0, source: 'ig' },
  { element: 'derivedFrom', min: 1, max: '*', source: 'ig' },
];

export const genomicImplicationComponents: readonly ComponentSlice[] = [
  {
    name: 'evidence-level',
    code: { system: SYSTEM.LNC, code: '93044-6' },
    min: 0,
    max: '*',
    valueTypes: ['CodeableConcept'],
    valueRequired: true,
  },
  {
    name: 'clinical-significance',
    code: { system: SYSTEM.LNC, code: '53037-8' },
    min: 0,
    max: 1,
    valueTypes: ['CodeableConcept'],
    valueRequired: true,
  },
];

export const genomicImplicationReferences: readonly ReferenceRule[] = [
  {
    element: 'derivedFrom',
    // Sliced by target profile with open slicing: other Observations are allowed, but an
    // implication not resting on a finding is almost always a mistake, so it earns a warning.
    target: {
      types: [
        'DocumentReference',
        'ImagingStudy',
        'Media',
        'QuestionnaireResponse',
        'Observation',
        'MolecularSequence',
      ],
      profiles: ['variant', 'genotype', 'haplotype', 'molecular-biomarker'],
      open: true,
    },
    source: 'ig',
  },
];
