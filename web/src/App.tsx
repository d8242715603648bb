import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { ApiError, api, type Session, setCsrfToken } from './api.ts';
import { LanguageSwitch, useI18n } from './i18n.tsx';
import { ContextSwitch } from './pages/ContextSwitch.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { LAB_ROLES } from './pages/orders/types.ts';
import { PlannedPage } from './pages/PlannedPage.tsx';
import { Link, navigate, usePath, useSearchParams, withQuery } from './router.tsx';

// Each area of the app is its own chunk, loaded when first opened: the sign-in page and the
// overview do not wait for the interpretation and reporting screens.
const AuditPage = lazy(() => import('./pages/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
const CataloguePage = lazy(() =>
  import('./pages/catalogue/CataloguePage.tsx').then((m) => ({ default: m.CataloguePage })),
);
const SequencingPage = lazy(() =>
  import('./pages/genomics/SequencingPage.tsx').then((m) => ({ default: m.SequencingPage })),
);
const CasePage = lazy(() =>
  import('./pages/interpretation/CasePage.tsx').then((m) => ({ default: m.CasePage })),
);
const InterpretationPage = lazy(() =>
  import('./pages/interpretation/InterpretationPage.tsx').then((m) => ({ default: m.InterpretationPage })),
);
const VariantPage = lazy(() =>
  import('./pages/interpretation/VariantPage.tsx').then((m) => ({ default: m.VariantPage })),
);
const OrdersPage = lazy(() =>
  import('./pages/orders/OrdersPage.tsx').then((m) => ({ default: m.OrdersPage })),
);
const PatientsPage = lazy(() =>
  import('./pages/PatientsPage.tsx').then((m) => ({ default: m.PatientsPage })),
);
const ReportingPage = lazy(() =>
  import('./pages/reporting/ReportingPage.tsx').then((m) => ({ default: m.ReportingPage })),
);
const ReportPage = lazy(() =>
  import('./pages/reporting/ReportPage.tsx').then((m) => ({ default: m.ReportPage })),
);

/** Every capability has its place in the navigation from the start; issue numbers point at the work. */
const CAPABILITIES: { key: string; path: string; issue?: number }[] = [
  { key: 'catalogue', path: '/catalogue', issue: 3 },
  { key: 'orders', path: '/orders', issue: 4 },
  { key: 'genomics', path: '/genomics', issue: 5 },
  { key: 'knowledge', path: '/knowledge', issue: 6 },
  { key: 'interpretation', path: '/interpretation', issue: 6 },
  { key: 'reporting', path: '/reporting', issue: 7 },
  { key: 'mdt', path: '/mdt' },
  { key: 'trials', path: '/trials' },
  { key: 'register', path: '/register' },
];

/** One specimen's sequencing: `/genomics/specimens/<uuid>`. */
const SPECIMEN_SEQUENCING =
  /^\/genomics\/specimens\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** One interpretation case, `/cases/<uuid>`, and one variant in the knowledge base, `/variants/<id>`. */
const INTERPRETATION_CASE = /^\/cases\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const KNOWLEDGE_VARIANT = /^\/variants\/(\d+)$/;
/** One report, `/reports/<uuid>` (its newest version) or `/reports/<uuid>/versions/<n>`. */
const REPORT =
  /^\/reports\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/versions\/(\d+))?$/i;

/** The catalogue is the public national entry point: it needs no session. */
const isCataloguePath = (path: string) => path === '/catalogue' || path.startsWith('/catalogue/');

export function App() {
  const { t } = useI18n();
  const path = usePath();
  const queryClient = useQueryClient();
  const session = useQuery({
    queryKey: ['session'],
    queryFn: async () => {
      try {
        const s = await api<Session>('GET', '/api/session');
        setCsrfToken(s.csrfToken);
        return s;
      } catch (error) {
        if (error instanceof ApiError && error.problem.status === 401) return null;
        throw error;
      }
    },
  });

  if (session.isPending) return <p className="loading">{t.loading}</p>;
  if (!session.data && isCataloguePath(path)) return <PublicShell path={path} />;
  if (!session.data)
    return <LoginPage onSignedIn={() => queryClient.invalidateQueries({ queryKey: ['session'] })} />;
  const s = session.data;

  const signOut = async () => {
    await api('POST', '/api/auth/logout');
    setCsrfToken(null);
    queryClient.clear();
    navigate('/');
    await queryClient.invalidateQueries({ queryKey: ['session'] });
  };

  const planned = CAPABILITIES.find((c) => path.startsWith(c.path));
  const specimenId = SPECIMEN_SEQUENCING.exec(path)?.[1];
  const caseId = INTERPRETATION_CASE.exec(path)?.[1];
  const variantId = KNOWLEDGE_VARIANT.exec(path)?.[1];
  const report = REPORT.exec(path);
  let page = <HomePage session={s} />;
  if (isCataloguePath(path)) page = <CataloguePage path={path} session={s} />;
  else if (path.startsWith('/patients')) page = <PatientsPage />;
  else if (path.startsWith('/audit')) page = <AuditPage />;
  else if (path === '/orders' || path.startsWith('/orders/')) page = <OrdersPage path={path} session={s} />;
  else if (specimenId) page = <SequencingPage key={specimenId} specimenId={specimenId} />;
  else if (path === '/interpretation' || path.startsWith('/interpretation/'))
    page = <InterpretationPage path={path} session={s} />;
  else if (caseId) page = <CasePage key={caseId} id={caseId} session={s} />;
  else if (variantId) page = <VariantPage key={variantId} id={Number(variantId)} session={s} />;
  else if (report?.[1])
    page = (
      <ReportPage key={report[1]} id={report[1]} version={report[2] ? Number(report[2]) : null} session={s} />
    );
  else if (path === '/reporting') page = <ReportingPage session={s} />;
  else if (planned) page = <PlannedPage title={t.nav[planned.key] ?? planned.key} issue={planned.issue} />;

  const navItems = [
    { key: 'home', path: '/' },
    { key: 'patients', path: '/patients' },
    // Interpretation is the lab's work: the navigation offers it to lab roles only.
    ...CAPABILITIES.filter((c) => c.key !== 'interpretation' || LAB_ROLES.includes(s.role ?? '')),
    { key: 'audit', path: '/audit' },
  ];

  return (
    <div className="shell">
      <a className="skip" href="#main">
        {t.skipToContent}
      </a>
      <header className="topbar">
        <div className="brand">
          <strong>genvei</strong> <span>{t.appTagline}</span>
        </div>
        <ContextSwitch session={s} />
        <LanguageSwitch />
        <div className="user">
          <span data-testid="user-name">{s.user.displayName}</span>
          <button type="button" onClick={signOut}>
            {t.signOut}
          </button>
        </div>
      </header>
      <nav aria-label="genvei" className="sidenav">
        <ul>
          {navItems.map((item) => (
            <li key={item.key}>
              <Link
                href={item.path}
                aria-current={
                  (item.path === '/' ? path === '/' : path.startsWith(item.path)) ? 'page' : undefined
                }
              >
                {t.nav[item.key]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="loading">{t.loading}</p>}>{page}</Suspense>
      </main>
    </div>
  );
}

/** The catalogue for someone not signed in: a slim header, and a way to sign in that comes back here. */
function PublicShell({ path }: { path: string }) {
  const { t } = useI18n();
  const search = useSearchParams().toString();
  return (
    <div className="public">
      <a className="skip" href="#main">
        {t.skipToContent}
      </a>
      <header className="topbar">
        <div className="brand">
          <Link href="/catalogue">
            <strong>genvei</strong>
          </Link>{' '}
          <span>{t.catalogue.publicHeader}</span>
        </div>
        <LanguageSwitch />
        <div className="user">
          <Link
            className="button secondary"
            href={withQuery('/login', { next: search ? `${path}?${search}` : path })}
          >
            {t.signIn}
          </Link>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="loading">{t.loading}</p>}>
          <CataloguePage path={path} session={null} />
        </Suspense>
      </main>
    </div>
  );
}
