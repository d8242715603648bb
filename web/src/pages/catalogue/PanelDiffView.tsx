import { withQuery } from '../../router.tsx';
import { ConfidenceBadge, Loaded, useCatalogue, useCatalogueText } from './common.tsx';
import type { GenomicRegion, PanelDiff, PanelEntry } from './types.ts';

/** Two versions of a panel side by side: added in green, removed in red, changed as before → after. */
export function PanelDiffView({ slug, from, to }: { slug: string; from: string; to: string }) {
  const query = useCatalogue<PanelDiff>(
    withQuery(`/api/catalogue/panels/${encodeURIComponent(slug)}/diff`, { from, to }),
  );
  return (
    <section aria-labelledby="diff-title" className="diff" data-testid="panel-diff">
      <Loaded query={query}>{(diff) => <DiffTable diff={diff} />}</Loaded>
    </section>
  );
}

function DiffTable({ diff }: { diff: PanelDiff }) {
  const { c, format } = useCatalogueText();
  const value = useValueText();
  const title = format(c.diffCaption, { from: diff.from, to: diff.to });
  const nothing = diff.added.length + diff.removed.length + diff.changed.length === 0;
  return (
    <>
      <h2 id="diff-title">{title}</h2>
      <p role="status">
        {format(c.diffSummary, {
          added: diff.added.length,
          removed: diff.removed.length,
          changed: diff.changed.length,
          unchanged: diff.unchanged,
        })}
      </p>
      {nothing ? (
        <p>{format(c.diffNone, { from: diff.from, to: diff.to })}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{c.change}</th>
              <th scope="col">{c.gene}</th>
              <th scope="col">{c.details}</th>
            </tr>
          </thead>
          <tbody>
            {diff.added.map((e) => (
              <tr key={`+${e.hgncId}`} className="diff-added">
                <td>
                  <span aria-hidden="true">+ </span>
                  {c.added}
                </td>
                <th scope="row">{e.symbol}</th>
                <td>
                  <EntrySummary entry={e} />
                </td>
              </tr>
            ))}
            {diff.removed.map((e) => (
              <tr key={`-${e.hgncId}`} className="diff-removed">
                <td>
                  <span aria-hidden="true">− </span>
                  {c.removed}
                </td>
                <th scope="row">{e.symbol}</th>
                <td>
                  <EntrySummary entry={e} />
                </td>
              </tr>
            ))}
            {diff.changed.map((e) => (
              <tr key={`~${e.hgncId}`} className="diff-changed">
                <td>
                  <span aria-hidden="true">~ </span>
                  {c.changed}
                </td>
                <th scope="row">{e.symbol}</th>
                <td>
                  <ul className="changes">
                    {e.changes.map((change) => (
                      <li key={change.field}>
                        {c.fields[change.field] ?? change.field}:{' '}
                        <del>{value(change.field, change.before)}</del> <span aria-hidden="true">→</span>
                        <span className="sr-only">{c.becomes}</span>{' '}
                        <ins>{value(change.field, change.after)}</ins>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function EntrySummary({ entry }: { entry: PanelEntry }) {
  const { c } = useCatalogueText();
  return (
    <>
      {entry.hgncId} · <ConfidenceBadge confidence={entry.confidence} />
      {entry.transcript && ` · ${entry.transcript}`}
      {entry.modeOfInheritance && ` · ${c.fields.modeOfInheritance}: ${entry.modeOfInheritance}`}
    </>
  );
}

/** A field's value in words: a confidence translated, lists joined, nothing shown as "(empty)". */
function useValueText() {
  const { c } = useCatalogueText();
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return c.empty;
    if (field === 'confidence' && typeof value === 'string') return c.confidence[value] ?? value;
    if (Array.isArray(value)) {
      if (value.length === 0) return c.empty;
      return value
        .map((item) =>
          typeof item === 'object' && item !== null && 'chrom' in item
            ? `${(item as GenomicRegion).chrom}:${(item as GenomicRegion).start}-${(item as GenomicRegion).end}`
            : String(item),
        )
        .join(', ');
    }
    return String(value);
  };
}
