/**
 * AMP/ASCO/CAP 2017 tiers of clinical significance (Li et al., J Mol Diagn 2017;19:4, PMID 27993330):
 *   Tier I   level A or B evidence in this tumour type;
 *   Tier II  level C or D evidence, where A or B evidence from another tumour type counts as C
 *            (an FDA-approved therapy for a different tumour type is level C by definition);
 *   Tier III no evidence of clinical significance;
 *   Tier IV  benign or likely benign.
 * A variant is tiered per clinical context, so each kind of significance gets its own tier and the
 * variant's tier is the strongest of them.
 */
import {
  AMP_LEVELS,
  type AmpLevel,
  type AmpTier,
  type AmpTierAssignment,
  type AmpTiering,
  type AmpTieringInput,
  type ClinicalEvidenceItem,
  ESCAT_TIERS,
  type EscatTier,
  SIGNIFICANCE_KINDS,
  type SignificanceKind,
  type WeighedEvidence,
} from './model.ts';

const TIER_OF_LEVEL: Record<AmpLevel, AmpTier> = { A: 'I', B: 'I', C: 'II', D: 'II' };

/** The level an item supports for this patient: A/B evidence from another tumour type is level C. */
export function effectiveLevel(item: ClinicalEvidenceItem): AmpLevel {
  if (!AMP_LEVELS.includes(item.level)) {
    throw new RangeError(`"${String(item.level)}" is not an AMP evidence level (A, B, C or D)`);
  }
  if (!SIGNIFICANCE_KINDS.includes(item.kind)) {
    throw new RangeError(
      `"${String(item.kind)}" is not a kind of significance (${SIGNIFICANCE_KINDS.join(', ')})`,
    );
  }
  const strong = item.level === 'A' || item.level === 'B';
  return strong && !item.tumourTypeMatches ? 'C' : item.level;
}

export function parseEscatTier(value: string): EscatTier {
  const tier = ESCAT_TIERS.find((candidate) => candidate === value.trim().toUpperCase());
  if (tier === undefined) {
    throw new RangeError(`"${value}" is not an ESCAT tier (${ESCAT_TIERS.join(', ')})`);
  }
  return tier;
}

function strongest(items: readonly WeighedEvidence[]): AmpTierAssignment | undefined {
  const best = AMP_LEVELS.find((level) => items.some((weighed) => weighed.effectiveLevel === level));
  if (best === undefined) return undefined;
  return {
    tier: TIER_OF_LEVEL[best],
    level: best,
    drivingEvidence: items.filter((weighed) => weighed.effectiveLevel === best),
  };
}

export function assignAmpTier(input: AmpTieringInput): AmpTiering {
  const weighed = input.evidence.map((item) => ({ item, effectiveLevel: effectiveLevel(item) }));
  const byKind: Partial<Record<SignificanceKind, AmpTierAssignment>> = {};
  for (const kind of SIGNIFICANCE_KINDS) {
    const assignment = strongest(weighed.filter((entry) => entry.item.kind === kind));
    if (assignment !== undefined) byKind[kind] = assignment;
  }
  const escat = input.escat === undefined ? {} : { escat: parseEscatTier(input.escat) };
  const benign = input.oncogenicity === 'benign' || input.oncogenicity === 'likely-benign';
  const overall = strongest(weighed);
  if (overall === undefined) {
    const tier: AmpTier = benign ? 'IV' : 'III';
    return { tier, level: null, drivingEvidence: [], byKind, ...escat, cautions: [] };
  }
  const cautions = benign
    ? [
        `The variant is classified ${input.oncogenicity} but has level ${overall.level} clinical evidence; the tier follows the evidence, and the two need reconciling`,
      ]
    : [];
  return { ...overall, byKind, ...escat, cautions };
}
