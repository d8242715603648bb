import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../api.ts';
import { ErrorAlert } from '../../ErrorAlert.tsx';
import { useCatalogueText } from './common.tsx';
import type { AnalysisDetail } from './types.ts';

/** DRAGEN's TMB figures (tmb.json), as the server's DRAGEN_TMB_KEYS names them. */
const TMB_FIGURES = [
  'TmbPerMb',
  'AdjustedTmbPerMb',
  'NonsynonymousTmbPerMb',
  'AdjustedNonsynonymousTmbPerMb',
];

/**
 * The analysis' choices for reading its pipeline's metrics. genvei picks neither, so a DRAGEN
 * metrics file for an order of this analysis is refused until they are set here. The server
 * decides who may (curators, and the analysis' own lab); a refusal is shown as it says.
 */
export function MetricSettings({ analysis }: { analysis: AnalysisDetail }) {
  const { c } = useCatalogueText();
  const m = c.metricSettings;
  const queryClient = useQueryClient();
  const [tmbFigure, setTmbFigure] = useState(analysis.tmb_figure ?? '');
  const [cutOff, setCutOff] = useState(analysis.msi_high_at_percent?.toString() ?? '');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    // A decimal comma is how a Norwegian reader writes 12,5. Anything else that is no number is
    // refused here: sent as JSON it would become null and clear the setting.
    const text = cutOff.trim().replace(',', '.');
    const percent = text === '' ? null : /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
    if (Number.isNaN(percent)) {
      setError(m.notANumber);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api('PUT', `/api/catalogue/analyses/${encodeURIComponent(analysis.slug)}/metric-settings`, {
        tmbFigure: tmbFigure === '' ? null : tmbFigure,
        msiHighAtPercent: percent,
      });
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: ['catalogue'] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={save} aria-labelledby="metric-settings" className="editor" data-testid="metric-settings">
      <h2 id="metric-settings">{m.title}</h2>
      <p>{m.intro}</p>
      <label>
        {m.tmbFigure}
        <select name="tmbFigure" value={tmbFigure} onChange={(e) => setTmbFigure(e.target.value)}>
          <option value="">{m.notSet}</option>
          {TMB_FIGURES.map((figure) => (
            <option key={figure} value={figure}>
              {figure}
            </option>
          ))}
        </select>
      </label>
      <label>
        {m.msiCutOff}
        <input
          name="msiHighAtPercent"
          inputMode="decimal"
          value={cutOff}
          onChange={(e) => setCutOff(e.target.value)}
          placeholder={m.notSet}
          aria-invalid={error === m.notANumber ? true : undefined}
        />
      </label>
      <button type="submit" disabled={busy}>
        {busy ? c.saving : m.save}
      </button>
      <div role="status">{saved && <p className="ok">{m.saved}</p>}</div>
      <ErrorAlert error={error} />
    </form>
  );
}
