import type { VariantAllele } from '../vcf/model.ts';
import { identifyVariant } from '../vrs/identity.ts';
import { normaliseByTrimming } from '../vrs/normalise.ts';
import type { ReferenceGenome } from '../vrs/reference.ts';

/**
 * A variant's identity in storage: the allele written like SPDI (sequence, 0-based start, deleted,
 * inserted) and qualified by assembly. With a reference genome the allele is fully justified and
 * gets its GA4GH VRS id; without one it is only trimmed, and indels are marked not fully
 * normalised (justifying could move them). Symbolic alleles and breakends keep their description
 * as written (with END for the extent) and have no VRS Allele id.
 */
export type VariantKind = 'snv' | 'mnv' | 'insertion' | 'deletion' | 'delins' | 'symbolic' | 'breakend';

export type AlleleIdentity = {
  key: string;
  vrsId: string | null;
  chrom: string;
  start: number;
  ref: string;
  alt: string;
  kind: VariantKind;
  fullyNormalised: boolean;
};

/**
 * Null for an ALT that is no variant of its own: `*` (an allele removed by an overlapping
 * deletion), and gVCF's `<NON_REF>` and `<*>`, which stand for any allele not listed (a line with
 * only that ALT is a block of reference calls). A gVCF would otherwise store each of its millions
 * of reference blocks as a variant.
 */
export function trimmedIdentity(allele: VariantAllele, assembly: string | null): AlleleIdentity | null {
  if (isNoVariant(allele)) return null;
  if (allele.alt.kind !== 'sequence') return describedIdentity(allele, assembly);
  return trimmedSequenceIdentity(allele.chrom, assembly, allele.pos, allele.ref, allele.altText);
}

/** The trimmed identity of a base-sequence ALT at 1-based `pos`. */
export function trimmedSequenceIdentity(
  chrom: string,
  assembly: string | null,
  pos: number,
  refText: string,
  altText: string,
): AlleleIdentity {
  const start = pos - 1;
  // A substitution of one base is already trimmed and final: most of a file's records, whose
  // bases are upper case already (no copy made then).
  if (refText.length === 1 && altText.length === 1) {
    const ref = isUpperBase(refText) ? refText : refText.toUpperCase();
    const alt = isUpperBase(altText) ? altText : altText.toUpperCase();
    // (An upper case may be longer: ß is SS.)
    if (ref.length === 1 && alt.length === 1 && alt !== ref) {
      return sequenceIdentity(chrom, assembly, start, ref, alt, null, true);
    }
  }
  const ref = refText.toUpperCase();
  const { allele: trimmed, final } = normaliseByTrimming({
    start,
    end: start + ref.length,
    reference: ref,
    alternate: altText.toUpperCase(),
  });
  return sequenceIdentity(chrom, assembly, trimmed.start, trimmed.reference, trimmed.alternate, null, final);
}

/**
 * Identity against the reference: the REF is checked (a mismatch is the file's error at that
 * line) and the allele is justified before it is keyed, so the same indel written at different
 * positions of a repeat becomes one variant.
 */
export async function referenceIdentity(
  genome: ReferenceGenome,
  allele: VariantAllele,
  assembly: string | null,
): Promise<AlleleIdentity | null> {
  if (isNoVariant(allele)) return null;
  if (allele.alt.kind !== 'sequence') return describedIdentity(allele, assembly);
  const identity = await identifyVariant(genome, {
    chrom: allele.chrom,
    pos: allele.pos,
    ref: allele.ref,
    alt: allele.altText,
  });
  const [, position, deleted, inserted] = identity.spdi.split(':') as [string, string, string, string];
  return sequenceIdentity(allele.chrom, assembly, Number(position), deleted, inserted, identity.vrsId, true);
}

/** A, C, G, T or N: a one-character text that toUpperCase would return unchanged. */
function isUpperBase(base: string): boolean {
  const code = base.charCodeAt(0);
  return code === 65 || code === 67 || code === 71 || code === 84 || code === 78;
}

/** See trimmedIdentity. */
function isNoVariant(allele: VariantAllele): boolean {
  if (allele.alt.kind === 'overlapping-deletion') return true;
  return allele.alt.kind === 'symbolic' && (allele.altText === '<NON_REF>' || allele.altText === '<*>');
}

function sequenceIdentity(
  chrom: string,
  assembly: string | null,
  start: number,
  ref: string,
  alt: string,
  vrsId: string | null,
  fullyNormalised: boolean,
): AlleleIdentity {
  return {
    key: `${assembly ?? 'unknown-assembly'}:${chrom}:${start}:${ref}:${alt}`,
    chrom,
    start,
    ref,
    alt,
    kind: kindOf(ref, alt),
    vrsId,
    fullyNormalised,
  };
}

/**
 * A symbolic allele is told apart by its extent: END when it lies beyond POS, else SVLEN when
 * given — an insertion's END is its POS (or absent), so two <INS> of different lengths differ
 * only by SVLEN. A missing value (`.`) is no extent.
 */
function describedIdentity(allele: VariantAllele, assembly: string | null): AlleleIdentity {
  const end = numbersOf(allele.info.get('END'));
  const length = numbersOf(allele.info.get('SVLEN'));
  let extent = '';
  if ((end[0] ?? 0) > allele.pos) extent = `:${end.join(',')}`;
  else if (length.length > 0) extent = `:SVLEN=${length.join(',')}`;
  const ref = allele.ref.toUpperCase();
  return {
    key: `${assembly ?? 'unknown-assembly'}:${allele.chrom}:${allele.pos - 1}:${ref}:${allele.altText}${extent}`,
    vrsId: null,
    chrom: allele.chrom,
    start: allele.pos - 1,
    ref,
    alt: allele.altText,
    kind: allele.alt.kind === 'symbolic' ? 'symbolic' : 'breakend',
    fullyNormalised: false,
  };
}

/** An INFO value's numbers; none when it is absent, a flag or missing (`.`). */
function numbersOf(value: unknown): number[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is number => typeof item === 'number' && Number.isFinite(item));
}

function kindOf(ref: string, alt: string): VariantKind {
  if (ref.length === 1 && alt.length === 1) return 'snv';
  if (ref.length === alt.length) return 'mnv';
  if (ref.length === 0) return 'insertion';
  if (alt.length === 0) return 'deletion';
  return 'delins';
}
