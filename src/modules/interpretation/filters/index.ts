export {
  bindPanel,
  checkFilterChain,
  type FilterChain,
  FilterChainError,
  type FilterDefinition,
  filterChainSchema,
  filterDefinitionSchema,
  formatPath,
  type GenePanelSnapshot,
  type GenomicInterval,
  PANEL_CONFIDENCES,
  type PanelConfidence,
  parseFilterChain,
} from './chain.ts';
export { SO_CONSEQUENCES, type SoConsequence } from './consequences.ts';
export {
  DEFAULT_FILTER_CHAINS,
  defaultChainsFor,
  GERMLINE,
  SOMATIC_TUMOUR_DNA_PANEL,
} from './defaultChains.ts';
export { applyFilterChain } from './engine.ts';
export * from './model.ts';
export { UnboundPanelError } from './predicates.ts';
export {
  FILTER_REASON_CODES,
  FILTER_REASON_PARAMS,
  type FilterReason,
  type FilterReasonCode,
  type FilterReasonParams,
  reasonText,
} from './reasons.ts';
export { normaliseChrom } from './regions.ts';
