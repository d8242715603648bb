/** The orders API as the pages read it (see src/modules/orders/routes.ts, model.ts and views.ts). */
import type { OrderStatusName, SpecimenKind } from '../../../../src/modules/orders/vocabulary.ts';

export {
  DERIVED_KINDS,
  MATERIAL_OF,
  nextStep,
  ORDER_STATUSES,
  SPECIMEN_KINDS,
  type SpecimenKind,
  TREATMENT_RESPONSES as RESPONSES,
} from '../../../../src/modules/orders/vocabulary.ts';
export type OrderStatus = OrderStatusName;
export type DerivedKind = 'dna' | 'rna' | 'aliquot';

/** While an order is still waiting at the lab it may be forwarded, rejected or cancelled. */
export const isOpen = (status: OrderStatus) => status === 'ordered' || status === 'received';

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
