import type { VcfHeader } from '../vcf/model.ts';
import { CallsFileError } from './errors.ts';
import type { SampleMetrics } from './model.ts';
import { burden, decimal, msiScore, msiStatus, positivePloidy, purityFraction } from './values.ts';

type Metric = 'purity' | 'ploidy' | 'tmb' | 'msiStatus' | 'msiScore';

/**
 * `##key=value` lines a pipeline's post-processing may leave in a somatic VCF's header. No standard
 * defines them, so genvei reads these keys, matched without regard to case, `_` or `-`
 * (`##tumor_purity`, `##Tumour-Ploidy`, `##MSI_score`): purity as a fraction
 * (0–1, no percent), ploidy, TMB in mutations per megabase, the MSI status (MSI-H, MSI-L, MSS or
 * indeterminate) and the MSI score.
 */
export const VCF_METRIC_KEYS: ReadonlyMap<string, Metric> = new Map<string, Metric>([
  ['tumorpurity', 'purity'],
  ['tumourpurity', 'purity'],
  ['purity', 'purity'],
  ['ploidy', 'ploidy'],
  ['tumorploidy', 'ploidy'],
  ['tumourploidy', 'ploidy'],
  ['tmb', 'tmb'],
  ['msi', 'msiStatus'],
  ['msistatus', 'msiStatus'],
  ['msiscore', 'msiScore'],
]);

interface Found {
  key: string;
  value: string;
  line: number;
}

/**
 * Whether two header lines give one value: 0.6 and 0.60, 12 and 12.0 are one number; MSS and mss
 * one status.
 */
function sameValue(a: string, b: string): boolean {
  if (a === b) return true;
  const [x, y] = [Number(a), Number(b)];
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(x) && Number.isFinite(y)) return x === y;
  return a.trim().toUpperCase() === b.trim().toUpperCase();
}

/**
 * The metrics in a VCF header, or null when it has none. A metric given twice with different
 * values is an error: which of two purities to believe is not the reader's call.
 */
export function sampleMetricsFromVcfHeader(
  header: VcfHeader,
  options: { file: string },
): SampleMetrics | null {
  const found = new Map<Metric, Found>();
  // header.meta holds every ## line after ##fileformat (line 1), in file order.
  header.meta.forEach(({ key, value }, index) => {
    const metric = VCF_METRIC_KEYS.get(key.toLowerCase().replace(/[_-]/g, ''));
    if (metric === undefined) return;
    const line = index + 2;
    const earlier = found.get(metric);
    if (earlier !== undefined && !sameValue(earlier.value, value)) {
      const reason = `contradicts ##${earlier.key}=${earlier.value} on line ${earlier.line}`;
      throw new CallsFileError(options.file, line, `##${key}`, reason);
    }
    if (earlier === undefined) found.set(metric, { key, value, line });
  });
  if (found.size === 0) return null;
  const read = <T>(metric: Metric, parse: (text: string, field: string) => T): T | null => {
    const entry = found.get(metric);
    if (entry === undefined) return null;
    try {
      return parse(entry.value, `##${entry.key}`);
    } catch (error) {
      throw CallsFileError.at(options.file, entry.line, error);
    }
  };
  const status = read('msiStatus', msiStatus);
  const score = read('msiScore', (text, field) => msiScore(decimal(text, field), field));
  if (status === null && score !== null) {
    const entry = found.get('msiScore') as Found;
    throw new CallsFileError(
      options.file,
      entry.line,
      `##${entry.key}`,
      'an MSI score without ##MSI (the status)',
    );
  }
  const tmb = read('tmb', (text, field) => burden(decimal(text, field), field));
  return {
    sample: null,
    tmb: tmb === null ? null : { value: tmb, unit: 'mut/Mb', callableMb: null },
    msi: status === null ? null : { status, score, method: null },
    purity: read('purity', (text, field) => purityFraction(decimal(text, field), field, '')),
    ploidy: read('ploidy', (text, field) => positivePloidy(decimal(text, field), field)),
    source: 'vcf-header',
    pipeline: null,
  };
}
