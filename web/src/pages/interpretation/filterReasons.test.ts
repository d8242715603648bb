import { describe, expect, it } from 'vitest';
import {
  FILTER_REASON_CODES,
  FILTER_REASON_PARAMS,
  type FilterReason,
  reasonText,
} from '../../../../src/modules/interpretation/filters/reasons.ts';
import { interpretationEn, interpretationNb } from '../../i18nInterpretation.ts';
import { templatesCoverCodes } from '../../templateCoverage.ts';
import { fillTemplate } from '../../templates.ts';
import { filterReasonWords, type ReasonFields } from './filterReasons.ts';

const dictionaries = { nb: interpretationNb, en: interpretationEn };
const locales = { nb: 'nb-NO', en: 'en-GB' };

const format = fillTemplate;

function words(lang: 'nb' | 'en', fields: ReasonFields) {
  const i = dictionaries[lang];
  return filterReasonWords(fields, i.filterReasons, i.reasonTerms, format, (n) =>
    n.toLocaleString(locales[lang], { maximumFractionDigits: 20 }),
  );
}
const reason = (r: FilterReason): ReasonFields => ({
  reason: reasonText(r),
  reasonCode: r.code,
  reasonParams: r.params,
});

describe('filter reason templates', () => {
  templatesCoverCodes('reason', FILTER_REASON_PARAMS, {
    nb: interpretationNb.filterReasons,
    en: interpretationEn.filterReasons,
  });

  it('in English word every reason as the server does', () => {
    for (const code of FILTER_REASON_CODES) {
      const params = Object.fromEntries(
        FILTER_REASON_PARAMS[code].map((name) => [
          name,
          name === 'value' || name === 'limit' ? 0.25 : name === 'pos' ? 140753336 : `<${name}>`,
        ]),
      );
      const r = { code, params } as FilterReason;
      expect(words('en', reason(r)), code).toEqual({ text: reasonText(r) });
    }
  });
});

describe('a filter reason in bokmål', () => {
  it.each<[FilterReason, string]>([
    [{ code: 'vaf-below', params: { value: 0.02, limit: 0.05 } }, 'VAF 0,02 < 0,05'],
    [
      { code: 'population-af-above', params: { value: 0.0100004, limit: 0.01 } },
      'gnomAD AF 0,0100004 > 0,01',
    ],
    [
      { code: 'filter-not-allowed', params: { filters: 'weak_evidence' } },
      'FILTER weak_evidence er ikke tillatt',
    ],
    [
      { code: 'consequence-not-included', params: { consequences: 'intron_variant' } },
      'konsekvens intron_variant er ikke blant de inkluderte',
    ],
    [
      { code: 'gene-not-in-panel', params: { gene: 'BRAF', panel: 'Lunge v2.1' } },
      'BRAF er ikke i genpanelet Lunge v2.1',
    ],
    [
      {
        code: 'gene-confidence-below',
        params: { gene: 'ROS1', confidence: 'amber', panel: 'Lunge v2.1', minConfidence: 'green' },
      },
      'ROS1 er gul i genpanelet Lunge v2.1, lavere enn grønn',
    ],
    [
      { code: 'outside-kept-regions', params: { chrom: 'chr7', pos: 140753336 } },
      'chr7:140753336 ligger utenfor områdene som beholdes',
    ],
    [
      { code: 'missing-value', params: { label: 'gene' } },
      'ukjent gen; dette filteret fjerner varianter med manglende data',
    ],
    [
      { code: 'origin-not-kept', params: { origin: 'germline', keep: 'somatic' } },
      'opphav kimbane; filteret beholder somatisk',
    ],
  ])('%j → %s', (r, text) => {
    expect(words('nb', reason(r))).toEqual({ text });
  });

  it('falls back to the English sentence, marked as English, for a code it does not know', () => {
    const unknown = {
      reason: 'strand bias 0.9 > 0.8',
      reasonCode: 'strand-bias-above',
      reasonParams: { value: 0.9 },
    };
    expect(words('nb', unknown)).toEqual({ text: 'strand bias 0.9 > 0.8', lang: 'en' });
    expect(words('nb', { reason: 'depth 40 < 100' })).toEqual({ text: 'depth 40 < 100', lang: 'en' });
    expect(words('nb', { reason: null, reasonCode: null, reasonParams: null })).toBeNull();
  });
});
