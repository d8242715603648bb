import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { api } from '../../api.ts';
import { ErrorAlert } from '../../ErrorAlert.tsx';
import { useReportingText } from './common.tsx';
import { checkForm, type DraftForm, editOf, findingsOf, formOf } from './draftForm.ts';
import { SignPanel } from './SignPanel.tsx';
import { ADEQUACIES, INADEQUACY_REASONS, type ReportContent, type SignResult, versionApi } from './types.ts';

/**
 * The editor of a draft for the lab: the pathologist's findings (morphology, immunohistochemistry
 * rows, integrated conclusion, discordance), the conclusion, each finding's interpretation, the
 * germline note and the material's quality. Save sends it; Sign saves what is unsaved first.
 */
export function DraftEditor({
  reportId,
  version,
  content,
  onSaved,
  onSigned,
}: {
  reportId: string;
  version: number;
  content: ReportContent;
  onSaved(): Promise<void>;
  onSigned(result: SignResult): void;
}) {
  const { r, format, problem } = useReportingText();
  const e = r.edit;
  const [form, setForm] = useState<DraftForm>(() => formOf(content));
  const [savedForm, setSavedForm] = useState(() => JSON.stringify(formOf(content)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  // The error itself, worded at render: a language switch re-words it.
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [addedRow, setAddedRow] = useState<number | null>(null);
  const nextKey = useRef(form.ihc.length);
  const findings = findingsOf(content);
  const dirty = JSON.stringify(form) !== savedForm;

  const set = (change: Partial<DraftForm>) => {
    setForm((f) => ({ ...f, ...change }));
    setNotice(null);
  };

  /** Sends the form; false when it could not (errors shown by their fields or from the server). */
  const save = async (): Promise<boolean> => {
    setError(null);
    const found = checkForm(form, e);
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(first)?.focus();
      return false;
    }
    setBusy(true);
    try {
      await api('PUT', versionApi(reportId, version), editOf(form, content.pathology !== null));
      setSavedForm(JSON.stringify(form));
      setNotice(e.saved);
      await onSaved();
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await save();
  };

  const field = (id: string, label: string, control: (props: ControlProps) => ReactNode) => (
    <div className="field wide" key={id}>
      <label htmlFor={id}>{label}</label>
      {control({
        id,
        'aria-invalid': errors[id] ? true : undefined,
        'aria-describedby': errors[id] ? `${id}-error` : undefined,
      })}
      {errors[id] && (
        <p id={`${id}-error`} className="error field-error">
          {errors[id]}
        </p>
      )}
    </div>
  );
  const setRow = (key: number, change: { marker?: string; result?: string }) =>
    set({ ihc: form.ihc.map((row) => (row.key === key ? { ...row, ...change } : row)) });

  return (
    <section aria-labelledby="report-edit-title" className="report-editor form-section">
      <h2 id="report-edit-title">{e.title}</h2>
      <p className="hint">{e.intro}</p>
      <form onSubmit={submit} noValidate aria-labelledby="report-edit-title">
        <fieldset className="rows">
          <legend>{e.pathology}</legend>
          {field('report-morphology', e.morphology, (props) => (
            <textarea
              {...props}
              rows={3}
              value={form.morphology}
              onChange={(ev) => set({ morphology: ev.target.value })}
            />
          ))}
          <fieldset className="rows" data-testid="ihc-rows">
            <legend>{e.ihc}</legend>
            {form.ihc.length === 0 && <p className="hint">{e.noIhc}</p>}
            {form.ihc.map((row, i) => (
              <fieldset key={row.key} className="row">
                <legend>{format(e.ihcRow, { n: i + 1 })}</legend>
                {field(`report-ihc-${i}-marker`, e.marker, (props) => (
                  <input
                    {...props}
                    value={row.marker}
                    // biome-ignore lint/a11y/noAutofocus: focus follows the user's own "add a marker"
                    autoFocus={row.key === addedRow}
                    onChange={(ev) => setRow(row.key, { marker: ev.target.value })}
                  />
                ))}
                {field(`report-ihc-${i}-result`, e.result, (props) => (
                  <input
                    {...props}
                    value={row.result}
                    onChange={(ev) => setRow(row.key, { result: ev.target.value })}
                  />
                ))}
                <button
                  type="button"
                  className="secondary remove"
                  onClick={() => set({ ihc: form.ihc.filter((x) => x.key !== row.key) })}
                >
                  {format(e.removeIhc, { n: i + 1 })}
                </button>
              </fieldset>
            ))}
            <button
              type="button"
              className="secondary"
              onClick={() => {
                const key = nextKey.current++;
                setAddedRow(key);
                set({ ihc: [...form.ihc, { key, marker: '', result: '' }] });
              }}
            >
              {e.addIhc}
            </button>
          </fieldset>
          {field('report-integrated', e.integratedConclusion, (props) => (
            <textarea
              {...props}
              rows={3}
              value={form.integratedConclusion}
              onChange={(ev) => set({ integratedConclusion: ev.target.value })}
            />
          ))}
          {field('report-discordance', e.discordance, (props) => (
            <textarea
              {...props}
              rows={2}
              value={form.discordance}
              onChange={(ev) => set({ discordance: ev.target.value })}
            />
          ))}
        </fieldset>

        {field('report-conclusion', e.conclusion, (props) => (
          <textarea
            {...props}
            rows={4}
            value={form.conclusion}
            onChange={(ev) => set({ conclusion: ev.target.value })}
          />
        ))}

        <fieldset className="rows">
          <legend>{e.interpretations}</legend>
          {findings.length === 0 && <p className="hint">{e.noFindings}</p>}
          {findings.map((finding) =>
            field(
              `report-interpretation-${finding.path}`,
              format(e.interpretationOf, { finding: finding.label }),
              (props) => (
                <textarea
                  {...props}
                  rows={3}
                  value={form.interpretations[finding.id] ?? ''}
                  onChange={(ev) =>
                    set({ interpretations: { ...form.interpretations, [finding.id]: ev.target.value } })
                  }
                />
              ),
            ),
          )}
        </fieldset>

        <fieldset className="rows">
          <legend>{e.germline}</legend>
          <label className="choice">
            <input
              id="report-germline-present"
              type="checkbox"
              checked={form.germlinePresent}
              onChange={(ev) => set({ germlinePresent: ev.target.checked })}
            />
            {e.germlinePresent}
          </label>
          {field('report-germline-note', e.germlineNote, (props) => (
            <textarea
              {...props}
              rows={2}
              value={form.germlineNote}
              onChange={(ev) => set({ germlineNote: ev.target.value })}
            />
          ))}
          <label className="choice">
            <input
              type="checkbox"
              checked={form.referralRecommended}
              onChange={(ev) => set({ referralRecommended: ev.target.checked })}
            />
            {e.referral}
          </label>
        </fieldset>

        <fieldset className="rows">
          <legend>{e.quality}</legend>
          {field('report-adequacy', e.adequacy, (props) => (
            <select
              {...props}
              value={form.adequacy}
              onChange={(ev) => set({ adequacy: ev.target.value as DraftForm['adequacy'] })}
            >
              {ADEQUACIES.map((a) => (
                <option key={a} value={a}>
                  {e.adequacies[a]}
                </option>
              ))}
            </select>
          ))}
          {form.adequacy !== 'adequate' && (
            <fieldset className="choices">
              <legend>{e.reasons}</legend>
              {INADEQUACY_REASONS.map((reason) => (
                <label key={reason} className="choice">
                  <input
                    id={`report-reason-${reason}`}
                    type="checkbox"
                    checked={form.reasons.includes(reason)}
                    onChange={(ev) =>
                      set({
                        reasons: ev.target.checked
                          ? [...form.reasons, reason]
                          : form.reasons.filter((x) => x !== reason),
                      })
                    }
                  />
                  {e.reasonNames[reason]}
                </label>
              ))}
            </fieldset>
          )}
          {field('report-quality-comment', e.qualityComment, (props) => (
            <textarea
              {...props}
              rows={2}
              value={form.qualityComment}
              onChange={(ev) => set({ qualityComment: ev.target.value })}
            />
          ))}
        </fieldset>

        {Object.keys(errors).length > 0 && <p className="error">{e.fixErrors}</p>}
        <ErrorAlert error={error === null ? null : problem(error)} />
        <p role="status" className="ok" data-testid="draft-notice">
          {notice}
        </p>
        {dirty && <p className="hint">{e.unsaved}</p>}
        <div className="report-buttons">
          <button type="submit" disabled={busy}>
            {busy ? e.saving : e.save}
          </button>
          <SignPanel
            reportId={reportId}
            version={version}
            label={format(dirty ? r.saveAndSign : r.sign, { n: version })}
            prepare={async () => (dirty ? save() : true)}
            onSigned={onSigned}
          />
        </div>
      </form>
    </section>
  );
}

type ControlProps = {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
};
