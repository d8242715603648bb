import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api.ts';
import { ErrorAlert } from '../../ErrorAlert.tsx';
import { FieldError, useOrdersText } from './common.tsx';
import { RequiredMark } from './fields.tsx';

export type ActionField = {
  name: string;
  label: string;
  kind?: 'text' | 'number' | 'select';
  options?: { value: string; label: string }[];
  required?: boolean;
  hint?: string;
  initial?: string;
};

/**
 * One small form for one thing the lab or requester does to an order (receive, register an
 * extract, reject, forward, cancel): labelled fields, Enter sends, and each error by its field —
 * the server's `/body/<name>` errors included.
 */
export function ActionForm({
  id,
  title,
  fields,
  submitLabel,
  onSubmit,
  className,
}: {
  id: string;
  title: string;
  fields: ActionField[];
  submitLabel: string;
  onSubmit(values: Record<string, string>): Promise<void>;
  className?: string;
}) {
  const { o } = useOrdersText();
  const initial = () => Object.fromEntries(fields.map((f) => [f.name, f.initial ?? '']));
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const missing = Object.fromEntries(
      fields.filter((f) => f.required && !values[f.name]?.trim()).map((f) => [f.name, o.errors.required]),
    );
    setErrors(missing);
    if (Object.keys(missing).length > 0) {
      document.getElementById(`${id}-${Object.keys(missing)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await onSubmit(values);
      setValues(initial());
    } catch (e) {
      const byField: Record<string, string> = {};
      const other: string[] = [];
      for (const fieldError of e instanceof ApiError ? (e.problem.errors ?? []) : []) {
        const name = fieldError.path.replace(/^\/body\//, '');
        const text = o.serverRules[fieldError.rule] ?? fieldError.message;
        if (fields.some((f) => f.name === name)) byField[name] = text;
        else other.push(text);
      }
      setErrors(byField);
      setError(Object.keys(byField).length > 0 ? other.join(' ') || null : e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
      className={`action ${className ?? ''}`}
    >
      <h3 id={`${id}-title`}>{title}</h3>
      <div className="field-row">
        {fields.map((field) => {
          const controlId = `${id}-${field.name}`;
          const fieldError = errors[field.name];
          const describedBy =
            [fieldError && `${controlId}-error`, field.hint && `${controlId}-hint`]
              .filter(Boolean)
              .join(' ') || undefined;
          const common = {
            id: controlId,
            name: field.name,
            value: values[field.name] ?? '',
            required: field.required,
            'aria-invalid': fieldError ? true : undefined,
            'aria-describedby': describedBy,
          };
          const change = (event: { target: { value: string } }) => {
            setValues({ ...values, [field.name]: event.target.value });
            if (errors[field.name]) setErrors({ ...errors, [field.name]: '' });
          };
          return (
            <div key={field.name} className="field">
              <label htmlFor={controlId}>
                {field.label}
                {field.required && <RequiredMark />}
              </label>
              {field.kind === 'select' ? (
                <select {...common} onChange={change}>
                  {field.options?.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  {...common}
                  inputMode={field.kind === 'number' ? 'decimal' : undefined}
                  spellCheck={false}
                  onChange={change}
                />
              )}
              {field.hint && (
                <span id={`${controlId}-hint`} className="hint">
                  {field.hint}
                </span>
              )}
              <FieldError id={`${controlId}-error`} error={fieldError || undefined} />
            </div>
          );
        })}
        <div className="field submit">
          <button type="submit" disabled={busy}>
            {submitLabel}
          </button>
        </div>
      </div>
      <ErrorAlert error={error} />
    </form>
  );
}
