import type { ReportContent, ReportLanguage } from './content.ts';
import { formatDate, formatDateTime, formatNationalId, formatNumber, formatPercent } from './format.ts';
import { WORDS } from './labels.ts';
import { field, present, resultBlocks } from './viewResults.ts';

/**
 * A report laid out as sections of labelled fields, paragraphs, lists and tables, already in one
 * language. The HTML and PDF renderers only draw this, so both carry the same words in the same
 * order and a section cannot appear in one and be forgotten in the other.
 */

export interface Field {
  label: string;
  value: string;
}

export interface Column {
  label: string;
  /** Relative width, for the PDF. */
  width: number;
  numeric?: boolean;
}

export type Block =
  | { kind: 'fields'; fields: Field[] }
  | { kind: 'heading'; text: string }
  | { kind: 'text'; label?: string; text: string; tone?: 'warning' }
  /** Cells may hold several lines separated by "\n". */
  | { kind: 'table'; caption: string; columns: Column[]; rows: string[][] }
  | { kind: 'list'; label?: string; items: string[] };

export type SectionId =
  | 'patient'
  | 'specimen'
  | 'method'
  | 'quality'
  | 'results'
  | 'coverage'
  | 'germline'
  | 'pathology'
  | 'conclusion'
  | 'signatures';

export interface ViewSection {
  id: SectionId;
  title: string;
  blocks: Block[];
}

export interface ReportView {
  lang: ReportLanguage;
  title: string;
  /** "UTKAST"/"DRAFT" across every page of a draft; null once signed. */
  watermark: string | null;
  lab: string;
  labDetail: string;
  patientLine: string;
  /** Order number, version and status, for the header and every page's footer. */
  statusLine: string;
  sections: ViewSection[];
  pageLabel(page: number, of: number): string;
}

export function buildReportView(content: ReportContent, lang: ReportLanguage): ReportView {
  const w = WORDS[lang];
  const { patient, lab } = content;
  const sections: ViewSection[] = [
    { id: 'patient', title: w.sections.patient, blocks: patientBlocks(content, lang) },
    { id: 'specimen', title: w.sections.specimen, blocks: specimenBlocks(content, lang) },
    { id: 'method', title: w.sections.method, blocks: methodBlocks(content, lang) },
    { id: 'quality', title: w.sections.quality, blocks: qualityBlocks(content, lang) },
    { id: 'results', title: w.sections.results, blocks: resultBlocks(content, lang) },
    { id: 'coverage', title: w.sections.coverage, blocks: coverageBlocks(content, lang) },
    { id: 'germline', title: w.sections.germline, blocks: germlineBlocks(content, lang) },
  ];
  if (content.pathology) {
    sections.push({ id: 'pathology', title: w.sections.pathology, blocks: pathologyBlocks(content, lang) });
  }
  sections.push(
    { id: 'conclusion', title: w.sections.conclusion, blocks: [{ kind: 'text', text: content.conclusion }] },
    { id: 'signatures', title: w.sections.signatures, blocks: signatureBlocks(content, lang) },
  );
  return {
    lang,
    title: w.title,
    watermark: content.status === 'draft' ? w.draft : null,
    lab: lab.name,
    labDetail: [`${w.field.organisationNumber} ${lab.organisationNumber}`, lab.accreditation]
      .filter(Boolean)
      .join(' · '),
    patientLine: `${patient.givenName} ${patient.familyName}, ${w.field.nationalId.toLowerCase()} ${formatNationalId(patient.nationalId)}`,
    statusLine: `${w.field.orderNumber} ${content.orderNumber} · ${w.field.version} ${content.version} · ${w.status[content.status]}`,
    sections,
    pageLabel: w.sentence.page,
  };
}

function patientBlocks(content: ReportContent, lang: ReportLanguage): Block[] {
  const w = WORDS[lang];
  const { patient, requester, lab } = content;
  const requesterName = requester.hprNumber
    ? `${requester.name} (${w.field.hpr} ${requester.hprNumber})`
    : requester.name;
  return [
    {
      kind: 'fields',
      fields: present([
        field(w.field.patient, `${patient.givenName} ${patient.familyName}`),
        field(w.field.nationalId, formatNationalId(patient.nationalId)),
        field(w.field.birthDate, formatDate(patient.birthDate, lang)),
        field(w.field.sex, w.sex[patient.sex]),
        field(w.field.requester, requesterName),
        field(
          w.field.organisation,
          [requester.organisation, requester.department].filter(Boolean).join(', '),
        ),
        field(w.field.lab, lab.name),
        field(w.field.organisationNumber, lab.organisationNumber),
        field(w.field.accreditation, lab.accreditation),
        field(w.field.orderNumber, content.orderNumber),
        field(w.field.version, String(content.version)),
        field(w.field.status, w.status[content.status]),
        field(
          w.field.previousVersion,
          content.previousVersion === null ? null : String(content.previousVersion),
        ),
        field(w.field.amendmentReason, content.amendmentReason),
      ]),
    },
  ];
}

function specimenBlocks(content: ReportContent, lang: ReportLanguage): Block[] {
  const w = WORDS[lang];
  const { specimen, clinical } = content;
  const { diagnosis } = clinical;
  const codes = [
    diagnosis.icd10 && `ICD-10 ${diagnosis.icd10}`,
    diagnosis.icdO3Morphology && `ICD-O-3 ${diagnosis.icdO3Morphology}`,
  ].filter(Boolean);
  return [
    {
      kind: 'fields',
      fields: present([
        field(w.field.specimenId, specimen.id),
        field(w.field.material, w.specimenKind[specimen.kind]),
        field(w.field.block, specimen.blockId),
        field(w.field.site, specimen.site),
        field(w.field.collectedOn, formatDate(specimen.collectedOn, lang)),
        field(w.field.receivedOn, specimen.receivedOn && formatDate(specimen.receivedOn, lang)),
        field(
          w.field.tumourCells,
          specimen.tumourCellPercent === null ? null : formatPercent(specimen.tumourCellPercent, lang),
        ),
        field(
          w.field.diagnosis,
          codes.length > 0 ? `${diagnosis.text} (${codes.join(', ')})` : diagnosis.text,
        ),
        field(w.field.question, clinical.question),
      ]),
    },
  ];
}

function methodBlocks(content: ReportContent, lang: ReportLanguage): Block[] {
  const w = WORDS[lang];
  const { method } = content;
  const lod = method.limitOfDetection;
  const lodText = [
    `VAF ${formatPercent(lod.vafPercent, lang, 1)}`,
    lang === 'nb' ? `minst ${lod.minimumDepth} lesninger` : `at least ${lod.minimumDepth} reads`,
    lod.minimumTumourCellPercent === null
      ? null
      : `${formatPercent(lod.minimumTumourCellPercent, lang)} ${lang === 'nb' ? 'tumorceller' : 'tumour cells'}`,
  ].filter(Boolean);
  return [
    {
      kind: 'fields',
      fields: present([
        field(w.field.analysis, method.analysis),
        field(
          w.field.panel,
          `${method.panel.name}, ${w.field.version.toLowerCase()} ${method.panel.version}`,
        ),
        field(w.field.genes, method.panel.genes.join(', ')),
        field(w.field.contentReference, method.panel.contentReference),
        field(w.field.detects, method.detects.map((d) => w.alteration[d]).join(', ')),
        field(w.field.platform, method.platform),
        field(w.field.limitOfDetection, lodText.join('; ')),
        field(w.field.referenceGenome, method.referenceGenome),
        field(w.field.pipeline, `${method.pipeline.name} ${method.pipeline.version}`),
        field(
          w.field.knowledgeSources,
          method.knowledgeSources.map((s) => `${s.name} ${s.release}`).join(', '),
        ),
        field(w.field.performedOn, formatDate(method.performedOn, lang)),
      ]),
    },
  ];
}

function qualityBlocks(content: ReportContent, lang: ReportLanguage): Block[] {
  const w = WORDS[lang];
  const { quality } = content;
  return [
    {
      kind: 'fields',
      fields: present([
        field(w.field.adequacy, w.adequacy[quality.adequacy]),
        field(w.field.reasons, quality.reasons.map((r) => w.reason[r]).join(', ')),
        field(w.field.comment, quality.comment),
        field(
          w.field.meanDepth,
          quality.meanDepth === null ? null : `${formatNumber(quality.meanDepth, lang, 0)}×`,
        ),
        field(
          w.field.targetsAtMinimumDepth,
          quality.targetsAtMinimumDepthPercent === null
            ? null
            : formatPercent(quality.targetsAtMinimumDepthPercent, lang, 1),
        ),
      ]),
    },
  ];
}

function coverageBlocks(content: ReportContent, lang: ReportLanguage): Block[] {
  const w = WORDS[lang];
  if (content.coverageGaps.length === 0) return [{ kind: 'text', text: w.sentence.noCoverageGaps }];
  return [
    {
      kind: 'table',
      caption: w.sections.coverage,
      columns: [
        { label: w.field.gene, width: 1 },
        { label: w.field.region, width: 3 },
        { label: w.field.meanDepth, width: 1.4, numeric: true },
      ],
      rows: content.coverageGaps.map((g) => [
        g.gene.symbol,
        g.region,
        g.meanDepth === null ? '' : `${formatNumber(g.meanDepth, lang, 0)}×`,
      ]),
    },
  ];
}

function germlineBlocks(content: ReportContent, lang: ReportLanguage): Block[] {
  const w = WORDS[lang];
  const { germline } = content;
  if (!germline.present) return [{ kind: 'text', text: w.sentence.noGermlineSuspicion }];
  const blocks: Block[] = [{ kind: 'text', text: germline.note ?? '', tone: 'warning' }];
  if (germline.referralRecommended) blocks.push({ kind: 'text', text: w.sentence.referral, tone: 'warning' });
  return blocks;
}

function pathologyBlocks(content: ReportContent, lang: ReportLanguage): Block[] {
  const w = WORDS[lang];
  const pathology = content.pathology;
  if (!pathology) return [{ kind: 'text', text: w.sentence.notIntegrated }];
  const blocks: Block[] = [{ kind: 'text', label: w.field.morphology, text: pathology.morphology }];
  if (pathology.immunohistochemistry.length > 0) {
    blocks.push({
      kind: 'table',
      caption: w.field.ihc,
      columns: [
        { label: w.field.marker, width: 1 },
        { label: w.field.result, width: 3 },
      ],
      rows: pathology.immunohistochemistry.map((f) => [f.marker, f.result]),
    });
  }
  blocks.push({ kind: 'text', label: w.field.integratedConclusion, text: pathology.integratedConclusion });
  blocks.push(
    pathology.discordance
      ? { kind: 'text', label: w.field.discordance, text: pathology.discordance, tone: 'warning' }
      : { kind: 'text', text: w.sentence.concordant },
  );
  return blocks;
}

function signatureBlocks(content: ReportContent, lang: ReportLanguage): Block[] {
  const w = WORDS[lang];
  if (content.signatures.length === 0) return [{ kind: 'text', text: w.sentence.unsigned }];
  return [
    {
      kind: 'table',
      caption: w.sections.signatures,
      columns: [
        { label: w.field.signedBy, width: 2 },
        { label: w.field.role, width: 1.6 },
        { label: w.field.hpr, width: 1 },
        { label: w.field.signedAt, width: 1.4 },
      ],
      rows: content.signatures.map((s) => [
        s.name,
        w.role[s.role],
        s.hprNumber ?? '',
        formatDateTime(s.signedAt, lang),
      ]),
    },
  ];
}
