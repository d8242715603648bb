import type { VariantAllele } from '../vcf/model.ts';
import { normaliseByTrimming } from '../vrs/normalise.ts';

/**
 * A variant's identity when no reference genome is configured: the trimmed allele, written like
 * SPDI (sequence, 0-based start, deleted, inserted) and qualified by assembly. Indels are marked
 * not fully normalised — with a reference they would be justified and could move. Symbolic alleles
 * and breakends keep their description as written (with END for the extent).
 */
export type VariantKind = 'snv' | 'mnv' | 'insertion' | 'deletion' | 'delins' | 'symbolic' | 'breakend';

export type TrimmedIdentity = {
  key: string;
  chrom: string;
  start: number;
  ref: string;
  alt: string;
  kind: VariantKind;
  fullyNormalised: boolean;
};

/** Null for `*` (an allele removed by an overlapping deletion), which is no variant of its own. */
export function trimmedIdentity(allele: VariantAllele, assembly: string | null): TrimmedIdentity | null {
  const build = assembly ?? 'unknown-assembly';
  if (allele.alt.kind === 'overlapping-deletion') return null;
  if (allele.alt.kind !== 'sequence') {
    const end = allele.info.get('END');
    const extent = Array.isArray(end) ? `:${end[0]}` : '';
    const kind: VariantKind = allele.alt.kind === 'symbolic' ? 'symbolic' : 'breakend';
    return {
      key: `${build}:${allele.chrom}:${allele.pos - 1}:${allele.ref.toUpperCase()}:${allele.altText}${extent}`,
      chrom: allele.chrom,
      start: allele.pos - 1,
      ref: allele.ref.toUpperCase(),
      alt: allele.altText,
      kind,
      fullyNormalised: false,
    };
  }
  const ref = allele.ref.toUpperCase();
  const alt = allele.altText.toUpperCase();
  const start = allele.pos - 1;
  const { allele: trimmed, final } = normaliseByTrimming({
    start,
    end: start + ref.length,
    reference: ref,
    alternate: alt,
  });
  return {
    key: `${build}:${allele.chrom}:${trimmed.start}:${trimmed.reference}:${trimmed.alternate}`,
    chrom: allele.chrom,
    start: trimmed.start,
    ref: trimmed.reference,
    alt: trimmed.alternate,
    kind: kindOf(trimmed.reference, trimmed.alternate),
    fullyNormalised: final,
  };
}

function kindOf(ref: string, alt: string): VariantKind {
  if (ref.length === 1 && alt.length === 1) return 'snv';
  if (ref.length === alt.length) return 'mnv';
  if (ref.length === 0) return 'insertion';
  if (alt.length === 0) return 'deletion';
  return 'delins';
}
