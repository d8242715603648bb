import { codedSlice, implicationProfile } from './implication.ts';
import { SYSTEM } from './rules.ts';

/** TherapeuticImplication (CGImplications.fsh), flattened over GenomicImplication and GenomicBase. */
export const therapeuticImplication = implicationProfile({
  id: 'therapeutic-implication',
  code: { system: SYSTEM.TBD, code: 'therapeutic-implication' },
  components: [
    codedSlice('therapeutic-implication', SYSTEM.TBD, 'therapeutic-implication'),
    codedSlice('phenotypic-treatment-context', SYSTEM.LNC, '81259-4'),
    codedSlice('medication-assessed', SYSTEM.LNC, '51963-7'),
    codedSlice('therapy-assessed', SYSTEM.TBD, 'associated-therapy'),
  ],
});
