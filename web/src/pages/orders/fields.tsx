import type { ReactNode } from 'react';
import { FieldError, Hint } from './common.tsx';
import { type Draft, type FieldErrors, fieldId } from './requisition.ts';

/** The props every control of the form gets: its id, and the wiring of its error and help text. */
export type ControlProps = {
  id: string;
  name: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  onBlur(): void;
};

/** What the form's sections share: the draft, how to change it, and which error a field shows now. */
export type FormKit = {
  draft: Draft;
  /** Changes the draft; the server's errors for the changed paths (and below them) no longer apply. */
  update(patch: Partial<Draft>, paths: string[]): void;
  error(path: string): string | undefined;
  control(path: string, ...describedBy: (string | false | undefined)[]): ControlProps;
};

export function makeFormKit(
  draft: Draft,
  setDraft: (draft: Draft) => void,
  errors: FieldErrors,
  shown: (path: string) => boolean,
  touch: (path: string) => void,
  clearServerErrors: (paths: string[]) => void,
): FormKit {
  const error = (path: string) => (shown(path) ? errors[path] : undefined);
  return {
    draft,
    update(patch, paths) {
      setDraft({ ...draft, ...patch });
      clearServerErrors(paths);
    },
    error,
    control(path, ...describedBy) {
      const invalid = error(path) !== undefined;
      const ids = [invalid && `${fieldId(path)}-error`, ...describedBy].filter(Boolean).join(' ');
      return {
        id: fieldId(path),
        name: path,
        'aria-invalid': invalid || undefined,
        'aria-describedby': ids || undefined,
        onBlur: () => touch(path),
      };
    },
  };
}

/** A labelled field: label, control, help text and the field's error right under it. */
export function Field({
  kit,
  path,
  label,
  hint,
  required,
  after,
  className,
  children,
}: {
  kit: FormKit;
  path: string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  /** Something to say under the field besides its error, e.g. a warning; referenced by the control. */
  after?: { id: string; node: ReactNode };
  className?: string;
  children(props: ControlProps & { required?: boolean }): ReactNode;
}) {
  const id = fieldId(path);
  const hintId = hint ? `${id}-hint` : undefined;
  const props = kit.control(path, hintId, after?.id);
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <RequiredMark />}
      </label>
      {children(required ? { ...props, required } : props)}
      {hint && hintId && <Hint id={hintId}>{hint}</Hint>}
      {after?.node}
      <FieldError id={`${id}-error`} error={kit.error(path)} />
    </div>
  );
}

export function RequiredMark() {
  return (
    <span className="required" aria-hidden="true">
      {' '}
      *
    </span>
  );
}

/** Yes/no and other small choices as radio buttons in a fieldset, its error under the group. */
export function RadioGroup({
  kit,
  path,
  legend,
  value,
  options,
  onChange,
  required,
}: {
  kit: FormKit;
  path: string;
  legend: string;
  value: string;
  options: { value: string; label: string }[];
  onChange(value: string): void;
  required?: boolean;
}) {
  const id = fieldId(path);
  const error = kit.error(path);
  return (
    <fieldset className="choices">
      <legend>
        {legend}
        {required && <RequiredMark />}
      </legend>
      {options.map((option, index) => (
        <label key={option.value} className="choice">
          <input
            type="radio"
            // The first option carries the field's id, so the error summary can move focus to the group.
            id={index === 0 ? id : undefined}
            name={path}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
            aria-describedby={error ? `${id}-error` : undefined}
            required={required}
          />
          {option.label}
        </label>
      ))}
      <FieldError id={`${id}-error`} error={error} />
    </fieldset>
  );
}
