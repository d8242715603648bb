import type { Purpose, Role, Subject } from './model.ts';
import { ROLES } from './model.ts';
import { type AccessRefusal, accessRefusal } from './refusals.ts';

/**
 * The one place that decides who may do what. Pure: the caller loads the facts (the subject,
 * the patient's care relationships) and this function judges them against RULES. Anything no
 * rule allows is denied, and every answer carries a reason a privacy officer can read.
 */
export type ResourceType =
  | 'patient'
  | 'patient-access-log'
  | 'audit-log'
  | 'organisation'
  | 'user'
  | 'session'
  | 'lab'
  | 'analysis'
  | 'gene-panel'
  | 'gene-list'
  | 'order'
  | 'order-worklist'
  | 'sequencing-data'
  | 'ingest-job'
  | 'interpretation-case'
  | 'knowledge'
  | 'report';
export type Action =
  | 'read'
  | 'search'
  | 'create'
  | 'update'
  | 'verify'
  | 'approve'
  | 'publish'
  | 'process'
  | 'cancel';

/** Which patient a request is about, and which health trusts have a care relationship to them. */
export type PatientContext = { patientId: string; careTrustIds: readonly string[] };

export type AccessRequest = {
  subject: Subject | null;
  purpose: Purpose | null;
  action: Action;
  resource: ResourceType;
  /** Absent when the request is not about one existing patient (a create, a miss). */
  patient?: PatientContext;
  /** The organisation that owns the resource (a lab's analyses and panels). */
  owner?: { organisationId: string };
  /** For an order: the health trust of the lab performing it. */
  performingTrustId?: string;
};

export type Relationship =
  | 'care'
  | 'self'
  | 'own-organisation'
  | 'performing-lab'
  | 'care-or-performing-lab'
  | 'none';
/** `reason` is the English sentence the audit log keeps; a refusal also says why as a code (refusals.ts). */
export type Decision = {
  allow: boolean;
  reason: string;
  relationship: Relationship;
  refusal?: AccessRefusal;
};

type Rule = {
  resource: ResourceType;
  actions: readonly Action[];
  /** Roles that may act; 'citizen' is a person acting on their own record. */
  roles: readonly Role[] | 'any' | 'citizen';
  purposes: readonly Purpose[] | 'any';
  /** What must tie the subject to the patient when the request is about one. */
  requires: Relationship;
};

const CLINICAL: readonly Role[] = [
  'requester',
  'pathologist',
  'lab-scientist',
  'bioinformatician',
  'medical-geneticist',
  'board-coordinator',
];

const CATALOGUE_PURPOSES: readonly Purpose[] = ['administration', 'quality-assurance'];
/** The roles that work in a lab: they see an order's drafts and do its lab work. */
export const LAB_ROLES: readonly Role[] = [
  'pathologist',
  'lab-scientist',
  'bioinformatician',
  'medical-geneticist',
];
const LAB = LAB_ROLES;

export const RULES: readonly Rule[] = [
  { resource: 'patient', actions: ['read', 'search'], roles: CLINICAL, purposes: ['care'], requires: 'care' },
  {
    resource: 'patient',
    actions: ['read'],
    roles: ['pathologist', 'lab-scientist', 'bioinformatician', 'medical-geneticist'],
    purposes: ['quality-assurance'],
    requires: 'care',
  },
  {
    resource: 'patient',
    actions: ['create'],
    roles: ['requester', 'pathologist', 'lab-scientist', 'medical-geneticist'],
    purposes: ['care'],
    requires: 'none',
  },
  { resource: 'patient', actions: ['read'], roles: 'citizen', purposes: 'any', requires: 'self' },
  { resource: 'patient-access-log', actions: ['read'], roles: 'citizen', purposes: 'any', requires: 'self' },
  {
    resource: 'patient-access-log',
    actions: ['read'],
    roles: ['privacy-officer'],
    purposes: ['administration', 'quality-assurance'],
    requires: 'none',
  },
  {
    resource: 'audit-log',
    actions: ['search', 'verify'],
    roles: ['privacy-officer'],
    purposes: ['administration', 'quality-assurance'],
    requires: 'none',
  },
  { resource: 'organisation', actions: ['read'], roles: ROLES, purposes: 'any', requires: 'none' },
  {
    resource: 'organisation',
    actions: ['create'],
    roles: ['admin'],
    purposes: ['administration'],
    requires: 'none',
  },
  {
    resource: 'user',
    actions: ['read', 'create'],
    roles: ['admin'],
    purposes: ['administration'],
    requires: 'none',
  },
  // Orders: the requesting side through its care relationship, the lab through performing the order.
  {
    resource: 'order',
    actions: ['create', 'search'],
    roles: ['requester', 'pathologist', 'medical-geneticist'],
    purposes: ['care'],
    requires: 'care',
  },
  {
    resource: 'order',
    actions: ['read'],
    roles: CLINICAL,
    purposes: ['care'],
    requires: 'care-or-performing-lab',
  },
  {
    resource: 'order',
    actions: ['read'],
    roles: LAB,
    purposes: ['quality-assurance'],
    requires: 'performing-lab',
  },
  {
    resource: 'order',
    actions: ['cancel'],
    roles: ['requester', 'pathologist', 'medical-geneticist'],
    purposes: ['care'],
    requires: 'care',
  },
  { resource: 'order', actions: ['process'], roles: LAB, purposes: ['care'], requires: 'performing-lab' },
  {
    resource: 'order-worklist',
    actions: ['read'],
    roles: LAB,
    purposes: ['care', 'quality-assurance'],
    requires: 'performing-lab',
  },
  // Sequencing data follows its order: readable where the order is; brought in by the performing lab.
  // An ingest's progress (file name, counts) is read as often as a page polls: not itself patient data.
  {
    resource: 'ingest-job',
    actions: ['read'],
    roles: CLINICAL,
    purposes: ['care', 'quality-assurance'],
    requires: 'care-or-performing-lab',
  },
  {
    resource: 'sequencing-data',
    actions: ['read'],
    roles: CLINICAL,
    purposes: ['care'],
    requires: 'care-or-performing-lab',
  },
  {
    resource: 'sequencing-data',
    actions: ['read'],
    roles: LAB,
    purposes: ['quality-assurance'],
    requires: 'performing-lab',
  },
  {
    resource: 'sequencing-data',
    actions: ['create'],
    roles: LAB,
    purposes: ['care'],
    requires: 'performing-lab',
  },
  // Interpretation cases are the performing lab's work; the care team may read them.
  {
    resource: 'interpretation-case',
    actions: ['read', 'search'],
    roles: LAB,
    purposes: ['care', 'quality-assurance'],
    requires: 'performing-lab',
  },
  {
    resource: 'interpretation-case',
    actions: ['read'],
    roles: CLINICAL,
    purposes: ['care'],
    requires: 'care-or-performing-lab',
  },
  {
    resource: 'interpretation-case',
    actions: ['create', 'update', 'approve'],
    roles: LAB,
    purposes: ['care'],
    requires: 'performing-lab',
  },
  // Reports: drafted by the performing lab, signed by those who may sign, read by the care team.
  {
    resource: 'report',
    actions: ['read'],
    roles: CLINICAL,
    purposes: ['care'],
    requires: 'care-or-performing-lab',
  },
  {
    resource: 'report',
    actions: ['read'],
    roles: LAB,
    purposes: ['quality-assurance'],
    requires: 'performing-lab',
  },
  {
    resource: 'report',
    actions: ['create', 'update'],
    roles: LAB,
    purposes: ['care'],
    requires: 'performing-lab',
  },
  {
    resource: 'report',
    actions: ['approve'],
    roles: ['pathologist', 'medical-geneticist', 'lab-scientist'],
    purposes: ['care'],
    requires: 'performing-lab',
  },
  // The knowledge base holds variants and assessments, no patient: shared by every lab and clinician.
  {
    resource: 'knowledge',
    actions: ['read'],
    roles: [...CLINICAL, 'curator'],
    purposes: 'any',
    requires: 'none',
  },
  {
    resource: 'knowledge',
    actions: ['update'],
    roles: LAB,
    purposes: ['care', 'quality-assurance'],
    requires: 'none',
  },
  // The catalogue: national curators edit all of it; a lab's own staff edit their lab's entries.
  ...(['lab', 'analysis', 'gene-panel', 'gene-list'] as const).map(
    (resource): Rule => ({
      resource,
      actions: ['create', 'update', 'approve', 'publish'],
      roles: ['curator'],
      purposes: CATALOGUE_PURPOSES,
      requires: 'none',
    }),
  ),
  ...(['lab', 'analysis', 'gene-panel'] as const).map(
    (resource): Rule => ({
      resource,
      actions: ['create', 'update'],
      roles: ['lab-scientist', 'bioinformatician'],
      purposes: CATALOGUE_PURPOSES,
      requires: 'own-organisation',
    }),
  ),
];

export function decide(request: AccessRequest): Decision {
  const { subject, purpose, action, resource, patient, owner, performingTrustId } = request;
  const deny = (reason: string, refusal: AccessRefusal): Decision => ({
    allow: false,
    reason,
    relationship: 'none',
    refusal,
  });
  if (!subject) return deny('not signed in', accessRefusal('not-signed-in', {}));
  if (resource === 'session') return { allow: true, reason: 'own session', relationship: 'none' };
  if (!purpose) return deny('no purpose of use was given', accessRefusal('no-purpose', {}));

  const rules = RULES.filter((r) => r.resource === resource && r.actions.includes(action));
  if (rules.length === 0)
    return deny(`no rule allows ${action} on ${resource}`, accessRefusal('no-rule', { action, resource }));

  // Of the rules that fail, report the one the request came closest to satisfying.
  let closest: Denial | null = null;
  for (const rule of rules) {
    const outcome = evaluate(rule, subject, purpose, { action, patient, owner, performingTrustId });
    if (outcome.allow) return outcome;
    if (!closest || outcome.depth > closest.depth) closest = outcome;
  }
  return deny((closest as Denial).reason, (closest as Denial).refusal);
}

type Denial = { allow: false; depth: number; reason: string; refusal: AccessRefusal };

function evaluate(
  rule: Rule,
  subject: Subject,
  purpose: Purpose,
  facts: Pick<AccessRequest, 'action' | 'patient' | 'owner' | 'performingTrustId'>,
): (Decision & { allow: true }) | Denial {
  const { action, patient, owner, performingTrustId } = facts;
  const { resource } = rule;
  const who = subject.role ? `${subject.role} ${subject.username}` : subject.username;
  if (rule.roles === 'citizen') {
    if (!subject.patientId)
      return {
        allow: false,
        depth: 0,
        reason: `${who} has no role that may ${rule.actions.join('/')} ${rule.resource}`,
        refusal: accessRefusal('no-role', { action, resource }),
      };
  } else if (rule.roles !== 'any' && (!subject.role || !rule.roles.includes(subject.role))) {
    return {
      allow: false,
      depth: 0,
      reason: `role ${subject.role ?? '(none)'} may not ${rule.actions.join('/')} ${rule.resource}`,
      refusal: subject.role
        ? accessRefusal('role-may-not', { role: subject.role, action, resource })
        : accessRefusal('no-role', { action, resource }),
    };
  }
  if (rule.purposes !== 'any' && !rule.purposes.includes(purpose)) {
    return {
      allow: false,
      depth: 1,
      reason: `purpose ${purpose} does not permit this (permitted: ${rule.purposes.join(', ')})`,
      refusal: accessRefusal('purpose-not-permitted', { purpose, permitted: rule.purposes.join(', ') }),
    };
  }
  if (rule.requires === 'self') {
    if (!patient || patient.patientId !== subject.patientId) {
      return {
        allow: false,
        depth: 2,
        reason: `${who} may only see their own record`,
        refusal: accessRefusal('own-record-only', {}),
      };
    }
    return { allow: true, reason: `${who}: own record`, relationship: 'self' };
  }
  if (rule.requires === 'own-organisation') {
    if (!owner || owner.organisationId !== subject.organisationId) {
      return {
        allow: false,
        depth: 2,
        reason: `${who} may only change what their own organisation owns`,
        refusal: accessRefusal('own-organisation-only', {}),
      };
    }
    return {
      allow: true,
      reason: `${who}, purpose ${purpose}, own organisation`,
      relationship: 'own-organisation',
    };
  }
  const performs = performingTrustId !== undefined && subject.trustId === performingTrustId;
  const cares =
    patient !== undefined && subject.trustId !== null && patient.careTrustIds.includes(subject.trustId);
  if (rule.requires === 'performing-lab') {
    if (!performs)
      return {
        allow: false,
        depth: 2,
        reason: `${who}'s health trust does not perform this order`,
        refusal: accessRefusal('trust-does-not-perform', {}),
      };
    return {
      allow: true,
      reason: `${who}, purpose ${purpose}, performing lab's trust`,
      relationship: 'performing-lab',
    };
  }
  if (rule.requires === 'care-or-performing-lab') {
    if (cares)
      return {
        allow: true,
        reason: `${who}, purpose ${purpose}, care relationship through own trust`,
        relationship: 'care',
      };
    if (performs)
      return {
        allow: true,
        reason: `${who}, purpose ${purpose}, performing lab's trust`,
        relationship: 'performing-lab',
      };
    return {
      allow: false,
      depth: 2,
      reason: `${who}'s health trust neither cares for the patient nor performs the order`,
      refusal: accessRefusal('no-care-or-performing', {}),
    };
  }
  if (rule.requires === 'care' && patient) {
    if (!subject.trustId || !patient.careTrustIds.includes(subject.trustId)) {
      return {
        allow: false,
        depth: 2,
        reason: `${who}'s health trust has no care relationship to the patient`,
        refusal: accessRefusal('no-care-relationship', {}),
      };
    }
    return {
      allow: true,
      reason: `${who}, purpose ${purpose}, care relationship through own trust`,
      relationship: 'care',
    };
  }
  return { allow: true, reason: `${who}, purpose ${purpose}`, relationship: 'none' };
}
