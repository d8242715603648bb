import { genomicRiskAssessment } from './genomicBase.ts';
import { codedSlice, implicationProfile } from './implication.ts';
import { SYSTEM } from './rules.ts';

/** DiagnosticImplication (CGImplications.fsh), flattened over GenomicImplication and GenomicBase. */
export const diagnosticImplication = implicationProfile({
  id: 'diagnostic-implication',
  code: { system: SYSTEM.TBD, code: 'diagnostic-implication' },
  components: [
    codedSlice('predicted-phenotype', SYSTEM.LNC, '81259-4'),
    codedSlice('mode-of-inheritance', SYSTEM.TBD, 'condition-inheritance', 1),
  ],
  extensions: [genomicRiskAssessment],
});
