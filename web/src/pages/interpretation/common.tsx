import { ApiError } from '../../api.ts';
import { formatDate, formatDateTime, localeOf } from '../../dates.ts';
import { problemText } from '../../ErrorAlert.tsx';
import { useI18n } from '../../i18n.tsx';
import { filterReasonWords, type ReasonFields, type ReasonWords } from './filterReasons.ts';
import { type RefusalDictionary, refusalText } from './refusals.ts';
import type { CaseStatus, CaseVariantRow } from './types.ts';

/** The interpretation pages' words and the formats they share, in the reader's language. */
export function useInterpretationText() {
  const { t, format, lang } = useI18n();
  const locale = localeOf(lang);
  const i = t.interpretation;
  const number = (n: number | null | undefined, digits = 2) =>
    n === null || n === undefined ? '–' : n.toLocaleString(locale, { maximumFractionDigits: digits });
  const className = (c: string | null | undefined) => (c ? (i.classes[c] ?? c) : '–');
  const tier = (ampTier: string | null | undefined, level: string | null | undefined) =>
    !ampTier ? '' : level ? format(i.tierLevel, { tier: ampTier, level }) : format(i.tier, { tier: ampTier });
  const problem = (error: unknown) =>
    error instanceof ApiError && error.problem.status === 409
      ? format(i.refused, { reason: reasonText(error, i, format) })
      : problemText(error);
  const age = (days: number) =>
    days <= 0 ? i.ageToday : days === 1 ? i.ageOneDay : format(i.ageDays, { n: days });
  return {
    i,
    t,
    lang,
    format,
    number,
    className,
    tier,
    age,
    /** A fraction (0.4) as a percentage: "40 %" in bokmål, "40%" in English. */
    percent: (fraction: number | null | undefined, digits = 1) =>
      fraction === null || fraction === undefined
        ? '–'
        : format(t.genomics.percent, { n: number(fraction * 100, digits) }),
    /** Allele frequencies span orders of magnitude: 1.2e-05 reads better than 0,00001. */
    frequency: (af: number | null | undefined) =>
      af === null || af === undefined
        ? '–'
        : af === 0 || af >= 0.001
          ? number(af, 4)
          : af.toExponential(1).replace('.', lang === 'nb' ? ',' : '.'),
    /**
     * Why a filter matched a variant, in the reader's language; `lang` is 'en' when only the
     * server's English sentence is known. Values are shown to every digit the server gives.
     */
    filterReason: (fields: ReasonFields) =>
      filterReasonWords(fields, i.filterReasons, i.reasonTerms, format, (n) => number(n, 20)),
    date: (iso: string | null) => formatDate(iso, lang),
    dateTime: (iso: string | null) => formatDateTime(iso, lang),
    /** The server's refusal in the reader's language where its wording is known; as given otherwise. */
    refusal: (error: unknown) => format(i.refused, { reason: reasonText(error, i, format) }),
    problem: (error: unknown) => problem(error),
    /**
     * For the small reason forms, which show the problem they catch: a refusal reaches them
     * worded like every other refusal on these pages.
     */
    worded:
      <T,>(run: (values: T) => Promise<void>) =>
      async (values: T) => {
        try {
          await run(values);
        } catch (error) {
          if (error instanceof ApiError && error.problem.status === 409)
            throw new ApiError({ ...error.problem, detail: problem(error), reason: undefined });
          throw error;
        }
      },
  };
}

/** The server's refusal worded from its reason code; anything else as the server says it. */
function reasonText(
  error: unknown,
  i: RefusalDictionary,
  format: (text: string, values: Record<string, string | number>) => string,
): string {
  return error instanceof ApiError ? refusalText(error.problem, i, format) : problemText(error);
}

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const { i } = useInterpretationText();
  return (
    <span className={`badge case-${status}`} data-testid="case-status">
      {i.status[status] ?? status}
    </span>
  );
}

/** A class in words, coloured by direction; the words carry the meaning, the colour only helps. */
export function ClassBadge({ classification }: { classification: string | null }) {
  const { className } = useInterpretationText();
  if (!classification) return null;
  return <span className={`badge class-${classification}`}>{className(classification)}</span>;
}

/** VEP's consequence terms as words: `missense_variant` → "missense variant". */
export const consequencesText = (row: CaseVariantRow) =>
  row.consequences.map((c) => c.replaceAll('_', ' ')).join(', ') || '–';

/** A row's annotation on its transcript, as terms of a `<dl>`: the variant panel and page both list it. */
export function TranscriptFacts({ row }: { row: CaseVariantRow }) {
  const { i } = useInterpretationText();
  return (
    <>
      <dt>{i.panel.transcript}</dt>
      <dd>{row.transcript ?? '–'}</dd>
      <dt>{i.table.hgvsc}</dt>
      <dd>
        <code>{row.hgvsc ?? '–'}</code>
      </dd>
      <dt>{i.table.hgvsp}</dt>
      <dd>
        <code>{row.hgvsp ?? '–'}</code>
      </dd>
      <dt>{i.table.consequence}</dt>
      <dd>{consequencesText(row)}</dd>
    </>
  );
}

/** A filter's reason as worded; the server's English sentence, when no template fits, marked as English. */
export function ReasonText({ words }: { words: ReasonWords | null }) {
  if (!words) return null;
  return words.lang ? <span lang={words.lang}>{words.text}</span> : words.text;
}
