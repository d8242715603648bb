import { type FormEvent, useState } from 'react';
import { Link, navigate, usePath, useSearchParams, withQuery } from '../../router.tsx';
import { ConfidenceBadge, GeneListStatusBadge, Loaded, useCatalogue, useCatalogueText } from './common.tsx';
import type { CancerTypeDetail, CancerTypeSummary } from './types.ts';

/** Cancer types by code or name (`?q=lung`), those with a national gene list first. */
export function CancerTypesPage() {
  const { c } = useCatalogueText();
  const params = useSearchParams();
  const q = params.get('q') ?? '';
  const query = useCatalogue<{ cancerTypes: CancerTypeSummary[] }>(
    withQuery('/api/catalogue/cancer-types', { q, limit: '200' }),
  );
  return (
    <section>
      <h1>{c.cancerTypesTitle}</h1>
      <p>{c.cancerTypesIntro}</p>
      <CancerTypeFilter key={q} initial={q} />
      <Loaded query={query}>
        {({ cancerTypes }) => (
          <table>
            <thead>
              <tr>
                <th scope="col">{c.code}</th>
                <th scope="col">{c.name}</th>
                <th scope="col">{c.mainType}</th>
                <th scope="col">{c.tissue}</th>
                <th scope="col">{c.geneList}</th>
              </tr>
            </thead>
            <tbody>
              {cancerTypes.map((ct) => (
                <tr key={ct.code}>
                  <th scope="row">
                    <Link href={`/catalogue/cancer-types/${encodeURIComponent(ct.code)}`}>{ct.code}</Link>
                  </th>
                  <td>{ct.name}</td>
                  <td>{ct.main_type ?? '–'}</td>
                  <td>{ct.tissue ?? '–'}</td>
                  <td>
                    {ct.has_gene_list ? (
                      <Link href={`/catalogue/coverage/${encodeURIComponent(ct.code)}`}>{c.coverage}</Link>
                    ) : (
                      '–'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </section>
  );
}

function CancerTypeFilter({ initial }: { initial: string }) {
  const { c } = useCatalogueText();
  const [text, setText] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(withQuery('/catalogue/cancer-types', { q: text.trim() }));
  };
  return (
    <search>
      <form onSubmit={submit} className="inline">
        <label>
          {c.filter}
          <input name="q" type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="submit">{c.search}</button>
      </form>
    </search>
  );
}

/** A cancer type and its national gene list, at the newest published version or `?version=N`. */
export function CancerTypePage({ code }: { code: string }) {
  const params = useSearchParams();
  const query = useCatalogue<CancerTypeDetail>(
    withQuery(`/api/catalogue/cancer-types/${encodeURIComponent(code)}`, { version: params.get('version') }),
  );
  return <Loaded query={query}>{(cancerType) => <CancerType cancerType={cancerType} />}</Loaded>;
}

function CancerType({ cancerType: ct }: { cancerType: CancerTypeDetail }) {
  const { c, format, date } = useCatalogueText();
  const path = usePath();
  const list = ct.geneList;
  return (
    <article>
      <h1>
        {ct.name} ({ct.code})
      </h1>
      <dl className="facts">
        <dt>{c.mainType}</dt>
        <dd>{ct.main_type ?? '–'}</dd>
        <dt>{c.tissue}</dt>
        <dd>{ct.tissue ?? '–'}</dd>
        <dt>{c.parent}</dt>
        <dd>
          {ct.parent_code ? (
            <Link href={`/catalogue/cancer-types/${encodeURIComponent(ct.parent_code)}`}>
              {ct.parent_code}
            </Link>
          ) : (
            '–'
          )}
        </dd>
        {ct.children.length > 0 && (
          <>
            <dt>{c.subtypes}</dt>
            <dd>
              <ul className="links">
                {ct.children.map((child) => (
                  <li key={child.code}>
                    <Link href={`/catalogue/cancer-types/${encodeURIComponent(child.code)}`}>
                      {child.name} ({child.code})
                    </Link>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      <section aria-labelledby="gene-list-title">
        <h2 id="gene-list-title">{c.geneList}</h2>
        {!list.version ? (
          <p>{c.noGeneList}</p>
        ) : (
          <>
            <p>
              {list.version.status === 'published'
                ? format(c.geneListVersion, {
                    version: list.version.version,
                    when: date(list.version.publishedAt),
                  })
                : format(c.geneListDraft, { version: list.version.version })}
              {list.version.note && ` – ${list.version.note}`}
            </p>
            <ul className="links">
              <li>
                <Link href={`/catalogue/coverage/${encodeURIComponent(ct.code)}`}>{c.showCoverage}</Link>
              </li>
              <li>
                <Link href={withQuery('/catalogue', { cancerType: ct.code })}>
                  {format(c.findAnalyses, { name: ct.name })}
                </Link>
              </li>
            </ul>
            <div className="table-scroll">
              <table data-testid="gene-list">
                <thead>
                  <tr>
                    <th scope="col">{c.gene}</th>
                    <th scope="col">{c.status}</th>
                    <th scope="col">{c.roles}</th>
                    <th scope="col">{c.evidenceColour}</th>
                    <th scope="col">{c.variantTypes}</th>
                    <th scope="col">{c.drugs}</th>
                    <th scope="col">{c.approval}</th>
                    <th scope="col">{c.trials}</th>
                    <th scope="col">{c.guideline}</th>
                    <th scope="col">{c.notes}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.entries.map((e) => (
                    <GeneListRow key={e.hgncId} entry={e} />
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
      {list.versions.length > 0 && (
        <section aria-labelledby="list-history">
          <h2 id="list-history">{c.history}</h2>
          <ol className="history">
            {list.versions.map((v) => (
              <li key={v.version}>
                <Link
                  href={withQuery(path, { version: String(v.version) })}
                  aria-current={v.version === list.version?.version ? 'true' : undefined}
                >
                  {c.version} {v.version}
                </Link>{' '}
                <span className={`badge ${v.status}`}>{c.versionStatus[v.status] ?? v.status}</span>{' '}
                {v.publishedAt && (
                  <span className="muted">
                    {format(c.createdBy, { when: date(v.publishedAt), who: v.publishedBy ?? '?' })}
                  </span>
                )}
                {v.note && <span> – {v.note}</span>}
              </li>
            ))}
          </ol>
        </section>
      )}
    </article>
  );
}

function GeneListRow({ entry: e }: { entry: CancerTypeDetail['geneList']['entries'][number] }) {
  const { c, variantTypes } = useCatalogueText();
  return (
    <tr>
      <th scope="row">
        <Link href={`/catalogue/genes/${encodeURIComponent(e.symbol)}`}>{e.symbol}</Link>
      </th>
      <td>
        <GeneListStatusBadge status={e.status} />
      </td>
      <td>{e.roles.map((r) => c.geneRoles[r] ?? r).join(', ')}</td>
      <td>
        <ConfidenceBadge confidence={e.evidenceColour} />
      </td>
      <td>{variantTypes(e.variantTypes)}</td>
      <td>{e.drugs.join(', ') || '–'}</td>
      <td>{e.approvalReference ?? '–'}</td>
      <td>{e.trials.join(', ') || '–'}</td>
      <td>{e.guidelineSection ?? '–'}</td>
      <td>{e.implementationNotes ?? '–'}</td>
    </tr>
  );
}
