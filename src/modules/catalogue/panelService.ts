import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import {
  badRequest,
  conflict,
  type FieldError,
  issueErrors,
  notFound,
  Problem,
} from '../../platform/http/problems.ts';
import { parseGeneListText } from './geneListText.ts';
import { lookupResolved, resolveGeneSymbols } from './genes.ts';
import { SymbolResolver } from './hgnc.ts';
import { exportPanelApp, importPanelApp, type PanelAppImport, PanelAppImportError } from './panelapp.ts';
import { diffPanels, nextVersion, parsePanelVersion } from './panelDiff.ts';
import { toBed, toGenetikkportalenList } from './panelFiles.ts';
import {
  confidenceSchema,
  genomicRegionSchema,
  type Panel,
  type PanelEntry,
  panelEntrySchema,
} from './panelModel.ts';
import * as store from './panelStore.ts';
import { genesForResolver } from './referenceStore.ts';

type Db = Kysely<DB>;

/** A panel entry as an editor writes it: a symbol (outdated ones resolve with a warning) or an HGNC id. */
export const panelEntryInputSchema = z
  .object({
    symbol: z.string().trim().min(1).optional(),
    hgncId: z.string().optional(),
    confidence: confidenceSchema,
    modeOfInheritance: z.string().nullable().default(null),
    transcript: z.string().nullable().default(null),
    regions: z.array(genomicRegionSchema).default([]),
    evidence: z.array(z.string()).default([]),
    phenotypes: z.array(z.string()).default([]),
    publications: z.array(z.string()).default([]),
  })
  .refine((e) => e.symbol || e.hgncId, { message: 'give the gene symbol or its HGNC id' });
export type PanelEntryInput = z.input<typeof panelEntryInputSchema>;

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,80}$/, 'use lower-case letters, digits and dashes');

/**
 * Resolves what an editor wrote into panel entries: every unknown or ambiguous symbol is reported
 * with its position, all at once, and nothing is stored unless every entry resolves.
 */
export async function resolveEntries(
  db: Db,
  written: readonly PanelEntryInput[],
): Promise<{ entries: PanelEntry[]; warnings: string[] }> {
  const inputs = written.map((entry) => panelEntryInputSchema.parse(entry));
  const resolved = await resolveGeneSymbols(
    db,
    inputs.flatMap((i) => (i.hgncId ? [] : [i.symbol as string])),
  );
  const knownIds = new Set(
    (
      await db
        .selectFrom('gene')
        .select('hgnc_id')
        .where('hgnc_id', 'in', ['', ...inputs.flatMap((i) => (i.hgncId ? [i.hgncId] : []))])
        .execute()
    ).map((g) => g.hgnc_id),
  );
  const symbols = new Map(
    (
      await db
        .selectFrom('gene')
        .select(['hgnc_id', 'symbol'])
        .where('hgnc_id', 'in', ['', ...knownIds])
        .execute()
    ).map((g) => [g.hgnc_id, g.symbol]),
  );
  const problems: FieldError[] = [];
  const warnings: string[] = [];
  const entries: PanelEntry[] = [];
  const seen = new Set<string>();
  for (const [index, input] of inputs.entries()) {
    const path = `/body/entries/${index}`;
    let hgncId: string;
    let symbol: string;
    if (input.hgncId) {
      if (!knownIds.has(input.hgncId)) {
        problems.push({
          path: `${path}/hgncId`,
          rule: 'unknown-gene',
          message: `${input.hgncId} is not a known HGNC id`,
        });
        continue;
      }
      hgncId = input.hgncId;
      symbol = symbols.get(hgncId) as string;
    } else {
      const match = lookupResolved(resolved, input.symbol as string);
      if (match.status === 'unknown' || match.status === 'ambiguous') {
        const message =
          match.status === 'unknown'
            ? `${input.symbol} is not a known gene symbol`
            : `${input.symbol} could be ${match.candidates.map((c) => c.symbol).join(' or ')}: give the HGNC id`;
        problems.push({
          path: `${path}/symbol`,
          rule: match.status === 'unknown' ? 'unknown-gene' : 'ambiguous-gene',
          message,
        });
        continue;
      }
      if (match.status !== 'current') warnings.push(`entries[${index}]: ${match.warning}`);
      hgncId = match.hgncId;
      symbol = match.symbol;
    }
    if (seen.has(hgncId)) {
      problems.push({ path, rule: 'duplicate', message: `${symbol} (${hgncId}) is listed twice` });
      continue;
    }
    seen.add(hgncId);
    const { hgncId: _h, symbol: _s, ...rest } = input;
    entries.push({ ...rest, hgncId, symbol });
  }
  if (problems.length > 0) throw badRequest(problems);
  const mane = await store.maneSelect(
    db,
    entries.filter((e) => !e.transcript).map((e) => e.hgncId),
  );
  const completed = entries.map((e) => ({ ...e, transcript: e.transcript ?? mane.get(e.hgncId) ?? null }));
  for (const [index, entry] of completed.entries()) {
    const check = panelEntrySchema.safeParse(entry);
    if (!check.success) {
      throw badRequest(issueErrors(`/body/entries/${index}`, check.error.issues));
    }
  }
  return { entries: completed, warnings };
}

async function panelOrThrow(db: Db, slug: string) {
  const panel = await store.findPanelBySlug(db, slug);
  if (!panel) throw notFound(`gene panel ${slug}`);
  return panel;
}

async function versionOrThrow(db: Db, panel: { id: string; slug: string }, version: string | 'latest') {
  const row = await store.findVersion(
    db,
    panel.id,
    version === 'latest' ? 'latest' : parseVersionParam(version),
  );
  if (!row) throw notFound(`version ${version} of gene panel ${panel.slug}`);
  return row;
}

function parseVersionParam(version: string) {
  try {
    return parsePanelVersion(version);
  } catch {
    throw badRequest([
      { path: '/params/version', rule: 'format', message: 'a version is major.minor, e.g. 1.3' },
    ]);
  }
}

/** A stored version as the panel model the file formats and the diff work on. */
export async function panelAt(
  db: Db,
  slug: string,
  version: string | 'latest',
): Promise<{ panel: Panel; versionId: string; signedOffAt: Date | null }> {
  const row = await panelOrThrow(db, slug);
  const v = await versionOrThrow(db, row, version);
  return {
    panel: { name: row.name, version: store.versionText(v), entries: await store.versionEntries(db, v.id) },
    versionId: v.id,
    signedOffAt: v.signed_off_at,
  };
}

export async function createPanel(
  db: Db,
  input: {
    slug: string;
    name: string;
    purpose: 'somatic' | 'germline';
    labId: string | null;
    entries: PanelEntryInput[];
    changeNote: string;
  },
  userId: string,
) {
  if (await store.findPanelBySlug(db, input.slug))
    throw conflict(`a gene panel called ${input.slug} exists already`);
  const { entries, warnings } = await resolveEntries(db, input.entries);
  return inTransaction(db, async (tx) => {
    const panelId = await store.insertPanel(tx, {
      slug: input.slug,
      name: input.name,
      purpose: input.purpose,
      labId: input.labId,
      panelappId: null,
    });
    await store.insertVersion(
      tx,
      { panelId, major: 0, minor: 1, previousId: null, changeNote: input.changeNote, createdBy: userId },
      entries,
    );
    return { slug: input.slug, version: '0.1', warnings };
  });
}

/** Any edit is a new minor version with the complete new list of entries. */
export async function editPanel(
  db: Db,
  slug: string,
  input: { entries: PanelEntryInput[]; changeNote: string },
  userId: string,
) {
  const panel = await panelOrThrow(db, slug);
  const latest = await versionOrThrow(db, panel, 'latest');
  const { entries, warnings } = await resolveEntries(db, input.entries);
  const version = nextVersion(store.versionText(latest), 'edit');
  await store.insertVersion(
    db,
    {
      panelId: panel.id,
      ...parsePanelVersion(version),
      previousId: latest.id,
      changeNote: input.changeNote,
      createdBy: userId,
    },
    entries,
  );
  return { slug, version, warnings };
}

/** A release is a new major version with the entries of the newest one. */
export async function releasePanel(db: Db, slug: string, changeNote: string, userId: string) {
  const panel = await panelOrThrow(db, slug);
  const latest = await versionOrThrow(db, panel, 'latest');
  const version = nextVersion(store.versionText(latest), 'release');
  const entries = await store.versionEntries(db, latest.id);
  await store.insertVersion(
    db,
    {
      panelId: panel.id,
      ...parsePanelVersion(version),
      previousId: latest.id,
      changeNote,
      createdBy: userId,
    },
    entries,
  );
  return { slug, version };
}

export async function signOff(db: Db, slug: string, version: string, userId: string) {
  const panel = await panelOrThrow(db, slug);
  const row = await versionOrThrow(db, panel, version);
  if (row.signed_off_at)
    throw conflict(`version ${version} of ${slug} was signed off on ${row.signed_off_at.toISOString()}`);
  await store.signOffVersion(db, row.id, userId);
  return { slug, version, signedOff: true };
}

export async function diffVersions(db: Db, slug: string, from: string, to: string) {
  const [before, after] = await Promise.all([panelAt(db, slug, from), panelAt(db, slug, to)]);
  return diffPanels(before.panel, after.panel);
}

export type ExportFormat = 'panelapp' | 'genetikkportalen' | 'bed';

export async function exportVersion(db: Db, slug: string, version: string, format: ExportFormat) {
  const { panel, signedOffAt } = await panelAt(db, slug, version);
  const stored = await panelOrThrow(db, slug);
  if (format === 'genetikkportalen')
    return { type: 'text/csv; charset=utf-8', body: toGenetikkportalenList(panel), extension: 'txt' };
  if (format === 'bed') return { type: 'text/plain; charset=utf-8', body: toBed(panel), extension: 'bed' };
  const json = exportPanelApp(panel, {
    id: stored.panelapp_id ?? 0,
    versionCreated: (signedOffAt ?? new Date()).toISOString(),
  });
  return { type: 'application/json', body: JSON.stringify(json, null, 2), extension: 'json' };
}

/**
 * A PanelApp panel into a new genvei panel (keeping PanelApp's version number), or into an existing
 * one as an edit. Symbols are checked against the stored HGNC genes.
 */
export async function importPanelAppPanel(
  db: Db,
  input: { slug: string; purpose: 'somatic' | 'germline'; labId: string | null; panelapp: unknown },
  userId: string,
) {
  let imported: PanelAppImport;
  try {
    imported = importPanelApp(input.panelapp, { resolver: new SymbolResolver(await genesForResolver(db)) });
  } catch (error) {
    if (error instanceof PanelAppImportError) {
      throw badRequest(
        error.problems.map((message) => ({ path: '/body/panelapp', rule: 'panelapp', message })),
      );
    }
    throw error;
  }
  const entries = imported.panel.entries.map((e) => ({ ...e }));
  const existing = await store.findPanelBySlug(db, input.slug);
  const result = await inTransaction(db, async (tx) => {
    if (existing)
      return editPanel(
        tx,
        input.slug,
        { entries, changeNote: `imported from PanelApp ${imported.panel.version}` },
        userId,
      );
    const panelId = await store.insertPanel(tx, {
      slug: input.slug,
      name: imported.panel.name,
      purpose: input.purpose,
      labId: input.labId,
      panelappId: imported.source.panelAppId,
    });
    const version = parsePanelVersion(imported.panel.version);
    await store.insertVersion(
      tx,
      { panelId, ...version, previousId: null, changeNote: 'imported from PanelApp', createdBy: userId },
      imported.panel.entries,
    );
    return { slug: input.slug, version: imported.panel.version, warnings: [] as string[] };
  });
  return { ...result, warnings: [...imported.warnings, ...result.warnings], skipped: imported.skipped };
}

/**
 * A gene list file as the next version of a panel (all green unless stated otherwise). Problems are
 * named by line: a malformed line, an unknown or ambiguous symbol, or an HGNC id we do not know.
 */
export async function importGeneListText(
  db: Db,
  slug: string,
  input: { text: string; changeNote: string; fileName: string },
  userId: string,
) {
  const { genes, problems } = parseGeneListText(input.text);
  const at = (line: number) => `/body/text (${input.fileName} line ${line})`;
  const errors: FieldError[] = problems.map((p) => ({
    path: at(p.line),
    rule: 'format',
    message: p.message,
  }));
  if (errors.length === 0) {
    try {
      return await editPanel(
        db,
        slug,
        {
          entries: genes.map((g) =>
            g.hgncId ? { hgncId: g.hgncId, confidence: 'green' } : { symbol: g.symbol, confidence: 'green' },
          ),
          changeNote: input.changeNote,
        },
        userId,
      );
    } catch (error) {
      if (!(error instanceof Problem) || !error.errors) throw error;
      // Entry n is the n-th gene in the file: point back at its line.
      for (const e of error.errors) {
        const index = Number(/^\/body\/entries\/(\d+)/.exec(e.path)?.[1]);
        errors.push({ ...e, path: Number.isInteger(index) ? at(genes[index]?.line ?? 0) : e.path });
      }
    }
  }
  throw badRequest(errors);
}
