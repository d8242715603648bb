export { canonicalJson, sha512t24u } from './digest.ts';
export { FastaReference, type FastaReferenceOptions } from './fastaReference.ts';
export { ga4ghDigest, ga4ghIdentify, ga4ghSerialize, VrsDigestError } from './identify.ts';
export {
  identifyTrimmedVariant,
  identifyVariant,
  UnidentifiableAlleleError,
  type VariantIdentity,
  type VcfAllele,
} from './identity.ts';
export type * from './model.ts';
export {
  type NormalisedAllele,
  normaliseAllele,
  ReferenceMismatchError,
  type SequenceChange,
} from './normalise.ts';
export { InMemoryReference, type ReferenceGenome, UnknownSequenceError } from './reference.ts';
export { refgetAccessionOf, toRefgetAccession } from './refget.ts';
export { formatSpdi, parseSpdi, type Spdi } from './spdi.ts';
