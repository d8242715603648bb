import { describe, expect, it } from 'vitest';
import { normaliseSignificance, reviewStars } from './clinvarTerms.ts';

describe('ClinVar review stars', () => {
  it.each([
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
  ])('%s → %i stars', (status, stars) => {
    expect(reviewStars(status)).toBe(stars);
  });

  it('reads the status as ClinVar writes it outside the VCF', () => {
    expect(reviewStars('criteria provided, multiple submitters, no conflicts')).toBe(2);
    expect(reviewStars('Reviewed by expert panel')).toBe(3);
  });

  it('gives no stars for a status it does not know', () => {
    expect(reviewStars('reviewed_by_a_friend')).toBeNull();
  });
});

describe('ClinVar CLNSIG normalisation', () => {
  it.each([
    ['Pathogenic', ['pathogenic'], [], false],
    ['Likely_pathogenic', ['likely_pathogenic'], [], false],
    ['Uncertain_significance', ['uncertain_significance'], [], false],
    ['Benign/Likely_benign', ['benign', 'likely_benign'], [], false],
    ['Pathogenic/Likely_pathogenic', ['pathogenic', 'likely_pathogenic'], [], false],
    ['Conflicting_classifications_of_pathogenicity', ['conflicting'], [], false],
    ['Conflicting_interpretations_of_pathogenicity', ['conflicting'], [], false],
    ['Pathogenic|risk_factor', ['pathogenic'], ['risk_factor'], false],
    ['Likely_pathogenic|drug_response|other', ['likely_pathogenic'], ['drug_response', 'other'], false],
    ['Conflicting_classifications_of_pathogenicity|association', ['conflicting'], ['association'], false],
    ['Pathogenic,_risk_factor', ['pathogenic'], ['risk_factor'], false],
    ['Benign/Likely_benign,_other', ['benign', 'likely_benign'], ['other'], false],
    ['Pathogenic,_low_penetrance', ['pathogenic'], [], true],
    [
      'Pathogenic/Likely_pathogenic/Pathogenic,_low_penetrance',
      ['pathogenic', 'likely_pathogenic'],
      [],
      true,
    ],
    ['Established_risk_allele', ['risk_factor'], [], false],
    ['drug_response', ['drug_response'], [], false],
    ['protective', ['protective'], [], false],
    ['Affects', ['other'], [], false],
    ['not_provided', ['not_provided'], [], false],
    ['no_classification_for_the_single_variant', ['not_provided'], [], false],
  ])('%s', (raw, classes, secondary, lowPenetrance) => {
    expect(normaliseSignificance(raw)).toEqual({ raw, classes, secondary, lowPenetrance });
  });

  it('reads an unknown term as "other" and reports it', () => {
    const unknown: string[] = [];
    const significance = normaliseSignificance('Pathogenic|Very_interesting', (term) => unknown.push(term));
    expect(significance).toMatchObject({ classes: ['pathogenic'], secondary: ['other'] });
    expect(unknown).toEqual(['Very_interesting']);
  });
});
