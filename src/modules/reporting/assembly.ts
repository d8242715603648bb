import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { conflict, notFound } from '../../platform/http/problems.ts';
import { segmentsOf } from '../genomics/store.ts';
import { caseRows, latestDecisions, panelSnapshot } from '../interpretation/service.ts';
import { knowledgeReleases } from '../knowledge/service.ts';
import type {
  AlterationType,
  ClinicalImplication,
  CopyNumberFinding,
  FusionFinding,
  MsiStatus,
  ReportContent,
  SequenceVariant,
  VariantClassification,
} from './content.ts';
import { reportRefusal } from './refusals.ts';

/** The copy-number calls a report names: a gain or a single-copy loss is not reported. */
const REPORTED_CALLS = new Set(['amplification', 'homdel', 'deletion']);

/**
 * Whether a fusion partner can stand in a report as a gene: a partner in no gene (null) cannot,
 * nor Arriba's neighbouring genes of an intergenic breakpoint (`LINC01234(1520),BRAF(24388)`).
 */
function isSymbol(gene: string | null): gene is string {
  return gene !== null && !/[(),]/.test(gene);
}

/**
 * The first draft of a report, assembled from a finalised case and everything around it: the
 * order and patient, the specimen, the analysis and panel, the files' provenance, the sample's
 * metrics and calls, and each classified variant with its assessment. People edit the draft
 * (interpretation, pathology findings, conclusion) before it is signed.
 */
type Db = Kysely<DB>;

export const TEMPLATE_VERSION = 'genvei-nasjonal-mal-1.0';
const TMB_HIGH_AT = 10;
const DETECTS: Record<string, AlterationType> = { SNV: 'snv', indel: 'indel', CNV: 'cnv', fusion: 'fusion' };
const MSI: Record<string, MsiStatus> = {
  'MSI-H': 'msi-high',
  'MSI-L': 'msi-low',
  MSS: 'stable',
  indeterminate: 'indeterminate',
};
const afterColon = (text: string | null) => (text?.includes(':') ? text.slice(text.indexOf(':') + 1) : text);
const beforeColon = (text: string | null) => (text?.includes(':') ? text.slice(0, text.indexOf(':')) : null);
const unclassified: VariantClassification = {
  scheme: 'amp-asco-cap-2017',
  class: 'III',
  amp: { tier: 'III', level: null },
  escat: null,
};

export async function assembleReport(db: Db, caseId: string): Promise<ReportContent> {
  const c = await db
    .selectFrom('interpretation_case as c')
    .innerJoin('clinical_order as o', 'o.id', 'c.order_id')
    .innerJoin('patient as p', 'p.id', 'o.patient_id')
    .innerJoin('app_user as requester', 'requester.id', 'o.requester_user_id')
    .innerJoin('organisation as requesting', 'requesting.id', 'o.requesting_organisation_id')
    .innerJoin('organisation as labOrg', 'labOrg.id', 'c.lab_id')
    .leftJoin('lab as labInfo', 'labInfo.organisation_id', 'c.lab_id')
    .innerJoin('analysis as a', 'a.id', 'o.analysis_id')
    .innerJoin('sequenced_sample as s', 's.id', 'c.tumour_sample_id')
    .innerJoin('sequencing_file as f', 'f.id', 's.file_id')
    .innerJoin('specimen as sp', 'sp.id', 's.specimen_id')
    .select([
      'c.status',
      'c.context',
      'c.origin',
      'o.order_number',
      'o.clinical',
      'o.requester_hpr',
      'p.given_name',
      'p.family_name',
      'p.national_id',
      'p.birth_date',
      'p.sex',
      'requester.display_name as requester_name',
      'requesting.name as requesting_name',
      'labOrg.name as lab_name',
      'labOrg.org_number as lab_org_number',
      'labInfo.accreditation_standard',
      'labInfo.accreditation_number',
      'a.name as analysis_name',
      'a.platform',
      'a.variant_types',
      'a.min_tumour_cell_percent',
      'a.panel_version_id',
      'f.reference_build',
      'f.pipeline',
      'f.pipeline_version',
      'f.ingested_at',
      's.specimen_id',
      's.id as tumour_sample',
      'sp.tumour_cell_percent',
    ])
    .where('c.id', '=', caseId)
    .executeTakeFirst();
  if (!c) throw notFound(`case ${caseId}`);
  if (c.status !== 'finalised')
    throw conflict(
      'a report is drafted from a finalised case; finalise the case first',
      reportRefusal('case-not-finalised', {}),
    );

  const clinical = c.clinical as {
    diagnosis?: { oncotree?: string; text?: string; icd10?: string };
    question?: string;
  };
  const [cancerType, panel, releases, rows, decisions, metrics, segments, fusions, qc] = await Promise.all([
    clinical.diagnosis?.oncotree
      ? db
          .selectFrom('cancer_type')
          .select('name')
          .where('code', '=', clinical.diagnosis.oncotree)
          .executeTakeFirst()
      : undefined,
    panelSnapshot(db, c.panel_version_id).then(
      (p) => p && { ...p, genes: p.genes.map((g) => g.symbol).sort() },
    ),
    knowledgeReleases(db),
    caseRows(db, caseId),
    latestDecisions(db, caseId),
    db
      .selectFrom('sample_metrics as m')
      .innerJoin('sequenced_sample as s', 's.id', 'm.sample_id')
      .selectAll('m')
      .where('s.specimen_id', '=', c.specimen_id)
      .where('s.role', '=', 'tumor')
      .execute(),
    // The calls are made as the segments are read (segmentsOf), so the report filters here.
    segmentsOf(db, c.specimen_id).then((all) => all.filter((g) => REPORTED_CALLS.has(g.call))),
    db
      .selectFrom('fusion_call as u')
      .innerJoin('sequenced_sample as s', 's.id', 'u.sample_id')
      .selectAll('u')
      .where('s.specimen_id', '=', c.specimen_id)
      // A caller that gives no frame (STAR-Fusion without --examine_coding_effect, a table
      // without Frame) leaves it unknown: such a call is proposed, saying so, for the lab to
      // judge. Out-of-frame, stop-codon and non-coding calls make no fusion protein.
      .where('u.frame', 'in', ['in-frame', 'unknown'])
      .orderBy('u.line')
      .execute(),
    db
      .selectFrom('sample_qc')
      .select(['depth_quantiles'])
      .where('sample_id', '=', c.tumour_sample)
      .executeTakeFirst(),
  ]);
  const specimen = await primarySpecimen(db, c.specimen_id);
  const diagnosisText = clinical.diagnosis?.text ?? cancerType?.name ?? c.context;

  const variants: SequenceVariant[] = [];
  for (const row of rows) {
    const decision = decisions.get(row.id);
    if (decision?.decision !== 'classified' || !decision.classification) continue;
    const classification = {
      scheme: decision.scheme,
      class: decision.classification,
      amp: decision.amp_tier ? { tier: decision.amp_tier, level: decision.amp_level } : null,
      escat: decision.escat,
    } as VariantClassification;
    const evidence = (decision.evidence ?? []) as {
      type: string;
      level?: string;
      source: string;
      text: string;
      therapies?: string[];
    }[];
    variants.push({
      id: String(row.id),
      gene: { symbol: row.gene ?? row.chrom, hgncId: null },
      transcript: row.transcript ?? beforeColon(row.hgvsc) ?? '',
      hgvsc: afterColon(row.hgvsc) ?? '',
      protein: beforeColon(row.hgvsp),
      hgvsp: afterColon(row.hgvsp),
      genomic: {
        assembly: (c.reference_build === 'GRCh37' ? 'GRCh37' : 'GRCh38') as 'GRCh37' | 'GRCh38',
        chromosome: row.chrom,
        position: row.pos,
        ref: row.ref,
        alt: row.alt,
        hgvsg: null,
      },
      vaf: row.vaf ?? 0,
      depth: row.depth ?? 0,
      origin: row.origin,
      consequence: row.consequences[0] ?? null,
      classification,
      interpretation: decision.interpretation ?? '',
      implications: evidence
        .filter((e) => ['therapeutic', 'diagnostic', 'prognostic'].includes(e.type))
        .map(
          (e): ClinicalImplication => ({
            kind: e.type as ClinicalImplication['kind'],
            text: e.text || e.source,
            drugs: (e.therapies ?? []).map((name) => ({ name, atc: null })),
            response: e.type === 'therapeutic' ? 'responsive' : null,
            evidenceLevel: e.level ?? null,
            source: e.source,
            condition: { text: diagnosisText, icd10: clinical.diagnosis?.icd10 ?? null },
          }),
        ),
      trials: [],
    });
  }

  const copyNumbers: CopyNumberFinding[] = segments.flatMap((g) =>
    g.genes
      .filter((gene) => !panel || panel.genes.includes(gene))
      .map((gene) => ({
        id: `cnv-${g.id}-${gene}`,
        gene: { symbol: gene, hgncId: null },
        kind: g.call === 'amplification' ? ('amplification' as const) : ('deletion' as const),
        copyNumber: g.copy_number,
        iscn: null,
        classification: unclassified,
        interpretation:
          g.call === 'amplification'
            ? `Amplifikasjon av ${gene}${g.copy_number ? ` (${g.copy_number} kopier)` : ''}.`
            : `${g.call === 'homdel' ? 'Homozygot delesjon' : 'Dyp delesjon'} av ${gene}.`,
        implications: [],
        trials: [],
      })),
  );
  // A report's fusion names two genes (HGNC symbols; FHIR's gene-studied components). A call with a
  // partner in no gene, or between genes, stays on the specimen's page rather than enter the
  // report half-named (isSymbol).
  const fusionFindings: FusionFinding[] = fusions.flatMap(({ gene5, gene3, ...u }) =>
    !isSymbol(gene5) || !isSymbol(gene3)
      ? []
      : [
          {
            id: `fusion-${u.id}`,
            fivePrime: { symbol: gene5, hgncId: null },
            threePrime: { symbol: gene3, hgncId: null },
            description: `${u.name} (${u.chrom5}:${u.pos5}::${u.chrom3}:${u.pos3}), ${u.frame === 'in-frame' ? 'leseramme bevart' : 'leseramme ikke oppgitt av fusjonskalleren'}`,
            supportingReads: (u.junction_reads ?? 0) + (u.spanning_reads ?? 0),
            iscn: null,
            classification: unclassified,
            interpretation: `Fusjon ${u.name} påvist.`,
            implications: [],
            trials: [],
          },
        ],
  );

  const m = metrics[0];
  const germlinePathogenic = variants.filter(
    (v) => v.origin === 'germline' && ['pathogenic', 'likely-pathogenic'].includes(v.classification.class),
  );
  const minimumTumourCells = c.min_tumour_cell_percent;
  const tumourCells = c.tumour_cell_percent;
  const limited = minimumTumourCells !== null && tumourCells !== null && tumourCells < minimumTumourCells;
  const medianDepth = (qc?.depth_quantiles as Record<string, number> | undefined)?.p50 ?? null;

  return {
    templateVersion: TEMPLATE_VERSION,
    orderNumber: c.order_number,
    version: 1,
    status: 'draft',
    amendmentReason: null,
    previousVersion: null,
    preparedAt: new Date().toISOString(),
    patient: {
      givenName: c.given_name,
      familyName: c.family_name,
      nationalId: c.national_id,
      birthDate: c.birth_date,
      sex: c.sex,
    },
    requester: {
      name: c.requester_name,
      hprNumber: c.requester_hpr,
      organisation: c.requesting_name,
      department: null,
    },
    lab: {
      name: c.lab_name,
      organisationNumber: c.lab_org_number,
      accreditation: c.accreditation_standard
        ? `${c.accreditation_standard} ${c.accreditation_number ?? ''}`.trim()
        : null,
    },
    specimen: {
      id: specimen.id,
      kind: specimen.kind as ReportContent['specimen']['kind'],
      blockId: specimen.block_id,
      site: specimen.site ?? '',
      collectedOn: specimen.collection_date ?? '',
      receivedOn: specimen.received_at ? specimen.received_at.toISOString().slice(0, 10) : null,
      tumourCellPercent: specimen.tumour_cell_percent,
    },
    clinical: {
      diagnosis: {
        text: diagnosisText,
        icd10: clinical.diagnosis?.icd10 ?? null,
        icdO3Morphology: null,
        oncotree: clinical.diagnosis?.oncotree ?? null,
      },
      question: clinical.question ?? '',
    },
    method: {
      analysis: c.analysis_name,
      panel: {
        name: panel?.name ?? c.analysis_name,
        version: panel?.version ?? '–',
        genes: panel?.genes ?? [],
        contentReference: null,
      },
      detects: [
        ...c.variant_types.flatMap((t) => (DETECTS[t] ? [DETECTS[t]] : [])),
        ...(m?.tmb !== null && m?.tmb !== undefined ? (['tmb'] as const) : []),
        ...(m?.msi_status ? (['msi'] as const) : []),
      ],
      platform: c.platform ?? '–',
      limitOfDetection: { vafPercent: 5, minimumDepth: 100, minimumTumourCellPercent: minimumTumourCells },
      referenceGenome: c.reference_build === 'GRCh37' ? 'GRCh37' : 'GRCh38',
      pipeline: { name: c.pipeline ?? 'ukjent', version: c.pipeline_version ?? '–' },
      knowledgeSources: releases.map(({ source, release }) => ({
        name: source === 'civic' ? 'CIViC' : source === 'clinvar' ? 'ClinVar' : source,
        release,
      })),
      performedOn: c.ingested_at.toISOString().slice(0, 10),
    },
    quality: {
      adequacy: limited ? 'limited' : 'adequate',
      reasons: limited ? ['too-few-tumour-cells'] : [],
      comment: limited
        ? `Tumorcelleandel ${tumourCells} % er under analysens minimum ${minimumTumourCells} %.`
        : null,
      meanDepth: medianDepth,
      targetsAtMinimumDepthPercent: null,
    },
    variants,
    copyNumbers,
    fusions: fusionFindings,
    biomarkers: {
      tmb:
        m?.tmb !== null && m?.tmb !== undefined
          ? {
              value: m.tmb,
              status: m.tmb >= TMB_HIGH_AT ? 'high' : 'low',
              threshold: TMB_HIGH_AT,
              interpretation: null,
            }
          : null,
      msi: m?.msi_status
        ? {
            status: MSI[m.msi_status] ?? 'indeterminate',
            score: m.msi_score,
            method: m.msi_method,
            interpretation: null,
          }
        : null,
    },
    coverageGaps: [],
    germline: {
      present: germlinePathogenic.length > 0,
      note: germlinePathogenic.length
        ? `Mulig arvelig variant: ${germlinePathogenic.map((v) => `${v.gene.symbol} ${v.hgvsc}`).join(', ')}.`
        : null,
      referralRecommended: germlinePathogenic.length > 0,
    },
    pathology: null,
    conclusion: conclusionDraft(variants, diagnosisText),
    signatures: [],
  };
}

function conclusionDraft(variants: SequenceVariant[], diagnosis: string): string {
  const actionable = variants.filter(
    (v) => v.classification.amp && ['I', 'II'].includes(v.classification.amp.tier),
  );
  if (actionable.length === 0) return `Ingen behandlingsrettede varianter påvist (${diagnosis}).`;
  return `Påvist ${actionable
    .map(
      (v) =>
        `${v.gene.symbol} ${v.hgvsp ?? v.hgvsc} (AMP nivå ${v.classification.amp?.tier}${v.classification.amp?.level ?? ''})`,
    )
    .join(', ')} ved ${diagnosis}.`;
}

/** The specimen as taken from the patient: a DNA extract or aliquot reports its source block. */
async function primarySpecimen(db: Db, specimenId: string) {
  let current = await db
    .selectFrom('specimen')
    .selectAll()
    .where('id', '=', specimenId)
    .executeTakeFirstOrThrow();
  while (current.parent_id && ['dna', 'rna', 'aliquot'].includes(current.kind)) {
    current = await db
      .selectFrom('specimen')
      .selectAll()
      .where('id', '=', current.parent_id)
      .executeTakeFirstOrThrow();
  }
  return current;
}
