import { checkPersonId } from '../../platform/identifiers/fodselsnummer.ts';
import { checkOrganisationNumber } from '../../platform/identifiers/organisationNumber.ts';
import type { SpecimenKind } from '../orders/vocabulary.ts';
import {
  type ClinicalImplication,
  type Finding,
  findingsOf,
  type GeneRef,
  type ReportContent,
  type SequenceVariant,
} from './content.ts';

/**
 * What the national template makes mandatory before a report may be signed
 * (docs/reporting/national-template.md, "Mandatory content"). Each item names where it is
 * missing, so the editor can take the user there; an empty list means the report may be signed.
 */
export interface MissingItem {
  /** Where in ReportContent: `variants[1].transcript`. */
  path: string;
  message: string;
}

export interface SigningOptions {
  /** Synthetic person numbers (month + 80) are accepted only on demo and test instances. */
  allowSyntheticPersonIds?: boolean;
}

const blank = (value: string | null | undefined) => value === null || value === undefined || !value.trim();

/** Material taken from a tumour, where IQN Path asks for the tumour-cell percentage. */
const TISSUE: readonly SpecimenKind[] = ['ffpe-block', 'ffpe-slides', 'fresh-frozen', 'cytology'];
const FFPE: readonly SpecimenKind[] = ['ffpe-block', 'ffpe-slides'];

/** RefSeq NM_/NR_ or Ensembl ENST, with the version the template requires. */
const VERSIONED_TRANSCRIPT = /^(N[MR]_\d+|ENST\d{11})\.\d+$/;
const VERSIONED_PROTEIN = /^(NP_\d+|ENSP\d{11})\.\d+$/;
/** HGNC symbols are upper case, digits and hyphens, with the lower-case `orf` of open reading frames. */
const HGNC_SYMBOL = /^[A-Z0-9][A-Za-z0-9-]*$/;
const HGNC_ID = /^HGNC:\d+$/;

class Collector {
  readonly items: MissingItem[] = [];
  add(path: string, message: string) {
    this.items.push({ path, message });
  }
  text(path: string, value: string | null | undefined, what: string) {
    if (blank(value)) this.add(path, `${what} is missing`);
  }
}

export function validateForSigning(content: ReportContent, options: SigningOptions = {}): MissingItem[] {
  const c = new Collector();
  checkVersioning(c, content);
  checkParties(c, content, options);
  checkSpecimen(c, content);
  checkMethod(c, content);
  checkQuality(c, content);
  content.variants.forEach((v, i) => {
    checkVariant(c, content, v, `variants[${i}]`);
  });
  content.copyNumbers.forEach((f, i) => {
    checkGene(c, f.gene, `copyNumbers[${i}].gene`);
    checkAssessment(c, f, `copyNumbers[${i}]`);
  });
  content.fusions.forEach((f, i) => {
    checkGene(c, f.fivePrime, `fusions[${i}].fivePrime`);
    checkGene(c, f.threePrime, `fusions[${i}].threePrime`);
    c.text(`fusions[${i}].description`, f.description, 'the fusion description');
    checkAssessment(c, f, `fusions[${i}]`);
  });
  checkIds(c, content);
  checkBiomarkers(c, content);
  content.coverageGaps.forEach((g, i) => {
    checkGene(c, g.gene, `coverageGaps[${i}].gene`);
    c.text(`coverageGaps[${i}].region`, g.region, 'the poorly covered region');
  });
  checkGermline(c, content);
  checkPathology(c, content);
  c.text('conclusion', content.conclusion, 'the conclusion');
  return c.items;
}

function checkVersioning(c: Collector, content: ReportContent) {
  if (content.status !== 'draft') {
    c.add(
      'status',
      `only a draft can be signed; this version is ${content.status} — amend it as a new version`,
    );
  }
  c.text('templateVersion', content.templateVersion, 'the template version');
  c.text('orderNumber', content.orderNumber, 'the order number');
  if (!Number.isInteger(content.version) || content.version < 1) {
    c.add('version', 'the version must be a whole number from 1');
  } else if (content.version > 1) {
    if (content.previousVersion !== content.version - 1) {
      c.add('previousVersion', `an amendment must name the version it replaces (${content.version - 1})`);
    }
    c.text('amendmentReason', content.amendmentReason, 'the reason for the amendment');
  } else if (content.previousVersion !== null) {
    c.add('previousVersion', 'the first version cannot replace an earlier one');
  }
}

function checkParties(c: Collector, content: ReportContent, options: SigningOptions) {
  const { patient, requester, lab } = content;
  c.text('patient.givenName', patient.givenName, "the patient's given name");
  c.text('patient.familyName', patient.familyName, "the patient's family name");
  const id = checkPersonId(patient.nationalId, { allowSynthetic: options.allowSyntheticPersonIds ?? false });
  if (!id.ok) c.add('patient.nationalId', `the fødselsnummer is not valid: ${id.problem.message}`);
  else if (id.id.birthDate !== patient.birthDate) {
    c.add('patient.birthDate', `the birth date does not match the fødselsnummer (${id.id.birthDate})`);
  }
  c.text('requester.name', requester.name, 'the requester');
  c.text('requester.organisation', requester.organisation, "the requester's organisation");
  c.text('lab.name', lab.name, 'the laboratory');
  const orgProblem = checkOrganisationNumber(lab.organisationNumber);
  if (orgProblem)
    c.add('lab.organisationNumber', `the organisation number is not valid: ${orgProblem.message}`);
}

function checkSpecimen(c: Collector, content: ReportContent) {
  const { specimen, clinical } = content;
  c.text('specimen.id', specimen.id, 'the specimen number');
  c.text('specimen.site', specimen.site, 'the site the specimen was taken from');
  c.text('specimen.collectedOn', specimen.collectedOn, 'the collection date');
  if (FFPE.includes(specimen.kind)) c.text('specimen.blockId', specimen.blockId, 'the block id');
  if (TISSUE.includes(specimen.kind) && specimen.tumourCellPercent === null) {
    c.add('specimen.tumourCellPercent', 'the tumour-cell percentage is missing');
  }
  c.text('clinical.diagnosis.text', clinical.diagnosis.text, 'the tissue and tumour type');
  c.text('clinical.question', clinical.question, 'the diagnostic question');
}

function checkMethod(c: Collector, content: ReportContent) {
  const { method } = content;
  c.text('method.analysis', method.analysis, 'the analysis');
  c.text('method.panel.name', method.panel.name, 'the panel');
  c.text('method.panel.version', method.panel.version, 'the panel version');
  if (method.panel.genes.length === 0 && blank(method.panel.contentReference)) {
    c.add('method.panel.genes', 'the genes covered (or where they are published) are missing');
  }
  if (method.detects.length === 0)
    c.add('method.detects', 'the alteration types the analysis detects are missing');
  c.text('method.platform', method.platform, 'the platform');
  if (!(method.limitOfDetection.vafPercent > 0)) {
    c.add('method.limitOfDetection.vafPercent', 'the limit of detection (lowest VAF) is missing');
  }
  if (!(method.limitOfDetection.minimumDepth > 0)) {
    c.add('method.limitOfDetection.minimumDepth', 'the minimum read depth is missing');
  }
  c.text('method.pipeline.name', method.pipeline.name, 'the pipeline');
  c.text('method.pipeline.version', method.pipeline.version, 'the pipeline version');
  if (method.knowledgeSources.length === 0) {
    c.add('method.knowledgeSources', 'the knowledge sources and their releases are missing');
  }
  method.knowledgeSources.forEach((s, i) => {
    c.text(`method.knowledgeSources[${i}].name`, s.name, 'the knowledge source');
    c.text(`method.knowledgeSources[${i}].release`, s.release, `the release of ${s.name || 'the source'}`);
  });
  c.text('method.performedOn', method.performedOn, 'the analysis date');
}

function checkQuality(c: Collector, content: ReportContent) {
  const { quality } = content;
  if (quality.adequacy !== 'adequate' && quality.reasons.length === 0) {
    c.add('quality.reasons', `the reason the material is ${quality.adequacy} is missing`);
  }
  if (quality.reasons.includes('other'))
    c.text('quality.comment', quality.comment, 'the explanation of "other"');
  const findings = findingsOf(content).length;
  if (quality.adequacy === 'inadequate' && findings > 0) {
    c.add(
      'quality.adequacy',
      'inadequate material gives no results; report findings as "limited" with the reason',
    );
  }
}

function checkGene(c: Collector, gene: GeneRef, path: string) {
  if (!HGNC_SYMBOL.test(gene.symbol)) c.add(`${path}.symbol`, `"${gene.symbol}" is not an HGNC gene symbol`);
  if (gene.hgncId !== null && !HGNC_ID.test(gene.hgncId)) {
    c.add(`${path}.hgncId`, `"${gene.hgncId}" is not an HGNC id (HGNC:1097)`);
  }
}

function checkVariant(c: Collector, content: ReportContent, v: SequenceVariant, path: string) {
  checkGene(c, v.gene, `${path}.gene`);
  if (!VERSIONED_TRANSCRIPT.test(v.transcript)) {
    c.add(
      `${path}.transcript`,
      `"${v.transcript}" is not a versioned RefSeq or Ensembl transcript (NM_004333.6)`,
    );
  }
  if (!/^[cn]\.\S+$/.test(v.hgvsc)) c.add(`${path}.hgvsc`, 'the HGVS c. description is missing');
  const coding = v.transcript.startsWith('NM_') || v.transcript.startsWith('ENST');
  if (coding && (v.hgvsp === null || !/^p\.\S+$/.test(v.hgvsp))) {
    c.add(`${path}.hgvsp`, 'the HGVS p. description is missing (p.? when the effect cannot be predicted)');
  }
  if (v.protein !== null && !VERSIONED_PROTEIN.test(v.protein)) {
    c.add(`${path}.protein`, `"${v.protein}" is not a versioned protein accession (NP_004324.2)`);
  }
  if (v.genomic && v.genomic.assembly !== content.method.referenceGenome) {
    c.add(
      `${path}.genomic.assembly`,
      `the coordinates are on ${v.genomic.assembly}, the method on ${content.method.referenceGenome}`,
    );
  }
  if (!(v.vaf > 0 && v.vaf <= 1))
    c.add(`${path}.vaf`, 'the variant allele fraction must be above 0 and at most 1');
  if (!Number.isInteger(v.depth) || v.depth < 1) c.add(`${path}.depth`, 'the read depth is missing');
  checkAssessment(c, v, path);
}

function checkAssessment(c: Collector, f: Finding, path: string) {
  const { classification } = f;
  if (
    classification.scheme === 'amp-asco-cap-2017' &&
    classification.amp &&
    classification.amp.tier !== classification.class
  ) {
    c.add(
      `${path}.classification.amp.tier`,
      'the AMP/ASCO/CAP tier differs from the class given under that scheme',
    );
  }
  c.text(`${path}.interpretation`, f.interpretation, 'the interpretation');
  f.implications.forEach((implication, i) => {
    checkImplication(c, implication, `${path}.implications[${i}]`);
  });
  f.trials.forEach((t, i) => {
    c.text(`${path}.trials[${i}].id`, t.id, 'the trial registry id');
    c.text(`${path}.trials[${i}].title`, t.title, 'the trial title');
  });
}

function checkImplication(c: Collector, implication: ClinicalImplication, path: string) {
  c.text(`${path}.text`, implication.text, 'the implication text');
  c.text(`${path}.evidenceLevel`, implication.evidenceLevel, 'the evidence level');
  c.text(`${path}.source`, implication.source, 'the evidence source');
  if (implication.kind === 'therapeutic') {
    if (implication.drugs.length === 0) c.add(`${path}.drugs`, 'a therapeutic implication names its drugs');
    if (implication.response === null)
      c.add(`${path}.response`, 'a therapeutic implication says responsive or resistant');
  }
}

/** Finding ids name the FHIR resources derived from them, so they must be unique in the report. */
function checkIds(c: Collector, content: ReportContent) {
  const seen = new Set<string>();
  const lists: [string, Finding[]][] = [
    ['variants', content.variants],
    ['copyNumbers', content.copyNumbers],
    ['fusions', content.fusions],
  ];
  for (const [list, findings] of lists) {
    findings.forEach((f, i) => {
      if (blank(f.id)) c.add(`${list}[${i}].id`, 'the finding id is missing');
      else if (seen.has(f.id)) c.add(`${list}[${i}].id`, `the finding id "${f.id}" is used twice`);
      seen.add(f.id);
    });
  }
}

function checkBiomarkers(c: Collector, content: ReportContent) {
  const { detects } = content.method;
  const { tmb, msi } = content.biomarkers;
  if (content.quality.adequacy === 'inadequate') return;
  if (detects.includes('tmb') && tmb === null)
    c.add('biomarkers.tmb', 'the analysis measures TMB, but no result is given');
  if (detects.includes('msi') && msi === null)
    c.add('biomarkers.msi', 'the analysis measures MSI, but no result is given');
  if (tmb && !(tmb.value >= 0))
    c.add('biomarkers.tmb.value', 'the TMB value must be a number of mutations per Mb');
}

function checkGermline(c: Collector, content: ReportContent) {
  const { germline } = content;
  if (germline.present) c.text('germline.note', germline.note, 'the note on the suspected germline finding');
  const germlineVariant = content.variants.findIndex((v) => v.origin === 'germline');
  if (germlineVariant >= 0 && !germline.present) {
    c.add(
      'germline.present',
      `variants[${germlineVariant}] is of germline origin, so the germline note is required`,
    );
  }
}

function checkPathology(c: Collector, content: ReportContent) {
  const { pathology } = content;
  if (!pathology) return;
  c.text('pathology.morphology', pathology.morphology, 'the morphology');
  c.text('pathology.integratedConclusion', pathology.integratedConclusion, 'the integrated conclusion');
  pathology.immunohistochemistry.forEach((finding, i) => {
    c.text(`pathology.immunohistochemistry[${i}].marker`, finding.marker, 'the IHC marker');
    c.text(`pathology.immunohistochemistry[${i}].result`, finding.result, 'the IHC result');
  });
}
