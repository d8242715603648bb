import { Link } from '../../router.tsx';
import { Loaded, SignOffBadge, useCatalogue, useCatalogueText } from './common.tsx';
import type { PanelSummary } from './types.ts';

export function PanelsPage() {
  const { c } = useCatalogueText();
  const query = useCatalogue<{ panels: PanelSummary[] }>('/api/catalogue/panels');
  return (
    <section>
      <h1>{c.panelsTitle}</h1>
      <p>{c.panelsIntro}</p>
      <Loaded query={query}>
        {({ panels }) => (
          <table data-testid="panels">
            <thead>
              <tr>
                <th scope="col">{c.panel}</th>
                <th scope="col">{c.lab}</th>
                <th scope="col">{c.purposeLabel}</th>
                <th scope="col">{c.latestVersion}</th>
                <th scope="col">{c.entries}</th>
              </tr>
            </thead>
            <tbody>
              {panels.map((p) => (
                <tr key={p.slug}>
                  <th scope="row">
                    <Link href={`/catalogue/panels/${encodeURIComponent(p.slug)}`}>{p.name}</Link>
                  </th>
                  <td>{p.lab?.name ?? '–'}</td>
                  <td>{c.panelPurpose[p.purpose] ?? p.purpose}</td>
                  <td>
                    {p.version} <SignOffBadge signedOff={p.signedOff} />
                  </td>
                  <td>{p.genes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </section>
  );
}
