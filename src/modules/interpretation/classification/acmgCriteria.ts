/**
 * ACMG/AMP 2015 germline rules as data (Richards et al., Genet Med 2015;17:405, PMID 25741868):
 * the 28 criteria (Tables 3 and 4), the combining rules (Table 5), and the Tavtigian 2020 points
 * scale (Hum Mutat 2020;41:1734, ClinGen SVI). acmg.ts only reads these tables.
 */
import type { AcmgCode, AcmgCriterionDefinition, EvidenceStrength, GermlineClass } from './model.ts';
import type { PointsBand } from './strength.ts';

// ClinGen SVI lets a VCEP raise or lower any pathogenic criterion (PM3_VeryStrong, PVS1_Moderate),
// so the engine accepts every pathogenic strength; whether a given upgrade is justified is the
// gene specification's business. Stand-alone is benign-only and BA1-only.
const PATHOGENIC: readonly EvidenceStrength[] = ['very-strong', 'strong', 'moderate', 'supporting'];
// Benign moderate comes from the SVI points scheme (BP4_Moderate); Richards 2015 has no benign
// very-strong level, and nothing but BA1 stands alone.
const BENIGN: readonly EvidenceStrength[] = ['strong', 'moderate', 'supporting'];

function pathogenic(code: AcmgCode, defaultStrength: EvidenceStrength, meaning: string) {
  return { code, direction: 'pathogenic', defaultStrength, allowedStrengths: PATHOGENIC, meaning } as const;
}
function benign(code: AcmgCode, defaultStrength: EvidenceStrength, meaning: string) {
  return { code, direction: 'benign', defaultStrength, allowedStrengths: BENIGN, meaning } as const;
}

export const ACMG_CRITERIA: readonly AcmgCriterionDefinition[] = [
  pathogenic(
    'PVS1',
    'very-strong',
    'Null variant (nonsense, frameshift, canonical ±1/2 splice site, start loss, exon deletion) in a gene where loss of function causes the disease',
  ),
  pathogenic(
    'PS1',
    'strong',
    'Same amino-acid change as an established pathogenic variant, by another nucleotide change',
  ),
  pathogenic(
    'PS2',
    'strong',
    'De novo with maternity and paternity confirmed, in an affected patient without family history',
  ),
  pathogenic('PS3', 'strong', 'Well-established functional studies show a damaging effect'),
  pathogenic('PS4', 'strong', 'Significantly more frequent in affected individuals than in controls'),
  pathogenic(
    'PM1',
    'moderate',
    'In a mutational hotspot or a critical functional domain without benign variation',
  ),
  pathogenic(
    'PM2',
    'moderate',
    'Absent from controls, or at extremely low frequency for a recessive disorder',
  ),
  pathogenic('PM3', 'moderate', 'Recessive disorder: found in trans with a pathogenic variant'),
  pathogenic(
    'PM4',
    'moderate',
    'Protein length change: in-frame indel outside a repeat region, or stop loss',
  ),
  pathogenic(
    'PM5',
    'moderate',
    'New missense change at a residue where another missense change is pathogenic',
  ),
  pathogenic('PM6', 'moderate', 'Assumed de novo, without confirmed maternity and paternity'),
  pathogenic(
    'PP1',
    'supporting',
    'Co-segregates with disease in several affected relatives, in a gene known to cause it',
  ),
  pathogenic(
    'PP2',
    'supporting',
    'Missense in a gene with little benign missense variation where missense causes disease',
  ),
  pathogenic('PP3', 'supporting', 'Computational evidence agrees on a deleterious effect'),
  pathogenic('PP4', 'supporting', 'Phenotype or family history highly specific for a disease of one gene'),
  pathogenic(
    'PP5',
    'supporting',
    'A reputable source calls it pathogenic without sharing the evidence (ClinGen SVI: do not use)',
  ),
  {
    code: 'BA1',
    direction: 'benign',
    defaultStrength: 'stand-alone',
    allowedStrengths: ['stand-alone'],
    meaning: 'Allele frequency above 5% in a large population database',
  },
  benign('BS1', 'strong', 'Allele frequency greater than expected for the disorder'),
  benign(
    'BS2',
    'strong',
    'Seen in a healthy adult, matching the inheritance, for a fully penetrant early-onset disorder',
  ),
  benign('BS3', 'strong', 'Well-established functional studies show no damaging effect'),
  benign('BS4', 'strong', 'Does not segregate with disease in affected relatives'),
  benign('BP1', 'supporting', 'Missense in a gene where truncating variants are what cause disease'),
  benign(
    'BP2',
    'supporting',
    'In trans with a pathogenic variant for a dominant disorder, or in cis with one',
  ),
  benign('BP3', 'supporting', 'In-frame indel in a repeat region without known function'),
  benign('BP4', 'supporting', 'Computational evidence agrees on no impact'),
  benign('BP5', 'supporting', 'Found in a case with another molecular explanation for the disease'),
  benign(
    'BP6',
    'supporting',
    'A reputable source calls it benign without sharing the evidence (ClinGen SVI: do not use)',
  ),
  benign(
    'BP7',
    'supporting',
    'Synonymous, no predicted splice effect, at a nucleotide that is not highly conserved',
  ),
];

/** Minimum numbers of criteria per strength, on one side of the evidence. */
export type StrengthCounts = Partial<Record<EvidenceStrength, number>>;

export interface CombiningRule {
  /** Richards 2015 Table 5 numbering, e.g. "Pathogenic (i)(a)". */
  name: string;
  summary: string;
  class: GermlineClass;
  direction: 'pathogenic' | 'benign';
  atLeast: StrengthCounts;
}

function rule(
  name: string,
  summary: string,
  cls: GermlineClass,
  direction: 'pathogenic' | 'benign',
  atLeast: StrengthCounts,
): CombiningRule {
  return { name, summary, class: cls, direction, atLeast };
}

/**
 * Richards 2015 Table 5. Every rule is a set of minimum counts, and rules are tried strongest class
 * first, so "1 strong and 1–2 moderate" can be written as "≥1 strong and ≥1 moderate": with three
 * moderate the pathogenic rule (iii)(a) has already matched.
 */
export const RICHARDS_COMBINING_RULES: readonly CombiningRule[] = [
  rule('Pathogenic (i)(a)', 'PVS1 and ≥1 strong', 'pathogenic', 'pathogenic', {
    'very-strong': 1,
    strong: 1,
  }),
  rule('Pathogenic (i)(b)', 'PVS1 and ≥2 moderate', 'pathogenic', 'pathogenic', {
    'very-strong': 1,
    moderate: 2,
  }),
  rule('Pathogenic (i)(c)', 'PVS1, 1 moderate and 1 supporting', 'pathogenic', 'pathogenic', {
    'very-strong': 1,
    moderate: 1,
    supporting: 1,
  }),
  rule('Pathogenic (i)(d)', 'PVS1 and ≥2 supporting', 'pathogenic', 'pathogenic', {
    'very-strong': 1,
    supporting: 2,
  }),
  rule('Pathogenic (ii)', '≥2 strong', 'pathogenic', 'pathogenic', { strong: 2 }),
  rule('Pathogenic (iii)(a)', '1 strong and ≥3 moderate', 'pathogenic', 'pathogenic', {
    strong: 1,
    moderate: 3,
  }),
  rule('Pathogenic (iii)(b)', '1 strong, 2 moderate and ≥2 supporting', 'pathogenic', 'pathogenic', {
    strong: 1,
    moderate: 2,
    supporting: 2,
  }),
  rule('Pathogenic (iii)(c)', '1 strong, 1 moderate and ≥4 supporting', 'pathogenic', 'pathogenic', {
    strong: 1,
    moderate: 1,
    supporting: 4,
  }),
  rule('Likely pathogenic (i)', 'PVS1 and 1 moderate', 'likely-pathogenic', 'pathogenic', {
    'very-strong': 1,
    moderate: 1,
  }),
  rule('Likely pathogenic (ii)', '1 strong and 1–2 moderate', 'likely-pathogenic', 'pathogenic', {
    strong: 1,
    moderate: 1,
  }),
  rule('Likely pathogenic (iii)', '1 strong and ≥2 supporting', 'likely-pathogenic', 'pathogenic', {
    strong: 1,
    supporting: 2,
  }),
  rule('Likely pathogenic (iv)', '≥3 moderate', 'likely-pathogenic', 'pathogenic', { moderate: 3 }),
  rule('Likely pathogenic (v)', '2 moderate and ≥2 supporting', 'likely-pathogenic', 'pathogenic', {
    moderate: 2,
    supporting: 2,
  }),
  rule('Likely pathogenic (vi)', '1 moderate and ≥4 supporting', 'likely-pathogenic', 'pathogenic', {
    moderate: 1,
    supporting: 4,
  }),
  rule('Benign (i)', 'BA1 stand-alone', 'benign', 'benign', { 'stand-alone': 1 }),
  rule('Benign (ii)', '≥2 strong', 'benign', 'benign', { strong: 2 }),
  rule('Likely benign (i)', '1 strong and 1 supporting', 'likely-benign', 'benign', {
    strong: 1,
    supporting: 1,
  }),
  rule('Likely benign (ii)', '≥2 supporting', 'likely-benign', 'benign', { supporting: 2 }),
];

export const UNCERTAIN_NO_RULE = 'Uncertain significance (i): no other combining rule is met';
export const UNCERTAIN_CONTRADICTORY =
  'Uncertain significance (ii): the pathogenic and benign criteria are contradictory';

/** Tavtigian 2020 points per criterion; benign criteria count the same amounts negatively. */
export const ACMG_STRENGTH_POINTS: Record<Exclude<EvidenceStrength, 'stand-alone'>, number> = {
  'very-strong': 8,
  strong: 4,
  moderate: 2,
  supporting: 1,
};

/** Tavtigian 2020: P ≥ 10, LP 6–9, VUS 0–5, LB −1 to −6, B ≤ −7. */
export const ACMG_POINT_BANDS: readonly PointsBand<GermlineClass>[] = [
  { atLeast: 10, class: 'pathogenic' },
  { atLeast: 6, class: 'likely-pathogenic' },
  { atLeast: 0, class: 'uncertain' },
  { atLeast: -6, class: 'likely-benign' },
  { atLeast: Number.NEGATIVE_INFINITY, class: 'benign' },
];

export interface AcmgCautionPair {
  criteria: [AcmgCode, AcmgCode];
  note: string;
  source: string;
}

/**
 * Pairs that later guidance warns may count one piece of evidence twice. They are cautions, not
 * errors: each has legitimate exceptions. Sources as listed in Scout's ACMG_POTENTIAL_CONFLICTS.
 */
export const ACMG_CAUTION_PAIRS: readonly AcmgCautionPair[] = [
  {
    criteria: ['PVS1', 'PM4'],
    note: 'A null variant is not also a protein length change',
    source: 'Abou Tayoun et al. 2018 (PVS1)',
  },
  {
    criteria: ['PVS1', 'PM1'],
    note: 'Hotspot or domain location adds nothing to a null variant',
    source: 'Durkie et al. 2024 (ACGS)',
  },
  {
    criteria: ['PVS1', 'PP2'],
    note: 'PP2 is for missense variants, not null variants',
    source: 'Durkie et al. 2024 (ACGS)',
  },
  {
    criteria: ['PVS1', 'PS3'],
    note: 'An RNA study showing the splice defect is the PVS1 evidence, not extra PS3',
    source: 'Walker et al. 2023 (ClinGen SVI splicing)',
  },
  {
    criteria: ['PS1', 'PM4'],
    note: 'Check the two criteria rest on different evidence',
    source: 'Durkie et al. 2024 (ACGS)',
  },
  {
    criteria: ['PS1', 'PM5'],
    note: 'Same residue: PS1 for the same change, PM5 for another change, not both',
    source: 'Richards et al. 2015',
  },
  {
    criteria: ['PS1', 'PP3'],
    note: 'Check the computational evidence is not what PS1 already counts',
    source: 'Scout (cites Tayoun 2019)',
  },
  {
    criteria: ['PS2', 'PM6'],
    note: 'One de novo observation is either confirmed or assumed',
    source: 'Richards et al. 2015',
  },
  {
    criteria: ['PM1', 'PP2'],
    note: 'Both can rest on the same regional missense constraint',
    source: 'Durkie et al. 2024 (ACGS)',
  },
  {
    criteria: ['PP1', 'PP4'],
    note: 'Segregation and phenotype specificity are scored together under the SVI points',
    source: 'Biesecker et al. 2024 (ClinGen SVI PP1/PP4)',
  },
  {
    criteria: ['BS4', 'PP4'],
    note: 'Segregation and phenotype specificity are scored together under the SVI points',
    source: 'Biesecker et al. 2024 (ClinGen SVI PP1/PP4)',
  },
  {
    criteria: ['PS2', 'PP4'],
    note: 'The de novo points already weigh phenotype consistency',
    source: 'ClinGen SVI de novo recommendation',
  },
  {
    criteria: ['PM6', 'PP4'],
    note: 'The de novo points already weigh phenotype consistency',
    source: 'ClinGen SVI de novo recommendation',
  },
];
