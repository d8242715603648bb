import { ApiError } from '../../api.ts';
import { formatDate, formatDateTime } from '../../dates.ts';
import { problemText } from '../../ErrorAlert.tsx';
import { useI18n } from '../../i18n.tsx';
import { filterReasonWords, type ReasonFields } from './filterReasons.ts';
import type { CaseStatus, CaseVariantRow } from './types.ts';

/** The interpretation pages' words and the formats they share, in the reader's language. */
export function useInterpretationText() {
  const { t, format, lang } = useI18n();
  const locale = lang === 'nb' ? 'nb-NO' : 'en-GB';
  const i = t.interpretation;
  const number = (n: number | null | undefined, digits = 2) =>
    n === null || n === undefined ? '–' : n.toLocaleString(locale, { maximumFractionDigits: digits });
  const className = (c: string | null | undefined) => (c ? (i.classes[c] ?? c) : '–');
  const tier = (ampTier: string | null | undefined, level: string | null | undefined) =>
    !ampTier ? '' : level ? format(i.tierLevel, { tier: ampTier, level }) : format(i.tier, { tier: ampTier });
  const problem = (error: unknown) =>
    error instanceof ApiError && error.problem.status === 409
      ? format(i.refused, { reason: reasonText(error, i.serverReasons, i.status, format) })
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
    refusal: (error: unknown) =>
      format(i.refused, { reason: reasonText(error, i.serverReasons, i.status, format) }),
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
            throw new ApiError({ ...error.problem, detail: problem(error) });
          throw error;
        }
      },
  };
}

type Reasons = ReturnType<typeof useI18n>['t']['interpretation']['serverReasons'];

function reasonText(
  error: unknown,
  reasons: Reasons,
  statuses: Record<string, string>,
  format: (text: string, values: Record<string, string | number>) => string,
): string {
  const detail = problemText(error);
  if (/^finalising needs a second person/.test(detail)) return reasons.secondPerson;
  const undecided = /^every variant that passed the filters .*; (\d+) without a decision: (.*)$/.exec(detail);
  if (undecided) return format(reasons.undecided, { n: undecided[1] ?? '', list: undecided[2] ?? '' });
  if (/^the case is finalised: reopen it/.test(detail)) return reasons.finalisedCase;
  const status = /^only a .* \(it is ([a-z-]+)\)$/.exec(detail);
  if (status) return format(reasons.wrongStatus, { status: statuses[status[1] ?? ''] ?? status[1] ?? '' });
  const old = /^the assessment is (\d+) days old \(limit (\d+)\)/.exec(detail);
  if (old) return format(reasons.tooOld, { age: old[1] ?? '', limit: old[2] ?? '' });
  if (/^no tumour or germline VCF has been ingested/.test(detail)) return reasons.noVcf;
  if (/^this sample already has a case/.test(detail)) return reasons.caseExists;
  return detail;
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
