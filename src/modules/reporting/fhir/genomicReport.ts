import { genomicRiskAssessment } from './genomicBase.ts';
import { CORE_EXTENSION, type ProfileRules, profileUrl, SYSTEM } from './rules.ts';

/**
 * GenomicReport (CGGeneral.fsh). Its `result` slices are all 0..* with open slicing, so they
 * constrain nothing beyond the R4 base rule that every result resolves to an Observation.
 */
export const genomicReport: ProfileRules = {
  id: 'genomic-report',
  parents: [],
  resourceType: 'DiagnosticReport',
  elements: [{ element: 'effective[x]', min: 0, max: 1, types: ['dateTime'], source: 'ig' }],
  code: { system: SYSTEM.LNC, code: '51969-4' },
  categorySlices: [
    {
      name: 'Genetics',
      coding: { system: SYSTEM.DIAGNOSTICSERVICE, code: 'GE' },
      min: 1,
      max: 1,
      singleCoding: true,
    },
  ],
  extensions: [
    { name: 'recommended-action', url: profileUrl('recommended-action'), min: 0, max: '*' },
    genomicRiskAssessment,
    { name: 'coded-note', url: profileUrl('genomic-report-note'), min: 0, max: '*' },
    { name: 'supporting-info', url: `${CORE_EXTENSION}workflow-supportingInfo`, min: 0, max: '*' },
    {
      name: 'genomic-study',
      url: profileUrl('genomic-study-reference'),
      min: 0,
      max: '*',
      target: { types: ['Procedure'], profiles: ['genomic-study'] },
    },
    {
      name: 'hla-genotyping-results-allele-database',
      url: `${CORE_EXTENSION}hla-genotyping-results-allele-database`,
      min: 0,
      max: 1,
    },
    {
      name: 'hla-genotyping-results-glstring',
      url: `${CORE_EXTENSION}hla-genotyping-results-glstring`,
      min: 0,
      max: 1,
    },
    { name: 'workflow-relatedArtifact', url: `${CORE_EXTENSION}workflow-relatedArtifact`, min: 0, max: '*' },
  ],
};
