import { type FormEvent, useRef, useState } from 'react';
import { api } from '../../api.ts';
import { ErrorAlert } from '../../ErrorAlert.tsx';
import { useReportingText } from './common.tsx';

/**
 * Amending a signed report: a reason, then a new draft version. The signed version is not touched;
 * it stays readable and is superseded only when the new version is signed.
 */
export function AmendForm({
  reportId,
  current,
  onAmended,
}: {
  reportId: string;
  current: number;
  onAmended(version: number): Promise<void>;
}) {
  const { r, format, problem } = useReportingText();
  const a = r.amend;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  // The error itself, worded at render: a language switch re-words it.
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const openButton = useRef<HTMLButtonElement>(null);
  const next = current + 1;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!reason.trim()) {
      setInvalid(true);
      document.getElementById('amend-reason')?.focus();
      return;
    }
    setBusy(true);
    try {
      const created = await api<{ id: string; version: number }>('POST', `/api/reports/${reportId}/amend`, {
        reason: reason.trim(),
      });
      await onAmended(created.version);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="amend-title" className="actions report-amend">
      <h2 id="amend-title">{a.title}</h2>
      {!open ? (
        <p>
          <button
            ref={openButton}
            type="button"
            aria-expanded={false}
            aria-controls="amend-form"
            onClick={() => setOpen(true)}
          >
            {a.open}
          </button>
        </p>
      ) : (
        <form id="amend-form" onSubmit={submit} noValidate aria-labelledby="amend-title">
          <p className="hint">{format(a.intro, { n: next, current })}</p>
          <div className="field wide">
            <label htmlFor="amend-reason">{a.reason}</label>
            <textarea
              id="amend-reason"
              rows={3}
              value={reason}
              // biome-ignore lint/a11y/noAutofocus: focus follows the user's own "amend"
              autoFocus
              aria-invalid={invalid || undefined}
              aria-describedby={invalid ? 'amend-reason-error' : undefined}
              onChange={(event) => {
                setReason(event.target.value);
                setInvalid(false);
              }}
            />
            {invalid && (
              <p id="amend-reason-error" className="error field-error">
                {a.reasonRequired}
              </p>
            )}
          </div>
          <ErrorAlert error={error === null ? null : problem(error)} />
          <div className="report-buttons">
            <button type="submit" disabled={busy}>
              {format(a.submit, { n: next })}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setOpen(false);
                setReason('');
                setInvalid(false);
                setTimeout(() => openButton.current?.focus());
              }}
            >
              {a.cancel}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
