import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { badRequest, conflict, notFound } from '../../platform/http/problems.ts';
import * as store from './store.ts';

type Db = Kysely<DB>;

async function specimenOf(db: Db, orderId: string, specimenId: string) {
  const specimen = await db
    .selectFrom('specimen')
    .selectAll()
    .where('id', '=', specimenId)
    .where('order_id', '=', orderId)
    .executeTakeFirst();
  if (!specimen) throw notFound('the specimen on this order');
  return specimen;
}

async function accessionFree(db: Db, accessionId: string) {
  if (
    await db.selectFrom('specimen').select('id').where('accession_id', '=', accessionId).executeTakeFirst()
  ) {
    throw badRequest([
      { path: '/body/accessionId', rule: 'unique', message: `accession id ${accessionId} is already in use` },
    ]);
  }
}

/** The lab takes the specimen in: it gets the lab's accession id and a place in storage. */
export async function receiveSpecimen(
  db: Db,
  orderId: string,
  specimenId: string,
  input: { accessionId: string; storageLocation: string },
  userId: string,
) {
  const specimen = await specimenOf(db, orderId, specimenId);
  if (specimen.received_at)
    throw conflict(`the specimen was received on ${specimen.received_at.toISOString()}`);
  await accessionFree(db, input.accessionId);
  await db
    .updateTable('specimen')
    .set({
      accession_id: input.accessionId,
      storage_location: input.storageLocation,
      received_at: new Date(),
    })
    .where('id', '=', specimenId)
    .execute();
  await store.insertCustody(db, { specimenId, action: 'received', location: input.storageLocation, userId });
  const order = await store.findOrder(db, orderId);
  if (order?.status === 'ordered') {
    await store.setStatus(db, orderId, 'received');
    await store.insertEvent(db, {
      orderId,
      kind: 'status',
      fromStatus: 'ordered',
      toStatus: 'received',
      reason: 'specimen received',
      userId,
    });
  }
  return { id: specimenId, accessionId: input.accessionId };
}

/** An extract (DNA, RNA) or aliquot made from a received specimen, with its own accession id. */
export async function deriveSpecimen(
  db: Db,
  orderId: string,
  parentId: string,
  input: {
    kind: 'dna' | 'rna' | 'aliquot';
    accessionId: string;
    quantityNg: number | null;
    storageLocation: string;
  },
  userId: string,
) {
  const parent = await specimenOf(db, orderId, parentId);
  if (!parent.received_at) throw conflict('receive the specimen before making extracts from it');
  await accessionFree(db, input.accessionId);
  const id = await store.insertSpecimen(db, {
    orderId,
    parentId,
    kind: input.kind,
    accessionId: input.accessionId,
    quantityNg: input.quantityNg,
    storageLocation: input.storageLocation,
    receivedAt: new Date(),
  });
  await store.insertCustody(db, {
    specimenId: parentId,
    action: input.kind === 'aliquot' ? 'aliquoted' : 'extracted',
    note: `${input.kind} ${input.accessionId}`,
    userId,
  });
  await store.insertCustody(db, {
    specimenId: id,
    action: 'stored',
    location: input.storageLocation,
    userId,
  });
  return { id, accessionId: input.accessionId };
}
