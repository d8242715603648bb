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
import { type ComponentSlice, type ProfileRules, SYSTEM } from './rules.ts';

/** TherapeuticImplication (CGImplications.fsh), flattened over GenomicImplication and GenomicBase. */

const codedSlice = (name: string, system: string, code: string): ComponentSlice => ({
  name,
  code: { system, code },
  min: 0,
  max: '*',
  valueTypes: ['CodeableConcept'],
  valueRequired: true,
});

export const therapeuticImplication: ProfileRules = {
  id: 'therapeutic-implication',
  parents: ['implication', 'genomic-base'],
  resourceType: 'Observation',
  elements: [...genomicBaseElements, ...genomicImplicationElements],
  code: { system: SYSTEM.TBD, code: 'therapeutic-implication' },
  categorySlices: genomicBaseCategories,
  components: [
    ...genomicBaseComponents,
    ...genomicImplicationComponents,
    codedSlice('therapeutic-implication', SYSTEM.TBD, 'therapeutic-implication'),
    codedSlice('phenotypic-treatment-context', SYSTEM.LNC, '81259-4'),
    codedSlice('medication-assessed', SYSTEM.LNC, '51963-7'),
    codedSlice('therapy-assessed', SYSTEM.TBD, 'associated-therapy'),
  ],
  extensions: genomicImplicationExtensions,
  references: [...genomicBaseReferences, ...genomicImplicationReferences],
};
