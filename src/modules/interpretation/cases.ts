import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { badRequest, conflict, notFound } from '../../platform/http/problems.ts';
import { currentAssessments, type Scheme } from '../knowledge/service.ts';
import { buildCaseRows, type CaseRow } from './caseRows.ts';
import {
  suggestGermlineCriteria,
  suggestOncogenicityCriteria,
  type VariantFacts,
} from './classification/index.ts';
import { bindPanel, checkFilterChain, type FilterChain, parseFilterChain } from './filters/chain.ts';
import { DEFAULT_FILTER_CHAINS, GERMLINE, SOMATIC_TUMOUR_DNA_PANEL } from './filters/defaultChains.ts';
import { applyFilterChain } from './filters/engine.ts';
import type { FilterMatch, KeptVariant, PriorClass } from './filters/model.ts';
import { ONCOGENES, TUMOUR_SUPPRESSORS } from './hotspots.ts';
import { interpretationRefusal as why } from './refusals.ts';
import {
  type CaseRecord,
  caseRows,
  findCase,
  insertCaseRows,
  latestDecisions,
  panelSnapshot,
  pulledBack,
  rounds,
} from './store.ts';

type Db = Kysely<DB>;

export type InterpretationSettings = {
  /** An assessment older than this must be re-reviewed before a case reuses it. */
  assessmentMaxAgeDays: number;
};

export const schemeOf = (origin: 'somatic' | 'germline'): Scheme =>
  origin === 'somatic' ? 'clingen-cgc-vicc-2022' : 'acmg-2015';

/** The built-in chains and the latest version of every chain a lab has defined. */
export async function filterChains(db: Db): Promise<FilterChain[]> {
  const stored = await db
    .selectFrom('filter_chain')
    .select(['id', 'version', 'definition'])
    .orderBy('id')
    .orderBy('version', 'desc')
    .execute();
  const latest = new Map<string, FilterChain>();
  for (const row of stored)
    if (!latest.has(row.id))
      latest.set(row.id, { ...(row.definition as unknown as FilterChain), version: row.version });
  return [...DEFAULT_FILTER_CHAINS, ...latest.values()];
}

export async function chainById(db: Db, id: string): Promise<FilterChain> {
  const chains = await filterChains(db);
  const chain = chains.find((c) => c.id === id);
  if (!chain)
    throw badRequest([
      {
        path: '/querystring/chain',
        rule: 'enum',
        message: `no filter chain ${id}; known: ${chains.map((c) => c.id).join(', ')}`,
      },
    ]);
  return chain;
}

/** A lab's own chain, or a new version of it; the definition is checked and every problem named. */
export async function saveFilterChain(db: Db, definition: unknown, labId: string, userId: string) {
  const problems = checkFilterChain(definition);
  if (problems.length > 0)
    throw badRequest(
      problems.map((problem) => {
        const [where, ...rest] = problem.split(': ');
        return {
          path: `/body/${(where ?? '')
            .replace(/\[(\d+)\]/g, '.$1')
            .split('.')
            .join('/')}`,
          rule: 'filter-chain',
          message: rest.join(': ') || problem,
        };
      }),
    );
  const chain = parseFilterChain(definition);
  if (DEFAULT_FILTER_CHAINS.some((c) => c.id === chain.id))
    throw badRequest([
      { path: '/body/id', rule: 'unique', message: `${chain.id} is a built-in chain; give yours another id` },
    ]);
  const previous = await db
    .selectFrom('filter_chain')
    .select(['version', 'lab_id'])
    .where('id', '=', chain.id)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (previous && previous.lab_id !== labId)
    throw conflict(
      `the chain ${chain.id} belongs to another lab; give yours another id`,
      why('chain-of-another-lab', { chain: chain.id }),
    );
  const version = (previous?.version ?? 0) + 1;
  await db
    .insertInto('filter_chain')
    .values({
      id: chain.id,
      version,
      lab_id: labId,
      definition: JSON.stringify({ ...chain, version }),
      created_by: userId,
    })
    .execute();
  return { id: chain.id, version };
}

/** A case for an order whose sequencing data is in: its tumour (or germline) sample's variants. */
export async function createCase(db: Db, orderId: string, userId: string) {
  const order = await db
    .selectFrom('clinical_order')
    .select(['id', 'performing_lab_id', 'clinical'])
    .where('id', '=', orderId)
    .executeTakeFirst();
  if (!order) throw notFound(`order ${orderId}`);
  const samples = await db
    .selectFrom('sequenced_sample as s')
    .innerJoin('sequencing_file as f', 'f.id', 's.file_id')
    .select(['s.id', 's.role', 's.file_id', 'f.ingested_at'])
    .where('f.order_id', '=', orderId)
    .where('f.format', '=', 'vcf')
    .orderBy('f.ingested_at', 'desc')
    .execute();
  const main = samples.find((s) => s.role === 'tumor' || s.role === 'germline');
  if (!main)
    throw conflict('no tumour or germline VCF has been ingested for this order yet', why('no-vcf', {}));
  const existing = await db
    .selectFrom('interpretation_case')
    .select('id')
    .where('tumour_sample_id', '=', main.id)
    .executeTakeFirst();
  if (existing)
    throw conflict(
      `this sample already has a case: ${existing.id}`,
      why('case-exists', { caseId: existing.id }),
    );
  const normal = samples.find((s) => s.role === 'normal' && s.file_id === main.file_id) ?? null;
  const origin = main.role === 'germline' ? 'germline' : 'somatic';
  const diagnosis = (order.clinical as { diagnosis?: { oncotree?: string } }).diagnosis?.oncotree;
  const rows = await buildCaseRows(db, { tumour: main.id, normal: normal?.id ?? null, origin });
  const id = randomUUID();
  await db
    .insertInto('interpretation_case')
    .values({
      id,
      order_id: orderId,
      lab_id: order.performing_lab_id,
      tumour_sample_id: main.id,
      normal_sample_id: normal?.id ?? null,
      context: origin === 'germline' ? 'germline' : (diagnosis ?? 'unknown'),
      origin,
      filter_chain: origin === 'germline' ? GERMLINE.id : SOMATIC_TUMOUR_DNA_PANEL.id,
      status: 'interpreting',
      created_by: userId,
    })
    .execute();
  await insertCaseRows(db, id, rows);
  await db
    .insertInto('case_round')
    .values({ case_id: id, number: 1, kind: 'interpretation', opened_by: userId })
    .execute();
  return { id, variants: rows.length };
}

export async function requireCase(db: Db, caseId: string): Promise<CaseRecord> {
  const found = await findCase(db, caseId);
  if (!found) throw notFound(`case ${caseId}`);
  return found;
}

/** The case header: what it is, where it stands, its rounds. */
export async function viewCase(db: Db, caseId: string) {
  const record = await requireCase(db, caseId);
  return { ...record, rounds: await rounds(db, caseId), chains: DEFAULT_FILTER_CHAINS };
}

/** Criteria the annotation supports, offered to the person classifying (never applied by themselves). */
function suggest(row: CaseRow, origin: 'somatic' | 'germline') {
  const facts: VariantFacts = {
    consequences: row.consequences,
    ...(row.gene
      ? {
          gene: {
            symbol: row.gene,
            ...(TUMOUR_SUPPRESSORS.has(row.gene)
              ? { roleInCancer: 'tumour-suppressor' as const, mechanism: 'loss-of-function' as const }
              : ONCOGENES.has(row.gene)
                ? { roleInCancer: 'oncogene' as const }
                : {}),
          },
        }
      : {}),
    ...(row.populationAf !== null
      ? { population: { alleleFrequency: row.populationAf, source: 'VEP annotation' } }
      : {}),
    ...(row.hotspot ? { hotspot: { source: 'genvei hotspot list' } } : {}),
  };
  return origin === 'somatic' ? suggestOncogenicityCriteria(facts) : suggestGermlineCriteria(facts);
}

const ageInDays = (since: Date) => Math.floor((Date.now() - since.getTime()) / 86_400_000);

/**
 * The work-list under a filter chain: kept and removed variants (each removed one names its
 * filter), the latest decision on each, and other assessments of the same variant and context
 * offered for reuse with their age.
 */
export async function worklist(db: Db, caseId: string, settings: InterpretationSettings, chainId?: string) {
  const record = await requireCase(db, caseId);
  const scheme = schemeOf(record.origin);
  const [rows, decisions, pulled, panel] = await Promise.all([
    caseRows(db, caseId),
    latestDecisions(db, caseId),
    pulledBack(db, caseId),
    panelSnapshot(db, record.panel_version_id),
  ]);
  const current = await currentAssessments(db, { caseId }, scheme, record.context);
  const offers = new Map<number, typeof current>();
  for (const c of current) offers.set(c.variant_id, [...(offers.get(c.variant_id) ?? []), c]);
  const withPrior = rows.map((row): CaseRow => {
    const known = offers.get(row.id) ?? [];
    const own = known.find((k) => k.lab_id === record.lab_id) ?? known[0];
    return { ...row, priorClass: (own?.classification as PriorClass | undefined) ?? null };
  });
  let chain = await chainById(db, chainId ?? record.filter_chain);
  if (panel) chain = bindPanel(chain, panel);
  else chain = { ...chain, filters: chain.filters.filter((f) => f.kind !== 'gene-panel') };
  const result = applyFilterChain(chain, withPrior, pulled);
  const NO_OFFERS: never[] = [];
  // Rows are written out field by field: 5,000 spreads of these objects cost more than the filters.
  const present = (row: CaseRow, removedBy: FilterMatch | null, kept?: KeptVariant) => {
    const known = offers.get(row.id);
    return {
      id: row.id,
      label: row.label,
      gene: row.gene,
      chrom: row.chrom,
      pos: row.pos,
      ref: row.ref,
      alt: row.alt,
      kind: row.kind,
      consequences: row.consequences,
      impact: row.impact,
      transcript: row.transcript,
      hgvsc: row.hgvsc,
      hgvsp: row.hgvsp,
      populationAf: row.populationAf,
      vaf: row.vaf,
      depth: row.depth,
      altDepth: row.altDepth,
      filters: row.filters,
      qual: row.qual,
      origin: row.origin,
      hotspot: row.hotspot,
      priorClass: row.priorClass,
      genotype: row.genotype,
      identityKey: row.identityKey,
      vrsId: row.vrsId,
      keptBecause: kept?.keptBecause ?? null,
      overrode: kept?.overrode ?? null,
      filter: removedBy?.filter ?? null,
      filterKind: removedBy?.kind ?? null,
      // The reason in English words, and as a code with params for the web app to word it.
      reason: removedBy?.reason ?? null,
      reasonCode: removedBy?.reasonCode ?? null,
      reasonParams: removedBy?.reasonParams ?? null,
      decision: decisions.get(row.id) ?? null,
      // Suggestions only for the work-list itself: a person confirms or ignores each.
      suggestions: removedBy ? NO_OFFERS : suggest(row, record.origin),
      offers: known
        ? known.map((o) => ({
            ...o,
            ageDays: ageInDays(o.finalised_at),
            reReviewRequired: ageInDays(o.finalised_at) > settings.assessmentMaxAgeDays,
            ownLab: o.lab_id === record.lab_id,
          }))
        : NO_OFFERS,
    };
  };
  return {
    caseId,
    status: record.status,
    scheme,
    context: record.context,
    chain: {
      id: chain.id,
      name: chain.name,
      version: chain.version,
      filters: chain.filters.map((f) => ({ name: f.name, kind: f.kind })),
    },
    panel: panel ? { name: panel.name, version: panel.version, genes: panel.genes.length } : null,
    counts: result.counts,
    kept: result.kept.map((row) => present(row as CaseRow, null, row)),
    removed: result.removed.map((r) => present(r.variant as CaseRow, r, undefined)),
  };
}
