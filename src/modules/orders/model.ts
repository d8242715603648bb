import { z } from 'zod';
import { SPECIMEN_KINDS, TREATMENT_RESPONSES } from './vocabulary.ts';

/** The requisition as a requester fills it in: every field a lab needs, structured. */
export {
  DERIVED_KINDS,
  MATERIAL_OF,
  ORDER_STATUSES,
  type OrderStatusName,
  SPECIMEN_KINDS,
} from './vocabulary.ts';

const isoDate = z.iso.date();

export const treatmentLineSchema = z.object({
  line: z.number().int().min(1),
  regimen: z.string().trim().min(1),
  start: isoDate,
  end: isoDate.nullable().default(null),
  response: z.enum(TREATMENT_RESPONSES).default('unknown'),
});

export const clinicalInformationSchema = z.object({
  diagnosis: z.object({
    oncotree: z.string().trim().min(1).describe('OncoTree code, e.g. LUAD'),
    icd10: z
      .string()
      .regex(/^[A-Z]\d{2}(\.\d{1,2})?$/, 'an ICD-10 code such as C34.1')
      .nullable()
      .default(null),
    text: z.string().nullable().default(null),
  }),
  question: z.string().trim().min(1).describe('the clinical question the analysis should answer'),
  treatmentLines: z.array(treatmentLineSchema).default([]),
  metastaticSites: z.array(z.string().trim().min(1)).default([]),
  earlierMolecularResults: z.string().nullable().default(null),
});

export const specimenInputSchema = z.object({
  kind: z.enum(SPECIMEN_KINDS),
  blockId: z.string().nullable().default(null),
  collectionDate: isoDate,
  site: z.string().trim().min(1),
  tumourCellPercent: z.number().int().min(0).max(100).nullable().default(null),
});

export const newOrderSchema = z.object({
  patient: z.object({
    nationalId: z.string(),
    givenName: z.string().trim().min(1).optional(),
    familyName: z.string().trim().min(1).optional(),
    sex: z.enum(['female', 'male', 'other', 'unknown']).optional(),
  }),
  analysis: z.string().min(1).describe('the analysis slug from the catalogue'),
  clinical: clinicalInformationSchema,
  specimens: z.array(specimenInputSchema).min(1),
  priority: z.enum(['routine', 'urgent']).default('routine'),
  copyRecipients: z
    .array(
      z.object({
        name: z.string().trim().min(1),
        hprNumber: z
          .string()
          .regex(/^\d{1,9}$/)
          .nullable()
          .default(null),
      }),
    )
    .default([]),
  legalBasis: z.literal('care').default('care'),
  researchConsent: z.boolean(),
  duplicateOverrideReason: z.string().trim().min(1).nullable().default(null),
});
export type NewOrder = z.infer<typeof newOrderSchema>;
export type NewOrderInput = z.input<typeof newOrderSchema>;
