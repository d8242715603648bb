import { ApiError } from '../../api.ts';
import { formatDateTime } from '../../dates.ts';
import { problemText } from '../../ErrorAlert.tsx';
import { useI18n } from '../../i18n.tsx';
import { reportRefusalText } from './refusals.ts';
import type { SignatureRow } from './types.ts';

/** The report pages' words and the formats they share, in the reader's language. */
export function useReportingText() {
  const { t, format, lang } = useI18n();
  const r = t.reporting;
  const dateTime = (iso: string | null) => formatDateTime(iso, lang);
  return {
    r,
    t,
    lang,
    format,
    dateTime,
    status: (status: string) => r.status[status] ?? status,
    /** "Per Patolog (patolog, HPR 9100002), 3. nov. 2026 14:02". */
    signer: (s: SignatureRow) =>
      format(r.signer, {
        name: s.signer_name,
        role: r.signerRoles[s.role] ?? s.role,
        hpr: s.hpr_number ? format(r.hpr, { n: s.hpr_number }) : '',
        when: dateTime(s.signed_at),
      }),
    /** The server's refusal in the reader's language where its wording is known; as given otherwise. */
    problem: (error: unknown) => {
      if (!(error instanceof ApiError)) return problemText(error);
      const worded = reportRefusalText(error.problem, r.refusals, t.roles, format);
      if (worded) return format(r.refused, { reason: worded });
      // A role the access rules do not let sign: say which roles do.
      const reason = error.problem.reason;
      if (
        error.problem.status === 403 &&
        reason?.code === 'role-may-not' &&
        reason.params.action === 'approve' &&
        reason.params.resource === 'report'
      )
        return format(r.refused, { reason: r.roleDoesNotSign });
      // Other access refusals are worded by problemText ("Ingen tilgang: …").
      const detail = problemText(error);
      return error.problem.status === 409 ? format(r.refused, { reason: detail }) : detail;
    },
  };
}

/** One thing the template requires that the draft lacks, as the server lists it on a refused signing. */
export type MissingItem = { path: string; message: string };

const LACKS = 'the report lacks what the template requires: ';

/**
 * The server refuses an incomplete report with one sentence listing `path: message` pairs
 * separated by semicolons (completeness.ts); split it so each can be shown, and linked, by itself.
 */
export function missingItems(error: unknown): MissingItem[] | null {
  if (!(error instanceof ApiError) || error.problem.status !== 409) return null;
  const detail = error.problem.detail ?? '';
  const start = detail.indexOf(LACKS);
  if (start < 0) return null;
  return detail
    .slice(start + LACKS.length)
    .split('; ')
    .map((item) => {
      const colon = item.indexOf(': ');
      return colon < 0
        ? { path: '', message: item }
        : { path: item.slice(0, colon), message: item.slice(colon + 2) };
    });
}

/** Where in the editor a template path is filled in, so the list of what is missing can lead there. */
export function fieldIdOf(path: string): string | null {
  const ihc = /^pathology\.immunohistochemistry\[(\d+)\]\.(marker|result)$/.exec(path);
  if (ihc) return `report-ihc-${ihc[1]}-${ihc[2]}`;
  const ids: Record<string, string> = {
    conclusion: 'report-conclusion',
    'pathology.morphology': 'report-morphology',
    'pathology.integratedConclusion': 'report-integrated',
    'pathology.discordance': 'report-discordance',
    'germline.note': 'report-germline-note',
    'germline.present': 'report-germline-present',
    'quality.reasons': 'report-reason-too-few-tumour-cells',
    'quality.comment': 'report-quality-comment',
    'quality.adequacy': 'report-adequacy',
  };
  const interpretation = /^(variants|copyNumbers|fusions)\[(\d+)\]\.interpretation$/.exec(path);
  if (interpretation) return `report-interpretation-${interpretation[1]}-${interpretation[2]}`;
  return ids[path] ?? null;
}
