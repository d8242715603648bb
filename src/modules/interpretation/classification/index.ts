export {
  acmgCriterion,
  applyAcmgCriteria,
  applyAcmgCriterion,
  classifyAcmg,
  combineByRichards,
  scoreAcmgPoints,
} from './acmg.ts';
export {
  ACMG_CAUTION_PAIRS,
  ACMG_CRITERIA,
  ACMG_POINT_BANDS,
  ACMG_STRENGTH_POINTS,
  RICHARDS_COMBINING_RULES,
} from './acmgCriteria.ts';
export { assignAmpTier, effectiveLevel, parseEscatTier } from './ampTiers.ts';
export { CriterionError, type CriterionProblem } from './errors.ts';
export * from './model.ts';
export {
  applyOncogenicityCriteria,
  classifyOncogenicity,
  oncogenicityCode,
  oncogenicityCriterion,
  parseOncogenicityLabel,
} from './oncogenicity.ts';
export {
  ONCOGENICITY_CRITERIA,
  ONCOGENICITY_PAIR_RULES,
  ONCOGENICITY_POINT_BANDS,
  ONCOGENICITY_STRENGTH_POINTS,
} from './oncogenicityCriteria.ts';
export {
  GERMLINE_FREQUENCY_THRESHOLDS,
  type GermlineFrequencyThresholds,
  type GermlineSuggestion,
  HOTSPOT_COUNTS,
  NULL_VARIANT_CONSEQUENCES,
  type OncogenicitySuggestion,
  SOMATIC_FREQUENCY_THRESHOLDS,
  type SomaticFrequencyThresholds,
  suggestGermlineCriteria,
  suggestOncogenicityCriteria,
} from './suggestions.ts';
