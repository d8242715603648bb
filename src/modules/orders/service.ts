import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { badRequest, conflict, type FieldError, notFound, Problem } from '../../platform/http/problems.ts';
import type { Subject } from '../access/model.ts';
import { findAnalysisBySlug } from '../catalogue/analysisStore.ts';
import { parseNationalId, patientIdByNationalId, registerPatient } from '../patients/service.ts';
import type { NewOrder } from './model.ts';
import * as store from './store.ts';
import { MATERIAL_OF, NEXT_STATUSES, type OrderStatusName } from './vocabulary.ts';

type Db = Kysely<DB>;

export type OrderSettings = { allowSynthetic: boolean; duplicateWindowMonths: number };

/** Earlier or in-flight orders that test the same genes: the same analysis, or a panel covering all of them. */
export async function findDuplicates(db: Db, patientId: string, analysisSlug: string, windowMonths: number) {
  const analysis = await findAnalysisBySlug(db, analysisSlug);
  if (!analysis) return [];
  const since = new Date();
  since.setUTCMonth(since.getUTCMonth() - windowMonths);
  const history = await store.patientOrders(db, patientId);
  const wanted =
    history.find((o) => o.panel_version_id === analysis.panel_version_id)?.genes ??
    (await genesOf(db, analysis.panel_version_id));
  return history
    .filter((o) => o.created_at >= since && o.status !== 'cancelled' && o.status !== 'rejected')
    .filter(
      (o) =>
        o.analysis_slug === analysisSlug || (wanted.length > 0 && wanted.every((g) => o.genes.includes(g))),
    )
    .map((o) => ({
      orderNumber: o.order_number,
      analysis: o.analysis_name,
      lab: o.lab_name,
      status: o.status,
      orderedAt: o.created_at.toISOString(),
    }));
}

async function genesOf(db: Db, versionId: string | null): Promise<string[]> {
  if (!versionId) return [];
  return (
    await db.selectFrom('gene_panel_entry').select('hgnc_id').where('version_id', '=', versionId).execute()
  ).map((e) => e.hgnc_id);
}

/** What the care purpose may see of a patient's tests: which analysis, where, when, how far — no clinical details. */
export async function testHistory(db: Db, patientId: string) {
  return (await store.patientOrders(db, patientId)).map((o) => ({
    id: o.id,
    orderNumber: o.order_number,
    analysis: o.analysis_name,
    lab: o.lab_name,
    requestedBy: o.requested_by,
    status: o.status,
    orderedAt: o.created_at.toISOString(),
    updatedAt: o.updated_at.toISOString(),
  }));
}

/**
 * Places an order. Every problem with the requisition is reported at once, by field; nothing is
 * stored unless all of it is right. A recent test of the same genes stops the order unless the
 * requester gives a reason, which is kept.
 */
export async function placeOrder(db: Db, order: NewOrder, subject: Subject, settings: OrderSettings) {
  const problems: FieldError[] = [];
  const warnings: string[] = [];
  try {
    parseNationalId(order.patient.nationalId, settings.allowSynthetic, '/body/patient/nationalId');
  } catch (error) {
    if (error instanceof Problem && error.errors) problems.push(...error.errors);
  }
  const analysis = await findAnalysisBySlug(db, order.analysis);
  if (!analysis)
    problems.push({
      path: '/body/analysis',
      rule: 'unknown',
      message: `no analysis ${order.analysis} in the catalogue`,
    });
  else if (analysis.status !== 'active')
    problems.push({
      path: '/body/analysis',
      rule: 'not-active',
      message: `${analysis.name} is ${analysis.status}, not orderable`,
    });
  if (analysis) {
    for (const [index, specimen] of order.specimens.entries()) {
      const material = MATERIAL_OF[specimen.kind];
      if (!analysis.materials.includes(material)) {
        problems.push({
          path: `/body/specimens/${index}/kind`,
          rule: 'material-not-accepted',
          message: `${analysis.name} accepts ${analysis.materials.join(', ')}, not ${specimen.kind}`,
        });
      }
      const minimum = analysis.min_tumour_cell_percent;
      if (minimum !== null && specimen.tumourCellPercent !== null && specimen.tumourCellPercent < minimum) {
        warnings.push(
          `specimens[${index}]: tumour cell content ${specimen.tumourCellPercent}% is below the analysis' minimum of ${minimum}%`,
        );
      }
    }
  }
  if (
    !(await db
      .selectFrom('cancer_type')
      .select('code')
      .where('code', '=', order.clinical.diagnosis.oncotree)
      .executeTakeFirst())
  ) {
    problems.push({
      path: '/body/clinical/diagnosis/oncotree',
      rule: 'unknown',
      message: `${order.clinical.diagnosis.oncotree} is not an OncoTree code we know`,
    });
  }
  let patientId = await patientIdByNationalId(db, order.patient.nationalId);
  if (!patientId) {
    for (const field of ['givenName', 'familyName', 'sex'] as const) {
      if (!order.patient[field])
        problems.push({
          path: `/body/patient/${field}`,
          rule: 'required',
          message: 'required for a patient genvei does not know yet',
        });
    }
  }
  if (problems.length > 0) throw badRequest(problems);
  if (!analysis) throw new Error('unreachable: checked above');

  if (patientId) {
    const duplicates = await findDuplicates(db, patientId, order.analysis, settings.duplicateWindowMonths);
    if (duplicates.length > 0 && !order.duplicateOverrideReason) {
      const problem = new Problem(
        409,
        'duplicate-order',
        'The same genes were tested recently',
        `${duplicates.length} order(s) in the last ${settings.duplicateWindowMonths} months test the same genes; give duplicateOverrideReason to order anyway`,
        [
          {
            path: '/body/duplicateOverrideReason',
            rule: 'required-for-duplicate',
            message: duplicates
              .map((d) => `${d.orderNumber} ${d.analysis} (${d.status}, ${d.orderedAt.slice(0, 10)})`)
              .join('; '),
          },
        ],
      );
      throw problem;
    }
  } else {
    patientId = await registerPatient(
      db,
      {
        nationalId: order.patient.nationalId,
        givenName: order.patient.givenName as string,
        familyName: order.patient.familyName as string,
        sex: order.patient.sex as 'female',
      },
      { userId: subject.userId, organisationId: subject.organisationId },
      settings.allowSynthetic,
    );
  }

  const id = crypto.randomUUID();
  const orderNumber = await store.nextOrderNumber(db);
  await db
    .insertInto('clinical_order')
    .values({
      id,
      order_number: orderNumber,
      patient_id: patientId,
      requester_user_id: subject.userId,
      requester_hpr: subject.hprNumber,
      requesting_organisation_id: subject.organisationId as string,
      analysis_id: analysis.id,
      performing_lab_id: analysis.lab_id,
      priority: order.priority,
      status: 'ordered',
      clinical: JSON.stringify(order.clinical),
      copy_recipients: JSON.stringify(order.copyRecipients),
      legal_basis: order.legalBasis,
      research_consent: order.researchConsent,
      duplicate_override_reason: order.duplicateOverrideReason,
    })
    .execute();
  await store.insertEvent(db, {
    orderId: id,
    kind: 'created',
    toStatus: 'ordered',
    toLabId: analysis.lab_id,
    reason: order.duplicateOverrideReason,
    userId: subject.userId,
  });
  for (const specimen of order.specimens) {
    const specimenId = await store.insertSpecimen(db, { orderId: id, parentId: null, ...specimen });
    await store.insertCustody(db, {
      specimenId,
      action: 'collected',
      location: specimen.site,
      userId: subject.userId,
    });
  }
  return { id, orderNumber, patientId, warnings };
}

export async function changeStatus(
  db: Db,
  orderId: string,
  to: OrderStatusName,
  reason: string | null,
  userId: string,
) {
  const order = await store.findOrder(db, orderId);
  if (!order) throw notFound('the order');
  if (!NEXT_STATUSES[order.status].includes(to))
    throw conflict(`an order that is ${order.status} cannot become ${to}`);
  if ((to === 'rejected' || to === 'cancelled') && !reason) {
    throw badRequest([{ path: '/body/reason', rule: 'required', message: `say why the order is ${to}` }]);
  }
  await store.setStatus(db, orderId, to);
  const kind = to === 'rejected' ? 'rejected' : to === 'cancelled' ? 'cancelled' : 'status';
  await store.insertEvent(db, { orderId, kind, fromStatus: order.status, toStatus: to, reason, userId });
  return { id: orderId, status: to };
}

/** Sends the order to another lab: same order number, the reason kept on the timeline. */
export async function forwardOrder(db: Db, orderId: string, toLabId: string, reason: string, userId: string) {
  const order = await store.findOrder(db, orderId);
  if (!order) throw notFound('the order');
  if (order.status !== 'ordered' && order.status !== 'received')
    throw conflict(`an order that is ${order.status} cannot be forwarded`);
  if (
    !(await db
      .selectFrom('lab')
      .select('organisation_id')
      .where('organisation_id', '=', toLabId)
      .executeTakeFirst())
  ) {
    throw badRequest([{ path: '/body/labId', rule: 'unknown', message: 'no such lab in the catalogue' }]);
  }
  await db
    .updateTable('clinical_order')
    .set({ performing_lab_id: toLabId, status: 'ordered', updated_at: new Date() })
    .where('id', '=', orderId)
    .execute();
  await store.insertEvent(db, {
    orderId,
    kind: 'forwarded',
    fromStatus: order.status,
    toStatus: 'ordered',
    fromLabId: order.performing_lab_id,
    toLabId,
    reason,
    userId,
  });
  return { id: orderId, performingLabId: toLabId };
}

export { accessThroughOrder, labTrustInPath, type OrderOf } from './access.ts';
/** Whose patient an order concerns and which trust performs it: what access to anything on the order turns on. */
export { orderAccessFacts } from './store.ts';
