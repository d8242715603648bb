/**
 * Somatic oncogenicity by the ClinGen/CGC/VICC SOP (Horak 2022): criteria keyed by meaning, summed
 * as points, with the SOP's exclusivity notes enforced. The rules are data in oncogenicityCriteria.ts.
 */
import { CriterionError } from './errors.ts';
import type {
  AppliedOncogenicityCriterion,
  CriterionCaution,
  EvidenceStrength,
  OncogenicityClassification,
  OncogenicityCriterionDefinition,
  OncogenicityCriterionId,
  OncogenicityCriterionInput,
  OncogenicityLabelScheme,
} from './model.ts';
import {
  ONCOGENICITY_CRITERIA,
  ONCOGENICITY_PAIR_RULES,
  ONCOGENICITY_POINT_BANDS,
  ONCOGENICITY_STRENGTH_POINTS,
} from './oncogenicityCriteria.ts';
import { classForPoints, criterionLabel, describeStrength, splitCriterionLabel } from './strength.ts';

const DEFINITIONS = new Map<string, OncogenicityCriterionDefinition>(
  ONCOGENICITY_CRITERIA.map((definition) => [definition.id, definition]),
);

export function oncogenicityCriterion(id: string): OncogenicityCriterionDefinition | undefined {
  return DEFINITIONS.get(id);
}

/** The code a source shows for a criterion: OM3 and OM4 swap between the SOP table and PCGR. */
export function oncogenicityCode(
  id: OncogenicityCriterionId,
  scheme: OncogenicityLabelScheme = 'horak-2022',
) {
  const definition = DEFINITIONS.get(id);
  if (definition === undefined) {
    throw new CriterionError(id, 'unknown-criterion', `${id}: not an oncogenicity criterion`);
  }
  return definition.codeIn?.[scheme] ?? definition.code;
}

/**
 * Reads a label such as `OS1_Moderate` or `OM3` under one source's labelling. There is no default
 * scheme on purpose: `OM3` means a different criterion in PCGR output than in the SOP table.
 */
export function parseOncogenicityLabel(
  label: string,
  scheme: OncogenicityLabelScheme,
): OncogenicityCriterionInput {
  const { code, strength } = splitCriterionLabel(label);
  const definition = ONCOGENICITY_CRITERIA.find(
    (candidate) => oncogenicityCode(candidate.id, scheme) === code,
  );
  if (definition === undefined) {
    throw new CriterionError(
      label,
      'unknown-criterion',
      `${label.trim()}: not an oncogenicity SOP criterion`,
    );
  }
  return strength === undefined ? { criterion: definition.id } : { criterion: definition.id, strength };
}

function applyOne(input: OncogenicityCriterionInput): AppliedOncogenicityCriterion {
  const definition = DEFINITIONS.get(input.criterion);
  if (definition === undefined) {
    throw new CriterionError(
      input.criterion,
      'unknown-criterion',
      `${input.criterion}: not an oncogenicity criterion`,
    );
  }
  const strength = input.strength ?? definition.defaultStrength;
  if (!definition.allowedStrengths.includes(strength)) {
    const allowed = definition.allowedStrengths.map(describeStrength).join(', ');
    throw new CriterionError(
      input.criterion,
      'impossible-strength',
      `${definition.code} (${definition.id}) is ${definition.direction} evidence and cannot be applied at ${describeStrength(strength)}; allowed: ${allowed}`,
    );
  }
  const weight = ONCOGENICITY_STRENGTH_POINTS[strength as Exclude<EvidenceStrength, 'stand-alone'>];
  return {
    criterion: definition.id,
    code: definition.code,
    direction: definition.direction,
    strength,
    points: definition.direction === 'oncogenic' ? weight : -weight,
    label: criterionLabel(definition.code, strength, definition.defaultStrength),
    modified: strength !== definition.defaultStrength,
  };
}

/**
 * Checks and applies the criteria: each once, none in a pair the SOP excludes. Throws CriterionError
 * naming the criterion and the SOP note.
 */
export function applyOncogenicityCriteria(
  criteria: readonly OncogenicityCriterionInput[],
): AppliedOncogenicityCriterion[] {
  const applied = criteria.map(applyOne);
  const present = new Set<OncogenicityCriterionId>();
  for (const criterion of applied) {
    if (present.has(criterion.criterion)) {
      throw new CriterionError(
        criterion.criterion,
        'duplicate-criterion',
        `${criterion.code} (${criterion.criterion}) is applied more than once`,
      );
    }
    present.add(criterion.criterion);
  }
  for (const pair of ONCOGENICITY_PAIR_RULES) {
    const [first, second] = pair.criteria;
    if (pair.severity === 'excluded' && present.has(first) && present.has(second)) {
      throw new CriterionError(
        first,
        'excluded-combination',
        `${oncogenicityCode(first)} (${first}) and ${oncogenicityCode(second)} (${second}) cannot be combined: ${pair.note} (${pair.source})`,
      );
    }
  }
  return applied;
}

export function classifyOncogenicity(
  criteria: readonly OncogenicityCriterionInput[],
): OncogenicityClassification {
  const applied = applyOncogenicityCriteria(criteria);
  const points = applied.reduce((sum, criterion) => sum + criterion.points, 0);
  const present = new Set(applied.map((criterion) => criterion.criterion));
  const cautions: CriterionCaution[] = ONCOGENICITY_PAIR_RULES.filter(
    ({ severity, criteria: [a, b] }) => severity === 'caution' && present.has(a) && present.has(b),
  ).map(({ criteria: [a, b], note, source }) => ({
    criteria: [oncogenicityCode(a), oncogenicityCode(b)],
    note,
    source,
  }));
  return {
    criteria: applied,
    points,
    class: classForPoints(points, ONCOGENICITY_POINT_BANDS),
    mixedEvidence: new Set(applied.map((criterion) => criterion.direction)).size > 1,
    cautions,
  };
}
