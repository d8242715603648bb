import type { Session } from '../../api.ts';
import { Link } from '../../router.tsx';
import { useOrdersText } from './common.tsx';
import { OrderPage } from './OrderPage.tsx';
import { RequisitionPage } from './RequisitionPage.tsx';
import { TurnaroundPage } from './TurnaroundPage.tsx';
import { WorklistPage } from './WorklistPage.tsx';

const SECTIONS = [
  { key: 'home', path: '/orders' },
  { key: 'new', path: '/orders/new' },
  { key: 'worklist', path: '/orders/worklist' },
  { key: 'turnaround', path: '/orders/turnaround' },
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Requisitions: the form, the lab's work-list, one order's page, and turnaround per lab. */
export function OrdersPage({ path, session }: { path: string; session: Session }) {
  const { o } = useOrdersText();
  const [, , section, ...rest] = path.split('/').map((part) => decodeURIComponent(part));

  let page = <p>{o.pageNotFound}</p>;
  if (rest.length > 0) page = <p>{o.pageNotFound}</p>;
  else if (!section) page = <OrdersLanding />;
  else if (section === 'new') page = <RequisitionPage />;
  else if (section === 'worklist') page = <WorklistPage session={session} />;
  else if (section === 'turnaround') page = <TurnaroundPage />;
  else if (UUID.test(section)) page = <OrderPage key={section} id={section} session={session} />;

  const current = SECTIONS.find((s) => s.path === (section ? `/orders/${section}` : '/orders'));
  return (
    <div className="orders">
      <nav aria-label={o.sectionsLabel} className="subnav">
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.key}>
              <Link href={s.path} aria-current={s === current ? 'page' : undefined}>
                {o.sections[s.key]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {page}
    </div>
  );
}

function OrdersLanding() {
  const { o } = useOrdersText();
  const entries = [
    { key: 'new', path: '/orders/new', text: o.landingNew },
    { key: 'worklist', path: '/orders/worklist', text: o.landingWorklist },
    { key: 'turnaround', path: '/orders/turnaround', text: o.landingTurnaround },
  ];
  return (
    <section>
      <h1>{o.landingTitle}</h1>
      <p>{o.landingIntro}</p>
      <ul className="cards landing">
        {entries.map((entry) => (
          <li key={entry.key}>
            <article aria-labelledby={`landing-${entry.key}`}>
              <h2 id={`landing-${entry.key}`}>
                <Link href={entry.path}>{o.sections[entry.key]}</Link>
              </h2>
              <p>{entry.text}</p>
            </article>
          </li>
        ))}
      </ul>
    </section>
  );
}
