/**
 * Filter chains as data: a named, versioned list of filters for some analysis types, with the
 * exceptions that keep a variant whatever the filters say. Chains are stored and edited as JSON, so
 * every chain passes parseFilterChain before use, and its errors name the field that is wrong
 * ("filters[2].maxAf: must be between 0 and 1"). The engine trusts a parsed chain.
 */
import { z } from 'zod';
import { SO_CONSEQUENCES } from './consequences.ts';
import { IMPACTS, MISSING_DATA_POLICIES, PRIOR_CLASSES } from './model.ts';

const textSchema = z.string().regex(/\S/, 'must not be blank');
const fractionSchema = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
const countSchema = z.number().int('must be a whole number').min(0, 'must not be negative');

/** Default keep: a variant is not removed for what we do not know about it, unless the chain says so. */
const whenMissingSchema = z.enum(MISSING_DATA_POLICIES).optional();

const base = { name: textSchema, whenMissing: whenMissingSchema };

/** Removes variants above maxAf; a frequency equal to maxAf is kept. */
export const populationFrequencyFilterSchema = z.strictObject({
  kind: z.literal('population-frequency'),
  ...base,
  maxAf: fractionSchema,
});

const soTermSchema = z.enum(SO_CONSEQUENCES, {
  error: (issue) =>
    `${JSON.stringify(issue.input)} is not a consequence term VEP writes (see SO_CONSEQUENCES)`,
});
const soTermsSchema = z.array(soTermSchema).min(1, 'must name at least one term');

/**
 * `exclude`: removes a variant only when every one of its terms is excluded, so
 * "intron_variant + splice_region_variant" stays when only introns are excluded.
 * `include`: removes a variant when none of its terms is included.
 */
export const consequenceFilterSchema = z
  .strictObject({
    kind: z.literal('consequence'),
    ...base,
    include: soTermsSchema.optional(),
    exclude: soTermsSchema.optional(),
  })
  .superRefine((filter, context) => {
    if ((filter.include === undefined) === (filter.exclude === undefined)) {
      context.addIssue({ code: 'custom', path: ['include'], message: 'give either include or exclude' });
    }
  });

/** Keeps variants at minImpact or more severe (HIGH > MODERATE > LOW > MODIFIER). */
export const impactFilterSchema = z.strictObject({
  kind: z.literal('impact'),
  ...base,
  minImpact: z.enum(IMPACTS),
});

/** PanelApp's traffic lights: green diagnostic grade, amber moderate evidence, red low evidence. */
export const PANEL_CONFIDENCES = ['green', 'amber', 'red'] as const;
export type PanelConfidence = (typeof PANEL_CONFIDENCES)[number];

/** The genes of one panel version from the catalogue, as the filter needs them. */
export const genePanelSnapshotSchema = z
  .strictObject({
    name: textSchema.optional(),
    version: textSchema,
    genes: z.array(z.strictObject({ symbol: textSchema, confidence: z.enum(PANEL_CONFIDENCES) })),
  })
  .superRefine((panel, context) => {
    const seen = new Set<string>();
    panel.genes.forEach((gene, index) => {
      if (seen.has(gene.symbol)) {
        context.addIssue({ code: 'custom', path: ['genes', index, 'symbol'], message: 'listed twice' });
      }
      seen.add(gene.symbol);
    });
  });
export type GenePanelSnapshot = z.infer<typeof genePanelSnapshotSchema>;

/**
 * Keeps variants in genes of the panel at minConfidence or better. A stored chain usually leaves
 * `panel` out and the case binds its own panel version (bindPanel); the engine refuses an unbound one.
 */
export const genePanelFilterSchema = z.strictObject({
  kind: z.literal('gene-panel'),
  ...base,
  minConfidence: z.enum(PANEL_CONFIDENCES),
  panel: genePanelSnapshotSchema.optional(),
});

/** BED convention like the catalogue's panel regions: 0-based start, end exclusive. */
export const genomicIntervalSchema = z
  .strictObject({ chrom: textSchema, start: countSchema, end: countSchema })
  .refine((region) => region.start < region.end, { path: ['end'], message: 'must be greater than start' });
export type GenomicInterval = z.infer<typeof genomicIntervalSchema>;

/** A variant is inside when any base of its REF overlaps a region. */
export const regionFilterSchema = z.strictObject({
  kind: z.literal('region'),
  name: textSchema,
  mode: z.enum(['keep-inside', 'remove-inside']),
  regions: z.array(genomicIntervalSchema),
});

/** Keeps min ≤ VAF ≤ max; both bounds inclusive. */
export const vafFilterSchema = z
  .strictObject({ kind: z.literal('vaf'), ...base, min: fractionSchema, max: fractionSchema.optional() })
  .refine((filter) => filter.max === undefined || filter.min <= filter.max, {
    path: ['max'],
    message: 'must not be below min',
  });

/** Keeps depth ≥ min. */
export const depthFilterSchema = z.strictObject({ kind: z.literal('depth'), ...base, min: countSchema });

/** Keeps variants whose every FILTER value is PASS, '.' or allowed. */
export const vcfFilterFilterSchema = z.strictObject({
  kind: z.literal('vcf-filter'),
  name: textSchema,
  allowed: z.array(z.string().regex(/^[^\s;]+$/, 'must be one FILTER value, without spaces or ";"')),
});

/** Keeps QUAL ≥ min. */
export const qualityFilterSchema = z.strictObject({
  kind: z.literal('quality'),
  ...base,
  min: z.number().min(0, 'must not be negative'),
});

/** Keeps the origins listed; origin 'unknown' is missing data and follows whenMissing. */
export const originFilterSchema = z.strictObject({
  kind: z.literal('origin'),
  ...base,
  keep: z.array(z.enum(['somatic', 'germline'])).min(1, 'must keep at least one origin'),
});

export const filterDefinitionSchema = z.discriminatedUnion('kind', [
  populationFrequencyFilterSchema,
  consequenceFilterSchema,
  impactFilterSchema,
  genePanelFilterSchema,
  regionFilterSchema,
  vafFilterSchema,
  depthFilterSchema,
  vcfFilterFilterSchema,
  qualityFilterSchema,
  originFilterSchema,
]);
export type FilterDefinition = z.infer<typeof filterDefinitionSchema>;

export const filterChainSchema = z
  .strictObject({
    id: textSchema,
    name: z.strictObject({ nb: textSchema, en: textSchema }),
    /** Which analyses the chain is offered for, as "purpose:method", e.g. "somatic:ngs-dna-panel". */
    analysisTypes: z.array(textSchema).min(1, 'must name at least one analysis type'),
    /** Raised on every change; a case records the chain id and version it was filtered with. */
    version: z.number().int('must be a whole number').positive('must be 1 or more'),
    /** Applied in order; the first filter that matches a variant is the one named for it. */
    filters: z.array(filterDefinitionSchema),
    exceptions: z.strictObject({
      keepHotspots: z.boolean(),
      keepClasses: z.array(z.enum(PRIOR_CLASSES)),
    }),
  })
  .superRefine((chain, context) => {
    // Reasons and counts name the filter, so two filters with one name would be indistinguishable.
    const firstWithName = new Map<string, number>();
    chain.filters.forEach((filter, index) => {
      const first = firstWithName.get(filter.name);
      if (first !== undefined) {
        context.addIssue({
          code: 'custom',
          path: ['filters', index, 'name'],
          message: `"${filter.name}" is already the name of filters[${first}]`,
        });
      } else firstWithName.set(filter.name, index);
    });
  });
export type FilterChain = z.infer<typeof filterChainSchema>;

export class FilterChainError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid filter chain: ${problems.join('; ')}`);
    this.name = 'FilterChainError';
  }
}

/** `['filters', 2, 'maxAf']` → `filters[2].maxAf`, the way the JSON would be written in code. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

function describeIssue(issue: z.core.$ZodIssue): string[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => `${formatPath([...issue.path, key])}: not a known field`);
  }
  const where = formatPath(issue.path);
  return [where === '' ? issue.message : `${where}: ${issue.message}`];
}

/** Messages for the issues our schemas leave to zod's defaults. */
const parseMessages: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
  if (issue.code === 'invalid_union' && 'discriminator' in issue) {
    const options = filterDefinitionSchema.options.map((option) => option.shape.kind.value).join(', ');
    const { input } = issue;
    const kind = typeof input === 'object' && input !== null && 'kind' in input ? input.kind : undefined;
    if (kind === undefined) return `required; one of ${options}`;
    return `unknown filter kind ${JSON.stringify(kind)}; expected one of ${options}`;
  }
  return undefined;
};

/** Every problem with a chain, each naming its path; empty when the chain is valid. */
export function checkFilterChain(input: unknown): string[] {
  const parsed = filterChainSchema.safeParse(input, { error: parseMessages });
  return parsed.success ? [] : parsed.error.issues.flatMap(describeIssue);
}

/** The chain, checked; throws FilterChainError listing every problem. */
export function parseFilterChain(input: unknown): FilterChain {
  const parsed = filterChainSchema.safeParse(input, { error: parseMessages });
  if (!parsed.success) throw new FilterChainError(parsed.error.issues.flatMap(describeIssue));
  return parsed.data;
}

/** The chain with the case's panel version in every gene-panel filter that names none. */
export function bindPanel(chain: FilterChain, panel: GenePanelSnapshot): FilterChain {
  return {
    ...chain,
    filters: chain.filters.map((filter) =>
      filter.kind === 'gene-panel' && filter.panel === undefined ? { ...filter, panel } : filter,
    ),
  };
}
