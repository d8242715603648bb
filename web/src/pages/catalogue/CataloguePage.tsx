import type { Session } from '../../api.ts';
import { SubNav } from '../SubNav.tsx';
import { AnalysisPage } from './AnalysisPage.tsx';
import { CancerTypePage, CancerTypesPage } from './CancerTypePages.tsx';
import { CoveragePage } from './CoveragePage.tsx';
import { useCatalogueText } from './common.tsx';
import { GenePage } from './GenePage.tsx';
import { LabsPage } from './LabsPage.tsx';
import { PanelPage } from './PanelPage.tsx';
import { PanelsPage } from './PanelsPage.tsx';
import { SearchPage } from './SearchPage.tsx';

const SECTIONS = [
  { key: 'search', path: '/catalogue' },
  { key: 'cancerTypes', path: '/catalogue/cancer-types' },
  { key: 'panels', path: '/catalogue/panels' },
  { key: 'labs', path: '/catalogue/labs' },
];

/**
 * The national analysis catalogue at stable URLs a report can cite. Open to everyone; a signed-in
 * session only adds editing where the server allows it.
 */
export function CataloguePage({ path, session }: { path: string; session: Session | null }) {
  const { c } = useCatalogueText();
  const [, , section, key] = path.split('/').map((part) => decodeURIComponent(part));

  let page = <p>{c.pageNotFound}</p>;
  if (!section) page = <SearchPage />;
  else if (section === 'labs' && !key) page = <LabsPage />;
  else if (section === 'panels' && !key) page = <PanelsPage />;
  else if (section === 'cancer-types' && !key) page = <CancerTypesPage />;
  else if (section === 'analyses' && key) page = <AnalysisPage key={key} slug={key} session={session} />;
  else if (section === 'panels' && key) page = <PanelPage key={key} slug={key} session={session} />;
  else if (section === 'genes' && key) page = <GenePage key={key} symbol={key} />;
  else if (section === 'cancer-types' && key) page = <CancerTypePage key={key} code={key} />;
  else if (section === 'coverage' && key) page = <CoveragePage key={key} code={key} />;

  const current = SECTIONS.find((s) => s.path === (section ? `/catalogue/${section}` : '/catalogue'));
  return (
    <div className="catalogue">
      {/* A panel's or a cancer type's own page is under its section, not the section's page. */}
      <SubNav
        label={c.sectionsLabel}
        sections={SECTIONS}
        names={c.sections}
        current={key ? undefined : current}
      />
      {page}
    </div>
  );
}
