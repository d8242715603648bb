import { useInterpretationText } from './common.tsx';
import type { VariantKnowledge } from './types.ts';

/** ClinVar and CIViC as imported: their words, in English, as they published them. */
export function KnowledgeSources({
  clinvar,
  civic,
}: {
  clinvar: VariantKnowledge['clinvar'];
  civic: VariantKnowledge['civic'];
}) {
  const { i } = useInterpretationText();
  const v = i.variant;
  const cv = v.clinvarColumns;
  const ci = v.civicColumns;
  return (
    <>
      <section aria-labelledby="clinvar-title">
        <h2 id="clinvar-title">{v.clinvar}</h2>
        {clinvar.length === 0 ? (
          <p>{v.clinvarEmpty}</p>
        ) : (
          <table data-testid="clinvar">
            <thead>
              <tr>
                <th scope="col">{cv.id}</th>
                <th scope="col">{cv.significance}</th>
                <th scope="col">{cv.review}</th>
                <th scope="col" className="number">
                  {cv.stars}
                </th>
                <th scope="col">{cv.conditions}</th>
                <th scope="col">{cv.release}</th>
              </tr>
            </thead>
            <tbody lang="en">
              {clinvar.map((record) => (
                <tr key={`${record.release}-${record.variation_id}`}>
                  <th scope="row">
                    <a
                      href={`https://www.ncbi.nlm.nih.gov/clinvar/variation/${record.variation_id}/`}
                      rel="noreferrer"
                      target="_blank"
                    >
                      {record.variation_id}
                    </a>
                  </th>
                  <td>{record.significance.join(', ')}</td>
                  <td>{record.review_status ?? '–'}</td>
                  <td className="number">{record.stars}</td>
                  <td>{record.conditions.join('; ')}</td>
                  <td>{record.release}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="civic-title">
        <h2 id="civic-title">{v.civic}</h2>
        {civic.length === 0 ? (
          <p>{v.civicEmpty}</p>
        ) : (
          <table data-testid="civic">
            <thead>
              <tr>
                <th scope="col">{ci.id}</th>
                <th scope="col">{ci.level}</th>
                <th scope="col">{ci.type}</th>
                <th scope="col">{ci.disease}</th>
                <th scope="col">{ci.therapies}</th>
                <th scope="col">{ci.significance}</th>
                <th scope="col">{ci.statement}</th>
                <th scope="col">{ci.citation}</th>
              </tr>
            </thead>
            <tbody lang="en">
              {civic.map((item) => (
                <tr key={`${item.kind}-${item.evidence_id}`}>
                  <th scope="row">
                    {item.kind === 'assertion' ? 'AID' : 'EID'}
                    {item.evidence_id}
                  </th>
                  <td>
                    {item.level ?? '–'}
                    {item.amp_tier && ` (${item.amp_tier}${item.amp_level ?? ''})`}
                  </td>
                  <td>
                    {item.evidence_type ?? '–'}
                    {item.direction && `, ${item.direction}`}
                  </td>
                  <td>{item.disease ?? '–'}</td>
                  <td>{item.therapies.join(', ') || '–'}</td>
                  <td>{item.significance ?? '–'}</td>
                  <td className="prose">{item.statement ?? ''}</td>
                  <td>
                    {item.pubmed_id ? (
                      <a
                        href={`https://pubmed.ncbi.nlm.nih.gov/${item.pubmed_id}/`}
                        rel="noreferrer"
                        target="_blank"
                      >
                        {item.citation ?? `PMID ${item.pubmed_id}`}
                      </a>
                    ) : (
                      (item.citation ?? '–')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
