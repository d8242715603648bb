/**
 * The vocabulary of our profile rules. Each profile of the HL7 FHIR Genomics Reporting IG (R4) that
 * we check is written as a `ProfileRules` value transcribed by hand from the IG's FSH source; the
 * checker in `checkResource.ts` interprets these values and knows nothing about genomics.
 * `profiles.conformance.ts` compares the transcription with the FSH so that drift shows up.
 */

export const IG_CANONICAL = 'http://hl7.org/fhir/uv/genomics-reporting';
export const IG_PROFILE_BASE = `${IG_CANONICAL}/StructureDefinition/`;

export const profileUrl = (id: string): string => `${IG_PROFILE_BASE}${id}`;

/** Where FHIR core's own extensions live (bodySite, workflow-relatedArtifact…). */
export const CORE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/';

/** Code systems by the aliases Aliases.fsh gives them, so rules read like the FSH they come from. */
export const SYSTEM = {
  LNC: 'http://loinc.org',
  UCUM: 'http://unitsofmeasure.org',
  HGVS: 'http://varnomen.hgvs.org',
  OBSCAT: 'http://terminology.hl7.org/CodeSystem/observation-category',
  DIAGNOSTICSERVICE: 'http://terminology.hl7.org/CodeSystem/v2-0074',
  TBD: `${IG_CANONICAL}/CodeSystem/tbd-codes-cs`,
  // CGCodeSystem.fsh gives this one a THO url rather than the IG's own.
  VARIANT_CONFIDENCE: 'http://terminology.hl7.org/CodeSystem/variant-confidence-status-cs',
} as const;

export interface FixedCoding {
  system: string;
  code: string;
}

export type Max = number | '*';

/**
 * Where a rule comes from. Only `ig` rules are compared with the FSH by the drift check; `r4-core`
 * rules restate FHIR R4 base cardinalities the IG inherits, and `ig-narrative` rules come from the
 * IG's prose (a SHALL the StructureDefinitions cannot express) and are reported as warnings.
 */
export type RuleSource = 'ig' | 'r4-core' | 'ig-narrative';

/** Cardinality and, for choice elements (`value[x]`), allowed types of a top-level element. */
export interface ElementRule {
  /** FSH-style element name: `subject`, `category`, `value[x]`. */
  element: string;
  min: number;
  max: Max;
  /** FHIR type names a choice element is restricted to (`only dateTime`). */
  types?: readonly string[];
  source: RuleSource;
}

/** A required binding we can check offline: a coding from `system`, limited to `codes` if given. */
export interface RequiredBinding {
  valueSet: string;
  system: string;
  codes?: readonly string[];
}

/** A slice of a repeating CodeableConcept (Observation.category) matched on a fixed coding. */
export interface CodingSlice {
  name: string;
  coding: FixedCoding;
  min: number;
  max: Max;
  /** `* category[x].coding 1..1`: the matched category may carry no other coding. */
  singleCoding: boolean;
}

/** A slice of Observation.component, matched on its code, with the constraints on its value. */
export interface ComponentSlice {
  name: string;
  code: FixedCoding;
  min: number;
  max: Max;
  valueTypes: readonly string[];
  valueRequired: boolean;
  binding?: RequiredBinding;
  /** A fixed `valueQuantity.system`. */
  quantitySystem?: string;
  /** Invariant ids (from CGInvariants.fsh) applied to this slice's value. */
  invariants?: readonly string[];
}

export interface ReferenceTarget {
  types: readonly string[];
  /** IG profile ids the target should claim (`only Reference(Variant or …)`). */
  profiles?: readonly string[];
  /**
   * The element is sliced by target profile with open slicing, so another target profile is
   * allowed and only worth a warning.
   */
  open?: boolean;
}

/** A Reference element whose targets must resolve inside the bundle. */
export interface ReferenceRule {
  element: string;
  target: ReferenceTarget;
  source: RuleSource;
}

/** An extension slice, by canonical URL, with its cardinality and Reference target if any. */
export interface ExtensionRule {
  name: string;
  url: string;
  min: number;
  max: Max;
  target?: ReferenceTarget;
}

export interface ProfileRules {
  /** StructureDefinition id, e.g. `variant`. */
  id: string;
  /** FSH `Parent:` chain this profile was flattened from, nearest first, for the drift check. */
  parents: readonly string[];
  resourceType: 'Observation' | 'DiagnosticReport' | 'Procedure';
  elements: readonly ElementRule[];
  /** `* code = $LNC#…`: a pattern, so the code must contain this coding (others may follow). */
  code?: FixedCoding;
  /** `* status = #completed`: a fixed primitive code. */
  status?: string;
  categorySlices?: readonly CodingSlice[];
  /** Procedure.category is a single CodeableConcept whose only coding is fixed. */
  singleCategory?: FixedCoding;
  components?: readonly ComponentSlice[];
  /** A required binding on `valueCodeableConcept`. */
  valueBinding?: RequiredBinding;
  references?: readonly ReferenceRule[];
  extensions?: readonly ExtensionRule[];
  componentPatterns?: ComponentPatterns;
}

/**
 * IG guidance that some combination of component slices be present: at least one alternative
 * must have all its slices. Reported as a warning under `rule`.
 */
export interface ComponentPatterns {
  rule: string;
  alternatives: readonly (readonly string[])[];
  message: string;
}
