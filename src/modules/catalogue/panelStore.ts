import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { PanelEntry } from './panelModel.ts';

type Db = Kysely<DB>;

export const versionText = (v: { major: number; minor: number }) => `${v.major}.${v.minor}`;

export function findPanelBySlug(db: Db, slug: string) {
  return db.selectFrom('gene_panel').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** Every panel with its newest version and gene count, for the catalogue's panel list. */
export function listPanels(db: Db) {
  return db
    .selectFrom('gene_panel as p')
    .leftJoin('organisation as o', 'o.id', 'p.lab_id')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('gene_panel_version as v')
          .select(['v.id', 'v.major', 'v.minor', 'v.signed_off_at', 'v.created_at'])
          .whereRef('v.panel_id', '=', 'p.id')
          .orderBy('v.major', 'desc')
          .orderBy('v.minor', 'desc')
          .limit(1)
          .as('latest'),
      (join) => join.onTrue(),
    )
    .select([
      'p.slug',
      'p.name',
      'p.purpose',
      'p.lab_id',
      'o.name as lab_name',
      'latest.major',
      'latest.minor',
      'latest.signed_off_at',
      'latest.created_at',
      (eb) =>
        eb
          .selectFrom('gene_panel_entry as e')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('e.version_id', '=', 'latest.id')
          .as('genes'),
    ])
    .orderBy('p.name')
    .execute();
}

export function listVersions(db: Db, panelId: string) {
  return db
    .selectFrom('gene_panel_version as v')
    .leftJoin('app_user as c', 'c.id', 'v.created_by')
    .leftJoin('app_user as s', 's.id', 'v.signed_off_by')
    .select([
      'v.id',
      'v.major',
      'v.minor',
      'v.change_note',
      'v.created_at',
      'c.display_name as created_by',
      'v.signed_off_at',
      's.display_name as signed_off_by',
    ])
    .where('v.panel_id', '=', panelId)
    .orderBy('v.major', 'desc')
    .orderBy('v.minor', 'desc')
    .execute();
}

export function findVersion(db: Db, panelId: string, version: { major: number; minor: number } | 'latest') {
  let q = db.selectFrom('gene_panel_version').selectAll().where('panel_id', '=', panelId);
  if (version !== 'latest') q = q.where('major', '=', version.major).where('minor', '=', version.minor);
  return q.orderBy('major', 'desc').orderBy('minor', 'desc').limit(1).executeTakeFirst();
}

export async function versionEntries(db: Db, versionId: string): Promise<PanelEntry[]> {
  const rows = await db
    .selectFrom('gene_panel_entry')
    .selectAll()
    .where('version_id', '=', versionId)
    .orderBy('symbol')
    .execute();
  return rows.map((r) => ({
    hgncId: r.hgnc_id,
    symbol: r.symbol,
    confidence: r.confidence,
    modeOfInheritance: r.mode_of_inheritance,
    transcript: r.transcript,
    regions: r.regions as PanelEntry['regions'],
    evidence: r.evidence,
    phenotypes: r.phenotypes,
    publications: r.publications,
  }));
}

export async function insertPanel(
  db: Db,
  panel: {
    slug: string;
    name: string;
    purpose: 'somatic' | 'germline';
    labId: string | null;
    panelappId: number | null;
  },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('gene_panel')
    .values({
      id,
      slug: panel.slug,
      name: panel.name,
      purpose: panel.purpose,
      lab_id: panel.labId,
      panelapp_id: panel.panelappId,
    })
    .execute();
  return id;
}

/** A new snapshot: the version row and all its entries, written together. */
export async function insertVersion(
  db: Db,
  version: {
    panelId: string;
    major: number;
    minor: number;
    previousId: string | null;
    changeNote: string;
    createdBy: string | null;
  },
  entries: readonly PanelEntry[],
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('gene_panel_version')
    .values({
      id,
      panel_id: version.panelId,
      major: version.major,
      minor: version.minor,
      previous_id: version.previousId,
      change_note: version.changeNote,
      created_by: version.createdBy,
      signed_off_by: null,
      signed_off_at: null,
    })
    .execute();
  for (let i = 0; i < entries.length; i += 500) {
    await db
      .insertInto('gene_panel_entry')
      .values(
        entries.slice(i, i + 500).map((e) => ({
          version_id: id,
          hgnc_id: e.hgncId,
          symbol: e.symbol,
          confidence: e.confidence,
          mode_of_inheritance: e.modeOfInheritance,
          transcript: e.transcript,
          regions: JSON.stringify(e.regions),
          evidence: e.evidence,
          phenotypes: e.phenotypes,
          publications: e.publications,
        })),
      )
      .execute();
  }
  return id;
}

export function signOffVersion(db: Db, versionId: string, userId: string) {
  return db
    .updateTable('gene_panel_version')
    .set({ signed_off_by: userId, signed_off_at: new Date() })
    .where('id', '=', versionId)
    .where('signed_off_at', 'is', null)
    .executeTakeFirst();
}

/** Maps HGNC id → MANE Select RefSeq transcript, for entries that name none. */
export async function maneSelect(db: Db, hgncIds: readonly string[]): Promise<Map<string, string>> {
  if (hgncIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('gene')
    .select(['hgnc_id', 'mane_select_refseq'])
    .where('hgnc_id', 'in', hgncIds)
    .execute();
  return new Map(
    rows.filter((r) => r.mane_select_refseq).map((r) => [r.hgnc_id, r.mane_select_refseq as string]),
  );
}
