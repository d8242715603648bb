import type { JsonNode } from './jsonNode.ts';
import type { MicrosatelliteInstability, TumourMutationalBurden } from './model.ts';
import { burden, decimal } from './values.ts';

/** The TMB figures DRAGEN's TSO 500 `tmb.json` holds; which one a laboratory reports is its choice. */
export const DRAGEN_TMB_KEYS = [
  'TmbPerMb',
  'AdjustedTmbPerMb',
  'NonsynonymousTmbPerMb',
  'AdjustedNonsynonymousTmbPerMb',
] as const;

export type DragenTmbKey = (typeof DRAGEN_TMB_KEYS)[number];

/** DRAGEN's MSI JSON (`microsat_output.json`, TSO 500's `msi.json`). */
const DRAGEN_MSI_KEYS = ['PercentageUnstableSites', 'ResultIsValid', 'TotalMicrosatelliteSitesAssessed'];

/**
 * DRAGEN's files report numbers without a verdict: four TMB figures and a percentage of unstable
 * microsatellite sites, but no MSI status. genvei will not pick a figure or a cut-off for a
 * laboratory, so reading them needs both said here.
 */
export interface DragenMetricsOptions {
  tmbKey?: DragenTmbKey;
  /** Percent unstable sites at or above which the sample is MSI-H (below it, MSS); the assay's validated cut-off. */
  msiHighAtPercent?: number;
  /**
   * Where the reader keeps these choices, e.g. "analysis x in the catalogue", so that a missing
   * one is asked for where it can be set; without it, the error names the option above.
   */
  choicesIn?: string;
}

export function isDragenMetrics(root: JsonNode): boolean {
  return [...DRAGEN_TMB_KEYS, ...DRAGEN_MSI_KEYS].some((key) => root.has(key));
}

export function dragenTmb(root: JsonNode, options: DragenMetricsOptions): TumourMutationalBurden | null {
  const present = DRAGEN_TMB_KEYS.filter((key) => root.has(key));
  const first = present[0];
  if (first === undefined) return null;
  const { tmbKey, choicesIn } = options;
  if (tmbKey === undefined) {
    const ask = choicesIn
      ? `genvei will not choose one: set the TMB figure for ${choicesIn}`
      : 'name the one the laboratory reports (dragen.tmbKey)';
    throw root.member(first).fault(`DRAGEN reports several TMB figures (${present.join(', ')}); ${ask}`);
  }
  if (!root.has(tmbKey)) {
    const chosen = choicesIn ? `, the TMB figure set for ${choicesIn}` : '';
    throw root.fault(`the file has no ${tmbKey}${chosen}; it has ${present.join(', ')}`);
  }
  const node = root.get(tmbKey);
  const value = node === null ? null : dragenNumber(node);
  // NaN is DRAGEN's "could not compute": no burden to report, rather than a burden of 0.
  return node === null || value === null
    ? null
    : {
        value: node.check((field) => burden(value, field)),
        unit: 'mut/Mb',
        callableMb: null,
        method: `DRAGEN ${options.tmbKey}`,
      };
}

export function dragenMsi(root: JsonNode, options: DragenMetricsOptions): MicrosatelliteInstability | null {
  if (!DRAGEN_MSI_KEYS.some((key) => root.has(key))) return null;
  const percentNode = root.get('PercentageUnstableSites');
  const score = percentNode === null ? null : dragenNumber(percentNode);
  if (percentNode !== null && score !== null && (score < 0 || score > 100)) {
    throw percentNode.fault(`a percentage of unstable sites must be 0–100, got ${score}`);
  }
  if (!resultIsValid(root) || score === null) return { status: 'indeterminate', score, method: 'DRAGEN MSI' };
  const cutoff = options.msiHighAtPercent;
  if (cutoff === undefined) {
    const ask = options.choicesIn
      ? `genvei has no cut-off of its own: set the MSI-H cut-off (percent unstable sites) for ${options.choicesIn}`
      : 'give the assay’s MSI-H cut-off (dragen.msiHighAtPercent)';
    throw (percentNode ?? root).fault(
      `DRAGEN gives the percentage of unstable sites but no MSI status; ${ask}`,
    );
  }
  // The cut-off goes with the status: once the analysis' cut-off changes, only this says which
  // one an earlier status was called by.
  return { status: score >= cutoff ? 'MSI-H' : 'MSS', score, method: `DRAGEN MSI, MSI-H at ≥ ${cutoff} %` };
}

function resultIsValid(root: JsonNode): boolean {
  const node = root.get('ResultIsValid');
  if (node === null) return true;
  if (typeof node.value === 'boolean') return node.value;
  if (node.value === 'true' || node.value === 'True') return true;
  if (node.value === 'false' || node.value === 'False') return false;
  throw node.fault('expected true or false');
}

/** DRAGEN writes numbers as numbers or as strings, and an uncomputed one as NaN or "NaN". */
function dragenNumber(node: JsonNode): number | null {
  const { value } = node;
  if (typeof value === 'number') return Number.isNaN(value) ? null : value;
  if (value === 'NaN') return null;
  if (typeof value === 'string') {
    return node.check((field) => decimal(value, field));
  }
  return node.number();
}
