import { z } from 'zod';
import { badRequest } from '../../platform/http/problems.ts';
import {
  AMP_LEVELS,
  assignAmpTier,
  CriterionError,
  classifyAcmg,
  classifyOncogenicity,
  EVIDENCE_STRENGTHS,
  ONCOGENICITY_CRITERIA_IDS,
  SIGNIFICANCE_KINDS,
} from '../interpretation/classification/index.ts';

/**
 * What a person submits when they classify a variant, and what the engines make of it. The class
 * is always computed from the criteria (rules as data in ../interpretation/classification); a
 * person chooses criteria and evidence, never a class without them.
 */
export const SCHEMES = ['acmg-2015', 'clingen-cgc-vicc-2022'] as const;
export type Scheme = (typeof SCHEMES)[number];

export const EVIDENCE_TYPES = [
  'therapeutic',
  'diagnostic',
  'prognostic',
  'functional',
  'population',
  'clinical',
  'other',
] as const;

export const evidenceItemSchema = z.object({
  type: z.enum(EVIDENCE_TYPES),
  level: z.enum(AMP_LEVELS).optional(),
  /** For AMP tiering: the evidence is about this case's tumour type. */
  tumourTypeMatches: z.boolean().optional(),
  source: z.string().trim().min(1).max(200),
  pubmedId: z
    .string()
    .trim()
    .regex(/^\d{1,9}$/, 'a PubMed id is a number')
    .optional(),
  text: z.string().trim().max(4000).default(''),
  therapies: z.array(z.string().trim().min(1)).default([]),
});
export type EvidenceItem = z.infer<typeof evidenceItemSchema>;

export const assessmentInputSchema = z.object({
  scheme: z.enum(SCHEMES),
  /** ACMG labels (`PS3`, `PM2_Supporting`) for acmg-2015; criteria by meaning for oncogenicity. */
  criteria: z.array(
    z.union([
      z.string().trim().min(2),
      z.object({
        criterion: z.enum(ONCOGENICITY_CRITERIA_IDS),
        strength: z.enum(EVIDENCE_STRENGTHS).optional(),
      }),
    ]),
  ),
  evidence: z.array(evidenceItemSchema).default([]),
  escat: z.string().trim().optional(),
  interpretation: z.string().trim().max(8000).optional(),
  /** The assessment being reused (offered when the variant was seen before). */
  reuseAssessmentId: z.uuid().optional(),
});
export type AssessmentInput = z.infer<typeof assessmentInputSchema>;

export type Classified = {
  classification: string;
  points: number | null;
  criteria: unknown[];
  ampTier: 'I' | 'II' | 'III' | 'IV' | null;
  ampLevel: 'A' | 'B' | 'C' | 'D' | null;
  escat: string | null;
  details: Record<string, unknown>;
};

/** Runs the scheme's engine; a criterion the engine refuses becomes a 400 naming it. */
export function classify(input: AssessmentInput): Classified {
  try {
    if (input.scheme === 'acmg-2015') {
      const labels = input.criteria.filter((c): c is string => typeof c === 'string');
      const result = classifyAcmg(labels);
      return {
        classification: result.pointsScale.class,
        points: result.pointsScale.points,
        criteria: result.criteria,
        ampTier: null,
        ampLevel: null,
        escat: null,
        details: {
          combiningRules: result.combiningRules,
          mixedEvidence: result.mixedEvidence,
          cautions: result.cautions,
        },
      };
    }
    const criteria = input.criteria.filter((c) => typeof c !== 'string');
    const oncogenicity = classifyOncogenicity(criteria);
    const clinical = input.evidence.filter(
      (
        e,
      ): e is EvidenceItem & {
        level: 'A' | 'B' | 'C' | 'D';
        type: 'therapeutic' | 'diagnostic' | 'prognostic';
      } => e.level !== undefined && (SIGNIFICANCE_KINDS as readonly string[]).includes(e.type),
    );
    const tiering = assignAmpTier({
      evidence: clinical.map((e) => ({
        id: e.pubmedId ? `pmid:${e.pubmedId}` : e.source,
        level: e.level,
        kind: e.type,
        tumourTypeMatches: e.tumourTypeMatches ?? false,
        description: e.text,
      })),
      oncogenicity: oncogenicity.class,
      ...(input.escat ? { escat: input.escat } : {}),
    });
    return {
      classification: oncogenicity.class,
      points: oncogenicity.points,
      criteria: oncogenicity.criteria,
      ampTier: tiering.tier,
      ampLevel: tiering.level,
      escat: tiering.escat ?? null,
      details: {
        mixedEvidence: oncogenicity.mixedEvidence,
        cautions: [...oncogenicity.cautions, ...tiering.cautions],
      },
    };
  } catch (error) {
    if (error instanceof CriterionError || (error instanceof Error && /ESCAT/i.test(error.message)))
      throw badRequest([{ path: '/body/criteria', rule: 'criterion', message: error.message }]);
    throw error;
  }
}
