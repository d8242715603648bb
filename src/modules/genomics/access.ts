import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AccessSpec } from '../access/guard.ts';
import type { Action } from '../access/policy.ts';
import { orderAccessFacts } from '../orders/service.ts';
import { patientContext } from '../patients/service.ts';

/**
 * Sequencing data is judged by the order it belongs to: the patient it concerns and the trust
 * performing it. `orderOf` finds that order from the request (a specimen, a DRS id, a job).
 */
export function sequencingDataAccess(
  action: Action,
  orderOf: (request: FastifyRequest, db: Kysely<DB>) => Promise<string | undefined>,
  resource: 'sequencing-data' | 'ingest-job' = 'sequencing-data',
): AccessSpec {
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
