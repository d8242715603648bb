import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { CaseRow } from './caseRows.ts';

type Db = Kysely<DB>;

export function findCase(db: Db, caseId: string) {
  return db
    .selectFrom('interpretation_case as c')
    .innerJoin('clinical_order as o', 'o.id', 'c.order_id')
    .innerJoin('organisation as lab', 'lab.id', 'c.lab_id')
    .innerJoin('analysis as a', 'a.id', 'o.analysis_id')
    .select([
      'c.id',
      'c.order_id',
      'o.order_number',
      'o.patient_id',
      'c.lab_id',
      'lab.name as lab_name',
      'c.tumour_sample_id',
      'c.normal_sample_id',
      'c.context',
      'c.origin',
      'c.filter_chain',
      'c.status',
      'c.created_at',
      'a.name as analysis_name',
      'a.panel_version_id',
    ])
    .where('c.id', '=', caseId)
    .executeTakeFirst();
}
export type CaseRecord = NonNullable<Awaited<ReturnType<typeof findCase>>>;

/**
 * A case's rows never change once it is built (the database refuses it), so the few cases people
 * have open are kept in memory: opening a case or changing its filter then reads no rows again.
 */
const ROW_CACHE_SIZE = 8;
const rowCache = new Map<string, CaseRow[]>();

export async function caseRows(db: Db, caseId: string): Promise<CaseRow[]> {
  const cached = rowCache.get(caseId);
  if (cached) {
    rowCache.delete(caseId);
    rowCache.set(caseId, cached);
    return cached;
  }
  const rows = (
    await db.selectFrom('case_variant').select('row').where('case_id', '=', caseId).execute()
  ).map((r) => r.row as unknown as CaseRow);
  rowCache.set(caseId, rows);
  if (rowCache.size > ROW_CACHE_SIZE) rowCache.delete(rowCache.keys().next().value as string);
  return rows;
}

export async function insertCaseRows(db: Db, caseId: string, rows: CaseRow[]) {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('case_variant')
      .values(
        rows
          .slice(i, i + 500)
          .map((row) => ({ case_id: caseId, variant_id: row.id, row: JSON.stringify(row) })),
      )
      .execute();
  }
}

export function rounds(db: Db, caseId: string) {
  return db
    .selectFrom('case_round as r')
    .leftJoin('app_user as opener', 'opener.id', 'r.opened_by')
    .leftJoin('app_user as closer', 'closer.id', 'r.closed_by')
    .select([
      'r.number',
      'r.kind',
      'r.opened_at',
      'opener.display_name as opened_by',
      'r.reason',
      'r.closed_at',
      'closer.display_name as closed_by',
      'r.closed_by as closed_by_id',
      'r.outcome',
    ])
    .where('r.case_id', '=', caseId)
    .orderBy('r.number')
    .execute();
}

export async function openRound(db: Db, caseId: string) {
  return db
    .selectFrom('case_round')
    .select(['number', 'kind'])
    .where('case_id', '=', caseId)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
}

/** The latest decision on each variant of the case; earlier ones stay in the table as history. */
export async function latestDecisions(db: Db, caseId: string) {
  const rows = await db
    .selectFrom('case_decision as d')
    .leftJoin('assessment as a', 'a.id', 'd.assessment_id')
    .leftJoin('app_user as u', 'u.id', 'd.decided_by')
    .select([
      'd.id',
      'd.variant_id',
      'd.round_number',
      'd.decision',
      'd.assessment_id',
      'd.reason',
      'd.decided_at',
      'u.display_name as decided_by',
      'a.scheme',
      'a.classification',
      'a.points',
      'a.amp_tier',
      'a.amp_level',
      'a.escat',
      'a.criteria',
      'a.evidence',
      'a.interpretation',
      'a.version',
    ])
    .where('d.case_id', '=', caseId)
    .orderBy('d.id')
    .execute();
  const latest = new Map<number, (typeof rows)[number]>();
  for (const row of rows) latest.set(Number(row.variant_id), row);
  return latest;
}

export async function pulledBack(db: Db, caseId: string): Promise<Set<number>> {
  const rows = await db
    .selectFrom('case_pullback')
    .select('variant_id')
    .where('case_id', '=', caseId)
    .execute();
  return new Set(rows.map((r) => Number(r.variant_id)));
}

export async function panelSnapshot(db: Db, panelVersionId: string | null) {
  if (!panelVersionId) return null;
  const version = await db
    .selectFrom('gene_panel_version as v')
    .innerJoin('gene_panel as p', 'p.id', 'v.panel_id')
    .select(['p.name', 'v.major', 'v.minor'])
    .where('v.id', '=', panelVersionId)
    .executeTakeFirst();
  if (!version) return null;
  const genes = await db
    .selectFrom('gene_panel_entry')
    .select(['symbol', 'confidence'])
    .where('version_id', '=', panelVersionId)
    .execute();
  return { name: version.name, version: `${version.major}.${version.minor}`, genes };
}
