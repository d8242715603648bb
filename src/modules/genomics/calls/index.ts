export { type CopyNumberOptions, parseCopyNumber, readCopyNumber } from './copyNumber.ts';
export {
  COPY_NUMBER_THRESHOLDS,
  type CopyNumberThresholds,
  deriveCopyNumberCall,
} from './copyNumberCalls.ts';
export { DRAGEN_TMB_KEYS, type DragenMetricsOptions, type DragenTmbKey } from './dragenMetrics.ts';
export { CallsFault, CallsFileError } from './errors.ts';
export { type FusionOptions, parseBreakpoint, parseFusions, readFusions } from './fusions.ts';
export type * from './model.ts';
export { parseSampleMetrics, readSampleMetrics, type SampleMetricsOptions } from './sampleMetrics.ts';
export { sampleMetricsFromVcfHeader, VCF_METRIC_KEYS } from './sampleMetricsVcf.ts';
