import { useInterpretationText } from './common.tsx';
import type { CaseHeader, CaseVariantRow, Worklist } from './types.ts';

export type ShownDecisions = 'all' | 'undecided' | 'decided';
const SHOWN: ShownDecisions[] = ['all', 'undecided', 'decided'];

/** A quick search over what people call a variant: gene, label, HGVS. */
export function matchesSearch(row: CaseVariantRow, search: string): boolean {
  const needle = search.trim().toLowerCase();
  if (!needle) return true;
  return [row.label, row.gene, row.hgvsc, row.hgvsp].some((value) => value?.toLowerCase().includes(needle));
}

/**
 * The filter chain the work-list is seen through, how many variants each filter removed, and the
 * quick filters over the result. Changing the chain changes the view only; the case keeps its own.
 */
export function FilterPanel({
  header,
  worklist,
  chain,
  search,
  shown,
  showRemoved,
  onSearch,
  onShown,
  onChain,
  onShowRemoved,
}: {
  header: CaseHeader;
  worklist: Worklist;
  chain: string;
  search: string;
  shown: ShownDecisions;
  showRemoved: boolean;
  onSearch(text: string): void;
  onShown(shown: ShownDecisions): void;
  onChain(id: string): void;
  onShowRemoved(show: boolean): void;
}) {
  const { i, format, lang } = useInterpretationText();
  const f = i.filterPanel;
  const undecided = worklist.kept.filter((row) => row.decision === null).length;
  return (
    <section aria-labelledby="filter-title" className="filter-panel" data-testid="filter-panel">
      <h2 id="filter-title">{f.title}</h2>
      <div className="filter-body">
        <div>
          <div className="filters">
            <label>
              {f.chain}
              <select value={chain} onChange={(event) => onChain(event.target.value)}>
                {header.chains.map((c) => (
                  <option key={c.id} value={c.id}>
                    {format(f.chainVersion, { name: c.name[lang], version: c.version })}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {f.search}
              <input type="search" value={search} onChange={(event) => onSearch(event.target.value)} />
            </label>
            <label>
              {f.show}
              <select value={shown} onChange={(event) => onShown(event.target.value as ShownDecisions)}>
                {SHOWN.map((s) => (
                  <option key={s} value={s}>
                    {f.decisionFilters[s]}
                  </option>
                ))}
              </select>
            </label>
            <label className="choice">
              <input
                type="checkbox"
                checked={showRemoved}
                onChange={(event) => onShowRemoved(event.target.checked)}
              />
              {f.showRemoved}
            </label>
          </div>
          <p data-testid="worklist-summary">
            {format(f.summary, { kept: worklist.kept.length, undecided, removed: worklist.removed.length })}{' '}
            {worklist.panel
              ? format(f.panel, {
                  name: worklist.panel.name,
                  version: worklist.panel.version,
                  genes: worklist.panel.genes,
                })
              : f.noPanel}
          </p>
        </div>
        <table className="filter-counts" data-testid="filter-counts">
          <caption>{f.counts}</caption>
          <thead>
            <tr>
              <th scope="col">{f.filter}</th>
              <th scope="col" className="number">
                {f.removed}
              </th>
              <th scope="col" className="number">
                {f.keptByException}
              </th>
            </tr>
          </thead>
          <tbody>
            {worklist.counts.map((count) => (
              <tr key={count.filter}>
                <th scope="row">{count.filter}</th>
                <td className="number">{count.removed}</td>
                <td className="number">{count.kept}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
