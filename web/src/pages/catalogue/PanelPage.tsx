import { type FormEvent, useState } from 'react';
import type { Session } from '../../api.ts';
import { Link, navigate, usePath, useSearchParams, withQuery } from '../../router.tsx';
import { ConfidenceBadge, Loaded, SignOffBadge, useCatalogue, useCatalogueText } from './common.tsx';
import { PanelDiffView } from './PanelDiffView.tsx';
import { PanelEditing } from './PanelEditor.tsx';
import type { PanelDetail, PanelEntry, PanelSummary, PanelVersion } from './types.ts';

const EXPORT_FORMATS = ['panelapp', 'genetikkportalen', 'bed'];

/**
 * A gene panel at one version (`?version=1.0`, default the newest), its history, a comparison of
 * two versions (`?from=1.0&to=2.0`) and, for a signed-in user, the editor.
 */
export function PanelPage({ slug, session }: { slug: string; session: Session | null }) {
  const params = useSearchParams();
  const version = params.get('version');
  const base = `/api/catalogue/panels/${encodeURIComponent(slug)}`;
  const shown = useCatalogue<PanelDetail>(withQuery(base, { version }));
  const latest = useCatalogue<PanelDetail>(base);
  return (
    <Loaded query={shown}>
      {(panel) => (
        <article>
          <PanelHeader panel={panel} latest={latest.data ?? null} />
          <Entries panel={panel} />
          <History panel={panel} />
          <Compare key={`${panel.versions[0]?.version}|${params.toString()}`} panel={panel} />
          {params.get('from') && params.get('to') && (
            <PanelDiffView slug={slug} from={params.get('from') as string} to={params.get('to') as string} />
          )}
          {session && latest.data && <PanelEditing panel={latest.data} />}
        </article>
      )}
    </Loaded>
  );
}

function PanelHeader({ panel, latest }: { panel: PanelDetail; latest: PanelDetail | null }) {
  const { c, format } = useCatalogueText();
  const path = usePath();
  const panels = useCatalogue<{ panels: PanelSummary[] }>('/api/catalogue/panels');
  const lab = panels.data?.panels.find((p) => p.slug === panel.slug)?.lab;
  const isLatest = !latest || latest.version === panel.version;
  const exportBase = `/api/catalogue/panels/${encodeURIComponent(panel.slug)}/export`;
  return (
    <header className="page-header">
      <h1>{panel.name}</h1>
      <dl className="facts">
        <dt>{c.lab}</dt>
        <dd>{lab ? <Link href={withQuery('/catalogue', { lab: lab.id })}>{lab.name}</Link> : '–'}</dd>
        <dt>{c.purposeLabel}</dt>
        <dd>{c.panelPurpose[panel.purpose] ?? panel.purpose}</dd>
        <dt>{c.version}</dt>
        <dd>
          <span data-testid="panel-version">{format(c.showingVersion, { version: panel.version })}</span>
          {isLatest && ` (${c.newest})`} <SignOffBadge signedOff={panel.signedOffAt !== null} />
          {!isLatest && (
            <>
              {' '}
              <Link href={path}>{c.showLatest}</Link>
            </>
          )}
        </dd>
        <dt>{c.export}</dt>
        <dd>
          <ul className="links">
            {EXPORT_FORMATS.map((f) => (
              <li key={f}>
                <a href={withQuery(exportBase, { version: panel.version, format: f })} download>
                  {c.exportFormats[f]}
                </a>
              </li>
            ))}
          </ul>
        </dd>
      </dl>
    </header>
  );
}

function regionsText(entry: PanelEntry, wholeGene: string) {
  if (entry.regions.length === 0) return wholeGene;
  return entry.regions.map((r) => `${r.chrom}:${r.start}-${r.end}`).join(', ');
}

function Entries({ panel }: { panel: PanelDetail }) {
  const { c } = useCatalogueText();
  const showInheritance = panel.purpose === 'germline' || panel.entries.some((e) => e.modeOfInheritance);
  return (
    <section aria-labelledby="entries-title">
      <h2 id="entries-title">
        {c.entries} ({panel.entries.length})
      </h2>
      <div className="table-scroll">
        <table data-testid="panel-entries">
          <thead>
            <tr>
              <th scope="col">{c.gene}</th>
              <th scope="col">{c.hgncId}</th>
              <th scope="col">{c.confidenceLabel}</th>
              {showInheritance && <th scope="col">{c.modeOfInheritance}</th>}
              <th scope="col">{c.transcript}</th>
              <th scope="col">{c.regions}</th>
              <th scope="col">{c.evidence}</th>
            </tr>
          </thead>
          <tbody>
            {panel.entries.map((e) => (
              <tr key={e.hgncId} className={`row-${e.confidence}`}>
                <th scope="row">
                  <Link href={`/catalogue/genes/${encodeURIComponent(e.symbol)}`}>{e.symbol}</Link>
                </th>
                <td>{e.hgncId}</td>
                <td>
                  <ConfidenceBadge confidence={e.confidence} />
                </td>
                {showInheritance && <td>{e.modeOfInheritance ?? '–'}</td>}
                <td>{e.transcript ?? '–'}</td>
                <td>{regionsText(e, c.wholeGene)}</td>
                <td>{e.evidence.join('; ') || '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function History({ panel }: { panel: PanelDetail }) {
  const { c, format, date } = useCatalogueText();
  const path = usePath();
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{c.history}</h2>
      <ol className="history" data-testid="panel-history">
        {panel.versions.map((v) => (
          <li key={v.version}>
            <Link
              href={withQuery(path, { version: v.version })}
              aria-current={v.version === panel.version ? 'true' : undefined}
            >
              {c.version} {v.version}
            </Link>{' '}
            <SignOffBadge signedOff={v.signedOffAt !== null} />{' '}
            <span className="muted">
              {format(c.createdBy, { when: date(v.createdAt), who: v.createdBy ?? '?' })}
            </span>
            {v.changeNote && <span> – {v.changeNote}</span>}
            {v.signedOffAt && (
              <span className="muted">
                {' '}
                ({format(c.signedOffBy, { who: v.signedOffBy ?? '?', when: date(v.signedOffAt) })})
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The release before the newest version: what a reader usually wants to compare against. */
function previousRelease(versions: PanelVersion[]): string | undefined {
  const [newest, ...older] = versions;
  return older.find((v) => v.version.endsWith('.0'))?.version ?? older[0]?.version ?? newest?.version;
}

function Compare({ panel }: { panel: PanelDetail }) {
  const { c } = useCatalogueText();
  const path = usePath();
  const params = useSearchParams();
  const [from, setFrom] = useState(params.get('from') ?? previousRelease(panel.versions) ?? '');
  const [to, setTo] = useState(params.get('to') ?? panel.versions[0]?.version ?? '');
  if (panel.versions.length < 2) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(withQuery(path, { version: params.get('version'), from, to }));
  };
  const options = panel.versions.map((v) => (
    <option key={v.version} value={v.version}>
      {v.version}
    </option>
  ));
  return (
    <section aria-labelledby="compare-title">
      <h2 id="compare-title">{c.compareTitle}</h2>
      <form onSubmit={submit} className="inline">
        <label>
          {c.compareFrom}
          <select name="from" value={from} onChange={(e) => setFrom(e.target.value)}>
            {options}
          </select>
        </label>
        <label>
          {c.compareTo}
          <select name="to" value={to} onChange={(e) => setTo(e.target.value)}>
            {options}
          </select>
        </label>
        <button type="submit">{c.compare}</button>
      </form>
    </section>
  );
}
