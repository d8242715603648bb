import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { notFound } from '../../platform/http/problems.ts';
import { ordersWithNames } from './store.ts';
import { NEXT_STATUSES } from './vocabulary.ts';

type Db = Kysely<DB>;

/** The order page: the requisition, its specimens with their chain of custody, and the timeline. */
export async function viewOrder(db: Db, orderId: string) {
  const order = await ordersWithNames(db)
    .innerJoin('app_user as u', 'u.id', 'o.requester_user_id')
    .select([
      'o.id',
      'o.order_number',
      'o.status',
      'o.priority',
      'o.clinical',
      'o.copy_recipients',
      'o.legal_basis',
      'o.research_consent',
      'o.duplicate_override_reason',
      'o.created_at',
      'o.updated_at',
      'o.requester_hpr',
      'o.performing_lab_id',
      'p.id as patient_id',
      'p.national_id',
      'p.given_name',
      'p.family_name',
      'p.birth_date',
      'p.sex',
      'a.slug as analysis_slug',
      'a.name as analysis_name',
      'lab.name as lab_name',
      'req.name as requesting_organisation',
      'u.display_name as requester_name',
    ])
    .where('o.id', '=', orderId)
    .executeTakeFirst();
  if (!order) throw notFound('the order');
  const specimens = await db
    .selectFrom('specimen')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('created_at')
    .execute();
  const custody = await db
    .selectFrom('custody_event as c')
    .leftJoin('app_user as u', 'u.id', 'c.user_id')
    .select(['c.specimen_id', 'c.at', 'c.action', 'c.location', 'c.note', 'u.display_name as by'])
    .where('c.specimen_id', 'in', ['00000000-0000-0000-0000-000000000000', ...specimens.map((s) => s.id)])
    .orderBy('c.at')
    .execute();
  const timeline = await db
    .selectFrom('order_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.user_id')
    .leftJoin('organisation as f', 'f.id', 'e.from_lab_id')
    .leftJoin('organisation as t', 't.id', 'e.to_lab_id')
    .select([
      'e.at',
      'e.kind',
      'e.from_status',
      'e.to_status',
      'f.name as from_lab',
      't.name as to_lab',
      'e.reason',
      'u.display_name as by',
    ])
    .where('e.order_id', '=', orderId)
    .orderBy('e.at')
    .execute();
  return {
    id: order.id,
    orderNumber: order.order_number,
    status: order.status,
    nextStatuses: NEXT_STATUSES[order.status],
    priority: order.priority,
    patient: {
      id: order.patient_id,
      nationalId: order.national_id,
      givenName: order.given_name,
      familyName: order.family_name,
      birthDate: order.birth_date,
      sex: order.sex,
    },
    requester: {
      name: order.requester_name,
      hprNumber: order.requester_hpr,
      organisation: order.requesting_organisation,
    },
    analysis: { slug: order.analysis_slug, name: order.analysis_name },
    performingLab: { id: order.performing_lab_id, name: order.lab_name },
    clinical: order.clinical,
    copyRecipients: order.copy_recipients,
    legalBasis: order.legal_basis,
    researchConsent: order.research_consent,
    duplicateOverrideReason: order.duplicate_override_reason,
    orderedAt: order.created_at.toISOString(),
    updatedAt: order.updated_at.toISOString(),
    specimens: specimens.map((s) => ({
      id: s.id,
      parentId: s.parent_id,
      kind: s.kind,
      blockId: s.block_id,
      collectionDate: s.collection_date,
      site: s.site,
      tumourCellPercent: s.tumour_cell_percent,
      accessionId: s.accession_id,
      quantityNg: s.quantity_ng === null ? null : Number(s.quantity_ng),
      storageLocation: s.storage_location,
      receivedAt: s.received_at?.toISOString() ?? null,
      custody: custody
        .filter((c) => c.specimen_id === s.id)
        .map(({ specimen_id: _s, at, ...c }) => ({ ...c, at: at.toISOString() })),
    })),
    timeline: timeline.map(({ at, ...e }) => ({ ...e, at: at.toISOString() })),
  };
}

/** The orders a requester placed, newest first: where each one is now. */
export async function ordersPlacedBy(db: Db, userId: string) {
  const rows = await ordersWithNames(db)
    .select([
      'o.id',
      'o.order_number',
      'o.status',
      'o.priority',
      'o.created_at',
      'o.updated_at',
      'o.patient_id',
      'p.given_name',
      'p.family_name',
      'a.name as analysis_name',
      'lab.name as lab_name',
    ])
    .where('o.requester_user_id', '=', userId)
    .orderBy('o.created_at', 'desc')
    .limit(500)
    .execute();
  return rows.map((o) => ({
    id: o.id,
    orderNumber: o.order_number,
    status: o.status,
    priority: o.priority,
    orderedAt: o.created_at.toISOString(),
    updatedAt: o.updated_at.toISOString(),
    patientId: o.patient_id,
    patientName: `${o.given_name} ${o.family_name}`,
    analysis: o.analysis_name,
    lab: o.lab_name,
  }));
}

/** A lab's work-list, with counts per status for the filters. */
export async function worklist(db: Db, labId: string, status: string | undefined) {
  let q = ordersWithNames(db)
    .select([
      'o.id',
      'o.order_number',
      'o.status',
      'o.priority',
      'o.created_at',
      'o.patient_id',
      'p.given_name',
      'p.family_name',
      'a.name as analysis_name',
      'req.name as requested_by',
    ])
    .where('o.performing_lab_id', '=', labId);
  if (status) q = q.where('o.status', '=', status as 'ordered');
  const orders = await q.orderBy('o.priority', 'desc').orderBy('o.created_at').limit(500).execute();
  const counts = await db
    .selectFrom('clinical_order')
    .select(['status', sql<number>`count(*)::int`.as('n')])
    .where('performing_lab_id', '=', labId)
    .groupBy('status')
    .execute();
  return {
    counts: Object.fromEntries(counts.map((c) => [c.status, c.n])),
    orders: orders.map((o) => ({
      id: o.id,
      orderNumber: o.order_number,
      status: o.status,
      priority: o.priority,
      orderedAt: o.created_at.toISOString(),
      patientId: o.patient_id,
      patientName: `${o.given_name} ${o.family_name}`,
      analysis: o.analysis_name,
      requestedBy: o.requested_by,
    })),
  };
}

/** Days from ordered to reported for a lab's reported orders: median and 90th percentile. */
export async function turnaround(db: Db, labId: string) {
  const rows = await db
    .selectFrom('clinical_order as o')
    .innerJoin('order_event as e', (join) =>
      join.onRef('e.order_id', '=', 'o.id').on('e.to_status', '=', 'reported'),
    )
    .select([sql<number>`extract(epoch from (e.at - o.created_at)) / 86400.0`.as('days')])
    .where('o.performing_lab_id', '=', labId)
    .execute();
  const days = rows.map((r) => Number(r.days)).sort((a, b) => a - b);
  const at = (p: number) =>
    days.length === 0 ? null : (days[Math.min(days.length - 1, Math.ceil(p * days.length) - 1)] as number);
  return { labId, reported: days.length, medianDays: at(0.5), p90Days: at(0.9) };
}
