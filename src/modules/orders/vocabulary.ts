/**
 * The orders' fixed vocabularies and the status rule, with no dependencies, so the server's schemas
 * and services and the web app's forms share one definition (the web app imports this file).
 */
export const SPECIMEN_KINDS = [
  'ffpe-block',
  'ffpe-slides',
  'fresh-frozen',
  'blood',
  'plasma',
  'bone-marrow',
  'cytology',
] as const;
export type SpecimenKind = (typeof SPECIMEN_KINDS)[number];

export const DERIVED_KINDS = ['dna', 'rna', 'aliquot'] as const;

export const ORDER_STATUSES = [
  'ordered',
  'received',
  'in-analysis',
  'in-interpretation',
  'reported',
  'cancelled',
  'rejected',
] as const;
export type OrderStatusName = (typeof ORDER_STATUSES)[number];

export const TREATMENT_RESPONSES = [
  'complete',
  'partial',
  'stable',
  'progressive',
  'not-evaluable',
  'unknown',
] as const;

/** Which catalogue material a specimen is, for checking it against what the analysis accepts. */
export const MATERIAL_OF: Record<SpecimenKind, string> = {
  'ffpe-block': 'ffpe',
  'ffpe-slides': 'ffpe',
  'fresh-frozen': 'fresh-frozen',
  blood: 'blood',
  plasma: 'plasma',
  'bone-marrow': 'bone-marrow',
  cytology: 'cytology',
};

/** Which status may follow which: the lab moves an order on or rejects it; the requester cancels. */
export const NEXT_STATUSES: Record<OrderStatusName, readonly OrderStatusName[]> = {
  ordered: ['received', 'rejected', 'cancelled'],
  received: ['in-analysis', 'rejected', 'cancelled'],
  'in-analysis': ['in-interpretation'],
  'in-interpretation': ['reported'],
  reported: [],
  cancelled: [],
  rejected: [],
};

/** The one step forward the lab takes next, if any. */
export const nextStep = (status: OrderStatusName): OrderStatusName | undefined =>
  NEXT_STATUSES[status].find((s) => s !== 'rejected' && s !== 'cancelled');
