import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { conflict, forbidden, notFound, Problem, type ProblemReason } from '../../platform/http/problems.ts';
import type { Subject } from '../access/model.ts';
import { assembleReport } from './assembly.ts';
import { validateForSigning } from './completeness.ts';
import type { ReportContent, SignerRole } from './content.ts';
import { reportRefusal as why } from './refusals.ts';

/**
 * A report's life: drafted from a finalised case, edited while a draft, signed (twice where the
 * lab requires it), and amended as a new version with a reason. A signed version never changes
 * (the database refuses it too); every version stays readable.
 */
type Db = Kysely<DB>;

/** A refusal: the English sentence, and its code (refusals.ts) for the reader's language. */
const refused = (reason: string, code: ProblemReason) =>
  new Problem(409, 'report-state', 'Not allowed for this report version', reason, undefined, code);

const SIGNER_ROLE: Partial<Record<NonNullable<Subject['role']>, SignerRole>> = {
  pathologist: 'pathologist',
  'medical-geneticist': 'medical-geneticist',
  'lab-scientist': 'molecular-biologist',
};

export async function draftReport(db: Db, caseId: string, userId: string) {
  const existing = await db
    .selectFrom('report')
    .select('id')
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (existing)
    throw conflict(
      `the case has a report already: ${existing.id}`,
      why('report-exists', { reportId: existing.id }),
    );
  const content = await assembleReport(db, caseId);
  const kase = await db
    .selectFrom('interpretation_case')
    .select(['order_id', 'lab_id'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const id = randomUUID();
  await db
    .insertInto('report')
    .values({ id, order_id: kase.order_id, case_id: caseId, lab_id: kase.lab_id, created_by: userId })
    .execute();
  await db
    .insertInto('report_version')
    .values({
      report_id: id,
      version: 1,
      status: 'draft',
      content: JSON.stringify(content),
      created_by: userId,
    })
    .execute();
  return { id, version: 1 };
}

export async function reportVersion(db: Db, reportId: string, version: number) {
  const row = await db
    .selectFrom('report_version')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) throw notFound(`version ${version} of report ${reportId}`);
  return { ...row, content: row.content as ReportContent };
}

export async function reportSummary(db: Db, reportId: string) {
  const report = await db
    .selectFrom('report as r')
    .innerJoin('clinical_order as o', 'o.id', 'r.order_id')
    .select(['r.id', 'r.order_id', 'r.case_id', 'r.lab_id', 'r.created_at', 'o.order_number'])
    .where('r.id', '=', reportId)
    .executeTakeFirst();
  if (!report) throw notFound(`report ${reportId}`);
  const versions = await db
    .selectFrom('report_version')
    .select(['version', 'status', 'amendment_reason', 'created_at', 'signed_at'])
    .where('report_id', '=', reportId)
    .orderBy('version')
    .execute();
  const signatures = await db
    .selectFrom('report_signature')
    .select(['version', 'signer_name', 'role', 'hpr_number', 'signed_at'])
    .where('report_id', '=', reportId)
    .orderBy('signed_at')
    .execute();
  return {
    ...report,
    versions: versions.map((v) => ({ ...v, signatures: signatures.filter((s) => s.version === v.version) })),
  };
}

/** What a person may change in a draft: the texts and the pathologist's findings. */
export const draftEditSchema = z.object({
  conclusion: z.string().trim().min(1).max(8000).optional(),
  interpretations: z.record(z.string(), z.string().trim().max(8000)).optional(),
  pathology: z
    .object({
      morphology: z.string().trim().max(8000),
      immunohistochemistry: z.array(
        z.object({ marker: z.string().trim().min(1), result: z.string().trim().min(1) }),
      ),
      integratedConclusion: z.string().trim().max(8000),
      discordance: z.string().trim().max(4000).nullable(),
    })
    .optional(),
  germline: z
    .object({
      present: z.boolean(),
      note: z.string().trim().max(4000).nullable(),
      referralRecommended: z.boolean(),
    })
    .optional(),
  quality: z
    .object({
      adequacy: z.enum(['adequate', 'limited', 'inadequate']),
      reasons: z.array(z.enum(['too-few-tumour-cells', 'too-little-dna', 'poor-dna-quality', 'other'])),
      comment: z.string().trim().max(4000).nullable(),
    })
    .optional(),
});
export type DraftEdit = z.infer<typeof draftEditSchema>;

export async function editDraft(db: Db, reportId: string, version: number, edit: DraftEdit) {
  const current = await reportVersion(db, reportId, version);
  if (current.status === 'signed')
    throw refused(
      `version ${version} is signed and never changes; amend the report instead`,
      why('version-signed', { version }),
    );
  const signed = await db
    .selectFrom('report_signature')
    .select('signer_name')
    .where('report_id', '=', reportId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (signed)
    throw refused(
      `${signed.signer_name} has signed this version; it can no longer be edited`,
      why('draft-has-signature', { signer: signed.signer_name }),
    );
  const content = current.content;
  const texts = edit.interpretations ?? {};
  for (const finding of [...content.variants, ...content.copyNumbers, ...content.fusions])
    if (texts[finding.id] !== undefined) finding.interpretation = texts[finding.id] as string;
  const next: ReportContent = {
    ...content,
    ...(edit.conclusion ? { conclusion: edit.conclusion } : {}),
    ...(edit.pathology ? { pathology: edit.pathology } : {}),
    ...(edit.germline ? { germline: edit.germline } : {}),
    ...(edit.quality ? { quality: { ...content.quality, ...edit.quality } } : {}),
  };
  await db
    .updateTable('report_version')
    .set({ content: JSON.stringify(next) })
    .where('report_id', '=', reportId)
    .where('version', '=', version)
    .execute();
  return next;
}

export async function signReport(
  db: Db,
  reportId: string,
  version: number,
  subject: Subject,
  options: { allowSyntheticPersonIds: boolean },
) {
  const current = await reportVersion(db, reportId, version);
  if (current.status === 'signed')
    throw refused(`version ${version} is signed already`, why('already-signed', { version }));
  const role = subject.role ? SIGNER_ROLE[subject.role] : undefined;
  if (!role)
    throw forbidden(
      `role ${subject.role} does not sign reports`,
      why('role-does-not-sign', { role: subject.role ?? '' }),
    );
  const missing = validateForSigning(current.content, {
    allowSyntheticPersonIds: options.allowSyntheticPersonIds,
  });
  if (missing.length > 0)
    throw new Problem(
      409,
      'report-incomplete',
      'The report lacks what the template requires',
      `the report lacks what the template requires: ${missing.map((m) => `${m.path}: ${m.message}`).join('; ')}`,
      missing.map((m) => ({ path: contentPointer(m.path), rule: 'required', message: m.message })),
      why('content-missing', { n: missing.length }),
    );
  const signatures = await db
    .selectFrom('report_signature')
    .select(['signer_id'])
    .where('report_id', '=', reportId)
    .where('version', '=', version)
    .execute();
  if (signatures.some((s) => s.signer_id === subject.userId))
    throw refused(
      'you have signed this version already; the second signature must be someone else’s',
      why('same-signer', {}),
    );
  const user = await db
    .selectFrom('app_user')
    .select(['display_name', 'hpr_number'])
    .where('id', '=', subject.userId)
    .executeTakeFirstOrThrow();
  const signedAt = new Date();
  await db
    .insertInto('report_signature')
    .values({
      report_id: reportId,
      version,
      signer_id: subject.userId,
      signer_name: user.display_name,
      role,
      hpr_number: user.hpr_number,
      signed_at: signedAt,
    })
    .execute();
  const report = await db
    .selectFrom('report as r')
    .innerJoin('lab as l', 'l.organisation_id', 'r.lab_id')
    .select(['l.signatures_required'])
    .where('r.id', '=', reportId)
    .executeTakeFirst();
  const required = report?.signatures_required ?? 1;
  if (signatures.length + 1 < required)
    return { status: 'draft' as const, signatures: signatures.length + 1, required };

  const all = await db
    .selectFrom('report_signature')
    .select(['signer_name', 'role', 'hpr_number', 'signed_at'])
    .where('report_id', '=', reportId)
    .where('version', '=', version)
    .orderBy('signed_at')
    .execute();
  const content: ReportContent = {
    ...current.content,
    status: version > 1 ? 'amended' : 'signed',
    signatures: all.map((s) => ({
      name: s.signer_name,
      role: s.role as SignerRole,
      hprNumber: s.hpr_number,
      signedAt: s.signed_at.toISOString(),
    })),
  };
  await db
    .updateTable('report_version')
    .set({ status: 'signed', content: JSON.stringify(content), signed_at: signedAt })
    .where('report_id', '=', reportId)
    .where('version', '=', version)
    .execute();
  const notified = await notifyRecipients(db, reportId, version);
  return { status: 'signed' as const, signatures: all.length, required, notified };
}

/** The requester and the order's copy recipients are told of a signed (or amended) version. */
async function notifyRecipients(db: Db, reportId: string, version: number) {
  const order = await db
    .selectFrom('report as r')
    .innerJoin('clinical_order as o', 'o.id', 'r.order_id')
    .innerJoin('app_user as u', 'u.id', 'o.requester_user_id')
    .select(['u.username', 'o.copy_recipients'])
    .where('r.id', '=', reportId)
    .executeTakeFirstOrThrow();
  const copies = ((order.copy_recipients as { name?: string; hprNumber?: string }[] | null) ?? []).map(
    (r) => r.hprNumber ?? r.name ?? 'kopimottaker',
  );
  const recipients = [...new Set([order.username, ...copies])];
  for (const recipient of recipients)
    await db
      .insertInto('report_notification')
      .values({ report_id: reportId, version, recipient, kind: version > 1 ? 'amended' : 'signed' })
      .execute();
  return recipients;
}

export async function amendReport(db: Db, reportId: string, reason: string, userId: string) {
  const latest = await db
    .selectFrom('report_version')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latest) throw notFound(`report ${reportId}`);
  if (latest.status !== 'signed')
    throw refused(
      `version ${latest.version} is still a draft: edit it rather than amending`,
      why('amend-draft', { version: latest.version }),
    );
  const version = latest.version + 1;
  const content: ReportContent = {
    ...(latest.content as ReportContent),
    version,
    status: 'draft',
    amendmentReason: reason,
    previousVersion: latest.version,
    preparedAt: new Date().toISOString(),
    signatures: [],
  };
  await db
    .insertInto('report_version')
    .values({
      report_id: reportId,
      version,
      status: 'draft',
      content: JSON.stringify(content),
      amendment_reason: reason,
      created_by: userId,
    })
    .execute();
  return { id: reportId, version };
}

/** Reports on an order: the lab sees drafts too, everyone else the signed versions. */
export async function reportsOfOrder(db: Db, orderId: string, includeDrafts: boolean) {
  let query = db
    .selectFrom('report as r')
    .innerJoin('report_version as v', 'v.report_id', 'r.id')
    .select(['r.id', 'v.version', 'v.status', 'v.amendment_reason', 'v.signed_at', 'v.created_at'])
    .where('r.order_id', '=', orderId)
    .orderBy('v.version', 'desc');
  if (!includeDrafts) query = query.where('v.status', '=', 'signed');
  return query.execute();
}

/** `variants[0].hgvsc` → `/content/variants/0/hgvsc`, the JSON Pointer form problems use. */
function contentPointer(path: string): string {
  return `/content/${path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .join('/')}`;
}
