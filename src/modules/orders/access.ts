import type { FastifyRequest } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AccessSpec } from '../access/guard.ts';
import type { Action, ResourceType } from '../access/policy.ts';
import { patientContext } from '../patients/service.ts';
import { orderAccessFacts } from './store.ts';

export type OrderOf = (request: FastifyRequest, db: Kysely<DB>) => Promise<string | undefined>;

/**
 * Everything that belongs to an order — its sequencing data, its case, its report — is judged by
 * the order: the patient it concerns and the trust performing it. `orderOf` finds the order from
 * the request (a specimen, a case, a report, a DRS id).
 */
export function accessThroughOrder(resource: ResourceType, action: Action, orderOf: OrderOf): AccessSpec {
  const facts = async (request: FastifyRequest, db: Kysely<DB>) => {
    const orderId = await orderOf(request, db);
    return orderId ? orderAccessFacts(db, orderId) : undefined;
  };
  return {
    resource,
    action,
    patient: async (request, db) => {
      const order = await facts(request, db);
      return order ? patientContext(db, order.patient_id) : undefined;
    },
    performingTrust: async (request, db) => (await facts(request, db))?.performing_trust_id,
  };
}

/** The health trust of the lab named in the path (`:labId`): what a lab's lists are judged by. */
export async function labTrustInPath(request: FastifyRequest, db: Kysely<DB>): Promise<string | undefined> {
  const { labId } = request.params as { labId: string };
  const { rows } = await sql<{
    trust: string | null;
  }>`select organisation_trust(${labId}::uuid) as trust`.execute(db);
  return rows[0]?.trust ?? undefined;
}
