/**
 * Parsers for the knowledge sources operators download: CIViC's TSVs and ClinVar's VCF. They read
 * files and yield typed records in batches; storing them is the importer's job.
 */
export { type CivicEvidenceOptions, parseCivicAssertions, parseCivicEvidence } from './civic.ts';
export { parseMolecularProfile } from './civicProfile.ts';
export { ClinVarFile, type ClinVarOptions, openClinVar } from './clinvar.ts';
export { normaliseSignificance, reviewStars } from './clinvarTerms.ts';
export * from './model.ts';
export { DEFAULT_BATCH_SIZE, type LineInput, SourceParseError, type TsvOptions } from './tsv.ts';
