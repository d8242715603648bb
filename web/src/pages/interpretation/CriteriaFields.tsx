import { type CriterionChoice, criteriaFor, type Draft, type LiveResult } from './classificationDraft.ts';
import { useInterpretationText } from './common.tsx';
import { ONCOGENICITY_STRENGTH_POINTS, type Scheme } from './types.ts';

/**
 * The scheme's criteria grouped by direction, each with its code, meaning and a strength, and the
 * running total and class as criteria are ticked (announced politely to screen readers).
 */
export function CriteriaFields({
  scheme,
  draft,
  live,
  onChange,
}: {
  scheme: Scheme;
  draft: Draft;
  live: LiveResult;
  onChange(key: string, choice: CriterionChoice): void;
}) {
  const { i, lang, format, className } = useInterpretationText();
  const f = i.form;
  const definitions = criteriaFor(scheme);
  const directions = [...new Set(definitions.map((d) => d.direction))];
  const points = (strength: string) => ONCOGENICITY_STRENGTH_POINTS[strength as 'strong'];
  return (
    <div className="criteria">
      {directions.map((direction) => (
        <fieldset key={direction} className="criteria-group">
          <legend>{f.directions[direction] ?? direction}</legend>
          {definitions
            .filter((d) => d.direction === direction)
            .map((definition) => {
              const choice = draft.criteria[definition.key] as CriterionChoice;
              const id = `criterion-${definition.key}`;
              const weight = points(choice.strength);
              return (
                <div key={definition.key} className={choice.checked ? 'criterion checked' : 'criterion'}>
                  <label htmlFor={id} className="choice">
                    <input
                      id={id}
                      type="checkbox"
                      checked={choice.checked}
                      onChange={(event) =>
                        onChange(definition.key, { ...choice, checked: event.target.checked })
                      }
                    />
                    <strong>{definition.code}</strong>{' '}
                    <span>{(lang === 'nb' && i.criteria[definition.key]) || definition.meaning}</span>
                  </label>
                  <select
                    aria-label={format(f.strengthOf, { code: definition.code })}
                    value={choice.strength}
                    disabled={!choice.checked || definition.allowedStrengths.length === 1}
                    onChange={(event) =>
                      onChange(definition.key, {
                        ...choice,
                        strength: event.target.value as typeof choice.strength,
                      })
                    }
                  >
                    {definition.allowedStrengths.map((strength) => (
                      <option key={strength} value={strength}>
                        {f.strengths[strength] ?? strength}
                      </option>
                    ))}
                  </select>
                  <span className="points" aria-hidden="true">
                    {weight === undefined ? '' : `${direction === 'benign' ? '−' : '+'}${weight}`}
                  </span>
                </div>
              );
            })}
        </fieldset>
      ))}
      <output className="live" aria-live="polite" data-testid="live-classification">
        {live.refusal
          ? format(f.refusedCombination, { message: live.refusal })
          : format(f.live, { points: live.points ?? 0, class: className(live.classification) })}
        {live.rules && (
          <span className="muted">
            {' '}
            {format(f.acmgRules, { class: className(live.rules.classification), rule: live.rules.rule })}
          </span>
        )}
      </output>
      {live.cautions.length > 0 && (
        <ul className="warnings" data-testid="live-cautions">
          {live.cautions.map((note) => (
            <li key={note}>
              {f.caution} <span lang="en">{note}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
