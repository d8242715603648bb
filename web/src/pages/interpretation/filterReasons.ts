import { reasonWords, termOf } from '../../api.ts';

/**
 * A filter's reason for removing a variant in the reader's language: the server gives a code with
 * params next to the English sentence, and the dictionaries hold a template for each code. A code
 * this build does not know is shown as the server's English sentence, marked as English.
 */

/** What a work-list row (or the filter it overrode) says about why a filter matched it. */
export type ReasonFields = {
  reason?: string | null;
  reasonCode?: string | null;
  reasonParams?: Record<string, string | number> | null;
};

export type ReasonWords = { text: string; lang?: 'en' };

/** Measured values and limits: numbers in the reader's locale. `pos` stays as written (7:140753336). */
const MEASURES = new Set(['value', 'limit']);
/** Words of a vocabulary (value labels, PanelApp ratings, origins); `keep` is a list joined with ', '. */
const TERMS = new Set(['label', 'confidence', 'minConfidence', 'origin', 'keep']);

export function filterReasonWords(
  fields: ReasonFields,
  templates: Record<string, string>,
  terms: Record<string, string>,
  format: (text: string, values: Record<string, string | number>) => string,
  number: (n: number) => string,
): ReasonWords | null {
  const { reason, reasonCode: code, reasonParams: params } = fields;
  const word = (key: string, value: string | number) =>
    typeof value === 'number'
      ? MEASURES.has(key)
        ? number(value)
        : String(value)
      : TERMS.has(key)
        ? value
            .split(', ')
            .map((term) => termOf(terms, term))
            .join(', ')
        : value;
  const text = code && params ? reasonWords({ code, params }, templates, format, word) : null;
  if (text !== null) return { text };
  return reason ? { text: reason, lang: 'en' } : null;
}
