/**
 * The pure core of reporting: what a report says (ReportContent), whether it may be signed, and
 * its four renderings. Storage, signing and HTTP build on this and add no report logic of their own.
 */
export { type MissingItem, type SigningOptions, validateForSigning } from './completeness.ts';
export * from './content.ts';
export { type FhirBundleIds, toFhirBundle } from './fhir/bundle.ts';
export { renderReportHtml } from './html.ts';
export { reportContentSchema } from './model.ts';
export { renderReportPdf } from './pdf/render.ts';
export {
  REPORT_REFUSALS,
  type ReportRefusal,
  type ReportRefusalCode,
} from './refusals.ts';
export {
  CANCER_REGISTRY_FORMAT,
  type CancerRegistryMessage,
  toCancerRegistryMessage,
} from './registry/cancerRegistry.ts';
