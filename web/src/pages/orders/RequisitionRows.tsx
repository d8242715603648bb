import { useState } from 'react';
import { useOrdersText } from './common.tsx';
import { Field, type FormKit } from './fields.tsx';
import {
  emptySpecimen,
  type RecipientRow,
  rowKey,
  type SpecimenRow,
  type TreatmentLineRow,
} from './requisition.ts';
import { RESPONSES, SPECIMEN_KINDS, type SpecimenKind } from './types.ts';

/*
 * The parts of the requisition that come in rows: treatment lines, specimens, copy recipients.
 * A new row takes the focus; after a removal the focus goes back to the section's add button.
 */

const focusById = (id: string) => document.getElementById(id)?.focus();

export function TreatmentLinesEditor({ kit }: { kit: FormKit }) {
  const { o, format } = useOrdersText();
  const [added, setAdded] = useState<number | null>(null);
  const rows = kit.draft.treatmentLines;
  const set = (key: number, patch: Partial<TreatmentLineRow>, path: string) =>
    kit.update({ treatmentLines: rows.map((r) => (r.key === key ? { ...r, ...patch } : r)) }, [path]);
  const add = () => {
    const row = {
      key: rowKey(),
      line: String(rows.length + 1),
      regimen: '',
      start: '',
      end: '',
      response: 'unknown',
    };
    kit.update({ treatmentLines: [...rows, row] }, []);
    setAdded(row.key);
  };
  const remove = (key: number) => {
    kit.update({ treatmentLines: rows.filter((r) => r.key !== key) }, ['clinical/treatmentLines']);
    focusById('add-treatment-line');
  };

  return (
    <fieldset className="rows">
      <legend>{o.treatmentLines}</legend>
      {rows.length === 0 && <p className="muted">{o.treatmentLinesNone}</p>}
      {rows.map((row, index) => {
        const at = `clinical/treatmentLines/${index}`;
        const n = index + 1;
        return (
          <fieldset key={row.key} className="row" data-testid="treatment-line">
            <legend>{format(o.rowLabel, { field: o.line, n })}</legend>
            <Field kit={kit} path={`${at}/line`} label={o.line} required className="narrow">
              {(props) => (
                <input
                  {...props}
                  inputMode="numeric"
                  size={3}
                  value={row.line}
                  onChange={(e) => set(row.key, { line: e.target.value }, `${at}/line`)}
                />
              )}
            </Field>
            <Field kit={kit} path={`${at}/regimen`} label={o.regimen} required>
              {(props) => (
                <input
                  {...props}
                  value={row.regimen}
                  // biome-ignore lint/a11y/noAutofocus: focus follows the user's own "add a line"
                  autoFocus={row.key === added}
                  onChange={(e) => set(row.key, { regimen: e.target.value }, `${at}/regimen`)}
                />
              )}
            </Field>
            <Field kit={kit} path={`${at}/start`} label={o.start} required>
              {(props) => (
                <input
                  {...props}
                  type="date"
                  value={row.start}
                  onChange={(e) => set(row.key, { start: e.target.value }, `${at}/start`)}
                />
              )}
            </Field>
            <Field kit={kit} path={`${at}/end`} label={o.end}>
              {(props) => (
                <input
                  {...props}
                  type="date"
                  value={row.end}
                  onChange={(e) => set(row.key, { end: e.target.value }, `${at}/end`)}
                />
              )}
            </Field>
            <Field kit={kit} path={`${at}/response`} label={o.response}>
              {(props) => (
                <select
                  {...props}
                  value={row.response}
                  onChange={(e) => set(row.key, { response: e.target.value }, `${at}/response`)}
                >
                  {RESPONSES.map((r) => (
                    <option key={r} value={r}>
                      {o.responses[r]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <button type="button" className="secondary remove" onClick={() => remove(row.key)}>
              {format(o.removeTreatmentLine, { n })}
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="secondary" id="add-treatment-line" onClick={add}>
        {o.addTreatmentLine}
      </button>
    </fieldset>
  );
}

export function SpecimensEditor({
  kit,
  lowTumourCells,
  minTumourCellPercent,
}: {
  kit: FormKit;
  lowTumourCells: Set<number>;
  minTumourCellPercent: number | null | undefined;
}) {
  const { o, format } = useOrdersText();
  const [added, setAdded] = useState<number | null>(null);
  const rows = kit.draft.specimens;
  const set = (key: number, patch: Partial<SpecimenRow>, path: string) =>
    kit.update({ specimens: rows.map((r) => (r.key === key ? { ...r, ...patch } : r)) }, [path]);
  const add = () => {
    const row = emptySpecimen();
    kit.update({ specimens: [...rows, row] }, []);
    setAdded(row.key);
  };
  const remove = (key: number) => {
    kit.update({ specimens: rows.filter((r) => r.key !== key) }, ['specimens']);
    focusById('add-specimen');
  };

  return (
    <>
      {rows.map((row, index) => {
        const at = `specimens/${index}`;
        const n = index + 1;
        const lowId = `specimen-${row.key}-low`;
        const low = lowTumourCells.has(row.key);
        return (
          <fieldset key={row.key} className="row" data-testid="specimen">
            <legend>{format(o.specimenTitle, { n })}</legend>
            <Field kit={kit} path={`${at}/kind`} label={o.specimenKind} required>
              {(props) => (
                <select
                  {...props}
                  value={row.kind}
                  // biome-ignore lint/a11y/noAutofocus: focus follows the user's own "add a specimen"
                  autoFocus={row.key === added}
                  onChange={(e) => set(row.key, { kind: e.target.value as SpecimenKind }, `${at}/kind`)}
                >
                  {SPECIMEN_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {o.specimenKinds[kind]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field kit={kit} path={`${at}/blockId`} label={o.blockId}>
              {(props) => (
                <input
                  {...props}
                  value={row.blockId}
                  spellCheck={false}
                  onChange={(e) => set(row.key, { blockId: e.target.value }, `${at}/blockId`)}
                />
              )}
            </Field>
            <Field kit={kit} path={`${at}/collectionDate`} label={o.collectionDate} required>
              {(props) => (
                <input
                  {...props}
                  type="date"
                  value={row.collectionDate}
                  onChange={(e) => set(row.key, { collectionDate: e.target.value }, `${at}/collectionDate`)}
                />
              )}
            </Field>
            <Field kit={kit} path={`${at}/site`} label={o.site} required>
              {(props) => (
                <input
                  {...props}
                  value={row.site}
                  onChange={(e) => set(row.key, { site: e.target.value }, `${at}/site`)}
                />
              )}
            </Field>
            <Field
              kit={kit}
              path={`${at}/tumourCellPercent`}
              label={o.tumourCellPercent}
              className="narrow"
              after={
                low
                  ? {
                      id: lowId,
                      node: (
                        <p id={lowId} className="warning-text" data-testid="tumour-cells-low">
                          {format(o.tumourCellsLow, { n: minTumourCellPercent ?? '' })}
                        </p>
                      ),
                    }
                  : undefined
              }
            >
              {(props) => (
                <input
                  {...props}
                  inputMode="numeric"
                  size={4}
                  value={row.tumourCellPercent}
                  onChange={(e) =>
                    set(row.key, { tumourCellPercent: e.target.value }, `${at}/tumourCellPercent`)
                  }
                />
              )}
            </Field>
            {rows.length > 1 && (
              <button type="button" className="secondary remove" onClick={() => remove(row.key)}>
                {format(o.removeSpecimen, { n })}
              </button>
            )}
          </fieldset>
        );
      })}
      <button type="button" className="secondary" id="add-specimen" onClick={add}>
        {o.addSpecimen}
      </button>
    </>
  );
}

export function CopyRecipientsEditor({ kit }: { kit: FormKit }) {
  const { o, format } = useOrdersText();
  const [added, setAdded] = useState<number | null>(null);
  const rows = kit.draft.copyRecipients;
  const set = (key: number, patch: Partial<RecipientRow>, path: string) =>
    kit.update({ copyRecipients: rows.map((r) => (r.key === key ? { ...r, ...patch } : r)) }, [path]);
  const add = () => {
    const row = { key: rowKey(), name: '', hprNumber: '' };
    kit.update({ copyRecipients: [...rows, row] }, []);
    setAdded(row.key);
  };
  const remove = (key: number) => {
    kit.update({ copyRecipients: rows.filter((r) => r.key !== key) }, ['copyRecipients']);
    focusById('add-recipient');
  };

  return (
    <fieldset className="rows">
      <legend>{o.copyRecipients}</legend>
      {rows.length === 0 && <p className="muted">{o.copyRecipientsNone}</p>}
      {rows.map((row, index) => {
        const at = `copyRecipients/${index}`;
        const n = index + 1;
        return (
          <fieldset key={row.key} className="row">
            <legend>{format(o.rowLabel, { field: o.copyRecipients, n })}</legend>
            <Field kit={kit} path={`${at}/name`} label={o.recipientName} required>
              {(props) => (
                <input
                  {...props}
                  value={row.name}
                  // biome-ignore lint/a11y/noAutofocus: focus follows the user's own "add a recipient"
                  autoFocus={row.key === added}
                  onChange={(e) => set(row.key, { name: e.target.value }, `${at}/name`)}
                />
              )}
            </Field>
            <Field kit={kit} path={`${at}/hprNumber`} label={o.hprNumber} className="narrow">
              {(props) => (
                <input
                  {...props}
                  inputMode="numeric"
                  size={10}
                  value={row.hprNumber}
                  onChange={(e) => set(row.key, { hprNumber: e.target.value }, `${at}/hprNumber`)}
                />
              )}
            </Field>
            <button type="button" className="secondary remove" onClick={() => remove(row.key)}>
              {format(o.removeRecipient, { n })}
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="secondary" id="add-recipient" onClick={add}>
        {o.addRecipient}
      </button>
    </fieldset>
  );
}
