/**
 * The ClinGen/CGC/VICC somatic oncogenicity SOP as data (Horak et al., Genet Med 2022;24:986,
 * PMID 35101336; Tables 2 and 3 of PMC9081216). oncogenicity.ts only reads these tables.
 *
 * OM3 and OM4 are labelled differently by different sources. The SOP table (PMC9081216) and Scout
 * call the moderate hotspot rule OM3 and the "other oncogenic missense at this residue" rule OM4;
 * PCGR (and the Franklin blog) use the reverse, and the Emory calculator calls the hotspot rule OM4.
 * Criteria are therefore keyed by meaning, and the code is only a label chosen per scheme.
 */
import type {
  EvidenceStrength,
  OncogenicityClass,
  OncogenicityCriterionDefinition,
  OncogenicityCriterionId,
} from './model.ts';
import type { PointsBand } from './strength.ts';

const ONCOGENIC: readonly EvidenceStrength[] = ['very-strong', 'strong', 'moderate', 'supporting'];
// The SOP defines benign evidence at very strong, strong and supporting only (no SBM).
const BENIGN: readonly EvidenceStrength[] = ['very-strong', 'strong', 'supporting'];

function oncogenic(
  id: OncogenicityCriterionId,
  code: string,
  defaultStrength: EvidenceStrength,
  meaning: string,
): OncogenicityCriterionDefinition {
  return { id, code, direction: 'oncogenic', defaultStrength, allowedStrengths: ONCOGENIC, meaning };
}
function benign(
  id: OncogenicityCriterionId,
  code: string,
  defaultStrength: EvidenceStrength,
  meaning: string,
): OncogenicityCriterionDefinition {
  return { id, code, direction: 'benign', defaultStrength, allowedStrengths: BENIGN, meaning };
}

export const ONCOGENICITY_CRITERIA: readonly OncogenicityCriterionDefinition[] = [
  oncogenic(
    'null-variant-in-tsg',
    'OVS1',
    'very-strong',
    'Null variant (nonsense, frameshift, canonical ±1/2 splice site, start loss, exon deletion) in a bona fide tumour suppressor gene',
  ),
  oncogenic(
    'same-amino-acid-change-as-oncogenic',
    'OS1',
    'strong',
    'Same amino-acid change as a variant already classified oncogenic by this SOP, whatever the nucleotide change',
  ),
  oncogenic(
    'functional-studies-oncogenic',
    'OS2',
    'strong',
    'Well-established functional studies show an oncogenic effect',
  ),
  oncogenic(
    'hotspot-strong',
    'OS3',
    'strong',
    'cancerhotspots.org hotspot with ≥50 samples at the residue and ≥10 with this amino-acid change',
  ),
  oncogenic(
    'critical-functional-domain',
    'OM1',
    'moderate',
    'In a critical, well-established part of a functional domain (e.g. an active site)',
  ),
  oncogenic(
    'in-frame-length-change',
    'OM2',
    'moderate',
    'Protein length change: in-frame indel in a known oncogene or tumour suppressor, or stop loss in a tumour suppressor',
  ),
  {
    ...oncogenic(
      'hotspot-moderate',
      'OM3',
      'moderate',
      'cancerhotspots.org hotspot with <50 samples at the residue and ≥10 with this amino-acid change',
    ),
    codeIn: { pcgr: 'OM4' },
  },
  {
    ...oncogenic(
      'other-oncogenic-missense-at-residue',
      'OM4',
      'moderate',
      'Missense at a residue where a different missense, classified oncogenic by this SOP, is known; the amino-acid change at least as drastic',
    ),
    codeIn: { pcgr: 'OM3' },
  },
  oncogenic(
    'computational-evidence-oncogenic',
    'OP1',
    'supporting',
    'All computational evidence used supports an oncogenic effect',
  ),
  oncogenic(
    'single-aetiology-malignancy',
    'OP2',
    'supporting',
    'Somatic variant in the gene of a malignancy with a single genetic aetiology (e.g. RB1 in retinoblastoma)',
  ),
  oncogenic(
    'hotspot-supporting',
    'OP3',
    'supporting',
    'cancerhotspots.org hotspot where this amino-acid change is seen in <10 samples',
  ),
  oncogenic(
    'absent-from-population',
    'OP4',
    'supporting',
    'Absent from controls in gnomAD, or at extremely low frequency',
  ),
  benign(
    'population-frequency-very-high',
    'SBVS1',
    'very-strong',
    'Minor allele frequency above 5% in any of the five gnomAD continental populations',
  ),
  benign(
    'population-frequency-high',
    'SBS1',
    'strong',
    'Minor allele frequency above 1% in any of the five gnomAD continental populations',
  ),
  benign(
    'functional-studies-benign',
    'SBS2',
    'strong',
    'Well-established functional studies show no oncogenic effect',
  ),
  benign(
    'computational-evidence-benign',
    'SBP1',
    'supporting',
    'All computational evidence used suggests no impact',
  ),
  benign(
    'synonymous-no-splice-impact',
    'SBP2',
    'supporting',
    'Synonymous, no predicted splice effect, at a nucleotide that is not highly conserved',
  ),
];

/** Points per strength; benign criteria count the same amounts negatively. */
export const ONCOGENICITY_STRENGTH_POINTS: Record<Exclude<EvidenceStrength, 'stand-alone'>, number> = {
  'very-strong': 8,
  strong: 4,
  moderate: 2,
  supporting: 1,
};

/**
 * SOP classes: O ≥ 10, LO 6–9, VUS 0–5, LB −1 to −6, B ≤ −7. PCGR lowers these to cope with criteria
 * it cannot assess automatically; we keep the published bands.
 */
export const ONCOGENICITY_POINT_BANDS: readonly PointsBand<OncogenicityClass>[] = [
  { atLeast: 10, class: 'oncogenic' },
  { atLeast: 6, class: 'likely-oncogenic' },
  { atLeast: 0, class: 'uncertain' },
  { atLeast: -6, class: 'likely-benign' },
  { atLeast: Number.NEGATIVE_INFINITY, class: 'benign' },
];

export interface OncogenicityPairRule {
  criteria: [OncogenicityCriterionId, OncogenicityCriterionId];
  /** `excluded`: the pair is refused. `caution`: allowed, with a note the curator must check. */
  severity: 'excluded' | 'caution';
  note: string;
  source: string;
}

const SOP_CAVEATS = 'Horak 2022 Table 2 caveats';
const SAME_HOTSPOT_COUNT =
  'Derived from the definitions: OS3, the moderate hotspot rule and OP3 grade one cancerhotspots.org count, so at most one applies';

/**
 * The SOP's exclusivity notes. Where the note has an exception the engine cannot check (it depends
 * on what a study or a count was based on), the pair is a caution rather than a refusal.
 */
export const ONCOGENICITY_PAIR_RULES: readonly OncogenicityPairRule[] = [
  {
    criteria: ['functional-studies-oncogenic', 'same-amino-acid-change-as-oncogenic'],
    severity: 'caution',
    note: 'With OS1, OS2 counts only if the functional studies tested this particular nucleotide change',
    source: SOP_CAVEATS,
  },
  {
    criteria: ['hotspot-strong', 'same-amino-acid-change-as-oncogenic'],
    severity: 'caution',
    note: 'OS3 is not used when OS1 applies, unless the hotspot is observed for this particular nucleotide change',
    source: SOP_CAVEATS,
  },
  {
    criteria: ['critical-functional-domain', 'same-amino-acid-change-as-oncogenic'],
    severity: 'excluded',
    note: 'OM1 is not used when OS1 applies',
    source: SOP_CAVEATS,
  },
  {
    criteria: ['critical-functional-domain', 'hotspot-strong'],
    severity: 'excluded',
    note: 'OM1 is not used when OS3 applies',
    source: SOP_CAVEATS,
  },
  {
    criteria: ['critical-functional-domain', 'null-variant-in-tsg'],
    severity: 'excluded',
    note: 'OM1 is not used when OVS1 applies',
    source: `${SOP_CAVEATS}, as coded in Scout`,
  },
  {
    criteria: ['in-frame-length-change', 'null-variant-in-tsg'],
    severity: 'excluded',
    note: 'OM2 is not used when OVS1 applies',
    source: SOP_CAVEATS,
  },
  {
    criteria: ['hotspot-moderate', 'critical-functional-domain'],
    severity: 'excluded',
    note: 'The moderate hotspot rule is not used when OM1 applies',
    source: SOP_CAVEATS,
  },
  {
    criteria: ['hotspot-moderate', 'same-amino-acid-change-as-oncogenic'],
    severity: 'excluded',
    note: 'The moderate hotspot rule is not used when OS1 applies',
    source: SOP_CAVEATS,
  },
  {
    criteria: ['hotspot-moderate', 'hotspot-strong'],
    severity: 'excluded',
    note: 'OS3 and the moderate hotspot rule are not combined for the same hotspot',
    source: `${SOP_CAVEATS}; ${SAME_HOTSPOT_COUNT}`,
  },
  {
    criteria: ['other-oncogenic-missense-at-residue', 'same-amino-acid-change-as-oncogenic'],
    severity: 'excluded',
    note: 'The other-missense-at-residue rule is not used when OS1 applies',
    source: SOP_CAVEATS,
  },
  {
    criteria: ['other-oncogenic-missense-at-residue', 'hotspot-moderate'],
    severity: 'excluded',
    note: 'The other-missense-at-residue rule and the moderate hotspot rule exclude each other',
    source: SOP_CAVEATS,
  },
  {
    criteria: ['hotspot-supporting', 'hotspot-strong'],
    severity: 'excluded',
    note: 'OP3 (<10 samples with this change) and OS3 (≥10) cannot both describe one hotspot',
    source: SAME_HOTSPOT_COUNT,
  },
  {
    criteria: ['hotspot-supporting', 'hotspot-moderate'],
    severity: 'excluded',
    note: 'OP3 (<10 samples with this change) and the moderate hotspot rule (≥10) cannot both describe one hotspot',
    source: SAME_HOTSPOT_COUNT,
  },
  {
    criteria: ['hotspot-supporting', 'critical-functional-domain'],
    severity: 'caution',
    note: 'Hotspot and domain location often rest on the same residues; PCGR does not use OP3 with OM1',
    source: 'PCGR oncogenicity rules',
  },
];
