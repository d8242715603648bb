import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { ErrorAlert } from '../../ErrorAlert.tsx';
import { useCatalogueText, useGeneNoteText } from './common.tsx';
import type { Confidence, PanelDetail, PanelEntry } from './types.ts';

const CONFIDENCES: Confidence[] = ['green', 'amber', 'red'];

type Row = {
  key: number;
  symbol: string;
  confidence: Confidence;
  modeOfInheritance: string;
  /** The stored entry the row started as; its other fields (evidence, regions …) go back unchanged. */
  original: PanelEntry | null;
};

type Notice = { text: string; warnings: string[] };

/**
 * Editing for a signed-in user: a new minor version from the edited list, a release as the next
 * major version, and a curator's sign-off. The server decides who may; a refusal is shown as it says.
 */
export function PanelEditing({ panel }: { panel: PanelDetail }) {
  const { c } = useCatalogueText();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<Notice | null>(null);
  const done = async (next: Notice) => {
    setNotice(next);
    await queryClient.invalidateQueries({ queryKey: ['catalogue'] });
  };
  return (
    <section aria-labelledby="edit-title" className="editing">
      <h2 id="edit-title">{c.editTitle}</h2>
      <div role="status" className="notice">
        {notice && (
          <>
            <p className="ok">{notice.text}</p>
            {notice.warnings.length > 0 && (
              <div className="warnings">
                <h3>{c.warnings}</h3>
                <ul>
                  {notice.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              </div>
            )}
          </>
        )}
      </div>
      <EntriesEditor key={panel.version} panel={panel} onSaved={done} />
      <ReleaseForm key={`release-${panel.version}`} panel={panel} onReleased={done} />
      <SignOff key={`sign-${panel.version}`} panel={panel} onSignedOff={done} />
    </section>
  );
}

function nextVersion(version: string, kind: 'edit' | 'release') {
  const [major, minor] = version.split('.').map(Number) as [number, number];
  return kind === 'edit' ? `${major}.${minor + 1}` : `${major + 1}.0`;
}

function EntriesEditor({ panel, onSaved }: { panel: PanelDetail; onSaved(notice: Notice): Promise<void> }) {
  const { c, format } = useCatalogueText();
  const warningText = useGeneNoteText();
  const germline = panel.purpose === 'germline';
  const [rows, setRows] = useState<Row[]>(() =>
    panel.entries.map((e, index) => ({
      key: index,
      symbol: e.symbol,
      confidence: e.confidence,
      modeOfInheritance: e.modeOfInheritance ?? '',
      original: e,
    })),
  );
  const [nextKey, setNextKey] = useState(panel.entries.length);
  const [added, setAdded] = useState<number | null>(null);
  const [changeNote, setChangeNote] = useState('');
  const [rowErrors, setRowErrors] = useState<Map<number, string[]>>(new Map());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const update = (key: number, change: Partial<Row>) =>
    setRows(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const addRow = () => {
    setRows([
      ...rows,
      { key: nextKey, symbol: '', confidence: 'green', modeOfInheritance: '', original: null },
    ]);
    setAdded(nextKey);
    setNextKey(nextKey + 1);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const sent = rows.filter((r) => r.symbol.trim() !== '');
    const entries = sent.map((r) => {
      const modeOfInheritance = germline ? r.modeOfInheritance.trim() || null : null;
      const same = r.original && r.original.symbol.toUpperCase() === r.symbol.trim().toUpperCase();
      if (r.original && same)
        return {
          ...r.original,
          confidence: r.confidence,
          modeOfInheritance: germline ? modeOfInheritance : r.original.modeOfInheritance,
        };
      return { symbol: r.symbol.trim(), confidence: r.confidence, modeOfInheritance };
    });
    setBusy(true);
    setError(null);
    setRowErrors(new Map());
    try {
      const result = await api<{ version: string; warnings: string[] }>(
        'PUT',
        `/api/catalogue/panels/${encodeURIComponent(panel.slug)}/entries`,
        { entries, changeNote },
      );
      await onSaved({
        text: format(c.saved, { version: result.version }),
        warnings: result.warnings.map(warningText),
      });
    } catch (e) {
      const byRow = new Map<number, string[]>();
      const other: string[] = [];
      for (const fieldError of e instanceof ApiError ? (e.problem.errors ?? []) : []) {
        const index = /^\/body\/entries\/(\d+)/.exec(fieldError.path)?.[1];
        const row = index === undefined ? undefined : sent[Number(index)];
        if (!row) {
          other.push(fieldError.message);
          continue;
        }
        const text =
          fieldError.rule === 'unknown-gene'
            ? format(c.unknownGene, { symbol: row.symbol.trim() })
            : fieldError.rule === 'duplicate'
              ? c.duplicateGene
              : fieldError.message;
        byRow.set(row.key, [...(byRow.get(row.key) ?? []), text]);
      }
      setRowErrors(byRow);
      setError(byRow.size > 0 ? [c.fixErrors, ...other].join(' ') : e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={save} aria-labelledby="editor-title" className="editor">
      <h3 id="editor-title">{c.editEntries}</h3>
      <p>{format(c.editIntro, { version: nextVersion(panel.version, 'edit') })}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{c.gene}</th>
            <th scope="col">{c.confidenceLabel}</th>
            {germline && <th scope="col">{c.modeOfInheritance}</th>}
            <th scope="col">
              <span className="sr-only">{c.remove}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const n = index + 1;
            const errors = rowErrors.get(row.key);
            const errorId = `row-error-${row.key}`;
            return (
              <tr key={row.key} className={errors ? 'invalid' : undefined} data-testid="editor-row">
                <td>{n}</td>
                <td>
                  <input
                    name={`symbol-${n}`}
                    aria-label={format(c.geneRow, { n })}
                    value={row.symbol}
                    onChange={(e) => update(row.key, { symbol: e.target.value })}
                    aria-invalid={errors ? true : undefined}
                    aria-describedby={errors ? errorId : undefined}
                    // Only the row just added takes focus: the one the user is about to type in.
                    // biome-ignore lint/a11y/noAutofocus: focus follows the user's own "add a gene"
                    autoFocus={row.key === added}
                    autoCapitalize="characters"
                    spellCheck={false}
                  />
                  {errors && (
                    <p id={errorId} className="error field-error">
                      {errors.join(' ')}
                    </p>
                  )}
                </td>
                <td>
                  <select
                    name={`confidence-${n}`}
                    aria-label={format(c.confidenceRow, { n })}
                    value={row.confidence}
                    onChange={(e) => update(row.key, { confidence: e.target.value as Confidence })}
                  >
                    {CONFIDENCES.map((conf) => (
                      <option key={conf} value={conf}>
                        {c.confidence[conf]}
                      </option>
                    ))}
                  </select>
                </td>
                {germline && (
                  <td>
                    <input
                      name={`inheritance-${n}`}
                      aria-label={format(c.inheritanceRow, { n })}
                      value={row.modeOfInheritance}
                      onChange={(e) => update(row.key, { modeOfInheritance: e.target.value })}
                    />
                  </td>
                )}
                <td>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`${format(c.removeRow, { n })}${row.symbol ? ` (${row.symbol})` : ''}`}
                    onClick={() => setRows(rows.filter((r) => r.key !== row.key))}
                  >
                    {c.remove}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>
        <button type="button" className="secondary" onClick={addRow}>
          {c.addRow}
        </button>
      </p>
      <div className="inline">
        <label>
          {c.changeNote}
          <input
            name="changeNote"
            required
            value={changeNote}
            onChange={(e) => setChangeNote(e.target.value)}
            size={40}
          />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? c.saving : c.save}
        </button>
      </div>
      <ErrorAlert error={error} />
    </form>
  );
}

function ReleaseForm({
  panel,
  onReleased,
}: {
  panel: PanelDetail;
  onReleased(notice: Notice): Promise<void>;
}) {
  const { c, format } = useCatalogueText();
  const [changeNote, setChangeNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const next = nextVersion(panel.version, 'release');

  const release = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await api<{ version: string }>(
        'POST',
        `/api/catalogue/panels/${encodeURIComponent(panel.slug)}/release`,
        { changeNote },
      );
      await onReleased({ text: format(c.released, { version: result.version }), warnings: [] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={release} aria-labelledby="release-title" className="editor">
      <h3 id="release-title">{c.releaseTitle}</h3>
      <p>{format(c.releaseIntro, { version: panel.version, next })}</p>
      <div className="inline">
        <label>
          {c.changeNote}
          <input
            name="releaseNote"
            required
            value={changeNote}
            onChange={(e) => setChangeNote(e.target.value)}
            size={40}
          />
        </label>
        <button type="submit" disabled={busy}>
          {format(c.release, { next })}
        </button>
      </div>
      <ErrorAlert error={error} />
    </form>
  );
}

/** A curator's sign-off of the newest version, offered while it has none. */
function SignOff({ panel, onSignedOff }: { panel: PanelDetail; onSignedOff(notice: Notice): Promise<void> }) {
  const { c, format } = useCatalogueText();
  const [error, setError] = useState<unknown>(null);
  const newest = panel.versions[0];
  if (!newest || newest.signedOffAt) return null;

  const signOff = async () => {
    setError(null);
    try {
      const result = await api<{ version: string }>(
        'POST',
        `/api/catalogue/panels/${encodeURIComponent(panel.slug)}/versions/${encodeURIComponent(newest.version)}/sign-off`,
      );
      await onSignedOff({ text: format(c.signedOffNow, { version: result.version }), warnings: [] });
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div className="editor">
      <h3>{c.signOffTitle}</h3>
      <button type="button" onClick={signOff}>
        {format(c.signOff, { version: newest.version })}
      </button>
      <ErrorAlert error={error} />
    </div>
  );
}
