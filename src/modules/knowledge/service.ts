import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { forbidden, notFound } from '../../platform/http/problems.ts';
import { accessRefusal } from '../access/refusals.ts';
import { type AssessmentInput, classify, type Scheme } from './assessmentInput.ts';

/**
 * The knowledge base shared by all labs. Assessments are appended, each a version linked to the
 * lab's previous one for the same variant, scheme and context; a lab's current assessment is the
 * one its latest finalised case used. When a lab finalises a class another lab's current
 * assessment contradicts, a conflict is raised that both labs see until one resolves it.
 */
type Db = Kysely<DB>;

export {
  type AssessmentInput,
  assessmentInputSchema,
  classify,
  SCHEMES,
  type Scheme,
} from './assessmentInput.ts';

/** Knowledge-source releases used: recorded on every assessment so a report can name them. */
export async function knowledgeReleases(db: Db) {
  const rows = await db
    .selectFrom('knowledge_release')
    .select(['source', 'release', 'imported_at'])
    .orderBy('imported_at', 'desc')
    .execute();
  const latest = new Map<string, { source: string; release: string }>();
  for (const r of rows)
    if (!latest.has(r.source)) latest.set(r.source, { source: r.source, release: r.release });
  return [...latest.values()];
}

export async function recordAssessment(
  db: Db,
  a: {
    variantId: number;
    context: string;
    labId: string;
    authorId: string | null;
    caseId: string | null;
    input: AssessmentInput;
  },
) {
  const result = classify(a.input);
  const previous = await db
    .selectFrom('assessment')
    .select(['id', 'version'])
    .where('variant_id', '=', a.variantId)
    .where('scheme', '=', a.input.scheme)
    .where('context', '=', a.context)
    .where('lab_id', '=', a.labId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  const id = randomUUID();
  await db
    .insertInto('assessment')
    .values({
      id,
      variant_id: a.variantId,
      scheme: a.input.scheme,
      context: a.context,
      classification: result.classification,
      points: result.points,
      criteria: JSON.stringify(result.criteria),
      amp_tier: result.ampTier,
      amp_level: result.ampLevel,
      escat: result.escat,
      evidence: JSON.stringify(a.input.evidence),
      interpretation: a.input.interpretation ?? null,
      knowledge_releases: JSON.stringify(await knowledgeReleases(db)),
      lab_id: a.labId,
      author_id: a.authorId,
      case_id: a.caseId,
      previous_id: previous?.id ?? null,
      version: (previous?.version ?? 0) + 1,
      reused_from: a.input.reuseAssessmentId ?? null,
    })
    .execute();
  return { id, ...result, version: (previous?.version ?? 0) + 1 };
}

/**
 * Each lab's current (latest finalised) assessment of these variants in this scheme and context.
 * `variants` is a list of ids, or a case whose variants to look at (one query however large the case).
 */
export async function currentAssessments(
  db: Db,
  variants: number[] | { caseId: string },
  scheme: Scheme,
  context: string,
) {
  if (Array.isArray(variants) && variants.length === 0) return [];
  const which = Array.isArray(variants)
    ? sql`f.variant_id in (${sql.join(variants)})`
    : sql`f.variant_id in (select variant_id from case_variant where case_id = ${variants.caseId})`;
  const { rows } = await sql<{
    variant_id: number;
    lab_id: string;
    lab_name: string;
    assessment_id: string;
    classification: string;
    amp_tier: string | null;
    amp_level: string | null;
    points: number | null;
    interpretation: string | null;
    finalised_at: Date;
  }>`
    select distinct on (f.variant_id, f.lab_id)
      f.variant_id, f.lab_id, o.name as lab_name, f.assessment_id, a.classification, a.amp_tier,
      a.amp_level, a.points, a.interpretation, f.finalised_at
    from assessment_finalisation f
    join assessment a on a.id = f.assessment_id
    join organisation o on o.id = f.lab_id
    where ${which} and f.scheme = ${scheme} and f.context = ${context}
    order by f.variant_id, f.lab_id, f.finalised_at desc`.execute(db);
  return rows.map((r) => ({ ...r, variant_id: Number(r.variant_id) }));
}

export async function finaliseAssessments(
  db: Db,
  f: { caseId: string; labId: string; userId: string; assessmentIds: string[] },
) {
  if (f.assessmentIds.length === 0) return { conflicts: 0 };
  const assessments = await db
    .selectFrom('assessment')
    .select(['id', 'variant_id', 'scheme', 'context', 'classification'])
    .where('id', 'in', f.assessmentIds)
    .execute();
  let conflicts = 0;
  for (const a of assessments) {
    const others = (await currentAssessments(db, [a.variant_id], a.scheme, a.context)).filter(
      (c) => c.lab_id !== f.labId && c.classification !== a.classification,
    );
    await db
      .insertInto('assessment_finalisation')
      .values({
        assessment_id: a.id,
        case_id: f.caseId,
        lab_id: f.labId,
        variant_id: a.variant_id,
        scheme: a.scheme,
        context: a.context,
        classification: a.classification,
        finalised_by: f.userId,
      })
      .execute();
    for (const other of others) {
      conflicts++;
      await db
        .insertInto('assessment_conflict')
        .values({
          id: randomUUID(),
          variant_id: a.variant_id,
          scheme: a.scheme,
          context: a.context,
          raised_by_assessment: a.id,
          raised_by_lab: f.labId,
          other_assessment: other.assessment_id,
          other_lab: other.lab_id,
        })
        .execute();
    }
  }
  return { conflicts };
}

/** Open conflicts that involve the lab, with both sides' classes. */
export async function openConflicts(db: Db, labId: string) {
  return db
    .selectFrom('assessment_conflict as c')
    .leftJoin('conflict_resolution as r', 'r.conflict_id', 'c.id')
    .innerJoin('assessment as mine', 'mine.id', 'c.raised_by_assessment')
    .innerJoin('assessment as theirs', 'theirs.id', 'c.other_assessment')
    .innerJoin('organisation as raisedLab', 'raisedLab.id', 'c.raised_by_lab')
    .innerJoin('organisation as otherLab', 'otherLab.id', 'c.other_lab')
    .innerJoin('variant as v', 'v.id', 'c.variant_id')
    .select([
      'c.id',
      'c.variant_id',
      'v.identity_key',
      'c.scheme',
      'c.context',
      'c.raised_at',
      'raisedLab.name as raised_by_lab',
      'mine.classification as raised_classification',
      'otherLab.name as other_lab',
      'theirs.classification as other_classification',
      (eb) =>
        eb
          .selectFrom('variant_annotation as a')
          .select(
            sql<string>`coalesce(a.gene_symbol, '') || ' ' || coalesce(a.hgvsp, a.hgvsc, '')`.as('label'),
          )
          .whereRef('a.variant_id', '=', 'c.variant_id')
          .orderBy('a.mane_select')
          .limit(1)
          .as('label'),
    ])
    .where('r.conflict_id', 'is', null)
    .where((eb) => eb.or([eb('c.raised_by_lab', '=', labId), eb('c.other_lab', '=', labId)]))
    .orderBy('c.raised_at', 'desc')
    .execute();
}

export async function resolveConflict(
  db: Db,
  r: { conflictId: string; labId: string; userId: string; note: string },
) {
  const conflict = await db
    .selectFrom('assessment_conflict as c')
    .leftJoin('conflict_resolution as r', 'r.conflict_id', 'c.id')
    .select(['c.raised_by_lab', 'c.other_lab', 'r.resolved_at'])
    .where('c.id', '=', r.conflictId)
    .executeTakeFirst();
  if (!conflict) throw notFound(`conflict ${r.conflictId}`);
  if (![conflict.raised_by_lab, conflict.other_lab].includes(r.labId))
    throw forbidden(
      'only one of the two labs in the conflict can resolve it',
      accessRefusal('not-party-to-conflict', {}),
    );
  if (conflict.resolved_at) return { resolved: false };
  await db
    .insertInto('conflict_resolution')
    .values({ conflict_id: r.conflictId, resolved_by: r.userId, resolved_by_lab: r.labId, note: r.note })
    .execute();
  return { resolved: true };
}

/** Everything known about one variant: every lab's assessments (all versions), ClinVar and CIViC. */
export async function variantKnowledge(db: Db, variantId: number) {
  const variant = await db.selectFrom('variant').selectAll().where('id', '=', variantId).executeTakeFirst();
  if (!variant) throw notFound(`variant ${variantId}`);
  const [annotations, assessments, finalisations, clinvar] = await Promise.all([
    db
      .selectFrom('variant_annotation')
      .select([
        'gene_symbol',
        'transcript',
        'hgvsc',
        'hgvsp',
        'consequences',
        'impact',
        'mane_select',
        'canonical',
      ])
      .distinctOn(['transcript'])
      .where('variant_id', '=', variantId)
      .orderBy('transcript')
      .execute(),
    db
      .selectFrom('assessment as a')
      .innerJoin('organisation as o', 'o.id', 'a.lab_id')
      .leftJoin('app_user as u', 'u.id', 'a.author_id')
      .select([
        'a.id',
        'a.scheme',
        'a.context',
        'a.classification',
        'a.points',
        'a.criteria',
        'a.amp_tier',
        'a.amp_level',
        'a.escat',
        'a.evidence',
        'a.interpretation',
        'a.knowledge_releases',
        'a.version',
        'a.previous_id',
        'a.reused_from',
        'a.case_id',
        'a.created_at',
        'o.name as lab',
        'a.lab_id',
        'u.display_name as author',
      ])
      .where('a.variant_id', '=', variantId)
      .orderBy('a.created_at', 'desc')
      .execute(),
    db
      .selectFrom('assessment_finalisation')
      .select(['assessment_id', 'finalised_at', 'case_id'])
      .where('variant_id', '=', variantId)
      .execute(),
    db
      .selectFrom('clinvar_record as c')
      .innerJoin('knowledge_release as k', 'k.id', 'c.release_id')
      .select(['c.variation_id', 'c.significance', 'c.review_status', 'c.stars', 'c.conditions', 'k.release'])
      .where('c.identity_key', '=', variant.identity_key)
      .orderBy('k.imported_at', 'desc')
      .execute(),
  ]);
  const finalised = new Map(finalisations.map((f) => [f.assessment_id, f.finalised_at]));
  return {
    variant,
    annotations,
    assessments: assessments.map((a) => ({ ...a, finalised_at: finalised.get(a.id) ?? null })),
    clinvar,
  };
}
