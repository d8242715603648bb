import { useState } from 'react';
import type { Session } from '../../api.ts';
import { Link, withQuery } from '../../router.tsx';
import { ConfidenceBadge, Loaded, SignOffBadge, useCatalogue, useCatalogueText } from './common.tsx';
import { MetricSettings } from './MetricSettings.tsx';
import type { AnalysisDetail, CancerTypeSummary, MissingGenes } from './types.ts';

/** One analysis: what it finds, from what material, how to order it, and the genes it tests. */
export function AnalysisPage({ slug, session }: { slug: string; session: Session | null }) {
  const query = useCatalogue<AnalysisDetail>(`/api/catalogue/analyses/${encodeURIComponent(slug)}`);
  return <Loaded query={query}>{(analysis) => <Analysis analysis={analysis} session={session} />}</Loaded>;
}

function Analysis({ analysis: a, session }: { analysis: AnalysisDetail; session: Session | null }) {
  const { c, format, method, variantTypes, materials } = useCatalogueText();
  const panelHref = a.panel
    ? withQuery(`/catalogue/panels/${encodeURIComponent(a.panel.slug)}`, { version: a.panel.version })
    : null;
  return (
    <article>
      <h1>{a.name}</h1>
      <dl className="facts">
        <dt>{c.lab}</dt>
        <dd>
          {a.lab ? <Link href={withQuery('/catalogue', { lab: a.lab.id })}>{a.lab.name}</Link> : '–'}
          {a.lab?.contact_email && (
            <>
              {' · '}
              <a href={`mailto:${a.lab.contact_email}`}>{a.lab.contact_email}</a>
            </>
          )}
        </dd>
        <dt>{c.method}</dt>
        <dd>{method(a.method)}</dd>
        <dt>{c.platform}</dt>
        <dd>{a.platform ?? c.notGiven}</dd>
        <dt>{c.variantTypes}</dt>
        <dd>{variantTypes(a.variant_types)}</dd>
        <dt>{c.materials}</dt>
        <dd>{materials(a.materials)}</dd>
        <dt>{c.minTumourCells}</dt>
        <dd>{a.min_tumour_cell_percent !== null ? `${a.min_tumour_cell_percent} %` : c.notGiven}</dd>
        <dt>{c.minDna}</dt>
        <dd>{a.min_dna_ng !== null ? `${a.min_dna_ng} ng` : c.notGiven}</dd>
        <dt>{c.turnaround}</dt>
        <dd>{a.turnaround_days ? format(c.days, { n: a.turnaround_days }) : c.notGiven}</dd>
        <dt>{c.howToOrder}</dt>
        <dd>{a.how_to_order ?? c.notGiven}</dd>
        <dt>{c.status}</dt>
        <dd>{c.analysisStatus[a.status] ?? a.status}</dd>
        <dt>{c.validationReport}</dt>
        <dd>
          {a.validation_report_url ? (
            <a href={a.validation_report_url} rel="noopener noreferrer">
              {a.validation_report_url}
            </a>
          ) : (
            c.notGiven
          )}
        </dd>
        <dt>{c.panel}</dt>
        <dd>
          {a.panel && panelHref ? (
            <>
              <Link href={panelHref}>
                {format(c.panelVersion, { name: a.panel.name, version: a.panel.version })}
              </Link>{' '}
              <SignOffBadge signedOff={a.panel.signedOff} />
            </>
          ) : (
            c.notGiven
          )}
        </dd>
      </dl>
      {a.panel && (
        <section aria-labelledby="panel-genes">
          <h2 id="panel-genes">
            {c.panelGenes} ({a.panel.genes.length})
          </h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{c.gene}</th>
                <th scope="col">{c.hgncId}</th>
                <th scope="col">{c.confidenceLabel}</th>
                <th scope="col">{c.transcript}</th>
              </tr>
            </thead>
            <tbody>
              {a.panel.genes.map((g) => (
                <tr key={g.hgncId}>
                  <th scope="row">
                    <Link href={`/catalogue/genes/${encodeURIComponent(g.symbol)}`}>{g.symbol}</Link>
                  </th>
                  <td>{g.hgncId}</td>
                  <td>
                    <ConfidenceBadge confidence={g.confidence} />
                  </td>
                  <td>{g.transcript ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {a.status === 'active' && <MissingGenesCheck slug={a.slug} />}
      {session && <MetricSettings analysis={a} />}
    </article>
  );
}

/** The national gene list's genes this analysis misses, for a cancer type the reader picks. */
function MissingGenesCheck({ slug }: { slug: string }) {
  const { c, format, variantTypes } = useCatalogueText();
  const cancerTypes = useCatalogue<{ cancerTypes: CancerTypeSummary[] }>(
    '/api/catalogue/cancer-types?limit=200',
  );
  const withList = cancerTypes.data?.cancerTypes.filter((ct) => ct.has_gene_list) ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const code = chosen ?? withList[0]?.code ?? null;
  const missing = useCatalogue<MissingGenes>(
    code
      ? withQuery(`/api/catalogue/analyses/${encodeURIComponent(slug)}/missing-genes`, { cancerType: code })
      : null,
  );
  if (withList.length === 0) return null;
  const name = withList.find((ct) => ct.code === code)?.name ?? code ?? '';
  return (
    <section aria-labelledby="missing-genes">
      <h2 id="missing-genes">{c.missingTitle}</h2>
      <div className="inline">
        <label>
          {c.missingFor}
          <select value={code ?? ''} onChange={(e) => setChosen(e.target.value)}>
            {withList.map((ct) => (
              <option key={ct.code} value={ct.code}>
                {ct.name} ({ct.code})
              </option>
            ))}
          </select>
        </label>
        {code && <Link href={`/catalogue/coverage/${encodeURIComponent(code)}`}>{c.showCoverage}</Link>}
      </div>
      <Loaded query={missing}>
        {(data) =>
          data.missed.length === 0 ? (
            <p className="ok">{format(c.missingNone, { name })}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{c.gene}</th>
                  <th scope="col">{c.status}</th>
                  <th scope="col">{c.reason}</th>
                </tr>
              </thead>
              <tbody>
                {data.missed.map((m) => (
                  <tr key={m.hgncId}>
                    <th scope="row">
                      <Link href={`/catalogue/genes/${encodeURIComponent(m.symbol)}`}>{m.symbol}</Link>
                    </th>
                    <td>{c.geneListStatus[m.status] ?? m.status}</td>
                    <td>
                      {format(c.cells[m.coverage] ?? m.coverage, {
                        types: variantTypes(m.missingVariantTypes ?? []),
                      })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </section>
  );
}
