import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { DB, OrderStatus, SpecimenKind } from '../../platform/db/schema.ts';

type Db = Kysely<DB>;

export async function nextOrderNumber(db: Db): Promise<string> {
  const { rows } = await sql<{ n: number }>`select nextval('order_number_seq')::int as n`.execute(db);
  return `GV-${new Date().getUTCFullYear()}-${String(rows[0]?.n).padStart(6, '0')}`;
}

export function findOrder(db: Db, id: string) {
  return db.selectFrom('clinical_order').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The facts the access policy needs about an order: whose patient, and which trust performs it. */
export function orderAccessFacts(db: Db, id: string) {
  return db
    .selectFrom('clinical_order')
    .select(['patient_id', sql<string>`organisation_trust(performing_lab_id)`.as('performing_trust_id')])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertEvent(
  db: Db,
  event: {
    orderId: string;
    kind: 'created' | 'status' | 'forwarded' | 'rejected' | 'cancelled';
    fromStatus?: string | null;
    toStatus?: string | null;
    fromLabId?: string | null;
    toLabId?: string | null;
    reason?: string | null;
    userId: string;
  },
) {
  return db
    .insertInto('order_event')
    .values({
      id: randomUUID(),
      order_id: event.orderId,
      kind: event.kind,
      from_status: event.fromStatus ?? null,
      to_status: event.toStatus ?? null,
      from_lab_id: event.fromLabId ?? null,
      to_lab_id: event.toLabId ?? null,
      reason: event.reason ?? null,
      user_id: event.userId,
    })
    .execute();
}

export function setStatus(db: Db, id: string, status: OrderStatus) {
  return db
    .updateTable('clinical_order')
    .set({ status, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function insertSpecimen(
  db: Db,
  values: {
    orderId: string;
    parentId: string | null;
    kind: SpecimenKind;
    blockId?: string | null;
    collectionDate?: string | null;
    site?: string | null;
    tumourCellPercent?: number | null;
    accessionId?: string | null;
    quantityNg?: number | null;
    storageLocation?: string | null;
    receivedAt?: Date | null;
  },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('specimen')
    .values({
      id,
      order_id: values.orderId,
      parent_id: values.parentId,
      kind: values.kind,
      block_id: values.blockId ?? null,
      collection_date: values.collectionDate ?? null,
      site: values.site ?? null,
      tumour_cell_percent: values.tumourCellPercent ?? null,
      accession_id: values.accessionId ?? null,
      quantity_ng:
        values.quantityNg === undefined || values.quantityNg === null ? null : String(values.quantityNg),
      storage_location: values.storageLocation ?? null,
      received_at: values.receivedAt ?? null,
    })
    .execute();
  return id;
}

export function insertCustody(
  db: Db,
  event: {
    specimenId: string;
    action: 'collected' | 'received' | 'extracted' | 'aliquoted' | 'stored';
    location?: string | null;
    note?: string | null;
    userId: string;
  },
) {
  return db
    .insertInto('custody_event')
    .values({
      id: randomUUID(),
      specimen_id: event.specimenId,
      action: event.action,
      location: event.location ?? null,
      note: event.note ?? null,
      user_id: event.userId,
    })
    .execute();
}

/**
 * An order with what every view of it names: patient, analysis, performing lab and requesting
 * organisation (each exactly one row, so the joins never multiply orders).
 */
export function ordersWithNames(db: Db) {
  return db
    .selectFrom('clinical_order as o')
    .innerJoin('patient as p', 'p.id', 'o.patient_id')
    .innerJoin('analysis as a', 'a.id', 'o.analysis_id')
    .innerJoin('organisation as lab', 'lab.id', 'o.performing_lab_id')
    .innerJoin('organisation as req', 'req.id', 'o.requesting_organisation_id');
}

/** A patient's earlier and in-flight orders across all trusts, with the genes each analysis tests. */
export async function patientOrders(db: Db, patientId: string) {
  const orders = await ordersWithNames(db)
    .select([
      'o.id',
      'o.order_number',
      'o.status',
      'o.created_at',
      'o.updated_at',
      'a.slug as analysis_slug',
      'a.name as analysis_name',
      'a.panel_version_id',
      'lab.name as lab_name',
      'req.name as requested_by',
    ])
    .where('o.patient_id', '=', patientId)
    .orderBy('o.created_at', 'desc')
    .execute();
  const versions = [
    '00000000-0000-0000-0000-000000000000',
    ...orders.flatMap((o) => (o.panel_version_id ? [o.panel_version_id] : [])),
  ];
  const entries = await db
    .selectFrom('gene_panel_entry')
    .select(['version_id', 'hgnc_id'])
    .where('version_id', 'in', versions)
    .execute();
  return orders.map((o) => ({
    ...o,
    genes: entries.filter((e) => e.version_id === o.panel_version_id).map((e) => e.hgnc_id),
  }));
}
