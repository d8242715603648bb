import { type FormEvent, type ReactNode, useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { ErrorAlert } from '../../ErrorAlert.tsx';
import { type ControlProps, Field, useGenomicsText } from './common.tsx';
import { RAW_FILE_FORMATS, type RawFileRegistered } from './types.ts';
import { rawFormatFromName } from './uploadChoices.ts';

const FIELDS = ['name', 'uri', 'format', 'sizeBytes', 'sha256', 'accessZone'] as const;
type FieldName = (typeof FIELDS)[number];
type Values = Record<FieldName, string>;
type Errors = Partial<Record<FieldName, string>>;

const EMPTY: Values = { name: '', uri: '', format: 'cram', sizeBytes: '', sha256: '', accessZone: '' };
const FORM_ID = 'raw-file';

/**
 * The lab registers a raw file by where it is, its size and its checksum. Every field is needed;
 * the server checks the URI's scheme and the checksum, and its errors land next to their fields.
 */
export function RawFileForm({
  specimenId,
  onRegistered,
}: {
  specimenId: string;
  onRegistered(notice: string): Promise<void>;
}) {
  const { g, format } = useGenomicsText();
  const [values, setValues] = useState<Values>(EMPTY);
  const [formatChosen, setFormatChosen] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const f = g.rawForm;

  const change = (name: FieldName, value: string) => {
    const next = { ...values, [name]: value };
    // The format follows the file name until someone picks one.
    if (name === 'name' && !formatChosen) next.format = rawFormatFromName(value) ?? next.format;
    if (name === 'format') setFormatChosen(true);
    setValues(next);
    if (errors[name]) setErrors({ ...errors, [name]: undefined });
  };

  const showErrors = (found: Errors) => {
    setErrors(found);
    const first = FIELDS.find((name) => found[name]);
    if (first) document.getElementById(`${FORM_ID}-${first}`)?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const found: Errors = {};
    for (const name of FIELDS) if (!values[name].trim()) found[name] = g.errors.required;
    const size = values.sizeBytes.replace(/\s/g, '');
    if (!found.sizeBytes && !/^\d+$/.test(size)) found.sizeBytes = g.errors.wholeNumber;
    if (Object.keys(found).length > 0) return showErrors(found);
    setBusy(true);
    try {
      const registered = await api<RawFileRegistered>('POST', `/api/specimens/${specimenId}/raw-files`, {
        name: values.name.trim(),
        uri: values.uri.trim(),
        format: values.format,
        sizeBytes: Number(size),
        sha256: values.sha256.trim(),
        accessZone: values.accessZone.trim(),
      });
      await onRegistered(
        format(registered.created ? f.registered : f.alreadyRegistered, { name: values.name.trim() }),
      );
      setValues(EMPTY);
      setFormatChosen(false);
      setErrors({});
    } catch (e) {
      const byField = serverErrors(e, g.errors);
      if (Object.keys(byField).length > 0) showErrors(byField);
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  const field = (
    name: FieldName,
    label: string,
    control: (props: ControlProps) => ReactNode,
    hint?: string,
  ) => (
    <Field
      id={`${FORM_ID}-${name}`}
      label={label}
      hint={hint}
      error={errors[name]}
      required
      className={name === 'uri' || name === 'sha256' ? 'wide' : undefined}
    >
      {control}
    </Field>
  );
  const text = (name: FieldName) => (props: ControlProps) => (
    <input
      {...props}
      name={name}
      value={values[name]}
      spellCheck={false}
      onChange={(e) => change(name, e.target.value)}
    />
  );

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${FORM_ID}-title`} className="action">
      <h3 id={`${FORM_ID}-title`}>{f.title}</h3>
      <div className="field-row">
        {field('name', f.name, text('name'))}
        {field('uri', f.uri, text('uri'), f.uriHint)}
        {field('format', f.format, (props) => (
          <select
            {...props}
            name="format"
            value={values.format}
            onChange={(e) => change('format', e.target.value)}
          >
            {RAW_FILE_FORMATS.map((value) => (
              <option key={value} value={value}>
                {g.rawFormats[value] ?? value}
              </option>
            ))}
          </select>
        ))}
        {field('sizeBytes', f.sizeBytes, (props) => (
          <input
            {...props}
            name="sizeBytes"
            inputMode="numeric"
            value={values.sizeBytes}
            onChange={(e) => change('sizeBytes', e.target.value)}
          />
        ))}
        {field('sha256', f.sha256, text('sha256'), f.sha256Hint)}
        {field('accessZone', f.accessZone, text('accessZone'))}
        <div className="field submit">
          <button type="submit" disabled={busy}>
            {f.submit}
          </button>
        </div>
      </div>
      <ErrorAlert error={error} />
    </form>
  );
}

/**
 * The server's complaints by field: its `/body/<field>` errors, in the reader's language where we
 * know the rule, and a changed file at a known URI (409) on the URI.
 */
function serverErrors(
  error: unknown,
  words: { required: string; uri: string; sha256: string; uriConflict: string },
): Errors {
  if (!(error instanceof ApiError)) return {};
  if (error.problem.status === 409) return { uri: words.uriConflict };
  const found: Errors = {};
  for (const fieldError of error.problem.errors ?? []) {
    const name = fieldError.path.replace(/^\/body\//, '') as FieldName;
    if (!FIELDS.includes(name)) continue;
    if (fieldError.rule === 'too_small' || fieldError.rule === 'required') found[name] = words.required;
    else if (name === 'uri') found[name] = words.uri;
    else if (name === 'sha256') found[name] = words.sha256;
    else found[name] = fieldError.message;
  }
  return found;
}
