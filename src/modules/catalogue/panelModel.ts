import { z } from 'zod';
import { hgncIdSchema } from './hgnc.ts';

/**
 * A gene panel version: the genes an analysis tests, keyed by HGNC id. Each version is an immutable
 * snapshot; an edit makes version x.(y+1), a release (x+1).0 (see nextVersion in panelDiff.ts).
 */

/** "major.minor" without leading zeros, as PanelApp writes it ("0.123", "1.6", "2.0"). */
export const panelVersionSchema = z
  .string()
  .regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)$/, 'expected a version such as 1.3 (major.minor)');

/** Free text that says something: PanelApp drops blank items, so the model never holds them. */
const textSchema = z.string().regex(/\S/, 'must not be blank');

/** PanelApp's traffic lights: green is diagnostic grade, amber moderate evidence, red low evidence. */
export const confidenceSchema = z.enum(['green', 'amber', 'red']);
export type Confidence = z.infer<typeof confidenceSchema>;

/** Primary GRCh38 chromosomes as PanelApp and Ensembl name them; BED export adds a "chr" prefix if asked. */
export const CHROMOSOMES = [
  ...Array.from({ length: 22 }, (_, index) => String(index + 1)),
  'X',
  'Y',
  'MT',
] as const;
export const chromosomeSchema = z.enum(CHROMOSOMES);

/** A GRCh38 interval in BED convention: 0-based start, end exclusive. */
export const genomicRegionSchema = z
  .object({
    chrom: chromosomeSchema,
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
  })
  .refine((region) => region.start < region.end, { message: 'start must be before end', path: ['end'] });
export type GenomicRegion = z.infer<typeof genomicRegionSchema>;

export const panelEntrySchema = z.object({
  hgncId: hgncIdSchema,
  symbol: textSchema,
  confidence: confidenceSchema,
  /** PanelApp's vocabulary for germline panels, e.g. "BIALLELIC, autosomal or pseudoautosomal"; null when not stated. */
  modeOfInheritance: textSchema.nullable(),
  /** The RefSeq transcript results are described on, MANE Select where known, e.g. NM_004304.5. */
  transcript: z
    .string()
    .regex(/^N[MR]_\d+\.\d+$/, 'expected a versioned RefSeq transcript such as NM_004304.5')
    .nullable(),
  /** Regions tested for this gene, when the panel targets less than the whole gene (hotspots, exons). */
  regions: z.array(genomicRegionSchema),
  /** Evidence, one statement or source per item ("Expert Review Green", "ESMO 2023, section 4.2"). */
  evidence: z.array(textSchema),
  phenotypes: z.array(textSchema),
  /** PubMed ids. */
  publications: z.array(textSchema),
});
export type PanelEntry = z.infer<typeof panelEntrySchema>;

export const panelSchema = z
  .object({
    name: textSchema,
    version: panelVersionSchema,
    entries: z.array(panelEntrySchema),
  })
  .superRefine((panel, context) => {
    const seen = new Set<string>();
    panel.entries.forEach((entry, index) => {
      if (seen.has(entry.hgncId)) {
        context.addIssue({
          code: 'custom',
          path: ['entries', index, 'hgncId'],
          message: `${entry.symbol} (${entry.hgncId}) is listed twice`,
        });
      }
      seen.add(entry.hgncId);
    });
  });
export type Panel = z.infer<typeof panelSchema>;
