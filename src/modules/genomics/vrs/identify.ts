import { canonicalJson, type JsonValue, sha512t24u } from './digest.ts';

interface DigestRule {
  /** Type prefix of the computed identifier; absent for classes that are not identifiable. */
  prefix?: string;
  /** The class's `ga4ghDigest.keys`: only these properties enter the digest. */
  keys: readonly string[];
  /** Array properties whose order carries no meaning, so their digests are sorted. */
  unordered?: readonly string[];
  /** Properties whose class the schema fixes, so an object there may omit its `type`. */
  implied?: Readonly<Record<string, string>>;
}

/** Digest keys and prefixes of the VRS 2.0 classes (schema `ga4ghDigest`). */
const digestRules: Record<string, DigestRule> = {
  Allele: { prefix: 'VA', keys: ['location', 'state', 'type'], implied: { location: 'SequenceLocation' } },
  CisPhasedBlock: { prefix: 'CPB', keys: ['members', 'type'], unordered: ['members'] },
  CopyNumberCount: {
    prefix: 'CN',
    keys: ['copies', 'location', 'type'],
    implied: { location: 'SequenceLocation' },
  },
  CopyNumberChange: {
    prefix: 'CX',
    keys: ['copyChange', 'location', 'type'],
    implied: { location: 'SequenceLocation' },
  },
  Adjacency: { prefix: 'AJ', keys: ['adjoinedSequences', 'linker', 'type'] },
  Terminus: { prefix: 'TM', keys: ['location', 'type'], implied: { location: 'SequenceLocation' } },
  DerivativeMolecule: { prefix: 'DM', keys: ['components', 'type'] },
  SequenceLocation: {
    prefix: 'SL',
    keys: ['end', 'sequenceReference', 'start', 'type'],
    implied: { sequenceReference: 'SequenceReference' },
  },
  SequenceReference: { keys: ['refgetAccession', 'type'] },
  LiteralSequenceExpression: { keys: ['sequence', 'type'] },
  ReferenceLengthExpression: { keys: ['length', 'repeatSubunitLength', 'type'] },
  LengthExpression: { keys: ['length', 'type'] },
  TraversalBlock: { keys: ['component', 'orientation', 'type'] },
};

export class VrsDigestError extends Error {}

function ruleFor(value: object, impliedType?: string): DigestRule | undefined {
  const type = (value as { type?: unknown }).type ?? impliedType;
  if (typeof type !== 'string') return undefined;
  const rule = digestRules[type];
  if (!rule) throw new VrsDigestError(`no VRS digest rule for class '${type}'`);
  return rule;
}

/**
 * The message that is serialised: only digest keys, nested identifiable objects replaced by
 * their digests. A digest key the object lacks is written as null, as in the published VRS
 * validation vectors (e.g. Adjacency `"linker":null`, a SequenceLocation without `end`).
 */
function digestMessage(value: unknown, nested: boolean, impliedType?: string): JsonValue {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((item) => digestMessage(item, true, impliedType));
  if (typeof value !== 'object') return value as JsonValue;
  const rule = ruleFor(value, impliedType);
  if (!rule) throw new VrsDigestError('a nested VRS object has no type');
  if (nested && rule.prefix) return digestOf(value, impliedType);
  const record = { ...value, type: (value as { type?: string }).type ?? impliedType } as Record<
    string,
    unknown
  >;
  const message: Record<string, JsonValue> = {};
  for (const key of rule.keys) {
    const member = digestMessage(record[key], true, rule.implied?.[key]);
    message[key] = rule.unordered?.includes(key) && Array.isArray(member) ? [...member].sort() : member;
  }
  return message;
}

function digestOf(value: object, impliedType?: string): string {
  return sha512t24u(canonicalJson(digestMessage(value, false, impliedType)));
}

/** ga4gh_serialize: the canonical JSON the digest is computed over. */
export function ga4ghSerialize(value: object): string {
  return canonicalJson(digestMessage(value, false));
}

/** ga4gh_digest: sha512t24u of the serialisation; null for classes that are not identifiable. */
export function ga4ghDigest(value: object): string | null {
  const rule = ruleFor(value);
  return rule?.prefix ? digestOf(value) : null;
}

/** ga4gh_identify: `ga4gh:<prefix>.<digest>`, e.g. `ga4gh:VA.0AePZIWZUNsUlQTamyLrjm2HWUw2opLt`. */
export function ga4ghIdentify(value: object): string | null {
  const rule = ruleFor(value);
  return rule?.prefix ? `ga4gh:${rule.prefix}.${digestOf(value)}` : null;
}
