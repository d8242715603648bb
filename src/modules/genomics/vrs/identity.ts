import { ga4ghIdentify } from './identify.ts';
import type { Allele } from './model.ts';
import {
  type NormalisedAllele,
  normaliseAllele,
  normaliseByTrimming,
  type SequenceChange,
} from './normalise.ts';
import type { ReferenceGenome } from './reference.ts';
import { formatSpdi } from './spdi.ts';

/** One ALT of a VCF record: 1-based POS, REF and ALT as written. */
export interface VcfAllele {
  chrom: string;
  pos: number;
  ref: string;
  alt: string;
}

export interface VariantIdentity {
  /** `ga4gh:VA.…` of the normalised allele. */
  vrsId: string;
  allele: Allele;
  /** SPDI of the same allele, with the VCF's sequence name. */
  spdi: string;
  /**
   * False when an insertion or deletion was only trimmed, because no reference was at hand to
   * justify it; its identifier can then differ from the one computed with a reference.
   */
  fullyNormalised: boolean;
}

export class UnidentifiableAlleleError extends Error {}

function toSequenceChange(variant: VcfAllele): SequenceChange {
  // Symbolic alleles (<DEL>), breakends and '*' describe no literal sequence, so VRS Allele ids do not apply.
  for (const allele of [variant.ref, variant.alt]) {
    if (!/^[A-Za-z]+$/.test(allele)) {
      throw new UnidentifiableAlleleError(
        `'${allele}' at ${variant.chrom}:${variant.pos} is not a literal sequence`,
      );
    }
  }
  const start = variant.pos - 1;
  return {
    start,
    end: start + variant.ref.length,
    reference: variant.ref.toUpperCase(),
    alternate: variant.alt.toUpperCase(),
  };
}

function identityOf(
  chrom: string,
  refgetAccession: string,
  normalised: NormalisedAllele,
  fullyNormalised: boolean,
) {
  const allele: Allele = {
    type: 'Allele',
    location: {
      type: 'SequenceLocation',
      sequenceReference: { type: 'SequenceReference', refgetAccession },
      start: normalised.start,
      end: normalised.end,
    },
    state: normalised.state,
  };
  const vrsId = ga4ghIdentify(allele) as string;
  allele.id = vrsId;
  const spdi = formatSpdi({
    sequence: chrom,
    position: normalised.start,
    deleted: normalised.reference,
    inserted: normalised.alternate,
  });
  return { vrsId, allele, spdi, fullyNormalised };
}

/** Identity from the fully-justified allele; the VCF REF is checked against the reference. */
export async function identifyVariant(genome: ReferenceGenome, variant: VcfAllele): Promise<VariantIdentity> {
  const normalised = await normaliseAllele(genome, variant.chrom, toSequenceChange(variant));
  return identityOf(variant.chrom, await genome.refgetAccession(variant.chrom), normalised, true);
}

/**
 * Identity when no reference is configured: the allele is trimmed only. Substitutions and
 * reference alleles need no more than trimming, so only insertions and deletions are flagged
 * as not fully normalised. `refgetAccession` names the sequence (`SQ.…`) for the chromosome.
 */
export function identifyTrimmedVariant(variant: VcfAllele, refgetAccession: string): VariantIdentity {
  const { allele, final } = normaliseByTrimming(toSequenceChange(variant));
  return identityOf(variant.chrom, refgetAccession, allele, final);
}
