import type { AccessSpec } from '../access/guard.ts';
import type { Action } from '../access/policy.ts';
import { accessThroughOrder, type OrderOf } from '../orders/service.ts';

/** Sequencing data (and the progress of its ingest) is judged by the order it belongs to. */
export function sequencingDataAccess(
  action: Action,
  orderOf: OrderOf,
  resource: 'sequencing-data' | 'ingest-job' = 'sequencing-data',
): AccessSpec {
  return accessThroughOrder(resource, action, orderOf);
}
