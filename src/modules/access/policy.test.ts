import { describe, expect, it } from 'vitest';
import type { Subject } from './model.ts';
import { decide } from './policy.ts';

const subject = (over: Partial<Subject>): Subject => ({
  userId: 'u1',
  username: 'user',
  displayName: 'User',
  hprNumber: null,
  organisationId: 'dept-a',
  trustId: 'trust-a',
  role: 'requester',
  patientId: null,
  ...over,
});
const patientOfA = { patientId: 'p1', careTrustIds: ['trust-a'] };
const patientOfB = { patientId: 'p2', careTrustIds: ['trust-b'] };

describe('access policy', () => {
  it('lets a clinician of a trust with a care relationship read the patient for care', () => {
    const decision = decide({
      subject: subject({}),
      purpose: 'care',
      action: 'read',
      resource: 'patient',
      patient: patientOfA,
    });
    expect(decision).toMatchObject({ allow: true, relationship: 'care' });
  });

  it('refuses a clinician whose trust has no care relationship, and says so', () => {
    const decision = decide({
      subject: subject({}),
      purpose: 'care',
      action: 'read',
      resource: 'patient',
      patient: patientOfB,
    });
    expect(decision.allow).toBe(false);
    expect(decision.reason).toMatch(/no care relationship/);
    expect(decision.refusal).toEqual({ code: 'no-care-relationship', params: {} });
  });

  it('refuses identifiable patient data for research, naming the purpose', () => {
    const decision = decide({
      subject: subject({ role: 'pathologist' }),
      purpose: 'research',
      action: 'read',
      resource: 'patient',
      patient: patientOfA,
    });
    expect(decision).toMatchObject({ allow: false });
    expect(decision.reason).toMatch(/purpose research/);
    expect(decision.refusal).toMatchObject({
      code: 'purpose-not-permitted',
      params: { purpose: 'research', permitted: expect.stringContaining('care') },
    });
  });

  it('refuses a role with no clinical access, naming the role', () => {
    const decision = decide({
      subject: subject({ role: 'curator' }),
      purpose: 'care',
      action: 'read',
      resource: 'patient',
      patient: patientOfA,
    });
    expect(decision.reason).toMatch(/role curator may not/);
    // The code names what was asked (read patient), for the page to word in the reader's language.
    expect(decision.refusal).toEqual({
      code: 'role-may-not',
      params: { role: 'curator', action: 'read', resource: 'patient' },
    });
  });

  it('denies by default: no purpose, no subject, no rule', () => {
    expect(
      decide({
        subject: subject({}),
        purpose: null,
        action: 'read',
        resource: 'patient',
        patient: patientOfA,
      }).reason,
    ).toMatch(/no purpose/);
    expect(decide({ subject: null, purpose: 'care', action: 'read', resource: 'patient' }).reason).toMatch(
      /not signed in/,
    );
    expect(
      decide({ subject: null, purpose: 'care', action: 'read', resource: 'patient' }).refusal?.code,
    ).toBe('not-signed-in');
    expect(
      decide({
        subject: subject({ role: 'admin' }),
        purpose: 'administration',
        action: 'verify',
        resource: 'patient',
      }).allow,
    ).toBe(false);
  });

  it('lets a citizen read their own record and access log, and nobody else’s', () => {
    const citizen = subject({ role: null, organisationId: null, trustId: null, patientId: 'p1' });
    expect(
      decide({
        subject: citizen,
        purpose: 'care',
        action: 'read',
        resource: 'patient-access-log',
        patient: patientOfA,
      }),
    ).toMatchObject({
      allow: true,
      relationship: 'self',
    });
    expect(
      decide({ subject: citizen, purpose: 'care', action: 'read', resource: 'patient', patient: patientOfB })
        .allow,
    ).toBe(false);
  });

  it('gives the audit log to privacy officers only, for administration or quality assurance', () => {
    const officer = subject({ role: 'privacy-officer' });
    expect(
      decide({ subject: officer, purpose: 'administration', action: 'search', resource: 'audit-log' }).allow,
    ).toBe(true);
    expect(decide({ subject: officer, purpose: 'care', action: 'search', resource: 'audit-log' }).allow).toBe(
      false,
    );
    expect(
      decide({
        subject: subject({ role: 'admin' }),
        purpose: 'administration',
        action: 'search',
        resource: 'audit-log',
      }).allow,
    ).toBe(false);
  });
});

describe('catalogue editing', () => {
  it('lets a curator edit any lab’s entries, for administration', () => {
    const curator = subject({ role: 'curator', organisationId: 'lab-x' });
    expect(
      decide({
        subject: curator,
        purpose: 'administration',
        action: 'update',
        resource: 'analysis',
        owner: { organisationId: 'lab-y' },
      }).allow,
    ).toBe(true);
    expect(
      decide({
        subject: curator,
        purpose: 'care',
        action: 'update',
        resource: 'analysis',
        owner: { organisationId: 'lab-y' },
      }).allow,
    ).toBe(false);
  });

  it('lets lab staff edit their own lab’s analyses but not another lab’s, nor sign off panels', () => {
    const scientist = subject({ role: 'lab-scientist', organisationId: 'lab-x' });
    const own = decide({
      subject: scientist,
      purpose: 'quality-assurance',
      action: 'update',
      resource: 'analysis',
      owner: { organisationId: 'lab-x' },
    });
    expect(own).toMatchObject({ allow: true, relationship: 'own-organisation' });
    const other = decide({
      subject: scientist,
      purpose: 'quality-assurance',
      action: 'update',
      resource: 'analysis',
      owner: { organisationId: 'lab-y' },
    });
    expect(other.reason).toMatch(/own organisation/);
    expect(other.refusal?.code).toBe('own-organisation-only');
    expect(
      decide({
        subject: scientist,
        purpose: 'administration',
        action: 'approve',
        resource: 'gene-panel',
        owner: { organisationId: 'lab-x' },
      }).allow,
    ).toBe(false);
  });

  it('keeps the national gene list to curators', () => {
    const scientist = subject({ role: 'lab-scientist', organisationId: 'lab-x' });
    expect(
      decide({
        subject: scientist,
        purpose: 'administration',
        action: 'update',
        resource: 'gene-list',
        owner: { organisationId: 'lab-x' },
      }).allow,
    ).toBe(false);
  });
});
