import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { badRequest, conflict, notFound } from '../../platform/http/problems.ts';
import { activeAnalysesWithGenes } from './analysisStore.ts';
import {
  checkCoverage,
  geneListStatusSchema,
  type NationalGeneListEntry,
  variantTypeSchema,
} from './coverage.ts';
import { lookupResolved, resolveGeneSymbols } from './genes.ts';
import { confidenceSchema } from './panelModel.ts';
import { findCancerType } from './referenceStore.ts';

type Db = Kysely<DB>;

/**
 * The national gene list per cancer type. A curator edits one draft; publishing freezes it as the
 * next version, and published versions never change (the database refuses it too).
 */
export const geneListEntryInputSchema = z.object({
  symbol: z.string().trim().min(1),
  roles: z.array(z.enum(['diagnostic', 'predictive', 'prognostic', 'study'])).min(1),
  evidenceColour: confidenceSchema,
  status: geneListStatusSchema,
  variantTypes: z.array(variantTypeSchema).min(1),
  drugs: z.array(z.string()).default([]),
  approvalReference: z.string().nullable().default(null),
  trials: z.array(z.string()).default([]),
  guidelineSection: z.string().nullable().default(null),
  implementationNotes: z.string().nullable().default(null),
});
export type GeneListEntryInput = z.input<typeof geneListEntryInputSchema>;

export type GeneListEntry = Omit<z.infer<typeof geneListEntryInputSchema>, 'symbol'> & {
  hgncId: string;
  symbol: string;
};

async function cancerTypeOrThrow(db: Db, code: string) {
  const cancerType = await findCancerType(db, code);
  if (!cancerType) throw notFound(`cancer type ${code}`);
  return cancerType;
}

export async function listVersions(db: Db, code: string) {
  return db
    .selectFrom('gene_list_version as v')
    .leftJoin('app_user as p', 'p.id', 'v.published_by')
    .select([
      'v.id',
      'v.version',
      'v.status',
      'v.note',
      'v.created_at',
      'v.published_at',
      'p.display_name as published_by',
    ])
    .where('v.cancer_type_code', '=', code)
    .orderBy('v.version', 'desc')
    .execute();
}

export async function entriesOf(db: Db, versionId: string): Promise<GeneListEntry[]> {
  const rows = await db
    .selectFrom('gene_list_entry')
    .selectAll()
    .where('version_id', '=', versionId)
    .execute();
  const order = { mandatory: 0, recommended: 1, mentioned: 2, horizon: 3 };
  return rows
    .map((r) => ({
      hgncId: r.hgnc_id,
      symbol: r.symbol,
      roles: r.roles as GeneListEntry['roles'],
      evidenceColour: r.evidence_colour,
      status: r.status,
      variantTypes: r.variant_types as GeneListEntry['variantTypes'],
      drugs: r.drugs,
      approvalReference: r.approval_reference,
      trials: r.trials,
      guidelineSection: r.guideline_section,
      implementationNotes: r.implementation_notes,
    }))
    .sort((a, b) => order[a.status] - order[b.status] || a.symbol.localeCompare(b.symbol));
}

/** The gene list for a cancer type: the newest published version, or a named one, with its history. */
export async function geneList(db: Db, code: string, version?: number) {
  const cancerType = await cancerTypeOrThrow(db, code);
  const versions = await listVersions(db, code);
  const chosen =
    version === undefined
      ? versions.find((v) => v.status === 'published')
      : versions.find((v) => v.version === version);
  if (version !== undefined && !chosen) throw notFound(`version ${version} of the gene list for ${code}`);
  return {
    cancerType: { code: cancerType.code, name: cancerType.name },
    version: chosen
      ? {
          version: chosen.version,
          status: chosen.status,
          publishedAt: chosen.published_at?.toISOString() ?? null,
          note: chosen.note,
        }
      : null,
    entries: chosen ? await entriesOf(db, chosen.id) : [],
    versions: versions.map((v) => ({
      version: v.version,
      status: v.status,
      note: v.note,
      publishedAt: v.published_at?.toISOString() ?? null,
      publishedBy: v.published_by,
    })),
  };
}

/** Writes the draft (creating it from nothing if there is none): the complete list of entries. */
export async function saveDraft(
  db: Db,
  code: string,
  written: { entries: GeneListEntryInput[]; note: string | null },
  userId: string,
) {
  await cancerTypeOrThrow(db, code);
  const input = { ...written, entries: written.entries.map((e) => geneListEntryInputSchema.parse(e)) };
  const resolved = await resolveGeneSymbols(
    db,
    input.entries.map((e) => e.symbol),
  );
  const warnings: string[] = [];
  const problems = [];
  const entries: GeneListEntry[] = [];
  for (const [index, entry] of input.entries.entries()) {
    const match = lookupResolved(resolved, entry.symbol);
    if (match.status === 'unknown' || match.status === 'ambiguous') {
      problems.push({
        path: `/body/entries/${index}/symbol`,
        rule: 'unknown-gene',
        message: `${entry.symbol} is not a known gene symbol`,
      });
      continue;
    }
    if (match.status !== 'current') warnings.push(`entries[${index}]: ${match.warning}`);
    if (entries.some((e) => e.hgncId === match.hgncId)) {
      problems.push({
        path: `/body/entries/${index}`,
        rule: 'duplicate',
        message: `${match.symbol} is listed twice`,
      });
      continue;
    }
    entries.push({ ...entry, hgncId: match.hgncId, symbol: match.symbol });
  }
  if (problems.length > 0) throw badRequest(problems);

  return inTransaction(db, async (tx) => {
    const versions = await listVersions(tx, code);
    let draft = versions.find((v) => v.status === 'draft');
    if (draft) {
      await tx.deleteFrom('gene_list_entry').where('version_id', '=', draft.id).execute();
      await tx
        .updateTable('gene_list_version')
        .set({ note: input.note })
        .where('id', '=', draft.id)
        .execute();
    } else {
      const id = randomUUID();
      const version = (versions[0]?.version ?? 0) + 1;
      await tx
        .insertInto('gene_list_version')
        .values({
          id,
          cancer_type_code: code,
          version,
          status: 'draft',
          note: input.note,
          created_by: userId,
          published_at: null,
          published_by: null,
        })
        .execute();
      draft = {
        id,
        version,
        status: 'draft',
        note: input.note,
        created_at: new Date(),
        published_at: null,
        published_by: null,
      };
    }
    if (entries.length > 0) {
      await tx
        .insertInto('gene_list_entry')
        .values(
          entries.map((e) => ({
            version_id: draft.id,
            hgnc_id: e.hgncId,
            symbol: e.symbol,
            roles: e.roles,
            evidence_colour: e.evidenceColour,
            status: e.status,
            variant_types: e.variantTypes,
            drugs: e.drugs,
            approval_reference: e.approvalReference,
            trials: e.trials,
            guideline_section: e.guidelineSection,
            implementation_notes: e.implementationNotes,
          })),
        )
        .execute();
    }
    return { code, version: draft.version, status: 'draft' as const, warnings };
  });
}

export async function publishDraft(db: Db, code: string, userId: string) {
  await cancerTypeOrThrow(db, code);
  const draft = (await listVersions(db, code)).find((v) => v.status === 'draft');
  if (!draft) throw conflict(`there is no draft of the gene list for ${code} to publish`);
  await db
    .updateTable('gene_list_version')
    .set({ status: 'published', published_at: new Date(), published_by: userId })
    .where('id', '=', draft.id)
    .execute();
  return { code, version: draft.version, status: 'published' as const };
}

/** Labs' active analyses against the published list's mandatory and recommended genes. */
export async function coverage(db: Db, code: string) {
  const list = await geneList(db, code);
  if (!list.version) throw notFound(`a published gene list for ${code}`);
  const genes: NationalGeneListEntry[] = list.entries.map((e) => ({
    hgncId: e.hgncId,
    symbol: e.symbol,
    status: e.status,
    variantTypes: e.variantTypes,
  }));
  const analyses = await activeAnalysesWithGenes(db);
  const matrix = checkCoverage(
    genes,
    analyses.map((a) => ({
      id: a.slug,
      name: a.name,
      lab: a.lab_name,
      method: a.method,
      variantTypesDetected: a.variant_types as NationalGeneListEntry['variantTypes'],
      panelGenes: a.genes,
    })),
  );
  return { cancerType: list.cancerType, geneListVersion: list.version.version, ...matrix };
}
