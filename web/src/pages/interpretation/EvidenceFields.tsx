import { Field } from '../genomics/common.tsx';
import { type EvidenceDraft, emptyEvidence } from './classificationDraft.ts';
import { useInterpretationText } from './common.tsx';
import { AMP_LEVELS, EVIDENCE_TYPES } from './types.ts';

/**
 * Evidence rows: what kind, the AMP level, whether it is about this tumour type, where it comes
 * from. Level A or B evidence from another tumour type counts as C, so the tier moves as it is ticked.
 */
export function EvidenceFields({
  evidence,
  errors,
  onChange,
}: {
  evidence: EvidenceDraft[];
  errors: Record<string, string>;
  /** The rows as they are now, and the paths (`evidence.0.source`) whose errors no longer apply. */
  onChange(evidence: EvidenceDraft[], changed: string[]): void;
}) {
  const { i, format } = useInterpretationText();
  const f = i.form;
  const update = (index: number, patch: Partial<EvidenceDraft>) =>
    onChange(
      evidence.map((e, n) => (n === index ? { ...e, ...patch } : e)),
      Object.keys(patch).map((name) => `evidence.${index}.${name}`),
    );
  return (
    <fieldset className="rows evidence">
      <legend>{f.evidence}</legend>
      {evidence.map((e, index) => {
        const id = (name: string) => `evidence-${e.key}-${name}`;
        const error = (name: string) => errors[`evidence.${index}.${name}`];
        const n = index + 1;
        return (
          <fieldset key={e.key} className="row" data-testid="evidence-row">
            <legend>{format(f.evidenceN, { n })}</legend>
            <Field id={id('type')} label={f.type} error={undefined}>
              {(props) => (
                <select
                  {...props}
                  value={e.type}
                  onChange={(event) => update(index, { type: event.target.value as EvidenceDraft['type'] })}
                >
                  {EVIDENCE_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {f.evidenceTypes[type] ?? type}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={id('level')} label={f.level} error={undefined} className="narrow">
              {(props) => (
                <select
                  {...props}
                  value={e.level}
                  onChange={(event) => update(index, { level: event.target.value as EvidenceDraft['level'] })}
                >
                  <option value="">{f.noLevel}</option>
                  {AMP_LEVELS.map((level) => (
                    <option key={level} value={level}>
                      {level}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <label className="choice" htmlFor={id('matches')}>
              <input
                id={id('matches')}
                type="checkbox"
                checked={e.tumourTypeMatches}
                onChange={(event) => update(index, { tumourTypeMatches: event.target.checked })}
              />
              {f.tumourTypeMatches}
            </label>
            <Field id={id('source')} label={f.source} error={error('source')} required className="wide">
              {(props) => (
                <input
                  {...props}
                  value={e.source}
                  onChange={(event) => update(index, { source: event.target.value })}
                />
              )}
            </Field>
            <Field id={id('pubmedId')} label={f.pubmedId} error={error('pubmedId')} className="narrow">
              {(props) => (
                <input
                  {...props}
                  inputMode="numeric"
                  value={e.pubmedId}
                  onChange={(event) => update(index, { pubmedId: event.target.value })}
                />
              )}
            </Field>
            <Field id={id('text')} label={f.text} error={error('text')} className="wide">
              {(props) => (
                <textarea
                  {...props}
                  rows={2}
                  value={e.text}
                  onChange={(event) => update(index, { text: event.target.value })}
                />
              )}
            </Field>
            <Field
              id={id('therapies')}
              label={f.therapies}
              hint={f.therapiesHint}
              error={undefined}
              className="wide"
            >
              {(props) => (
                <input
                  {...props}
                  value={e.therapies}
                  onChange={(event) => update(index, { therapies: event.target.value })}
                />
              )}
            </Field>
            <button
              type="button"
              className="secondary small remove"
              onClick={() =>
                onChange(
                  evidence.filter((_, n) => n !== index),
                  evidencePaths(errors),
                )
              }
            >
              {format(f.removeEvidence, { n })}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="secondary"
        onClick={() => onChange([...evidence, emptyEvidence()], [])}
      >
        {f.addEvidence}
      </button>
    </fieldset>
  );
}

/** Removing a row renumbers the rows after it, so their errors are dropped with it. */
const evidencePaths = (errors: Record<string, string>) =>
  Object.keys(errors).filter((path) => path.startsWith('evidence.'));
