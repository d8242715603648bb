import { createHash } from 'node:crypto';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * GA4GH sha512t24u: SHA-512, truncated to the first 24 bytes, base64url-encoded (32 characters).
 * 24 bytes keep collisions negligible while the identifiers stay short enough to read.
 */
export function sha512t24u(data: string | Uint8Array): string {
  return createHash('sha512').update(data).digest().subarray(0, 24).toString('base64url');
}

/**
 * RFC 8785 JSON Canonicalization Scheme: no whitespace, object keys sorted by UTF-16 code units,
 * numbers and strings as ECMAScript's JSON.stringify writes them (which is what RFC 8785 adopts).
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new RangeError(`cannot canonicalise the number ${value}`);
    }
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const members = Object.keys(value)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] as JsonValue)}`);
  return `{${members.join(',')}}`;
}

/** sha512t24u over data arriving in pieces, so a whole chromosome never has to sit in memory. */
export async function sha512t24uOfChunks(chunks: AsyncIterable<string>): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of chunks) hash.update(chunk);
  return hash.digest().subarray(0, 24).toString('base64url');
}
