import { type FormEvent, useMemo, useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { ErrorAlert } from '../../ErrorAlert.tsx';
import { FieldError } from '../orders/common.tsx';
import { CriteriaFields } from './CriteriaFields.tsx';
import {
  type Draft,
  initialDraft,
  liveResult,
  type Prefill,
  requestBody,
  validate,
} from './classificationDraft.ts';
import { useInterpretationText } from './common.tsx';
import { EvidenceFields } from './EvidenceFields.tsx';
import { PhrasePicker } from './PhrasePicker.tsx';
import {
  type CaseHeader,
  type CaseVariantRow,
  ESCAT_TIERS,
  type EvidenceStrength,
  type Scheme,
} from './types.ts';

type Saved = {
  classification: string;
  points: number | null;
  ampTier: string | null;
  ampLevel: string | null;
  version: number;
};

/**
 * Classifying one variant: criteria with strengths, evidence rows, ESCAT and the interpretation
 * text. The class and the AMP tier are computed as the person ticks, by the same engines the
 * server runs on save; a reused assessment fills the form and is named in the request.
 */
export function ClassificationForm({
  header,
  scheme,
  row,
  prefill,
  onCancel,
  onSaved,
}: {
  header: CaseHeader;
  scheme: Scheme;
  row: CaseVariantRow;
  prefill: Prefill | null;
  onCancel(): void;
  onSaved(notice: string): Promise<void>;
}) {
  const { i, format, className, tier, age, problem } = useInterpretationText();
  const f = i.form;
  const [draft, setDraft] = useState<Draft>(() => initialDraft(scheme, prefill));
  const [errors, setErrors] = useState<Record<string, string>>({});
  // The error itself, worded at render: a language switch re-words it.
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const live = useMemo(() => liveResult(scheme, draft), [scheme, draft]);
  const reuse = prefill?.reuse;
  const somatic = scheme === 'clingen-cgc-vicc-2022';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const found = Object.fromEntries(
      Object.entries(validate(draft, reuse?.offer.reReviewRequired ?? false)).map(([path, key]) => [
        path,
        f[key],
      ]),
    );
    setErrors(found);
    if (live.refusal || Object.keys(found).length > 0) {
      const first = Object.keys(found)[0];
      if (first) focusField(first, draft);
      return;
    }
    setBusy(true);
    try {
      const saved = await api<Saved>(
        'PUT',
        `/api/cases/${header.id}/variants/${row.id}/assessment`,
        requestBody(scheme, draft, reuse),
      );
      const tierText = tier(saved.ampTier, saved.ampLevel);
      await onSaved(
        format(f.saved, {
          label: row.label,
          class: className(saved.classification),
          points: saved.points ?? '–',
          tier: tierText ? `, ${tierText}` : '',
          version: saved.version,
        }),
      );
    } catch (e) {
      const byField: Record<string, string> = {};
      for (const fieldError of e instanceof ApiError ? (e.problem.errors ?? []) : [])
        byField[fieldError.path.replace(/^\/body\//, '').replaceAll('/', '.')] = fieldError.message;
      setErrors(byField);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="classify-title" className="classification">
      <h3 id="classify-title">{format(f.title, { label: row.label })}</h3>
      {reuse && (
        <p className="note" data-testid="reuse-notice">
          {format(f.reuseNotice, {
            lab: reuse.offer.lab_name,
            version: reuse.version,
            age: age(reuse.offer.ageDays),
          })}
        </p>
      )}
      <h4>
        {f.criteria}: {i.schemes[scheme]}
      </h4>
      {(row.suggestions?.length ?? 0) > 0 && (
        <section aria-label={f.suggestions} className="suggestions" data-testid="suggestions">
          <p>{f.suggestions}</p>
          <ul>
            {row.suggestions?.map((suggestion) => {
              const c = suggestion.criterion;
              const key = typeof c === 'string' ? c : (c.criterion ?? c.code ?? suggestion.label);
              const strength = typeof c === 'string' ? undefined : c.strength;
              return (
                <li key={suggestion.label}>
                  <strong>{suggestion.label}</strong> {suggestion.reason}{' '}
                  <button
                    type="button"
                    onClick={() => {
                      const current = draft.criteria[key];
                      if (!current && !strength) return;
                      setDraft({
                        ...draft,
                        criteria: {
                          ...draft.criteria,
                          [key]: {
                            checked: true,
                            strength: strength ?? (current?.strength as EvidenceStrength),
                          },
                        },
                      });
                    }}
                  >
                    {format(f.applySuggestion, { label: suggestion.label })}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <CriteriaFields
        scheme={scheme}
        draft={draft}
        live={live}
        onChange={(key, choice) => setDraft({ ...draft, criteria: { ...draft.criteria, [key]: choice } })}
      />
      <EvidenceFields
        evidence={draft.evidence}
        errors={errors}
        onChange={(evidence, changed) => {
          setDraft({ ...draft, evidence });
          setErrors(Object.fromEntries(Object.entries(errors).filter(([path]) => !changed.includes(path))));
        }}
      />
      {somatic && (
        <>
          <output className="live" aria-live="polite" data-testid="live-tier">
            {format(f.ampLive, { tier: tier(live.ampTier, live.ampLevel) || '–' })}
            {live.ampTier === 'III' && ` (${f.ampNoEvidence})`}
          </output>
          <div className="field narrow">
            <label htmlFor="classify-escat">{f.escat}</label>
            <select
              id="classify-escat"
              value={draft.escat}
              onChange={(event) => setDraft({ ...draft, escat: event.target.value })}
            >
              <option value="">{f.escatNone}</option>
              {ESCAT_TIERS.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
      <div className="field wide">
        <label htmlFor="classify-interpretation">{f.interpretation}</label>
        <textarea
          id="classify-interpretation"
          rows={4}
          value={draft.interpretation}
          onChange={(event) => setDraft({ ...draft, interpretation: event.target.value })}
        />
      </div>
      <PhrasePicker
        gene={row.gene}
        context={header.context}
        text={draft.interpretation}
        onInsert={(text) =>
          setDraft({
            ...draft,
            interpretation: draft.interpretation ? `${draft.interpretation}\n${text}` : text,
          })
        }
      />
      {reuse?.offer.reReviewRequired && (
        <div className="field">
          <label className="choice" htmlFor="classify-reReviewed">
            <input
              id="classify-reReviewed"
              type="checkbox"
              checked={draft.reReviewed}
              aria-invalid={errors.reReviewed ? true : undefined}
              aria-describedby={errors.reReviewed ? 'classify-reReviewed-error' : undefined}
              onChange={(event) => {
                setDraft({ ...draft, reReviewed: event.target.checked });
                setErrors({ ...errors, reReviewed: '' });
              }}
            />
            {f.reReviewed}
          </label>
          <FieldError id="classify-reReviewed-error" error={errors.reReviewed} />
        </div>
      )}
      <ErrorAlert error={error === null ? null : problem(error)} />
      <div className="inline">
        <button type="submit" disabled={busy || live.refusal !== null}>
          {f.save}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {f.cancel}
        </button>
      </div>
    </form>
  );
}

/** Puts the cursor in the first field with an error, as the orders forms do. */
function focusField(path: string, draft: Draft) {
  const [, index, name] = path.split('.');
  const key = path.startsWith('evidence.') ? draft.evidence[Number(index)]?.key : undefined;
  const id = key !== undefined ? `evidence-${key}-${name}` : `classify-${path}`;
  document.getElementById(id)?.focus();
}
