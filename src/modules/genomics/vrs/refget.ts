import { sha512t24u, sha512t24uOfChunks } from './digest.ts';

const refgetAccessionPattern = /^SQ\.[0-9A-Za-z_-]{32}$/;

/** The bare refget accession (`SQ.…`) from either `SQ.…` or the CURIE `ga4gh:SQ.…`; null otherwise. */
export function toRefgetAccession(text: string): string | null {
  const bare = text.startsWith('ga4gh:') ? text.slice('ga4gh:'.length) : text;
  return refgetAccessionPattern.test(bare) ? bare : null;
}

/** Refget digests the upper-case residues, so soft-masked (lower-case) FASTA gives the same accession. */
export function refgetAccessionOf(sequence: string): string {
  return `SQ.${sha512t24u(sequence.toUpperCase())}`;
}

export async function refgetAccessionOfChunks(chunks: AsyncIterable<string>): Promise<string> {
  async function* upperCase() {
    for await (const chunk of chunks) yield chunk.toUpperCase();
  }
  return `SQ.${await sha512t24uOfChunks(upperCase())}`;
}
