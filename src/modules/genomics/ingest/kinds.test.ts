import { describe, expect, it } from 'vitest';
import { kindFromFileName } from './kinds.ts';

describe('the kind of a result file by its name', () => {
  it.each([
    ['tumour.vcf.gz', 'vcf'],
    ['sample.cna.tsv', 'copy-number'],
    ['run/SAMPLE.segments.tsv', 'copy-number'],
    ['SAMPLE.cna.tsv.gz', 'copy-number'],
    ['SAMPLE.fusions.tsv.gz', 'fusions'],
    ['tumour.cns', 'copy-number'],
    ['tumour.call.cns', 'copy-number'],
    ['sample.fusions.tsv', 'fusions'],
    // Arriba names its output just that.
    ['fusions.tsv', 'fusions'],
    ['arriba/fusions.tsv', 'fusions'],
    // STAR-Fusion's, abridged or not, with or without --examine_coding_effect.
    ['star-fusion.fusion_predictions.tsv', 'fusions'],
    ['STAR-Fusion/star-fusion.fusion_predictions.abridged.tsv', 'fusions'],
    ['star-fusion.fusion_predictions.abridged.coding_effect.tsv', 'fusions'],
    ['metrics.json', 'metrics'],
    ['nofusions.tsv', 'vcf'],
  ])('%s is %s', (name, kind) => {
    expect(kindFromFileName(name)).toBe(kind);
  });
});
