import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { api, type Session } from '../../api.ts';
import { Link, useSearchParams } from '../../router.tsx';
import { Loaded, useCatalogue } from '../catalogue/common.tsx';
import type { AnalysisDetail } from '../catalogue/types.ts';
import { sequencingPath } from '../genomics/types.ts';
import { OrderCaseButton } from '../interpretation/OrderCaseButton.tsx';
import { OrderReports } from '../reporting/OrderReports.tsx';
import { StatusBadge, UrgentBadge, useOrdersText } from './common.tsx';
import {
  CancelOrder,
  DeriveFromSpecimen,
  LabActions,
  ReceiveSpecimen,
  useOrderChange,
} from './OrderActions.tsx';
import {
  isOpen,
  LAB_ROLES,
  type Order,
  REQUESTING_ROLES,
  type Specimen,
  type TimelineEvent,
} from './types.ts';

const CLOSED = ['reported', 'cancelled', 'rejected'];

/**
 * One order at /orders/:id: the requisition, its specimens with their chain of custody, and the
 * timeline. Lab staff get the lab's actions and the requesting side may cancel; the server decides
 * whether the trust may, and its refusal is shown as it says.
 */
export function OrderPage({ id, session }: { id: string; session: Session }) {
  const { o } = useOrdersText();
  const params = useSearchParams();
  const [notice, setNotice] = useState<string | null>(params.get('placed') ? o.placedNotice : null);
  const order = useQuery({
    queryKey: ['orders', 'order', id],
    queryFn: () => api<Order>('GET', `/api/orders/${id}`),
  });
  return (
    <Loaded query={order}>
      {(data) => <OrderView order={data} session={session} notice={notice} setNotice={setNotice} />}
    </Loaded>
  );
}

function OrderView({
  order,
  session,
  notice,
  setNotice,
}: {
  order: Order;
  session: Session;
  notice: string | null;
  setNotice(notice: string): void;
}) {
  const { o, format } = useOrdersText();
  const change = useOrderChange(order.id, setNotice);
  const analysis = useCatalogue<AnalysisDetail>(
    `/api/catalogue/analyses/${encodeURIComponent(order.analysis.slug)}`,
  );
  const role = session.role ?? '';
  const lab = LAB_ROLES.includes(role) && !CLOSED.includes(order.status);
  const requesting = REQUESTING_ROLES.includes(role) && isOpen(order.status);
  const primaries = order.specimens.filter((s) => s.parentId === null);

  return (
    <article aria-labelledby="order-title" className="order">
      <header className="order-header">
        <h1 id="order-title">{format(o.orderTitle, { orderNumber: order.orderNumber })}</h1>
        <StatusBadge status={order.status} />
        {order.priority === 'urgent' && <UrgentBadge />}
        <a
          className="button secondary"
          href={`/api/orders/${order.id}/fhir`}
          download={`${order.orderNumber}.fhir.json`}
        >
          {o.downloadFhir}
        </a>
      </header>
      <p role="status" className="ok" data-testid="order-notice">
        {notice}
      </p>

      <RequisitionSummary order={order} />

      <section aria-labelledby="specimens-title">
        <h2 id="specimens-title">{o.specimens}</h2>
        {primaries.map((specimen, index) => (
          <SpecimenCard
            key={specimen.id}
            specimen={specimen}
            n={index + 1}
            derived={order.specimens.filter((s) => s.parentId === specimen.id)}
            minTumourCellPercent={analysis.data?.min_tumour_cell_percent ?? null}
          >
            {lab && !specimen.receivedAt && (
              <ReceiveSpecimen specimen={specimen} n={index + 1} change={change} />
            )}
            {lab && specimen.receivedAt && (
              <DeriveFromSpecimen specimen={specimen} n={index + 1} change={change} />
            )}
          </SpecimenCard>
        ))}
      </section>

      <Timeline events={order.timeline} />

      <OrderReports order={order} session={session} />
      <OrderCaseButton order={order} session={session} />
      {lab && <LabActions order={order} change={change} />}
      {requesting && <CancelOrder change={change} />}
    </article>
  );
}

function RequisitionSummary({ order }: { order: Order }) {
  const { o, date, dateTime } = useOrdersText();
  const { patient, clinical } = order;
  const diagnosis = [clinical.diagnosis.oncotree, clinical.diagnosis.icd10, clinical.diagnosis.text]
    .filter(Boolean)
    .join(' · ');
  return (
    <section aria-labelledby="summary-title">
      <h2 id="summary-title">{o.summary}</h2>
      <dl className="facts" data-testid="order-summary">
        <dt>{o.patient}</dt>
        <dd>
          {patient.givenName} {patient.familyName} ({patient.nationalId}), {o.birthDate.toLowerCase()}{' '}
          {date(patient.birthDate)}, {(o.sexes[patient.sex] ?? patient.sex).toLowerCase()}
        </dd>
        <dt>{o.analysis}</dt>
        <dd>
          <Link href={`/catalogue/analyses/${encodeURIComponent(order.analysis.slug)}`}>
            {order.analysis.name}
          </Link>
        </dd>
        <dt>{o.performingLab}</dt>
        <dd>{order.performingLab.name}</dd>
        <dt>{o.requester}</dt>
        <dd>
          {order.requester.name}
          {order.requester.hprNumber && ` (HPR ${order.requester.hprNumber})`}, {order.requester.organisation}
        </dd>
        <dt>{o.orderedAt}</dt>
        <dd>{dateTime(order.orderedAt)}</dd>
        <dt>{o.priority}</dt>
        <dd>{o.priorities[order.priority]}</dd>
        <dt>{o.diagnosis}</dt>
        <dd>{diagnosis}</dd>
        <dt>{o.question}</dt>
        <dd className="prose">{clinical.question}</dd>
        {clinical.treatmentLines.length > 0 && (
          <>
            <dt>{o.treatmentLines}</dt>
            <dd>
              <ul className="plain">
                {clinical.treatmentLines.map((line) => (
                  <li key={`${line.line}-${line.regimen}-${line.start}`}>
                    {o.line} {line.line}: {line.regimen}, {date(line.start)}–{line.end ? date(line.end) : ''}{' '}
                    ({o.responses[line.response] ?? line.response})
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {clinical.metastaticSites.length > 0 && (
          <>
            <dt>{o.metastaticSites}</dt>
            <dd>{clinical.metastaticSites.join(', ')}</dd>
          </>
        )}
        {clinical.earlierMolecularResults && (
          <>
            <dt>{o.earlierResults}</dt>
            <dd className="prose">{clinical.earlierMolecularResults}</dd>
          </>
        )}
        {order.copyRecipients.length > 0 && (
          <>
            <dt>{o.copyRecipients}</dt>
            <dd>
              {order.copyRecipients
                .map((r) => (r.hprNumber ? `${r.name} (HPR ${r.hprNumber})` : r.name))
                .join(', ')}
            </dd>
          </>
        )}
        <dt>{o.legalBasis}</dt>
        <dd>{o.legalBases[order.legalBasis] ?? order.legalBasis}</dd>
        <dt>{o.consent}</dt>
        <dd>{order.researchConsent ? o.yes : o.no}</dd>
        {order.duplicateOverrideReason && (
          <>
            <dt>{o.duplicateOverride}</dt>
            <dd data-testid="duplicate-override">{order.duplicateOverrideReason}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

function SpecimenCard({
  specimen,
  n,
  derived,
  minTumourCellPercent,
  children,
}: {
  specimen: Specimen;
  n: number;
  derived: Specimen[];
  minTumourCellPercent: number | null;
  children: ReactNode;
}) {
  const { o, format, date, dateTime } = useOrdersText();
  const kind = (s: Specimen) => o.specimenKinds[s.kind] ?? s.kind;
  const low =
    minTumourCellPercent !== null &&
    specimen.tumourCellPercent !== null &&
    specimen.tumourCellPercent < minTumourCellPercent;
  const titleId = `specimen-${specimen.id}`;
  // The parent's events and its extracts' own, in the order they happened.
  const custody = [specimen, ...derived]
    .flatMap((s) => s.custody.map((event) => ({ ...event, specimen: s })))
    .sort((a, b) => a.at.localeCompare(b.at));
  return (
    <section aria-labelledby={titleId} className="specimen" data-testid="specimen-card">
      <h3 id={titleId}>
        {format(o.specimenTitle, { n })}: {kind(specimen)}
        {specimen.blockId && ` ${specimen.blockId}`}
      </h3>
      <dl className="facts">
        <dt>{o.collectionDate}</dt>
        <dd>{date(specimen.collectionDate)}</dd>
        <dt>{o.site}</dt>
        <dd>{specimen.site}</dd>
        <dt>{o.tumourCellPercent}</dt>
        <dd>
          {specimen.tumourCellPercent ?? '–'}
          {low && (
            <span className="warning-text">
              {' '}
              ({format(o.belowMinimum, { n: minTumourCellPercent ?? '' })})
            </span>
          )}
        </dd>
        <dt>{o.accessionId}</dt>
        <dd data-testid="accession">{specimen.accessionId ?? '–'}</dd>
        <dt>{o.storageLocation}</dt>
        <dd>{specimen.storageLocation ?? '–'}</dd>
        <dt>{o.received}</dt>
        <dd>{specimen.receivedAt ? dateTime(specimen.receivedAt) : o.notReceived}</dd>
        <dt>{o.sequencing}</dt>
        <dd>
          <Link href={sequencingPath(specimen.id)} data-testid="sequencing-link">
            {format(o.sequencingOfSpecimen, { n })}
          </Link>
        </dd>
      </dl>
      {derived.length > 0 && (
        <table data-testid="extracts">
          <caption>{o.extracts}</caption>
          <thead>
            <tr>
              <th scope="col">{o.deriveKind}</th>
              <th scope="col">{o.accessionId}</th>
              <th scope="col">{o.quantityNg}</th>
              <th scope="col">{o.storageLocation}</th>
              <th scope="col">{o.registered}</th>
              <th scope="col">{o.sequencing}</th>
            </tr>
          </thead>
          <tbody>
            {derived.map((d) => (
              <tr key={d.id}>
                <td>{kind(d)}</td>
                <th scope="row">{d.accessionId}</th>
                <td>{d.quantityNg ?? '–'}</td>
                <td>{d.storageLocation}</td>
                <td>{dateTime(d.receivedAt)}</td>
                <td>
                  <Link href={sequencingPath(d.id)}>
                    {format(o.sequencingOf, { accession: d.accessionId ?? kind(d) })}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <table data-testid="custody">
        <caption>{o.custody}</caption>
        <thead>
          <tr>
            <th scope="col">{o.when}</th>
            <th scope="col">{o.event}</th>
            <th scope="col">{o.specimenCol}</th>
            <th scope="col">{o.place}</th>
            <th scope="col">{o.note}</th>
            <th scope="col">{o.doneBy}</th>
          </tr>
        </thead>
        <tbody>
          {custody.map((event) => (
            <tr key={`${event.specimen.id}-${event.at}-${event.action}`}>
              <td>{dateTime(event.at)}</td>
              <td>{o.custodyActions[event.action] ?? event.action}</td>
              <td>
                {event.specimen === specimen
                  ? kind(specimen)
                  : `${kind(event.specimen)} ${event.specimen.accessionId}`}
              </td>
              <td>{event.location ?? ''}</td>
              <td>{event.note ? noteText(event.note, o.specimenKinds) : ''}</td>
              <td>{event.by ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {children}
    </section>
  );
}

/** The server notes an extraction as `dna FV-1-D1`; the reader gets the kind in words. */
function noteText(note: string, kinds: Record<string, string>) {
  const [kind, ...rest] = note.split(' ');
  return kind && kinds[kind] && rest.length > 0 ? `${kinds[kind]} ${rest.join(' ')}` : note;
}

function Timeline({ events }: { events: TimelineEvent[] }) {
  const { o, format, dateTime, status } = useOrdersText();
  const text = (e: TimelineEvent) =>
    format(o.events[e.kind] ?? e.kind, {
      lab: e.to_lab ?? '',
      from: e.kind === 'forwarded' ? (e.from_lab ?? '') : status(e.from_status ?? ''),
      to: e.kind === 'forwarded' ? (e.to_lab ?? '') : status(e.to_status ?? ''),
    });
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{o.timeline}</h2>
      <ol className="timeline" data-testid="timeline">
        {events.map((e) => (
          <li key={`${e.at}-${e.kind}`}>
            <time dateTime={e.at}>{dateTime(e.at)}</time> <strong>{text(e)}</strong>
            {e.by && <span className="muted"> {format(o.by, { name: e.by })}</span>}
            {e.reason && (
              <span className="reason">
                {' '}
                {format(o.eventReason, { reason: o.serverReasons[e.reason] ?? e.reason })}
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
