import type { ClinVarSignificance, ClinVarSignificanceClass, ReviewStars } from './model.ts';

/**
 * ClinVar's review statuses and their stars (clinvar/docs/review_status). Conflicting
 * classifications keep one star: criteria were provided, the submitters just disagree. The older
 * names of each status are kept so that an archived release reads the same.
 */
const REVIEW_STARS = new Map<string, ReviewStars>([
  ['practice_guideline', 4],
  ['reviewed_by_expert_panel', 3],
  ['criteria_provided,_multiple_submitters,_no_conflicts', 2],
  ['criteria_provided,_single_submitter', 1],
  ['criteria_provided,_conflicting_classifications', 1],
  ['criteria_provided,_conflicting_interpretations', 1],
  ['no_assertion_criteria_provided', 0],
  ['no_classification_provided', 0],
  ['no_assertion_provided', 0],
  ['no_classification_for_the_single_variant', 0],
  ['no_interpretation_for_the_single_variant', 0],
  ['no_classifications_from_unflagged_records', 0],
]);

/**
 * The stars for a review status, as the VCF writes it (criteria_provided,_single_submitter) or
 * as ClinVar's web pages and XML do (criteria provided, single submitter); null when unknown.
 */
export function reviewStars(status: string): ReviewStars | null {
  return REVIEW_STARS.get(vcfWords(status)) ?? null;
}

/**
 * CLNSIG terms and what each is reduced to. Risk alleles (ClinGen's established, likely and
 * uncertain risk allele) become risk_factor; the raw value keeps the distinction.
 */
const TERMS = new Map<string, ClinVarSignificanceClass>([
  ['pathogenic', 'pathogenic'],
  ['likely_pathogenic', 'likely_pathogenic'],
  ['uncertain_significance', 'uncertain_significance'],
  ['likely_benign', 'likely_benign'],
  ['benign', 'benign'],
  ['conflicting_classifications_of_pathogenicity', 'conflicting'],
  ['conflicting_interpretations_of_pathogenicity', 'conflicting'],
  ['conflicting_data_from_submitters', 'conflicting'],
  ['risk_factor', 'risk_factor'],
  ['established_risk_allele', 'risk_factor'],
  ['likely_risk_allele', 'risk_factor'],
  ['uncertain_risk_allele', 'risk_factor'],
  ['drug_response', 'drug_response'],
  ['association', 'association'],
  ['protective', 'protective'],
  ['affects', 'other'],
  ['confers_sensitivity', 'other'],
  ['association_not_found', 'other'],
  ['other', 'other'],
  ['not_provided', 'not_provided'],
  ['no_classification_for_the_single_variant', 'not_provided'],
  ['no_classifications_from_unflagged_records', 'not_provided'],
  ['no_interpretation_for_the_single_variant', 'not_provided'],
]);

const LOW_PENETRANCE = 'low_penetrance';

/**
 * Reads CLNSIG. The aggregate classification comes first, its terms joined by `/`
 * (Pathogenic/Likely_pathogenic); further terms follow after `|` (Pathogenic|risk_factor), or
 * after `,_` in releases before 2020 (Pathogenic,_risk_factor), where `,_low_penetrance` now
 * qualifies a term instead. An unknown term reads as "other" and is passed to onUnknownTerm:
 * ClinVar adds terms now and then, and the raw value keeps what was written.
 */
export function normaliseSignificance(
  raw: string,
  onUnknownTerm: (term: string) => void = () => {},
): ClinVarSignificance {
  const classes = new Set<ClinVarSignificanceClass>();
  const secondary = new Set<ClinVarSignificanceClass>();
  let lowPenetrance = false;
  const termOf = (text: string): ClinVarSignificanceClass => {
    const term = TERMS.get(vcfWords(text).replace(/^_+/, ''));
    if (term !== undefined) return term;
    onUnknownTerm(text);
    return 'other';
  };
  const [aggregate = '', ...added] = raw.split('|');
  for (const part of aggregate.split('/')) {
    const [term = '', ...qualifiers] = part.split(',_');
    if (term !== '') classes.add(termOf(term));
    for (const qualifier of qualifiers) {
      if (vcfWords(qualifier) === LOW_PENETRANCE) lowPenetrance = true;
      else secondary.add(termOf(qualifier));
    }
  }
  for (const term of added) if (term !== '') secondary.add(termOf(term));
  return { raw, classes: [...classes], secondary: [...secondary], lowPenetrance };
}

/** The VCF's spelling of ClinVar's words: lower case, `_` for spaces ("Likely pathogenic" → likely_pathogenic). */
function vcfWords(text: string): string {
  return text.trim().toLowerCase().replace(/ /g, '_');
}
