import {
  genomicBaseCategories,
  genomicBaseComponents,
  genomicBaseElements,
  genomicBaseReferences,
  genomicImplicationComponents,
  genomicImplicationElements,
  genomicImplicationExtensions,
  genomicImplicationReferences,
  genomicRiskAssessment,
} from './genomicBase.ts';
import { type ProfileRules, SYSTEM } from './rules.ts';

/** DiagnosticImplication (CGImplications.fsh), flattened over GenomicImplication and GenomicBase. */
export const diagnosticImplication: ProfileRules = {
  id: 'diagnostic-implication',
  parents: ['implication', 'genomic-base'],
  resourceType: 'Observation',
  elements: [...genomicBaseElements, ...genomicImplicationElements],
  code: { system: SYSTEM.TBD, code: 'diagnostic-implication' },
  categorySlices: genomicBaseCategories,
  components: [
    ...genomicBaseComponents,
    ...genomicImplicationComponents,
    {
      name: 'predicted-phenotype',
      code: { system: SYSTEM.LNC, code: '81259-4' },
      min: 0,
      max: '*',
      valueTypes: ['CodeableConcept'],
      valueRequired: true,
    },
    {
      name: 'mode-of-inheritance',
      code: { system: SYSTEM.TBD, code: 'condition-inheritance' },
      min: 0,
      max: 1,
      valueTypes: ['CodeableConcept'],
      valueRequired: true,
    },
  ],
  extensions: [...genomicImplicationExtensions, genomicRiskAssessment],
  references: [...genomicBaseReferences, ...genomicImplicationReferences],
};
