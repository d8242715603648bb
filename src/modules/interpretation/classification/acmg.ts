/**
 * ACMG/AMP 2015 germline classification, run both ways at once — Richards 2015 combining rules and
 * the Tavtigian 2020 points scale — so the curator sees where they disagree. Pure: criteria in,
 * classes out. The rules themselves are data in acmgCriteria.ts.
 */
import {
  ACMG_CAUTION_PAIRS,
  ACMG_CRITERIA,
  ACMG_POINT_BANDS,
  ACMG_STRENGTH_POINTS,
  type CombiningRule,
  RICHARDS_COMBINING_RULES,
  type StrengthCounts,
  UNCERTAIN_CONTRADICTORY,
  UNCERTAIN_NO_RULE,
} from './acmgCriteria.ts';
import { CriterionError } from './errors.ts';
import type {
  AcmgClassification,
  AcmgCode,
  AcmgCriterionDefinition,
  AcmgCriterionInput,
  AppliedAcmgCriterion,
  CombiningRulesResult,
  CriterionCaution,
  EvidenceStrength,
  GermlineClass,
  PointsResult,
} from './model.ts';
import { classForPoints, criterionLabel, describeStrength, splitCriterionLabel } from './strength.ts';

const DEFINITIONS = new Map<string, AcmgCriterionDefinition>(ACMG_CRITERIA.map((c) => [c.code, c]));

/** The definition of one ACMG criterion, or undefined for a code the standard does not have. */
export function acmgCriterion(code: string): AcmgCriterionDefinition | undefined {
  return DEFINITIONS.get(code);
}

/**
 * Checks one criterion against the standard and resolves its strength. Accepts ClinGen SVI labels
 * (`PM2_Supporting`, `PVS1_Strong`) or `{ code, strength }`; throws CriterionError for an unknown
 * code or a strength the criterion cannot take (BA1 at supporting, PS3 as stand-alone).
 */
export function applyAcmgCriterion(criterion: string | AcmgCriterionInput): AppliedAcmgCriterion {
  const { code, strength: requested } =
    typeof criterion === 'string'
      ? splitCriterionLabel(criterion)
      : { code: criterion.code.trim().toUpperCase(), strength: criterion.strength };
  const written = typeof criterion === 'string' ? criterion.trim() : criterion.code;
  const definition = DEFINITIONS.get(code);
  if (definition === undefined) {
    throw new CriterionError(written, 'unknown-criterion', `${written}: not an ACMG/AMP 2015 criterion`);
  }
  const strength = requested ?? definition.defaultStrength;
  if (!definition.allowedStrengths.includes(strength)) {
    throw new CriterionError(written, 'impossible-strength', impossibleStrength(definition, strength));
  }
  return {
    code: definition.code,
    direction: definition.direction,
    strength,
    label: criterionLabel(definition.code, strength, definition.defaultStrength),
    modified: strength !== definition.defaultStrength,
  };
}

function impossibleStrength(definition: AcmgCriterionDefinition, strength: EvidenceStrength): string {
  const allowed = definition.allowedStrengths.map(describeStrength).join(', ');
  if (definition.code === 'BA1') {
    return `BA1 cannot be applied at ${describeStrength(strength)}: it is stand-alone or not at all (use BS1 for a lower frequency)`;
  }
  return `${definition.code} is a ${definition.direction} criterion and cannot be applied at ${describeStrength(strength)}; allowed: ${allowed}`;
}

/** Applies every criterion, refusing the same criterion twice: each one counts once. */
export function applyAcmgCriteria(
  criteria: readonly (string | AcmgCriterionInput)[],
): AppliedAcmgCriterion[] {
  const applied = criteria.map(applyAcmgCriterion);
  const seen = new Set<AcmgCode>();
  for (const criterion of applied) {
    if (seen.has(criterion.code)) {
      throw new CriterionError(
        criterion.label,
        'duplicate-criterion',
        `${criterion.code} is applied more than once; apply it once, at the strength the evidence supports`,
      );
    }
    seen.add(criterion.code);
  }
  return applied;
}

/** Classifies a set of criteria by both the Richards 2015 rules and the Tavtigian 2020 points. */
export function classifyAcmg(criteria: readonly (string | AcmgCriterionInput)[]): AcmgClassification {
  const applied = applyAcmgCriteria(criteria);
  return {
    criteria: applied,
    combiningRules: combineByRichards(applied),
    pointsScale: scoreAcmgPoints(applied),
    mixedEvidence: hasBothDirections(applied),
    cautions: acmgCautions(applied),
  };
}

/**
 * Richards 2015 Table 5. Criteria count at the strength applied, so PM2_Supporting is a supporting
 * criterion. Two conventions where the table has no slot: a second very-strong criterion counts as
 * strong (else PVS1 + PS2_VeryStrong would meet no rule at all), and a benign moderate criterion
 * (an SVI addition) counts as supporting, the weaker level Richards does have.
 */
export function combineByRichards(applied: readonly AppliedAcmgCriterion[]): CombiningRulesResult {
  const notes: string[] = [];
  const pathogenic = countStrengths(applied, 'pathogenic');
  const benign = countStrengths(applied, 'benign');
  const veryStrong = pathogenic['very-strong'] ?? 0;
  if (veryStrong > 1) {
    pathogenic['very-strong'] = 1;
    pathogenic.strong = (pathogenic.strong ?? 0) + veryStrong - 1;
    notes.push(`${veryStrong - 1} very strong criterion beyond the first is counted as strong`);
  }
  const benignModerate = benign.moderate ?? 0;
  if (benignModerate > 0) {
    benign.supporting = (benign.supporting ?? 0) + benignModerate;
    benign.moderate = 0;
    notes.push(
      'Richards 2015 has no benign moderate level: benign moderate criteria are counted as supporting',
    );
  }

  const met = RICHARDS_COMBINING_RULES.filter((rule) =>
    meets(rule.direction === 'pathogenic' ? pathogenic : benign, rule.atLeast),
  );
  const rulesMet = met.map(ruleText);
  const pathogenicRule = met.find((rule) => rule.direction === 'pathogenic');
  const benignRule = met.find((rule) => rule.direction === 'benign');
  if (pathogenicRule && benignRule) {
    return { class: 'uncertain', rule: UNCERTAIN_CONTRADICTORY, rulesMet, conflicting: true, notes };
  }
  const decisive = pathogenicRule ?? benignRule;
  if (decisive === undefined) {
    return { class: 'uncertain', rule: UNCERTAIN_NO_RULE, rulesMet, conflicting: false, notes };
  }
  return { class: decisive.class, rule: ruleText(decisive), rulesMet, conflicting: false, notes };
}

function countStrengths(
  applied: readonly AppliedAcmgCriterion[],
  direction: 'pathogenic' | 'benign',
): StrengthCounts {
  const counts: StrengthCounts = {};
  for (const criterion of applied) {
    if (criterion.direction === direction) counts[criterion.strength] = (counts[criterion.strength] ?? 0) + 1;
  }
  return counts;
}

function meets(counts: StrengthCounts, atLeast: StrengthCounts): boolean {
  return Object.entries(atLeast).every(
    ([strength, minimum]) => (counts[strength as EvidenceStrength] ?? 0) >= (minimum ?? 0),
  );
}

function ruleText(rule: CombiningRule): string {
  return `${rule.name}: ${rule.summary}`;
}

/**
 * Tavtigian 2020 points: very strong 8, strong 4, moderate 2, supporting 1, benign negative. BA1 has
 * no points; it decides benign alone, and the points of the other criteria are still reported.
 */
export function scoreAcmgPoints(applied: readonly AppliedAcmgCriterion[]): PointsResult<GermlineClass> {
  let points = 0;
  let standAlone = false;
  for (const criterion of applied) {
    if (criterion.strength === 'stand-alone') {
      standAlone = true;
      continue;
    }
    const weight = ACMG_STRENGTH_POINTS[criterion.strength];
    points += criterion.direction === 'pathogenic' ? weight : -weight;
  }
  return { points, class: standAlone ? 'benign' : classForPoints(points, ACMG_POINT_BANDS), standAlone };
}

function hasBothDirections(applied: readonly { direction: string }[]): boolean {
  const directions = new Set(applied.map((criterion) => criterion.direction));
  return directions.size > 1;
}

function acmgCautions(applied: readonly AppliedAcmgCriterion[]): CriterionCaution[] {
  const codes = new Set(applied.map((criterion) => criterion.code));
  return ACMG_CAUTION_PAIRS.filter(({ criteria: [a, b] }) => codes.has(a) && codes.has(b)).map(
    ({ criteria, note, source }) => ({ criteria: [...criteria], note, source }),
  );
}
