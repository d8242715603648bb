import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { badRequest, conflict, Problem, type ProblemReason } from '../../platform/http/problems.ts';
import { type AssessmentInput, finaliseAssessments, recordAssessment } from '../knowledge/service.ts';
import { type InterpretationSettings, requireCase, schemeOf, worklist } from './cases.ts';
import { interpretationRefusal as why } from './refusals.ts';
import { latestDecisions, openRound } from './store.ts';
import { type CaseStep, decideStep } from './workflow.ts';

/**
 * The steps people take on a case: classify a variant, mark it not relevant, pull it back in,
 * and move the case through its rounds. Each checks the workflow first and writes append-only rows.
 */
type Db = Kysely<DB>;

/** A workflow refusal: the English sentence, and its code (refusals.ts) for the reader's language. */
const refused = (reason: string, code: ProblemReason) =>
  new Problem(409, 'workflow', 'Not allowed in this state', reason, undefined, code);

async function requireVariantInCase(db: Db, caseId: string, variantId: number) {
  const found = await db
    .selectFrom('case_variant')
    .select('variant_id')
    .where('case_id', '=', caseId)
    .where('variant_id', '=', variantId)
    .executeTakeFirst();
  if (!found)
    throw badRequest([
      { path: '/params/variantId', rule: 'in-case', message: `variant ${variantId} is not in this case` },
    ]);
}

async function editableRound(db: Db, caseId: string, actor: string) {
  const record = await requireCase(db, caseId);
  const outcome = decideStep({ status: record.status, submittedBy: null, undecided: [] }, 'decide', actor);
  if (!outcome.allowed) throw refused(outcome.reason, outcome.refusal);
  const round = await openRound(db, caseId);
  if (!round) throw refused('the case has no open round', why('no-open-round', {}));
  return { record, round };
}

export async function classifyVariant(
  db: Db,
  c: { caseId: string; variantId: number; userId: string; input: AssessmentInput & { reReviewed?: boolean } },
  settings: InterpretationSettings,
) {
  const { record, round } = await editableRound(db, c.caseId, c.userId);
  await requireVariantInCase(db, c.caseId, c.variantId);
  if (c.input.scheme !== schemeOf(record.origin))
    throw badRequest([
      {
        path: '/body/scheme',
        rule: 'scheme',
        message: `a ${record.origin} case is classified with ${schemeOf(record.origin)}`,
      },
    ]);
  if (c.input.reuseAssessmentId) {
    const reused = await db
      .selectFrom('assessment_finalisation')
      .select(sql<Date>`max(finalised_at)`.as('at'))
      .where('assessment_id', '=', c.input.reuseAssessmentId)
      .executeTakeFirst();
    if (!reused?.at)
      throw badRequest([
        {
          path: '/body/reuseAssessmentId',
          rule: 'finalised',
          message: 'only a finalised assessment can be reused',
        },
      ]);
    const age = (Date.now() - new Date(reused.at).getTime()) / 86_400_000;
    if (age > settings.assessmentMaxAgeDays && !c.input.reReviewed)
      throw refused(
        `the assessment is ${Math.floor(age)} days old (limit ${settings.assessmentMaxAgeDays}): re-review it and confirm before reuse`,
        why('assessment-too-old', { age: Math.floor(age), limit: settings.assessmentMaxAgeDays }),
      );
  }
  const assessment = await recordAssessment(db, {
    variantId: c.variantId,
    context: record.context,
    labId: record.lab_id,
    authorId: c.userId,
    caseId: c.caseId,
    input: c.input,
  });
  await db
    .insertInto('case_decision')
    .values({
      case_id: c.caseId,
      variant_id: c.variantId,
      round_number: round.number,
      decision: 'classified',
      assessment_id: assessment.id,
      decided_by: c.userId,
    })
    .execute();
  return { ...assessment, patientId: record.patient_id };
}

export async function markNotRelevant(
  db: Db,
  c: { caseId: string; variantId: number; userId: string; reason: string },
) {
  const { record, round } = await editableRound(db, c.caseId, c.userId);
  await requireVariantInCase(db, c.caseId, c.variantId);
  await db
    .insertInto('case_decision')
    .values({
      case_id: c.caseId,
      variant_id: c.variantId,
      round_number: round.number,
      decision: 'not-relevant',
      reason: c.reason,
      decided_by: c.userId,
    })
    .execute();
  return { patientId: record.patient_id };
}

export async function pullBack(db: Db, c: { caseId: string; variantId: number; userId: string }) {
  const { record, round } = await editableRound(db, c.caseId, c.userId);
  await requireVariantInCase(db, c.caseId, c.variantId);
  await db
    .insertInto('case_pullback')
    .values({ case_id: c.caseId, variant_id: c.variantId, round_number: round.number, by_user: c.userId })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return { patientId: record.patient_id };
}

/** Moves the case one step: closes the open round with a snapshot of what its person saw. */
export async function takeStep(
  db: Db,
  c: { caseId: string; step: Exclude<CaseStep, 'decide'>; userId: string; reason?: string },
  settings: InterpretationSettings,
) {
  const record = await requireCase(db, c.caseId);
  const round = await openRound(db, c.caseId);
  const view = await worklist(db, c.caseId, settings);
  const undecided = view.kept.filter((v) => !v.decision).map((v) => v.label);
  const submitter = await db
    .selectFrom('case_round')
    .select('closed_by')
    .where('case_id', '=', c.caseId)
    .where('outcome', '=', 'ready-for-review')
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  const outcome = decideStep(
    { status: record.status, submittedBy: submitter?.closed_by ?? null, undecided },
    c.step,
    c.userId,
    c.reason,
  );
  if (!outcome.allowed) throw refused(outcome.reason, outcome.refusal);
  const decisions = await latestDecisions(db, c.caseId);
  const snapshot = {
    chain: view.chain,
    counts: view.counts,
    kept: view.kept.map((v) => ({ id: v.id, label: v.label, keptBecause: v.keptBecause ?? null })),
    decisions: [...decisions.values()].map((d) => ({
      variantId: Number(d.variant_id),
      decision: d.decision,
      assessmentId: d.assessment_id,
      classification: d.classification,
      ampTier: d.amp_tier,
      ampLevel: d.amp_level,
      reason: d.reason,
    })),
  };
  const roundOutcome = {
    submit: 'ready-for-review',
    return: 'returned',
    finalise: 'finalised',
    reopen: null,
  } as const;
  if (round) {
    await db
      .updateTable('case_round')
      .set({
        closed_at: new Date(),
        closed_by: c.userId,
        outcome: roundOutcome[c.step],
        snapshot: JSON.stringify(snapshot),
      })
      .where('case_id', '=', c.caseId)
      .where('number', '=', round.number)
      .execute();
  }
  let conflicts = 0;
  if (c.step === 'finalise') {
    const assessmentIds = [...decisions.values()].flatMap((d) => (d.assessment_id ? [d.assessment_id] : []));
    ({ conflicts } = await finaliseAssessments(db, {
      caseId: c.caseId,
      labId: record.lab_id,
      userId: c.userId,
      assessmentIds,
    }));
  }
  if (outcome.opensRound) {
    const last = await db
      .selectFrom('case_round')
      .select((eb) => eb.fn.max('number').as('n'))
      .where('case_id', '=', c.caseId)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('case_round')
      .values({
        case_id: c.caseId,
        number: Number(last.n) + 1,
        kind: outcome.opensRound,
        opened_by: c.userId,
        reason: c.reason ?? null,
      })
      .execute();
  }
  const updated = await db
    .updateTable('interpretation_case')
    .set({ status: outcome.status })
    .where('id', '=', c.caseId)
    .where('status', '=', record.status)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw conflict('the case changed meanwhile; reload it', why('case-changed', {}));
  return { status: outcome.status, conflicts, patientId: record.patient_id };
}
