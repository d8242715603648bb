import { Link, withQuery } from '../../router.tsx';
import { GeneListStatusBadge, Loaded, useCatalogue, useCatalogueText, useGeneNoteText } from './common.tsx';
import type { GeneInfo } from './types.ts';

/** A gene: the analyses that test it and the national gene lists that name it. */
export function GenePage({ symbol }: { symbol: string }) {
  const query = useCatalogue<GeneInfo>(`/api/catalogue/genes/${encodeURIComponent(symbol)}`);
  return <Loaded query={query}>{(info) => <Gene info={info} asked={symbol} />}</Loaded>;
}

function Gene({ info, asked }: { info: GeneInfo; asked: string }) {
  const { c, format, method, variantTypes } = useCatalogueText();
  const noteText = useGeneNoteText();
  const symbol = info.gene?.symbol ?? asked;
  return (
    <article>
      <h1>{format(c.geneTitle, { symbol })}</h1>
      {info.note && (
        <p role="status" className="note">
          {format(c.geneNote, { note: noteText(info.note) })}
        </p>
      )}
      {info.gene && (
        <dl className="facts">
          <dt>{c.geneName}</dt>
          <dd>{info.gene.name ?? c.notGiven}</dd>
          <dt>{c.hgncId}</dt>
          <dd>{info.gene.hgnc_id}</dd>
          <dt>{c.maneSelect}</dt>
          <dd>{info.gene.mane_select_refseq ?? c.notGiven}</dd>
        </dl>
      )}
      <section aria-labelledby="gene-analyses">
        <h2 id="gene-analyses">{c.geneAnalyses}</h2>
        {info.analyses.length === 0 ? (
          <p>{c.noneFound}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{c.analysis}</th>
                <th scope="col">{c.lab}</th>
                <th scope="col">{c.method}</th>
                <th scope="col">{c.variantTypes}</th>
              </tr>
            </thead>
            <tbody>
              {info.analyses.map((a) => (
                <tr key={a.slug}>
                  <th scope="row">
                    <Link href={`/catalogue/analyses/${encodeURIComponent(a.slug)}`}>{a.name}</Link>
                  </th>
                  <td>{a.lab}</td>
                  <td>{method(a.method)}</td>
                  <td>{variantTypes(a.variantTypes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p>
          <Link href={withQuery('/catalogue', { gene: symbol })}>
            {format(c.refineSearch, { gene: symbol })}
          </Link>
        </p>
      </section>
      <section aria-labelledby="gene-lists">
        <h2 id="gene-lists">{c.geneLists}</h2>
        {info.geneLists.length === 0 ? (
          <p>{c.noneFound}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{c.cancerType}</th>
                <th scope="col">{c.status}</th>
                <th scope="col">{c.variantTypes}</th>
                <th scope="col">{c.drugs}</th>
              </tr>
            </thead>
            <tbody>
              {info.geneLists.map((l) => (
                <tr key={`${l.code}-${l.version}`}>
                  <th scope="row">
                    <Link href={`/catalogue/cancer-types/${encodeURIComponent(l.code)}`}>
                      {l.name} ({l.code})
                    </Link>
                  </th>
                  <td>
                    <GeneListStatusBadge status={l.status} />
                  </td>
                  <td>{variantTypes(l.variant_types)}</td>
                  <td>{l.drugs.join(', ') || '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </article>
  );
}
