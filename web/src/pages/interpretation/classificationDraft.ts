/**
 * The classification form's state and what follows from it, as pure functions: the criteria on
 * offer for a scheme, the live class and AMP tier (the server's own engines), and the request body.
 * The server recomputes everything on save; the form only shows the person what they are choosing.
 */
import {
  ACMG_CRITERIA,
  type AmpLevel,
  assignAmpTier,
  classifyAcmg,
  classifyOncogenicity,
  type EvidenceItem,
  type EvidenceStrength,
  type EvidenceType,
  type Offer,
  ONCOGENICITY_CRITERIA,
  type Scheme,
  SIGNIFICANCE_KINDS,
  type StoredCriterion,
} from './types.ts';

export type CriterionDefinition = {
  /** What the request names: the oncogenicity criterion's meaning id, or the ACMG code. */
  key: string;
  code: string;
  direction: string;
  defaultStrength: EvidenceStrength;
  allowedStrengths: readonly EvidenceStrength[];
  meaning: string;
};

export function criteriaFor(scheme: Scheme): CriterionDefinition[] {
  return scheme === 'clingen-cgc-vicc-2022'
    ? ONCOGENICITY_CRITERIA.map((c) => ({ ...c, key: c.id }))
    : ACMG_CRITERIA.map((c) => ({ ...c, key: c.code }));
}

export type CriterionChoice = { checked: boolean; strength: EvidenceStrength };

export type EvidenceDraft = {
  key: number;
  type: EvidenceType;
  level: AmpLevel | '';
  tumourTypeMatches: boolean;
  source: string;
  pubmedId: string;
  text: string;
  therapies: string;
};

export type Draft = {
  criteria: Record<string, CriterionChoice>;
  evidence: EvidenceDraft[];
  escat: string;
  interpretation: string;
  reReviewed: boolean;
};

/** An assessment to start from: the variant's own decision, or one offered for reuse. */
export type Prefill = {
  criteria: StoredCriterion[];
  evidence: EvidenceItem[];
  escat: string | null;
  interpretation: string | null;
  reuse?: { offer: Offer; version: number };
};

let evidenceKeys = 0;
export function emptyEvidence(): EvidenceDraft {
  evidenceKeys += 1;
  return {
    key: evidenceKeys,
    type: 'therapeutic',
    level: '',
    tumourTypeMatches: false,
    source: '',
    pubmedId: '',
    text: '',
    therapies: '',
  };
}

export function initialDraft(scheme: Scheme, prefill: Prefill | null): Draft {
  const chosen = new Map(
    (prefill?.criteria ?? []).map((c) => [
      scheme === 'clingen-cgc-vicc-2022' ? c.criterion : c.code,
      c.strength,
    ]),
  );
  const criteria: Record<string, CriterionChoice> = {};
  for (const definition of criteriaFor(scheme)) {
    const strength = chosen.get(definition.key) as EvidenceStrength | undefined;
    criteria[definition.key] = {
      checked: strength !== undefined,
      strength: strength ?? definition.defaultStrength,
    };
  }
  return {
    criteria,
    evidence: (prefill?.evidence ?? []).map((e) => ({
      ...emptyEvidence(),
      type: e.type,
      level: e.level ?? '',
      tumourTypeMatches: e.tumourTypeMatches ?? false,
      source: e.source,
      pubmedId: e.pubmedId ?? '',
      text: e.text ?? '',
      therapies: (e.therapies ?? []).join(', '),
    })),
    escat: prefill?.escat ?? '',
    interpretation: prefill?.interpretation ?? '',
    reReviewed: false,
  };
}

const checkedCriteria = (draft: Draft) =>
  Object.entries(draft.criteria)
    .filter(([, choice]) => choice.checked)
    .map(([key, choice]) => ({ key, strength: choice.strength }));

export type LiveResult = {
  points: number | null;
  classification: string | null;
  /** Richards 2015's class and rule, for germline: shown beside the points class. */
  rules: { classification: string; rule: string } | null;
  /** The engine's refusal (a strength not allowed, an excluded pair): saving would fail too. */
  refusal: string | null;
  cautions: string[];
  ampTier: string | null;
  ampLevel: string | null;
};

export function liveResult(scheme: Scheme, draft: Draft): LiveResult {
  const chosen = checkedCriteria(draft);
  const none = {
    points: null,
    classification: null,
    rules: null,
    cautions: [],
    ampTier: null,
    ampLevel: null,
  };
  try {
    if (scheme === 'acmg-2015') {
      const result = classifyAcmg(chosen.map((c) => ({ code: c.key, strength: c.strength })));
      return {
        ...none,
        points: result.pointsScale.points,
        classification: result.pointsScale.class,
        rules: { classification: result.combiningRules.class, rule: result.combiningRules.rule },
        refusal: null,
        cautions: result.cautions.map((c) => c.note),
      };
    }
    const result = classifyOncogenicity(
      chosen.map((c) => ({
        criterion: c.key as (typeof ONCOGENICITY_CRITERIA)[number]['id'],
        strength: c.strength,
      })),
    );
    const tiering = assignAmpTier({
      evidence: clinicalEvidence(draft),
      oncogenicity: result.class,
      ...(draft.escat ? { escat: draft.escat } : {}),
    });
    return {
      points: result.points,
      classification: result.class,
      rules: null,
      refusal: null,
      cautions: [...result.cautions.map((c) => c.note), ...tiering.cautions],
      ampTier: tiering.tier,
      ampLevel: tiering.level,
    };
  } catch (error) {
    return { ...none, refusal: error instanceof Error ? error.message : String(error) };
  }
}

/** Evidence that tiers: a level and a kind of clinical significance, as the server reads it. */
function clinicalEvidence(draft: Draft) {
  return draft.evidence.flatMap((e) =>
    e.level && (SIGNIFICANCE_KINDS as readonly string[]).includes(e.type)
      ? [
          {
            level: e.level,
            kind: e.type as (typeof SIGNIFICANCE_KINDS)[number],
            tumourTypeMatches: e.tumourTypeMatches,
          },
        ]
      : [],
  );
}

/** Field errors by path (`evidence.0.source`), as keys into the form's words. */
export function validate(
  draft: Draft,
  reReviewRequired: boolean,
): Record<string, 'required' | 'pubmedInvalid' | 'reReviewRequired'> {
  const errors: Record<string, 'required' | 'pubmedInvalid' | 'reReviewRequired'> = {};
  draft.evidence.forEach((e, index) => {
    if (!e.source.trim()) errors[`evidence.${index}.source`] = 'required';
    if (e.pubmedId.trim() && !/^\d{1,9}$/.test(e.pubmedId.trim()))
      errors[`evidence.${index}.pubmedId`] = 'pubmedInvalid';
  });
  if (reReviewRequired && !draft.reReviewed) errors.reReviewed = 'reReviewRequired';
  return errors;
}

export function requestBody(scheme: Scheme, draft: Draft, reuse: Prefill['reuse'] | undefined) {
  const chosen = checkedCriteria(draft);
  const defaults = new Map(criteriaFor(scheme).map((d) => [d.key, d.defaultStrength]));
  const criteria =
    scheme === 'clingen-cgc-vicc-2022'
      ? chosen.map((c) =>
          c.strength === defaults.get(c.key)
            ? { criterion: c.key }
            : { criterion: c.key, strength: c.strength },
        )
      : classifyAcmg(chosen.map((c) => ({ code: c.key, strength: c.strength }))).criteria.map((c) => c.label);
  const interpretation = draft.interpretation.trim();
  return {
    scheme,
    criteria,
    evidence: draft.evidence.map((e) => ({
      type: e.type,
      ...(e.level ? { level: e.level } : {}),
      tumourTypeMatches: e.tumourTypeMatches,
      source: e.source.trim(),
      ...(e.pubmedId.trim() ? { pubmedId: e.pubmedId.trim() } : {}),
      text: e.text.trim(),
      therapies: e.therapies
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    })),
    ...(draft.escat ? { escat: draft.escat } : {}),
    ...(interpretation ? { interpretation } : {}),
    ...(reuse ? { reuseAssessmentId: reuse.offer.assessment_id } : {}),
    ...(reuse?.offer.reReviewRequired ? { reReviewed: draft.reReviewed } : {}),
  };
}
