import { type FormEvent, useState } from 'react';
import { ANALYSIS_METHODS, ANALYSIS_STATUSES } from '../../../../src/modules/catalogue/vocabulary.ts';
import { Link, navigate, useSearchParams, withQuery } from '../../router.tsx';
import { Loaded, useCatalogue, useCatalogueText, useGeneNoteText } from './common.tsx';
import type { AnalysisSummary, CancerTypeSummary, Lab, SearchResult } from './types.ts';

const METHODS = ANALYSIS_METHODS;
const STATUSES = [...ANALYSIS_STATUSES, 'any'];
const FIELDS = ['q', 'gene', 'cancerType', 'lab', 'method', 'status'] as const;
type Filters = Record<(typeof FIELDS)[number], string>;

/** The search: the URL holds the filters, so a search is a link; the form only writes the URL. */
export function SearchPage() {
  const { c } = useCatalogueText();
  const params = useSearchParams();
  const filters = Object.fromEntries(FIELDS.map((f) => [f, params.get(f) ?? ''])) as Filters;
  const url = withQuery('/api/catalogue/search', filters);
  const result = useCatalogue<SearchResult>(url);

  return (
    <section>
      <h1>{c.searchTitle}</h1>
      <p>{c.searchIntro}</p>
      <SearchForm key={params.toString()} initial={filters} />
      <Loaded query={result}>
        {(data) => <Results result={data} gene={filters.gene.trim().toUpperCase()} />}
      </Loaded>
    </section>
  );
}

function SearchForm({ initial }: { initial: Filters }) {
  const { c, method } = useCatalogueText();
  const [filters, setFilters] = useState(initial);
  const labs = useCatalogue<{ labs: Lab[] }>('/api/catalogue/labs');
  const cancerTypes = useCatalogue<{ cancerTypes: CancerTypeSummary[] }>(
    '/api/catalogue/cancer-types?limit=200',
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, v.trim()]));
    navigate(withQuery('/catalogue', trimmed));
  };
  const set = (key: keyof Filters) => (event: { target: { value: string } }) =>
    setFilters({ ...filters, [key]: event.target.value });

  return (
    <search>
      <form onSubmit={submit} className="filters">
        <label>
          {c.freeText}
          <input name="q" type="search" value={filters.q} onChange={set('q')} />
        </label>
        <label>
          {c.gene}
          <input
            name="gene"
            value={filters.gene}
            onChange={set('gene')}
            placeholder={c.genePlaceholder}
            autoCapitalize="characters"
            spellCheck={false}
          />
        </label>
        <label>
          {c.cancerType}
          <select name="cancerType" value={filters.cancerType} onChange={set('cancerType')}>
            <option value="">{c.any}</option>
            {cancerTypes.data?.cancerTypes
              .filter((ct) => ct.has_gene_list || ct.code === filters.cancerType)
              .map((ct) => (
                <option key={ct.code} value={ct.code}>
                  {ct.name} ({ct.code})
                </option>
              ))}
          </select>
        </label>
        <label>
          {c.lab}
          <select name="lab" value={filters.lab} onChange={set('lab')}>
            <option value="">{c.any}</option>
            {labs.data?.labs.map((lab) => (
              <option key={lab.id} value={lab.id}>
                {lab.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {c.method}
          <select name="method" value={filters.method} onChange={set('method')}>
            <option value="">{c.any}</option>
            {METHODS.map((m) => (
              <option key={m} value={m}>
                {method(m)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {c.status}
          <select name="status" value={filters.status || 'active'} onChange={set('status')}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {c.analysisStatus[s]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{c.search}</button>
        <Link className="button secondary" href="/catalogue">
          {c.clear}
        </Link>
      </form>
    </search>
  );
}

function Results({ result, gene }: { result: SearchResult; gene: string }) {
  const { c, format } = useCatalogueText();
  const noteText = useGeneNoteText();
  const count = result.analyses.length;
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">
        {result.gene && gene ? format(c.analysesTestingGene, { gene }) : c.results}{' '}
        <span className="count">
          ({count === 1 ? c.resultCountOne : format(c.resultCount, { n: count })})
        </span>
      </h2>
      {result.note && (
        <p role="status" className="note">
          {format(c.geneNote, { note: noteText(result.note) })}
        </p>
      )}
      {result.gene && gene && (
        <p>
          <Link href={`/catalogue/genes/${encodeURIComponent(gene)}`}>{format(c.aboutGene, { gene })}</Link>
        </p>
      )}
      {count === 0 ? <p>{c.noAnalyses}</p> : <AnalysesTable analyses={result.analyses} />}
    </section>
  );
}

function AnalysesTable({ analyses }: { analyses: AnalysisSummary[] }) {
  const { c, format, method, variantTypes, materials } = useCatalogueText();
  return (
    <div className="table-scroll">
      <table data-testid="analysis-results">
        <thead>
          <tr>
            <th scope="col">{c.analysis}</th>
            <th scope="col">{c.lab}</th>
            <th scope="col">{c.method}</th>
            <th scope="col">{c.variantTypes}</th>
            <th scope="col">{c.materials}</th>
            <th scope="col">{c.panel}</th>
            <th scope="col">{c.turnaround}</th>
            <th scope="col">{c.status}</th>
          </tr>
        </thead>
        <tbody>
          {analyses.map((a) => (
            <tr key={a.slug}>
              <th scope="row">
                <Link href={`/catalogue/analyses/${encodeURIComponent(a.slug)}`}>{a.name}</Link>
              </th>
              <td>
                <Link href={withQuery('/catalogue', { lab: a.lab.id })}>{a.lab.name}</Link>
              </td>
              <td>
                {method(a.method)}
                {a.platform && <span className="muted"> · {a.platform}</span>}
              </td>
              <td>{variantTypes(a.variantTypes)}</td>
              <td>{materials(a.materials)}</td>
              <td>
                {a.panel ? (
                  <Link
                    href={withQuery(`/catalogue/panels/${encodeURIComponent(a.panel.slug)}`, {
                      version: a.panel.version,
                    })}
                  >
                    {format(c.panelVersion, { name: a.panel.name, version: a.panel.version })}
                  </Link>
                ) : (
                  '–'
                )}
                {a.panel && <span className="muted"> ({format(c.genesCount, { n: a.panel.genes })})</span>}
              </td>
              <td>{a.turnaroundDays ? format(c.days, { n: a.turnaroundDays }) : '–'}</td>
              <td>{c.analysisStatus[a.status] ?? a.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
