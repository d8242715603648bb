import { z } from 'zod';
import {
  AMP_LEVELS,
  AMP_TIERS,
  ESCAT_TIERS,
  GERMLINE_CLASSES,
  ONCOGENICITY_CLASSES,
  SIGNIFICANCE_KINDS,
} from '../interpretation/classification/model.ts';
import { SPECIMEN_KINDS } from '../orders/vocabulary.ts';
import {
  ADEQUACIES,
  ALTERATION_TYPES,
  COPY_NUMBER_KINDS,
  INADEQUACY_REASONS,
  MSI_STATUSES,
  REFERENCE_GENOMES,
  REPORT_STATUSES,
  type ReportContent,
  SEXES,
  SIGNER_ROLES,
  THERAPY_RESPONSES,
  TMB_STATUSES,
  VARIANT_ORIGINS,
} from './content.ts';

/**
 * The shape of ReportContent as data arrives from the editor or the store. It checks types and
 * ranges only; whether a report is complete enough to sign is validateForSigning's question, so
 * a half-written draft still parses. The annotation below makes tsc fail if this schema and the
 * ReportContent interface drift apart.
 */

const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });
const text = z.string();
const nullableText = z.string().nullable();

const gene = z.object({ symbol: text, hgncId: nullableText });

const classificationTail = {
  amp: z.object({ tier: z.enum(AMP_TIERS), level: z.enum(AMP_LEVELS).nullable() }).nullable(),
  escat: z.enum(ESCAT_TIERS).nullable(),
};

const classification = z.discriminatedUnion('scheme', [
  z.object({ scheme: z.literal('acmg-2015'), class: z.enum(GERMLINE_CLASSES), ...classificationTail }),
  z.object({
    scheme: z.literal('clingen-cgc-vicc-2022'),
    class: z.enum(ONCOGENICITY_CLASSES),
    ...classificationTail,
  }),
  z.object({ scheme: z.literal('amp-asco-cap-2017'), class: z.enum(AMP_TIERS), ...classificationTail }),
]);

const implication = z.object({
  kind: z.enum(SIGNIFICANCE_KINDS),
  text,
  drugs: z.array(z.object({ name: text, atc: nullableText })),
  response: z.enum(THERAPY_RESPONSES).nullable(),
  evidenceLevel: nullableText,
  source: text,
  condition: z.object({ text, icd10: nullableText }).nullable(),
});

const assessment = {
  id: text,
  classification,
  interpretation: text,
  implications: z.array(implication),
  trials: z.array(z.object({ id: text, title: text, site: nullableText })),
};

const percent = z.number().min(0).max(100);
const count = z.number().int().min(0);

export const reportContentSchema: z.ZodType<ReportContent> = z.object({
  templateVersion: text,
  orderNumber: text,
  version: z.number().int().min(1),
  status: z.enum(REPORT_STATUSES),
  amendmentReason: nullableText,
  previousVersion: z.number().int().min(1).nullable(),
  preparedAt: isoDateTime,
  patient: z.object({
    givenName: text,
    familyName: text,
    nationalId: text,
    birthDate: isoDate,
    sex: z.enum(SEXES),
  }),
  requester: z.object({ name: text, hprNumber: nullableText, organisation: text, department: nullableText }),
  lab: z.object({ name: text, organisationNumber: text, accreditation: nullableText }),
  specimen: z.object({
    id: text,
    kind: z.enum(SPECIMEN_KINDS),
    blockId: nullableText,
    site: text,
    collectedOn: isoDate,
    receivedOn: isoDate.nullable(),
    tumourCellPercent: percent.nullable(),
  }),
  clinical: z.object({
    diagnosis: z.object({ text, icd10: nullableText, icdO3Morphology: nullableText, oncotree: nullableText }),
    question: text,
  }),
  method: z.object({
    analysis: text,
    panel: z.object({ name: text, version: text, genes: z.array(text), contentReference: nullableText }),
    detects: z.array(z.enum(ALTERATION_TYPES)),
    platform: text,
    limitOfDetection: z.object({
      vafPercent: percent,
      minimumDepth: count,
      minimumTumourCellPercent: percent.nullable(),
    }),
    referenceGenome: z.enum(REFERENCE_GENOMES),
    pipeline: z.object({ name: text, version: text }),
    knowledgeSources: z.array(z.object({ name: text, release: text })),
    performedOn: isoDate,
  }),
  quality: z.object({
    adequacy: z.enum(ADEQUACIES),
    reasons: z.array(z.enum(INADEQUACY_REASONS)),
    comment: nullableText,
    meanDepth: z.number().min(0).nullable(),
    targetsAtMinimumDepthPercent: percent.nullable(),
  }),
  variants: z.array(
    z.object({
      ...assessment,
      gene,
      transcript: text,
      hgvsc: text,
      protein: nullableText,
      hgvsp: nullableText,
      genomic: z
        .object({
          assembly: z.enum(REFERENCE_GENOMES),
          chromosome: text,
          position: z.number().int().min(1),
          ref: text,
          alt: text,
          hgvsg: nullableText,
        })
        .nullable(),
      vaf: z.number().min(0).max(1),
      depth: count,
      origin: z.enum(VARIANT_ORIGINS),
      consequence: nullableText,
    }),
  ),
  copyNumbers: z.array(
    z.object({
      ...assessment,
      gene,
      kind: z.enum(COPY_NUMBER_KINDS),
      copyNumber: z.number().min(0).nullable(),
      iscn: nullableText,
    }),
  ),
  fusions: z.array(
    z.object({
      ...assessment,
      fivePrime: gene,
      threePrime: gene,
      description: text,
      supportingReads: count.nullable(),
      iscn: nullableText,
    }),
  ),
  biomarkers: z.object({
    tmb: z
      .object({
        value: z.number().min(0),
        status: z.enum(TMB_STATUSES),
        threshold: z.number().min(0).nullable(),
        interpretation: nullableText,
      })
      .nullable(),
    msi: z
      .object({
        status: z.enum(MSI_STATUSES),
        score: z.number().nullable(),
        method: nullableText,
        interpretation: nullableText,
      })
      .nullable(),
  }),
  coverageGaps: z.array(z.object({ gene, region: text, meanDepth: z.number().min(0).nullable() })),
  germline: z.object({ present: z.boolean(), note: nullableText, referralRecommended: z.boolean() }),
  pathology: z
    .object({
      morphology: text,
      immunohistochemistry: z.array(z.object({ marker: text, result: text })),
      integratedConclusion: text,
      discordance: nullableText,
    })
    .nullable(),
  conclusion: text,
  signatures: z.array(
    z.object({ name: text, role: z.enum(SIGNER_ROLES), hprNumber: nullableText, signedAt: isoDateTime }),
  ),
});
