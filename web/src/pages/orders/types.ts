/** The orders API as the pages read it (see src/modules/orders/routes.ts, model.ts and views.ts). */
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

/** Which catalogue material a specimen is, as the server checks it against the analysis. */
export const MATERIAL_OF: Record<SpecimenKind, string> = {
  'ffpe-block': 'ffpe',
  'ffpe-slides': 'ffpe',
  'fresh-frozen': 'fresh-frozen',
  blood: 'blood',
  plasma: 'plasma',
  'bone-marrow': 'bone-marrow',
  cytology: 'cytology',
};

export const DERIVED_KINDS = ['dna', 'rna', 'aliquot'] as const;
export type DerivedKind = (typeof DERIVED_KINDS)[number];

export const ORDER_STATUSES = [
  'ordered',
  'received',
  'in-analysis',
  'in-interpretation',
  'reported',
  'cancelled',
  'rejected',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The next step a lab moves an order on to; the server holds the same rule. */
export const NEXT_STATUS: Partial<Record<OrderStatus, OrderStatus>> = {
  ordered: 'received',
  received: 'in-analysis',
  'in-analysis': 'in-interpretation',
  'in-interpretation': 'reported',
};
/** While an order is still waiting at the lab it may be forwarded, rejected or cancelled. */
export const isOpen = (status: OrderStatus) => status === 'ordered' || status === 'received';

export const RESPONSES = [
  'complete',
  'partial',
  'stable',
  'progressive',
  'not-evaluable',
  'unknown',
] as const;
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;

/** Roles that process orders at the performing lab, and roles that order (and may cancel). */
export const LAB_ROLES = ['pathologist', 'lab-scientist', 'bioinformatician', 'medical-geneticist'];
export const REQUESTING_ROLES = ['requester', 'pathologist', 'medical-geneticist'];

export type HistoryEntry = {
  orderNumber: string;
  analysis: string;
  lab: string;
  requestedBy: string;
  status: OrderStatus;
  orderedAt: string;
};

export type OrderCheck = {
  knownPatient: boolean;
  history: HistoryEntry[];
  duplicates: Omit<HistoryEntry, 'requestedBy'>[];
};

export type PlacedOrder = { id: string; orderNumber: string; patientId: string; warnings: string[] };

export type CustodyEvent = {
  action: string;
  location: string | null;
  note: string | null;
  by: string | null;
  at: string;
};

export type Specimen = {
  id: string;
  parentId: string | null;
  kind: SpecimenKind | DerivedKind;
  blockId: string | null;
  collectionDate: string | null;
  site: string | null;
  tumourCellPercent: number | null;
  accessionId: string | null;
  quantityNg: number | null;
  storageLocation: string | null;
  receivedAt: string | null;
  custody: CustodyEvent[];
};

export type TimelineEvent = {
  kind: 'created' | 'status' | 'forwarded' | 'rejected' | 'cancelled' | string;
  from_status: OrderStatus | null;
  to_status: OrderStatus | null;
  from_lab: string | null;
  to_lab: string | null;
  reason: string | null;
  by: string | null;
  at: string;
};

export type TreatmentLine = {
  line: number;
  regimen: string;
  start: string;
  end: string | null;
  response: string;
};

export type Order = {
  id: string;
  orderNumber: string;
  status: OrderStatus;
  priority: 'routine' | 'urgent';
  patient: {
    id: string;
    nationalId: string;
    givenName: string;
    familyName: string;
    birthDate: string;
    sex: string;
  };
  requester: { name: string; hprNumber: string | null; organisation: string };
  analysis: { slug: string; name: string };
  performingLab: { id: string; name: string };
  clinical: {
    diagnosis: { oncotree: string; icd10: string | null; text: string | null };
    question: string;
    treatmentLines: TreatmentLine[];
    metastaticSites: string[];
    earlierMolecularResults: string | null;
  };
  copyRecipients: { name: string; hprNumber: string | null }[];
  legalBasis: string;
  researchConsent: boolean;
  duplicateOverrideReason: string | null;
  orderedAt: string;
  updatedAt: string;
  specimens: Specimen[];
  timeline: TimelineEvent[];
};

export type WorklistEntry = {
  id: string;
  orderNumber: string;
  status: OrderStatus;
  priority: 'routine' | 'urgent';
  orderedAt: string;
  patientName: string;
  analysis: string;
  requestedBy: string;
};

export type Worklist = { counts: Partial<Record<OrderStatus, number>>; orders: WorklistEntry[] };

export type Turnaround = {
  labId: string;
  reported: number;
  medianDays: number | null;
  p90Days: number | null;
};

/** A lab as /api/catalogue/labs lists it, with the health trust it belongs to. */
export type LabOption = { id: string; name: string; trust_id: string | null };

/** What the form needs of a patient genvei knows: who it is, to confirm the right person. */
export type KnownPatient = { givenName: string; familyName: string; birthDate: string; synthetic: boolean };
