import type { Adequacy, InadequacyReason, ReportContent } from './types.ts';

/**
 * What a person may change in a draft (lifecycle.ts draftEditSchema), as the form holds it: plain
 * strings while typing, turned into the server's shape — nulls for empty notes, no pathology
 * section until someone writes one — only when sent.
 */
export type IhcRow = { key: number; marker: string; result: string };

export type DraftForm = {
  morphology: string;
  ihc: IhcRow[];
  integratedConclusion: string;
  discordance: string;
  conclusion: string;
  interpretations: Record<string, string>;
  germlinePresent: boolean;
  germlineNote: string;
  referralRecommended: boolean;
  adequacy: Adequacy;
  reasons: InadequacyReason[];
  qualityComment: string;
};

/** A finding in the report, with the id its interpretation text is stored under and its label. */
export type FindingRef = { id: string; path: string; label: string };

export function findingsOf(content: ReportContent): FindingRef[] {
  return [
    ...content.variants.map((v, i) => ({
      id: v.id,
      path: `variants-${i}`,
      label: `${v.gene.symbol} ${v.hgvsp ?? v.hgvsc}`,
    })),
    ...content.copyNumbers.map((f, i) => ({
      id: f.id,
      path: `copyNumbers-${i}`,
      label: `${f.gene.symbol} ${f.kind}`,
    })),
    ...content.fusions.map((f, i) => ({ id: f.id, path: `fusions-${i}`, label: f.description })),
  ];
}

export function formOf(content: ReportContent): DraftForm {
  const pathology = content.pathology;
  const findings = [...content.variants, ...content.copyNumbers, ...content.fusions];
  return {
    morphology: pathology?.morphology ?? '',
    ihc: (pathology?.immunohistochemistry ?? []).map((row, key) => ({ key, ...row })),
    integratedConclusion: pathology?.integratedConclusion ?? '',
    discordance: pathology?.discordance ?? '',
    conclusion: content.conclusion,
    interpretations: Object.fromEntries(findings.map((f) => [f.id, f.interpretation])),
    germlinePresent: content.germline.present,
    germlineNote: content.germline.note ?? '',
    referralRecommended: content.germline.referralRecommended,
    adequacy: content.quality.adequacy,
    reasons: [...content.quality.reasons],
    qualityComment: content.quality.comment ?? '',
  };
}

const blank = (text: string) => text.trim() === '';
const orNull = (text: string) => (blank(text) ? null : text.trim());

/** Field id → what is wrong, for what the server would refuse anyway; empty when the form may be sent. */
export function checkForm(form: DraftForm, words: { ihcIncomplete: string; conclusionRequired: string }) {
  const errors: Record<string, string> = {};
  form.ihc.forEach((row, i) => {
    if (blank(row.marker) && blank(row.result)) return;
    if (blank(row.marker)) errors[`report-ihc-${i}-marker`] = words.ihcIncomplete;
    if (blank(row.result)) errors[`report-ihc-${i}-result`] = words.ihcIncomplete;
  });
  if (blank(form.conclusion)) errors['report-conclusion'] = words.conclusionRequired;
  return errors;
}

/** The PUT body; the pathology section is sent once it has content or existed before. */
export function editOf(form: DraftForm, hadPathology: boolean) {
  const ihc = form.ihc
    .filter((row) => !blank(row.marker) || !blank(row.result))
    .map((row) => ({ marker: row.marker.trim(), result: row.result.trim() }));
  const writesPathology =
    hadPathology ||
    ihc.length > 0 ||
    [form.morphology, form.integratedConclusion, form.discordance].some((text) => !blank(text));
  return {
    conclusion: form.conclusion.trim(),
    interpretations: Object.fromEntries(
      Object.entries(form.interpretations).map(([id, text]) => [id, text.trim()]),
    ),
    ...(writesPathology
      ? {
          pathology: {
            morphology: form.morphology.trim(),
            immunohistochemistry: ihc,
            integratedConclusion: form.integratedConclusion.trim(),
            discordance: orNull(form.discordance),
          },
        }
      : {}),
    germline: {
      present: form.germlinePresent,
      note: orNull(form.germlineNote),
      referralRecommended: form.referralRecommended,
    },
    quality: {
      adequacy: form.adequacy,
      reasons: form.adequacy === 'adequate' ? [] : form.reasons,
      comment: orNull(form.qualityComment),
    },
  };
}
