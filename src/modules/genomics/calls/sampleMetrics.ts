import { readFile } from 'node:fs/promises';
import { type DragenMetricsOptions, dragenMsi, dragenTmb, isDragenMetrics } from './dragenMetrics.ts';
import { CallsFileError } from './errors.ts';
import { JsonNode } from './jsonNode.ts';
import { parseJsonText } from './jsonText.ts';
import type { MicrosatelliteInstability, SampleMetrics, TumourMutationalBurden } from './model.ts';
import { burden, msiScore, msiStatus, positivePloidy, purityFraction } from './values.ts';

/**
 * A sample's metrics from a pipeline's JSON, in genvei's layout:
 *
 *   { "sample": "TUMOR",
 *     "tmb": { "value": 12.4, "unit": "mut/Mb", "callableMb": 33.8 },
 *     "msi": { "status": "MSS", "score": 1.9, "method": "MSIsensor2" },
 *     "purity": 0.6, "ploidy": 2.1,
 *     "pipeline": { "name": "…", "version": "…" } }
 *
 * Every member is optional (absent or null: not reported) but at least one of tmb, msi, purity and
 * ploidy must be there. tmb.value is required in tmb and is mutations per megabase (unit, when
 * given, must say so); msi.status (MSI-H, MSI-L, MSS, indeterminate; any case) is required in msi.
 * Purity is a fraction from 0 to 1; a laboratory that records percent writes `purityPercent`
 * (0–100) instead — never both, and a purity above 1 is refused rather than guessed at. Other
 * members are ignored.
 *
 * DRAGEN's flat TMB and MSI JSON (TSO 500's tmb.json, msi.json / microsat_output.json) is read too,
 * given the choices in DragenMetricsOptions.
 */
export interface SampleMetricsOptions {
  /** The file name errors report; defaults to the path, or "input" for text. */
  file?: string;
  dragen?: DragenMetricsOptions;
}

export function parseSampleMetrics(text: string, options: SampleMetricsOptions = {}): SampleMetrics {
  const file = options.file ?? 'input';
  try {
    return metricsOf(JsonNode.root(parseJsonText(text)), options);
  } catch (error) {
    throw CallsFileError.at(file, 1, error);
  }
}

export async function readSampleMetrics(
  path: string,
  options: SampleMetricsOptions = {},
): Promise<SampleMetrics> {
  const file = options.file ?? path;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw CallsFileError.at(file, 1, error);
  }
  return parseSampleMetrics(text, { ...options, file });
}

const GENVEI_KEYS = ['tmb', 'msi', 'purity', 'purityPercent', 'ploidy'];

function metricsOf(root: JsonNode, options: SampleMetricsOptions): SampleMetrics {
  root.object();
  if (!GENVEI_KEYS.some((key) => root.has(key)) && isDragenMetrics(root)) {
    const dragen = options.dragen ?? {};
    return {
      ...NOTHING,
      tmb: dragenTmb(root, dragen),
      msi: dragenMsi(root, dragen),
    };
  }
  const metrics: SampleMetrics = {
    sample: root.get('sample')?.string() ?? null,
    tmb: tmbOf(root.get('tmb')),
    msi: msiOf(root.get('msi')),
    purity: purityOf(root),
    ploidy: ploidyOf(root.get('ploidy')),
    source: 'json',
    pipeline: pipelineOf(root.get('pipeline')),
  };
  const { tmb, msi, purity, ploidy } = metrics;
  if (tmb === null && msi === null && purity === null && ploidy === null) {
    throw root.fault(`no metrics: expected at least one of ${GENVEI_KEYS.join(', ')}`);
  }
  return metrics;
}

const NOTHING: SampleMetrics = {
  sample: null,
  tmb: null,
  msi: null,
  purity: null,
  ploidy: null,
  source: 'json',
  pipeline: null,
};

const TMB_UNITS = new Set(['mut/mb', 'mutations/mb']);

function tmbOf(node: JsonNode | null): TumourMutationalBurden | null {
  if (node === null) return null;
  node.object();
  const valueNode = node.member('value');
  const value = valueNode.number();
  const unit = node.get('unit');
  if (unit !== null && !TMB_UNITS.has(unit.string().toLowerCase())) {
    throw unit.fault(`expected mut/Mb (mutations per megabase), got "${unit.value}"`);
  }
  const callable = node.get('callableMb');
  const callableMb = callable?.number() ?? null;
  if (callable !== null && callableMb !== null && callableMb <= 0) {
    throw callable.fault(`expected a positive number of megabases, got ${callableMb}`);
  }
  return { value: valueNode.check((field) => burden(value, field)), unit: 'mut/Mb', callableMb };
}

function msiOf(node: JsonNode | null): MicrosatelliteInstability | null {
  if (node === null) return null;
  node.object();
  const statusNode = node.member('status');
  const status = statusNode.string();
  return {
    status: statusNode.check((field) => msiStatus(status, field)),
    score: scoreOf(node.get('score')),
    method: node.get('method')?.string() ?? null,
  };
}

function scoreOf(node: JsonNode | null): number | null {
  if (node === null) return null;
  const value = node.number();
  return node.check((field) => msiScore(value, field));
}

function purityOf(root: JsonNode): number | null {
  const fraction = root.get('purity');
  const percent = root.get('purityPercent');
  if (fraction !== null && percent !== null) {
    throw percent.fault('give purity (0–1) or purityPercent (0–100), not both');
  }
  if (percent !== null) {
    const value = percent.number();
    if (value < 0 || value > 100) throw percent.fault(`purityPercent must be from 0 to 100, got ${value}`);
    return value / 100;
  }
  if (fraction === null) return null;
  const value = fraction.number();
  const hint = value > 1 && value <= 100 ? '; a percentage belongs in purityPercent' : '';
  return fraction.check((field) => purityFraction(value, field, hint));
}

function ploidyOf(node: JsonNode | null): number | null {
  if (node === null) return null;
  const value = node.number();
  return node.check((field) => positivePloidy(value, field));
}

function pipelineOf(node: JsonNode | null): SampleMetrics['pipeline'] {
  if (node === null) return null;
  node.object();
  return { name: node.member('name').string(), version: node.get('version')?.string() ?? null };
}
