import {
  genomicBaseCategories,
  genomicBaseComponents,
  genomicBaseElements,
  genomicBaseReferences,
  genomicImplicationComponents,
  genomicImplicationElements,
  genomicImplicationExtensions,
  genomicImplicationReferences,
} from './genomicBase.ts';
import type { ComponentSlice, ExtensionRule, ProfileRules } from './rules.ts';

/**
 * A GenomicImplication profile (CGImplications.fsh), flattened over GenomicImplication and
 * GenomicBase: what every implication has, and the profile's own code, components and extensions.
 */
export function implicationProfile(own: {
  id: string;
  code: { system: string; code: string };
  components: readonly ComponentSlice[];
  extensions?: readonly ExtensionRule[];
}): ProfileRules {
  return {
    id: own.id,
    parents: ['implication', 'genomic-base'],
    resourceType: 'Observation',
    elements: [...genomicBaseElements, ...genomicImplicationElements],
    code: own.code,
    categorySlices: genomicBaseCategories,
    components: [...genomicBaseComponents, ...genomicImplicationComponents, ...own.components],
    extensions: [...genomicImplicationExtensions, ...(own.extensions ?? [])],
    references: [...genomicBaseReferences, ...genomicImplicationReferences],
  };
}

/** A component valued by a CodeableConcept, any number of times. */
export const codedSlice = (
  name: string,
  system: string,
  code: string,
  max: 1 | '*' = '*',
): ComponentSlice => ({
  name,
  code: { system, code },
  min: 0,
  max,
  valueTypes: ['CodeableConcept'],
  valueRequired: true,
});
