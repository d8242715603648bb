import { useEffect, useRef, useState } from 'react';
import { api } from '../../api.ts';
import { ErrorAlert } from '../../ErrorAlert.tsx';
import { fieldIdOf, type MissingItem, missingItems, useReportingText } from './common.tsx';
import { type SignResult, versionApi } from './types.ts';

/**
 * The signing button of one version. When the template's mandatory content is incomplete, the
 * server's list of what is missing is shown item by item, each leading to its field where the
 * editor has one; any other refusal (a role that does not sign) is worded from its reason code.
 */
export function SignPanel({
  reportId,
  version,
  label,
  prepare,
  onSigned,
}: {
  reportId: string;
  version: number;
  label: string;
  /** Runs first (the editor saves unsaved changes); false stops the signing. */
  prepare?: () => Promise<boolean>;
  onSigned(result: SignResult): void;
}) {
  const { r, format, problem } = useReportingText();
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState<MissingItem[] | null>(null);
  // The error itself, worded at render: a language switch re-words it.
  const [error, setError] = useState<unknown>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (missing) summaryRef.current?.focus();
  }, [missing]);

  const sign = async () => {
    setError(null);
    setMissing(null);
    setBusy(true);
    try {
      if (prepare && !(await prepare())) return;
      const result = await api<SignResult>('POST', versionApi(reportId, version, '/sign'));
      onSigned(result);
    } catch (e) {
      const items = missingItems(e);
      if (items) setMissing(items);
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  const itemLabel = (item: MissingItem) => {
    const ihc = /^pathology\.immunohistochemistry\[(\d+)\]/.exec(item.path);
    if (ihc) return format(r.ihcPath, { n: Number(ihc[1]) + 1 });
    return r.paths[item.path] ?? item.path;
  };
  const itemText = (item: MissingItem) => (/ is missing$/.test(item.message) ? r.missing : item.message);

  return (
    <div className="report-sign">
      <button type="button" onClick={sign} disabled={busy} data-testid="sign-report">
        {busy ? r.signing : label}
      </button>
      {missing && (
        <div ref={summaryRef} tabIndex={-1} role="alert" className="error-summary" data-testid="sign-missing">
          <p>
            <strong>{r.incompleteTitle}</strong>
          </p>
          <ul>
            {missing.map((item) => {
              const id = fieldIdOf(item.path);
              const text = `${itemLabel(item)}: ${itemText(item)}`;
              return (
                <li key={`${item.path}-${item.message}`}>
                  {id && document.getElementById(id) ? (
                    <a
                      href={`#${id}`}
                      onClick={(event) => {
                        event.preventDefault();
                        document.getElementById(id)?.focus();
                      }}
                    >
                      {text}
                    </a>
                  ) : (
                    text
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <div data-testid="sign-error">
        <ErrorAlert error={error === null ? null : problem(error)} />
      </div>
    </div>
  );
}
