/**
 * One way a resource in a bundle falls short of a profile. An empty list of issues means the
 * bundle conforms to everything we check.
 */
export interface ProfileIssue {
  severity: 'error' | 'warning';
  /**
   * The IG StructureDefinition id the rule belongs to (`variant`, `genomic-report`), the resource
   * type for FHIR R4 base rules (`Specimen`), or `Bundle` for rules about the bundle itself.
   */
  profile: string;
  /** `Type/id`, else the entry's fullUrl, else `entry[n]`. */
  resource: string;
  /**
   * FHIRPath-like location: `Observation.component[2].code`. A slice that is missing or repeated
   * is named the FSH way, `Observation.component[allelic-state]`.
   */
  path: string;
  /**
   * `cardinality`, `fixed-code`, `fixed-value`, `binding`, `type`, `reference`, `profile`,
   * `bundle`, `invariant:<FSH id>` or `guidance:<topic>` (IG prose the profiles cannot express).
   */
  rule: string;
  message: string;
}
