import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { AnalysisMethod, DB, TmbFigure } from '../../platform/db/schema.ts';
import { badRequest, notFound } from '../../platform/http/problems.ts';

type Db = Kysely<DB>;

export type AnalysisValues = {
  slug: string;
  labId: string;
  name: string;
  method: AnalysisMethod;
  platform: string | null;
  variantTypes: string[];
  panelVersionId: string | null;
  materials: string[];
  minTumourCellPercent: number | null;
  minDnaNg: number | null;
  turnaroundDays: number | null;
  howToOrder: string | null;
  status: 'active' | 'planned' | 'retired';
  validationReportUrl: string | null;
  /**
   * Which of DRAGEN's TMB figures the lab reports, and from what percentage of unstable
   * microsatellite sites a sample is MSI-H: null until the lab says. Left out, they are not
   * written, so the demo seed also runs on a schema from before migration 0014 (migration tests).
   */
  tmbFigure?: TmbFigure | null;
  msiHighAtPercent?: number | null;
};

function row(v: AnalysisValues) {
  return {
    slug: v.slug,
    lab_id: v.labId,
    name: v.name,
    method: v.method,
    platform: v.platform,
    variant_types: v.variantTypes,
    panel_version_id: v.panelVersionId,
    materials: v.materials,
    min_tumour_cell_percent: v.minTumourCellPercent,
    min_dna_ng: v.minDnaNg,
    turnaround_days: v.turnaroundDays,
    how_to_order: v.howToOrder,
    status: v.status,
    validation_report_url: v.validationReportUrl,
    tmb_figure: v.tmbFigure,
    msi_high_at_percent: v.msiHighAtPercent,
  };
}

export async function insertAnalysis(db: Db, values: AnalysisValues): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('analysis')
    .values({ id, ...row(values) })
    .execute();
  return id;
}

export function updateAnalysis(db: Db, id: string, values: AnalysisValues) {
  return db
    .updateTable('analysis')
    .set({ ...row(values), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Only the metric settings (tmb_figure, msi_high_at_percent), leaving the rest as it is. */
export function setMetricSettings(
  db: Db,
  id: string,
  settings: { tmbFigure: TmbFigure | null; msiHighAtPercent: number | null },
) {
  return db
    .updateTable('analysis')
    .set({
      tmb_figure: settings.tmbFigure,
      msi_high_at_percent: settings.msiHighAtPercent,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export function findAnalysisBySlug(db: Db, slug: string) {
  return db.selectFrom('analysis').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** The analysis by its slug, or a 404 naming it. */
export async function analysisBySlug(db: Db, slug: string) {
  const analysis = await findAnalysisBySlug(db, slug);
  if (!analysis) throw notFound(`analysis ${slug}`);
  return analysis;
}

export type AnalysisSearch = {
  q?: string;
  hgncId?: string;
  labId?: string;
  method?: AnalysisMethod;
  status?: string;
  cancerTypeGenes?: string[];
  limit: number;
};

/** The catalogue search: every filter narrows; a gene filter also says which panel version holds it. */
export function searchAnalyses(db: Db, search: AnalysisSearch) {
  let q = db
    .selectFrom('analysis as a')
    .innerJoin('organisation as o', 'o.id', 'a.lab_id')
    .leftJoin('gene_panel_version as v', 'v.id', 'a.panel_version_id')
    .leftJoin('gene_panel as p', 'p.id', 'v.panel_id')
    .select([
      'a.slug',
      'a.name',
      'a.method',
      'a.platform',
      'a.variant_types',
      'a.materials',
      'a.turnaround_days',
      'a.status',
      'a.lab_id',
      'o.name as lab_name',
      'p.slug as panel_slug',
      'p.name as panel_name',
      'v.major',
      'v.minor',
      (eb) =>
        eb
          .selectFrom('gene_panel_entry as e')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('e.version_id', '=', 'a.panel_version_id')
          .as('gene_count'),
    ]);
  if (search.status) q = q.where('a.status', '=', search.status as 'active');
  if (search.labId) q = q.where('a.lab_id', '=', search.labId);
  if (search.method) q = q.where('a.method', '=', search.method);
  if (search.hgncId) {
    const hgncId = search.hgncId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('gene_panel_entry as e')
          .select('e.hgnc_id')
          .whereRef('e.version_id', '=', 'a.panel_version_id')
          .where('e.hgnc_id', '=', hgncId),
      ),
    );
  }
  if (search.cancerTypeGenes) {
    const genes = ['', ...search.cancerTypeGenes];
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('gene_panel_entry as e')
          .select('e.hgnc_id')
          .whereRef('e.version_id', '=', 'a.panel_version_id')
          .where('e.hgnc_id', 'in', genes),
      ),
    );
  }
  if (search.q?.trim()) {
    const pattern = `%${search.q.trim().toLowerCase()}%`;
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(a.name)`, 'like', pattern),
        eb(sql`lower(o.name)`, 'like', pattern),
        eb(sql`lower(coalesce(a.platform, ''))`, 'like', pattern),
        eb(sql`lower(coalesce(p.name, ''))`, 'like', pattern),
      ]),
    );
  }
  return q.orderBy('o.name').orderBy('a.name').limit(search.limit).execute();
}

/** Active analyses with their panels' genes, as the coverage check takes them. */
export async function activeAnalysesWithGenes(db: Db) {
  const analyses = await db
    .selectFrom('analysis as a')
    .innerJoin('organisation as o', 'o.id', 'a.lab_id')
    .select([
      'a.id',
      'a.slug',
      'a.name',
      'a.method',
      'a.variant_types',
      'a.panel_version_id',
      'a.lab_id',
      'o.name as lab_name',
    ])
    .where('a.status', '=', 'active')
    .orderBy('o.name')
    .orderBy('a.name')
    .execute();
  const versionIds = [
    '00000000-0000-0000-0000-000000000000',
    ...analyses.flatMap((a) => (a.panel_version_id ? [a.panel_version_id] : [])),
  ];
  const entries = await db
    .selectFrom('gene_panel_entry')
    .select(['version_id', 'hgnc_id'])
    .where('version_id', 'in', versionIds)
    .execute();
  const genesByVersion = new Map<string, string[]>();
  for (const e of entries)
    genesByVersion.set(e.version_id, [...(genesByVersion.get(e.version_id) ?? []), e.hgnc_id]);
  return analyses.map((a) => ({
    ...a,
    genes: a.panel_version_id ? (genesByVersion.get(a.panel_version_id) ?? []) : [],
  }));
}

export function listLabs(db: Db) {
  return db
    .selectFrom('lab as l')
    .innerJoin('organisation as o', 'o.id', 'l.organisation_id')
    .leftJoin('organisation as parent', 'parent.id', 'o.parent_id')
    .select([
      'l.organisation_id as id',
      'o.name',
      'o.org_number',
      'l.contact_email',
      'l.contact_phone',
      'l.address',
      'l.accreditation_standard',
      'l.accreditation_number',
      'l.accreditation_scope',
      sql<string>`organisation_trust(l.organisation_id)`.as('trust_id'),
      (eb) =>
        eb
          .selectFrom('lab_accepts_from as f')
          .innerJoin('organisation as t', 't.id', 'f.trust_id')
          .select(sql<string[]>`coalesce(array_agg(t.name order by t.name), '{}')`.as('names'))
          .whereRef('f.lab_id', '=', 'l.organisation_id')
          .as('accepts_from'),
    ])
    .orderBy('o.name')
    .execute();
}

export type LabValues = {
  contactEmail: string | null;
  contactPhone: string | null;
  address: string | null;
  accreditationStandard: string | null;
  accreditationNumber: string | null;
  accreditationScope: string | null;
  acceptsFrom: string[];
};

/** A lab is an organisation of kind "lab"; its catalogue record is written whole, trusts included. */
export async function saveLab(db: Db, organisationId: string, values: LabValues) {
  const organisation = await db
    .selectFrom('organisation')
    .select(['kind', 'name'])
    .where('id', '=', organisationId)
    .executeTakeFirst();
  if (!organisation) throw notFound('the organisation');
  if (organisation.kind !== 'lab') {
    throw badRequest([
      {
        path: '/params/id',
        rule: 'not-a-lab',
        message: `${organisation.name} is registered as ${organisation.kind}, not as a lab`,
      },
    ]);
  }
  const trusts = await db
    .selectFrom('organisation')
    .select('id')
    .where('id', 'in', ['00000000-0000-0000-0000-000000000000', ...values.acceptsFrom])
    .where('kind', '=', 'health-trust')
    .execute();
  const unknown = values.acceptsFrom.filter((id) => !trusts.some((t) => t.id === id));
  if (unknown.length > 0) {
    throw badRequest(
      unknown.map((id) => ({
        path: `/body/acceptsFrom/${values.acceptsFrom.indexOf(id)}`,
        rule: 'not-a-trust',
        message: `${id} is not a health trust`,
      })),
    );
  }
  const row = {
    contact_email: values.contactEmail,
    contact_phone: values.contactPhone,
    address: values.address,
    accreditation_standard: values.accreditationStandard,
    accreditation_number: values.accreditationNumber,
    accreditation_scope: values.accreditationScope,
    updated_at: new Date(),
  };
  await db
    .insertInto('lab')
    .values({ organisation_id: organisationId, ...row })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet(row))
    .execute();
  await db.deleteFrom('lab_accepts_from').where('lab_id', '=', organisationId).execute();
  if (values.acceptsFrom.length > 0) {
    await db
      .insertInto('lab_accepts_from')
      .values(values.acceptsFrom.map((trust_id) => ({ lab_id: organisationId, trust_id })))
      .execute();
  }
  return { id: organisationId, ...values };
}
