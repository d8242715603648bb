import { useQuery } from '@tanstack/react-query';
import { api, type Session } from '../../api.ts';
import { formatDate } from '../../dates.ts';
import { useI18n } from '../../i18n.tsx';
import { Link } from '../../router.tsx';
import { SubNav } from '../SubNav.tsx';
import { StatusBadge, UrgentBadge, useOrdersText } from './common.tsx';
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
      <SubNav label={o.sectionsLabel} sections={SECTIONS} names={o.sections} current={current} />
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
      <MyOrders />
    </section>
  );
}

type MyOrder = {
  id: string;
  orderNumber: string;
  status: string;
  priority: string;
  orderedAt: string;
  patientName: string;
  analysis: string;
  lab: string;
};

/** The requester's own orders and where each one is now: the way back to an order without its URL. */
function MyOrders() {
  const { o } = useOrdersText();
  const { lang } = useI18n();
  const mine = useQuery({
    queryKey: ['orders', 'mine'],
    queryFn: () => api<{ orders: MyOrder[] }>('GET', '/api/orders/mine'),
  });
  if (!mine.data) return null;
  const c = o.mineColumns;
  return (
    <section aria-labelledby="my-orders">
      <h2 id="my-orders">{o.mineTitle}</h2>
      {mine.data.orders.length === 0 ? (
        <p>{o.mineEmpty}</p>
      ) : (
        <table data-testid="my-orders">
          <thead>
            <tr>
              <th scope="col">{c.orderNumber}</th>
              <th scope="col">{c.patient}</th>
              <th scope="col">{c.analysis}</th>
              <th scope="col">{c.lab}</th>
              <th scope="col">{c.status}</th>
              <th scope="col">{c.orderedAt}</th>
            </tr>
          </thead>
          <tbody>
            {mine.data.orders.map((order) => (
              <tr key={order.id}>
                <td>
                  <Link href={`/orders/${order.id}`}>{order.orderNumber}</Link>{' '}
                  {order.priority === 'urgent' && <UrgentBadge />}
                </td>
                <td>{order.patientName}</td>
                <td>{order.analysis}</td>
                <td>{order.lab}</td>
                <td>
                  <StatusBadge status={order.status} />
                </td>
                <td>{formatDate(order.orderedAt, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
