/**
 * Criteria that annotation alone can point to: population frequency, a known hotspot, a null
 * variant in a loss-of-function gene, absence from population databases. Each comes back as a
 * suggestion with its reason and `needsConfirmation: true`; a curator applies it or not. Nothing
 * here touches a classification.
 */
import { applyAcmgCriterion } from './acmg.ts';
import type {
  AcmgCriterionInput,
  OncogenicityCriterionId,
  OncogenicityCriterionInput,
  Suggestion,
  VariantFacts,
} from './model.ts';
import { oncogenicityCode } from './oncogenicity.ts';

/** Sequence Ontology terms that make a variant null (PVS1, OVS1) on the transcript they name. */
export const NULL_VARIANT_CONSEQUENCES = [
  'stop_gained',
  'frameshift_variant',
  'splice_donor_variant',
  'splice_acceptor_variant',
  'start_lost',
] as const;

/** Allele frequency cut-offs; a frequency above the value meets the criterion. */
export interface GermlineFrequencyThresholds {
  /** BA1: 5% (Richards 2015; ClinGen SVI keeps 5% outside gene-specific exceptions). */
  standAlone: number;
  /** BS1: "greater than expected for the disorder"; set per gene or disorder, 1% by default. */
  strong: number;
}
export const GERMLINE_FREQUENCY_THRESHOLDS: GermlineFrequencyThresholds = { standAlone: 0.05, strong: 0.01 };

export interface SomaticFrequencyThresholds {
  /** SBVS1: above 5% in any of the five gnomAD continental populations. */
  veryStrong: number;
  /** SBS1: above 1%. For hereditary cancer genes the SOP defers to VCEP thresholds. */
  strong: number;
}
export const SOMATIC_FREQUENCY_THRESHOLDS: SomaticFrequencyThresholds = { veryStrong: 0.05, strong: 0.01 };

/** cancerhotspots.org counts that grade a hotspot (Horak 2022 OS3, OM3, OP3). */
export const HOTSPOT_COUNTS = { samplesAtPositionForStrong: 50, samplesWithSameChange: 10 } as const;

export type GermlineSuggestion = Suggestion<AcmgCriterionInput>;
export type OncogenicitySuggestion = Suggestion<OncogenicityCriterionInput>;

export function suggestGermlineCriteria(
  facts: VariantFacts,
  thresholds: Partial<GermlineFrequencyThresholds> = {},
): GermlineSuggestion[] {
  const cutoffs = { ...GERMLINE_FREQUENCY_THRESHOLDS, ...thresholds };
  checkThresholds(cutoffs.strong, cutoffs.standAlone, 'BS1', 'BA1');
  const suggestions: GermlineSuggestion[] = [];
  const population = checkedPopulation(facts);
  if (population !== undefined) {
    const { alleleFrequency: frequency } = population;
    const where = describeFrequency(population);
    if (frequency > cutoffs.standAlone) {
      suggestions.push(germline({ code: 'BA1' }, `${where} is above ${percent(cutoffs.standAlone)}`));
    } else if (frequency > cutoffs.strong) {
      suggestions.push(
        germline(
          { code: 'BS1' },
          `${where} is above ${percent(cutoffs.strong)}, more than expected for the disorder; check the cut-off fits this gene's prevalence and penetrance`,
        ),
      );
    } else if (frequency === 0) {
      suggestions.push(
        germline(
          { code: 'PM2', strength: 'supporting' },
          `Absent from ${population.source}; ClinGen SVI applies PM2 at supporting strength`,
        ),
      );
    }
  }
  if (facts.hotspot !== undefined) {
    suggestions.push(
      germline(
        { code: 'PM1' },
        `In a known mutational hotspot${sourceOf(facts.hotspot.source)}; confirm the hotspot is relevant to this disease and has no benign variation`,
      ),
    );
  }
  const nullConsequence = nullConsequenceOf(facts);
  if (nullConsequence !== undefined && facts.gene?.mechanism === 'loss-of-function') {
    suggestions.push(
      germline(
        { code: 'PVS1' },
        `${nullConsequence} in ${facts.gene.symbol}, where loss of function causes the disease; work through the PVS1 decision tree (NMD, last exon, alternative transcripts), which may lower the strength`,
      ),
    );
  }
  return suggestions;
}

export function suggestOncogenicityCriteria(
  facts: VariantFacts,
  thresholds: Partial<SomaticFrequencyThresholds> = {},
): OncogenicitySuggestion[] {
  const cutoffs = { ...SOMATIC_FREQUENCY_THRESHOLDS, ...thresholds };
  checkThresholds(cutoffs.strong, cutoffs.veryStrong, 'SBS1', 'SBVS1');
  const suggestions: OncogenicitySuggestion[] = [];
  const population = checkedPopulation(facts);
  if (population !== undefined) {
    const { alleleFrequency: frequency } = population;
    const where = describeFrequency(population);
    if (frequency > cutoffs.veryStrong) {
      suggestions.push(
        somatic('population-frequency-very-high', `${where} is above ${percent(cutoffs.veryStrong)}`),
      );
    } else if (frequency > cutoffs.strong) {
      suggestions.push(somatic('population-frequency-high', `${where} is above ${percent(cutoffs.strong)}`));
    } else if (frequency === 0) {
      suggestions.push(somatic('absent-from-population', `Absent from ${population.source}`));
    }
  }
  const hotspot = hotspotSuggestion(facts.hotspot);
  if (hotspot !== undefined) suggestions.push(hotspot);
  const nullConsequence = nullConsequenceOf(facts);
  const role = facts.gene?.roleInCancer;
  if (nullConsequence !== undefined && (role === 'tumour-suppressor' || role === 'both')) {
    suggestions.push(
      somatic(
        'null-variant-in-tsg',
        `${nullConsequence} in ${facts.gene?.symbol}, a tumour suppressor gene; check the PVS1 caveats (NMD, last exon, alternative transcripts), which may lower the strength`,
      ),
    );
  }
  return suggestions;
}

/** Grades a hotspot by its counts; without counts it cannot be graded, so nothing is suggested. */
function hotspotSuggestion(hotspot: VariantFacts['hotspot']): OncogenicitySuggestion | undefined {
  if (hotspot === undefined) return undefined;
  const { samplesAtPosition: atPosition, samplesWithSameChange: sameChange } = hotspot;
  for (const [name, count] of [
    ['samplesAtPosition', atPosition],
    ['samplesWithSameChange', sameChange],
  ] as const) {
    if (count !== undefined && !(Number.isInteger(count) && count >= 0)) {
      throw new RangeError(`hotspot ${name} must be a whole number of samples, got ${count}`);
    }
  }
  if (sameChange === undefined) return undefined;
  const counts = `${sameChange} samples with this amino-acid change${atPosition === undefined ? '' : `, ${atPosition} at the residue`}${sourceOf(hotspot.source)}`;
  if (sameChange < HOTSPOT_COUNTS.samplesWithSameChange) {
    return somatic('hotspot-supporting', `Hotspot with ${counts}: fewer than 10 with this change`);
  }
  if (atPosition === undefined) return undefined;
  return atPosition >= HOTSPOT_COUNTS.samplesAtPositionForStrong
    ? somatic('hotspot-strong', `Hotspot with ${counts}: ≥50 at the residue and ≥10 with this change`)
    : somatic('hotspot-moderate', `Hotspot with ${counts}: <50 at the residue and ≥10 with this change`);
}

function germline(criterion: AcmgCriterionInput, reason: string): GermlineSuggestion {
  return { criterion, label: applyAcmgCriterion(criterion).label, reason, needsConfirmation: true };
}

function somatic(criterion: OncogenicityCriterionId, reason: string): OncogenicitySuggestion {
  return { criterion: { criterion }, label: oncogenicityCode(criterion), reason, needsConfirmation: true };
}

function nullConsequenceOf(facts: VariantFacts): string | undefined {
  return facts.consequences.find((term) => (NULL_VARIANT_CONSEQUENCES as readonly string[]).includes(term));
}

function checkedPopulation(facts: VariantFacts): VariantFacts['population'] {
  const population = facts.population;
  if (population === undefined) return undefined;
  const frequency = population.alleleFrequency;
  if (!(Number.isFinite(frequency) && frequency >= 0 && frequency <= 1)) {
    throw new RangeError(`allele frequency must be between 0 and 1, got ${frequency}`);
  }
  return population;
}

function checkThresholds(strong: number, stronger: number, strongName: string, strongerName: string): void {
  for (const [name, value] of [
    [strongName, strong],
    [strongerName, stronger],
  ] as const) {
    if (!(value > 0 && value < 1))
      throw new RangeError(`${name} threshold must be between 0 and 1, got ${value}`);
  }
  if (strong > stronger) {
    throw new RangeError(
      `${strongName} threshold (${strong}) is above the ${strongerName} threshold (${stronger})`,
    );
  }
}

function describeFrequency(population: NonNullable<VariantFacts['population']>): string {
  const group = population.population === undefined ? '' : ` (${population.population})`;
  return `Allele frequency ${percent(population.alleleFrequency)} in ${population.source}${group}`;
}

function percent(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(3))}%`;
}

function sourceOf(source: string | undefined): string {
  return source === undefined ? '' : ` (${source})`;
}
