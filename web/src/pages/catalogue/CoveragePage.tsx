import { Link } from '../../router.tsx';
import { Loaded, useCatalogue, useCatalogueText } from './common.tsx';
import type { Coverage, CoverageCell } from './types.ts';

const SYMBOL: Record<CoverageCell['coverage'], string> = {
  covered: '✓',
  'variant-type-not-detected': '!',
  'gene-not-in-panel': '✗',
};

/**
 * The coverage matrix for one cancer type: the labs' active analyses against the national list's
 * mandatory and recommended genes. Each cell says in words what the colour shows.
 */
export function CoveragePage({ code }: { code: string }) {
  const query = useCatalogue<Coverage>(`/api/catalogue/coverage/${encodeURIComponent(code)}`);
  return <Loaded query={query}>{(coverage) => <Matrix coverage={coverage} />}</Loaded>;
}

function Matrix({ coverage }: { coverage: Coverage }) {
  const { c, format, method, variantTypes } = useCatalogueText();
  const { cancerType, genes } = coverage;
  const labsFor = new Map(coverage.genesCoverage.map((g) => [g.hgncId, g.labsCovering]));
  const uncovered = coverage.genesCoverage.filter((g) => g.labsCovering.length === 0).map((g) => g.symbol);
  const cellText = (cell: CoverageCell) =>
    format(c.cells[cell.coverage] ?? cell.coverage, { types: variantTypes(cell.missingVariantTypes ?? []) });

  return (
    <article>
      <h1>{format(c.coverageTitle, { name: cancerType.name, code: cancerType.code })}</h1>
      <p>{format(c.coverageIntro, { version: coverage.geneListVersion })}</p>
      <p>
        <Link href={`/catalogue/cancer-types/${encodeURIComponent(cancerType.code)}`}>{c.geneList}</Link>
      </p>
      <Legend />
      <div className="table-scroll">
        <table className="coverage" data-testid="coverage-matrix">
          <caption>{format(c.coverageCaption, { name: cancerType.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{c.labAndAnalysis}</th>
              {genes.map((g) => (
                <th scope="col" key={g.hgncId} className={`gene ${g.status}`} data-gene={g.symbol}>
                  <Link href={`/catalogue/genes/${encodeURIComponent(g.symbol)}`}>{g.symbol}</Link>
                  {g.status === 'mandatory' && (
                    <span className="mark" title={c.mandatoryMark}>
                      <span aria-hidden="true">*</span>
                      <span className="sr-only">, {c.mandatoryMark}</span>
                    </span>
                  )}
                  {g.status !== 'mandatory' && <span className="sr-only">, {c.recommendedMark}</span>}
                  <span className="needs">{variantTypes(g.variantTypes)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {coverage.analyses.map((row) => (
              <tr key={row.analysis.id} data-analysis={row.analysis.id}>
                <th scope="row">
                  <span className="lab">{row.analysis.lab}</span>
                  <Link href={`/catalogue/analyses/${encodeURIComponent(row.analysis.id)}`}>
                    {row.analysis.name}
                  </Link>
                  <span className="muted"> · {method(row.analysis.method)}</span>
                </th>
                {row.cells.map((cell, index) => {
                  const gene = genes[index]?.symbol ?? cell.hgncId;
                  const text = cellText(cell);
                  return (
                    <td
                      key={cell.hgncId}
                      className={`cell ${cell.coverage}`}
                      data-gene={gene}
                      title={format(c.cellTitle, { gene, analysis: row.analysis.name, state: text })}
                    >
                      <span aria-hidden="true" className="symbol">
                        {SYMBOL[cell.coverage]}
                      </span>
                      {cell.coverage === 'variant-type-not-detected' ? (
                        <span className="missing">{text}</span>
                      ) : (
                        <span className="sr-only">{text}</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{c.labsCovering}</th>
              {genes.map((g) => {
                const labs = labsFor.get(g.hgncId) ?? [];
                return (
                  <td
                    key={g.hgncId}
                    className={`labs-count ${labs.length === 0 ? 'none' : ''}`}
                    data-gene={g.symbol}
                    title={format(c.labsCoveringTitle, { n: labs.length, labs: labs.join(', ') || '–' })}
                  >
                    {labs.length}
                  </td>
                );
              })}
            </tr>
          </tfoot>
        </table>
      </div>
      {uncovered.length > 0 && (
        <p className="error">{format(c.uncovered, { genes: uncovered.join(', ') })}</p>
      )}
    </article>
  );
}

function Legend() {
  const { c } = useCatalogueText();
  return (
    <section aria-labelledby="legend-title" className="legend">
      <h2 id="legend-title">{c.legend}</h2>
      <ul>
        <li>
          <span className="swatch cell covered" aria-hidden="true">
            {SYMBOL.covered}
          </span>
          {c.legendCovered}
        </li>
        <li>
          <span className="swatch cell variant-type-not-detected" aria-hidden="true">
            {SYMBOL['variant-type-not-detected']}
          </span>
          {c.legendVariantType}
        </li>
        <li>
          <span className="swatch cell gene-not-in-panel" aria-hidden="true">
            {SYMBOL['gene-not-in-panel']}
          </span>
          {c.legendNotInPanel}
        </li>
        <li>
          <span className="swatch mark" aria-hidden="true">
            *
          </span>
          {c.legendMandatory}
        </li>
      </ul>
    </section>
  );
}
