import type { AmpLevel, AmpTier, EscatTier } from '../../interpretation/classification/model.ts';
import {
  type ClassificationScheme,
  type ClinicalImplication,
  codingHgvs,
  type FindingAssessment,
  proteinHgvs,
  type ReportContent,
} from '../content.ts';

/**
 * The message a signed report sends to the Cancer Registry (Kreftregisteret): the patient, the
 * specimen, the diagnosis and every finding with its HGVS, classification and interpretation, as
 * the national network asks (seed 000 l.1225-1233). The registry has published no format for
 * molecular results, so this is ours, documented in docs/reporting/cancer-registry-message.md and
 * described by cancerRegistry.schema.json. Coded values are the report's own vocabulary words.
 */
export const CANCER_REGISTRY_FORMAT = {
  messageType: 'genvei.molecular-pathology-result',
  formatVersion: '1.0',
} as const;

export interface RegistryClassification {
  scheme: ClassificationScheme;
  class: string;
  ampTier: AmpTier | null;
  ampLevel: AmpLevel | null;
  escat: EscatTier | null;
}

export interface RegistryImplication {
  kind: ClinicalImplication['kind'];
  text: string;
  drugs: { name: string; atc: string | null }[];
  response: ClinicalImplication['response'];
  evidenceLevel: string | null;
  source: string;
}

interface RegistryAssessment {
  classification: RegistryClassification;
  interpretation: string;
  implications: RegistryImplication[];
}

export interface RegistryVariant extends RegistryAssessment {
  gene: string;
  hgncId: string | null;
  transcript: string;
  hgvsc: string;
  hgvsp: string | null;
  hgvsg: string | null;
  assembly: string | null;
  vaf: number;
  depth: number;
  origin: 'somatic' | 'germline' | 'unknown';
}

export interface CancerRegistryMessage {
  messageType: typeof CANCER_REGISTRY_FORMAT.messageType;
  formatVersion: typeof CANCER_REGISTRY_FORMAT.formatVersion;
  report: {
    orderNumber: string;
    version: number;
    status: 'signed' | 'amended';
    previousVersion: number | null;
    amendmentReason: string | null;
    templateVersion: string;
    signedAt: string;
  };
  sender: { name: string; organisationNumber: string };
  patient: {
    nationalId: string;
    givenName: string;
    familyName: string;
    birthDate: string;
    sex: ReportContent['patient']['sex'];
  };
  specimen: {
    id: string;
    material: ReportContent['specimen']['kind'];
    blockId: string | null;
    site: string;
    collectedOn: string;
    tumourCellPercent: number | null;
  };
  diagnosis: ReportContent['clinical']['diagnosis'];
  analysis: {
    name: string;
    panel: string;
    panelVersion: string;
    genes: string[];
    platform: string;
    referenceGenome: string;
    limitOfDetectionVafPercent: number;
    pipeline: string;
    knowledgeSources: { name: string; release: string }[];
  };
  adequacy: { status: ReportContent['quality']['adequacy']; reasons: ReportContent['quality']['reasons'] };
  variants: RegistryVariant[];
  copyNumbers: (RegistryAssessment & {
    gene: string;
    hgncId: string | null;
    kind: string;
    copyNumber: number | null;
    iscn: string | null;
  })[];
  fusions: (RegistryAssessment & {
    fivePrimeGene: string;
    threePrimeGene: string;
    description: string;
    iscn: string | null;
  })[];
  biomarkers: {
    tmb: { value: number; status: string } | null;
    msi: { status: string } | null;
  };
  germlineSuspicion: { present: boolean; referralRecommended: boolean };
  conclusion: string;
}

function assessment(f: FindingAssessment): RegistryAssessment {
  const c = f.classification;
  return {
    classification: {
      scheme: c.scheme,
      class: c.class,
      ampTier: c.amp?.tier ?? null,
      ampLevel: c.amp?.level ?? null,
      escat: c.escat,
    },
    interpretation: f.interpretation,
    implications: f.implications.map((i) => ({
      kind: i.kind,
      text: i.text,
      drugs: i.drugs.map((d) => ({ name: d.name, atc: d.atc })),
      response: i.response,
      evidenceLevel: i.evidenceLevel,
      source: i.source,
    })),
  };
}

/** Only a signed version is reported; a draft never leaves the laboratory. */
export function toCancerRegistryMessage(content: ReportContent): CancerRegistryMessage {
  if (content.status === 'draft') throw new Error('a draft report is not sent to the Cancer Registry');
  const signedAt = content.signatures
    .map((s) => s.signedAt)
    .sort()
    .at(-1);
  if (signedAt === undefined)
    throw new Error('a report without signatures is not sent to the Cancer Registry');
  const { patient, specimen, method } = content;
  return {
    ...CANCER_REGISTRY_FORMAT,
    report: {
      orderNumber: content.orderNumber,
      version: content.version,
      status: content.status,
      previousVersion: content.previousVersion,
      amendmentReason: content.amendmentReason,
      templateVersion: content.templateVersion,
      signedAt,
    },
    sender: { name: content.lab.name, organisationNumber: content.lab.organisationNumber },
    patient: {
      nationalId: patient.nationalId,
      givenName: patient.givenName,
      familyName: patient.familyName,
      birthDate: patient.birthDate,
      sex: patient.sex,
    },
    specimen: {
      id: specimen.id,
      material: specimen.kind,
      blockId: specimen.blockId,
      site: specimen.site,
      collectedOn: specimen.collectedOn,
      tumourCellPercent: specimen.tumourCellPercent,
    },
    diagnosis: { ...content.clinical.diagnosis },
    analysis: {
      name: method.analysis,
      panel: method.panel.name,
      panelVersion: method.panel.version,
      genes: [...method.panel.genes],
      platform: method.platform,
      referenceGenome: method.referenceGenome,
      limitOfDetectionVafPercent: method.limitOfDetection.vafPercent,
      pipeline: `${method.pipeline.name} ${method.pipeline.version}`,
      knowledgeSources: method.knowledgeSources.map((s) => ({ name: s.name, release: s.release })),
    },
    adequacy: { status: content.quality.adequacy, reasons: [...content.quality.reasons] },
    variants: content.variants.map((v) => ({
      gene: v.gene.symbol,
      hgncId: v.gene.hgncId,
      transcript: v.transcript,
      hgvsc: codingHgvs(v),
      hgvsp: proteinHgvs(v),
      hgvsg: v.genomic?.hgvsg ?? null,
      assembly: v.genomic?.assembly ?? null,
      vaf: v.vaf,
      depth: v.depth,
      origin: v.origin,
      ...assessment(v),
    })),
    copyNumbers: content.copyNumbers.map((c) => ({
      gene: c.gene.symbol,
      hgncId: c.gene.hgncId,
      kind: c.kind,
      copyNumber: c.copyNumber,
      iscn: c.iscn,
      ...assessment(c),
    })),
    fusions: content.fusions.map((f) => ({
      fivePrimeGene: f.fivePrime.symbol,
      threePrimeGene: f.threePrime.symbol,
      description: f.description,
      iscn: f.iscn,
      ...assessment(f),
    })),
    biomarkers: {
      tmb: content.biomarkers.tmb && {
        value: content.biomarkers.tmb.value,
        status: content.biomarkers.tmb.status,
      },
      msi: content.biomarkers.msi && { status: content.biomarkers.msi.status },
    },
    germlineSuspicion: {
      present: content.germline.present,
      referralRecommended: content.germline.referralRecommended,
    },
    conclusion: content.conclusion,
  };
}
