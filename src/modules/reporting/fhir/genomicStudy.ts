import { type ElementRule, type ExtensionRule, type ProfileRules, profileUrl, SYSTEM } from './rules.ts';

/*
 * GenomicStudy is an R5 resource. For R4 the IG (GGGenomicStudy.fsh) back-ports it as two
 * Procedure profiles: GenomicStudy, which points at its analyses through the
 * genomic-study-analysis-ext extension, and GenomicStudyAnalysis, whose R5 elements travel in
 * extensions. Both forbid the Procedure elements GenomicStudy has no counterpart for.
 */

const absent = (...elements: string[]): ElementRule[] =>
  elements.map((element) => ({ element, min: 0, max: 0, source: 'ig' }));

const procedureElements: ElementRule[] = [
  { element: 'category', min: 1, max: 1, source: 'ig' },
  { element: 'performed[x]', min: 0, max: 1, types: ['dateTime'], source: 'ig' },
];

const LABORATORY = { system: SYSTEM.OBSCAT, code: 'laboratory' };

export const genomicStudy: ProfileRules = {
  id: 'genomic-study',
  parents: [],
  resourceType: 'Procedure',
  elements: [
    ...procedureElements,
    ...absent(
      'partOf',
      'statusReason',
      'recorder',
      'location',
      'bodySite',
      'outcome',
      'report',
      'complication',
      'complicationDetail',
      'followUp',
      'focalDevice',
      'usedReference',
      'usedCode',
    ),
  ],
  singleCategory: LABORATORY,
  references: [{ element: 'basedOn', target: { types: ['ServiceRequest'] }, source: 'ig' }],
  extensions: [
    {
      name: 'genomic-study-analysis',
      url: profileUrl('genomic-study-analysis-ext'),
      min: 0,
      max: '*',
      target: { types: ['Procedure'], profiles: ['genomic-study-analysis'] },
    },
    { name: 'referrer', url: profileUrl('genomic-study-referrer-ext'), min: 0, max: 1 },
  ],
};

const analysisExtension = (name: string, max: ExtensionRule['max'], target?: ExtensionRule['target']) => ({
  name,
  url: profileUrl(`genomic-study-analysis-${name}`),
  min: 0,
  max,
  ...(target ? { target } : {}),
});

export const genomicStudyAnalysis: ProfileRules = {
  id: 'genomic-study-analysis',
  parents: [],
  resourceType: 'Procedure',
  elements: [
    ...procedureElements,
    ...absent(
      'basedOn',
      'partOf',
      'statusReason',
      'code',
      'encounter',
      'recorder',
      'asserter',
      'location',
      'bodySite',
      'outcome',
      'complication',
      'complicationDetail',
      'followUp',
      'focalDevice',
      'usedReference',
      'usedCode',
      'reasonCode',
      'reasonReference',
      'report',
    ),
  ],
  status: 'completed',
  singleCategory: LABORATORY,
  extensions: [
    analysisExtension('method-type', '*'),
    analysisExtension('change-type', '*'),
    analysisExtension('genome-build', 1),
    analysisExtension('genomic-source-class', 1),
    analysisExtension('title', 1),
    analysisExtension('focus', '*'),
    analysisExtension('specimen', '*', { types: ['Specimen'] }),
    analysisExtension('metrics', 1),
    analysisExtension('regions', 1),
    analysisExtension('device', '*'),
    analysisExtension('protocol-performed', 1),
    analysisExtension('input', '*'),
    analysisExtension('output', '*'),
  ],
};
