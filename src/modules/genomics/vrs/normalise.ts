import type { LiteralSequenceExpression, ReferenceLengthExpression } from './model.ts';
import type { ReferenceGenome } from './reference.ts';

/** An allele on one sequence in interbase coordinates: `reference` is what [start, end) holds. */
export interface SequenceChange {
  start: number;
  end: number;
  reference: string;
  alternate: string;
}

export interface NormalisedAllele extends SequenceChange {
  state: LiteralSequenceExpression | ReferenceLengthExpression;
}

/** Residues of [start, start + residues.length) and whether they reach the ends of the sequence. */
export interface ReferenceWindow {
  start: number;
  residues: string;
  reachesSequenceStart: boolean;
  reachesSequenceEnd: boolean;
}

/** VRS step 1: drop the common suffix, then the common prefix (the order matters in repeats). */
export function trimAllele(change: SequenceChange): SequenceChange {
  let { start, end, reference, alternate } = change;
  let suffix = 0;
  while (
    suffix < reference.length &&
    suffix < alternate.length &&
    reference[reference.length - 1 - suffix] === alternate[alternate.length - 1 - suffix]
  ) {
    suffix++;
  }
  reference = reference.slice(0, reference.length - suffix);
  alternate = alternate.slice(0, alternate.length - suffix);
  end -= suffix;
  let prefix = 0;
  while (prefix < reference.length && prefix < alternate.length && reference[prefix] === alternate[prefix]) {
    prefix++;
  }
  return {
    start: start + prefix,
    end,
    reference: reference.slice(prefix),
    alternate: alternate.slice(prefix),
  };
}

const literal = (sequence: string): LiteralSequenceExpression => ({
  type: 'LiteralSequenceExpression',
  sequence,
});

/**
 * What trimming alone settles (VRS step 2): a reference allele or a substitution is final; an
 * insertion or deletion is returned trimmed, with `final: false`, as it still needs justifying.
 */
export function normaliseByTrimming(change: SequenceChange): { allele: NormalisedAllele; final: boolean } {
  const trimmed = trimAllele(change);
  if (!trimmed.reference && !trimmed.alternate) {
    const length = change.end - change.start;
    const state: ReferenceLengthExpression = {
      type: 'ReferenceLengthExpression',
      length,
      repeatSubunitLength: length,
      sequence: change.reference,
    };
    return { allele: { ...change, alternate: change.reference, state }, final: true };
  }
  const final = Boolean(trimmed.reference && trimmed.alternate);
  return { allele: { ...trimmed, state: literal(trimmed.alternate) }, final };
}

/**
 * The VRS 2.0 fully-justified normalisation of `change` (whose `reference` must be what the window
 * holds there). Returns undefined when the region of ambiguity runs into the edge of the window
 * before the edge of the sequence: the caller widens the window and asks again.
 */
export function justifyInWindow(
  window: ReferenceWindow,
  change: SequenceChange,
): NormalisedAllele | undefined {
  const windowEnd = window.start + window.residues.length;
  const residueAt = (position: number) => window.residues[position - window.start];
  const slice = (from: number, to: number) => window.residues.slice(from - window.start, to - window.start);
  const { allele: trimmed, final } = normaliseByTrimming(change);
  if (final) return trimmed;

  // An insertion or deletion: roll the inserted/deleted residues (the seed) circularly both ways.
  const seed = trimmed.reference || trimmed.alternate;
  let left = trimmed.start;
  let rolled = seed;
  while (left > window.start && rolled[rolled.length - 1] === residueAt(left - 1)) {
    left--;
    rolled = rolled.slice(-1) + rolled.slice(0, -1);
  }
  let right = trimmed.end;
  rolled = seed;
  while (right < windowEnd && rolled[0] === residueAt(right)) {
    right++;
    rolled = rolled.slice(1) + rolled[0];
  }
  if (
    (left === window.start && !window.reachesSequenceStart) ||
    (right === windowEnd && !window.reachesSequenceEnd)
  ) {
    return undefined;
  }

  const reference = slice(left, right);
  const alternate = slice(left, trimmed.start) + trimmed.alternate + slice(trimmed.end, right);
  const expanded = { start: left, end: right, reference, alternate };
  if (left === right) return { ...expanded, state: literal(alternate) };
  const repeatSubunitLength = trimmed.reference
    ? seed.length
    : referenceDerivedSubunit(seed.length, reference, alternate);
  if (repeatSubunitLength === undefined) return { ...expanded, state: literal(alternate) };
  return {
    ...expanded,
    state: {
      type: 'ReferenceLengthExpression',
      length: alternate.length,
      repeatSubunitLength,
      sequence: alternate,
    },
  };
}

/**
 * VRS step 5c: the greatest factor d of the seed length, d ≤ the reference length, such that the
 * first d reference residues repeated circularly spell the alternate sequence.
 */
function referenceDerivedSubunit(
  seedLength: number,
  reference: string,
  alternate: string,
): number | undefined {
  for (let d = Math.min(seedLength, reference.length); d >= 1; d--) {
    if (seedLength % d !== 0) continue;
    let repeats = true;
    for (let i = 0; i < alternate.length && repeats; i++) repeats = alternate[i] === reference[i % d];
    if (repeats) return d;
  }
  return undefined;
}

export class ReferenceMismatchError extends Error {}

/** Context read on each side at first; widened eightfold whenever a repeat runs past it. */
const initialFlank = 64;

/**
 * Fully-justified normalisation against a reference genome. `reference` (the VCF REF) is checked
 * against the genome, because a mismatch means the variant was called on another assembly.
 */
export async function normaliseAllele(
  genome: ReferenceGenome,
  sequence: string,
  change: SequenceChange,
): Promise<NormalisedAllele> {
  for (let flank = initialFlank; ; flank *= 8) {
    const start = Math.max(0, change.start - flank);
    const requestedEnd = change.end + flank;
    const residues = await genome.getSequence(sequence, start, requestedEnd);
    const window = {
      start,
      residues,
      reachesSequenceStart: start === 0,
      reachesSequenceEnd: start + residues.length < requestedEnd,
    };
    const atLocation = residues.slice(change.start - start, change.end - start);
    if (atLocation !== change.reference.toUpperCase()) {
      throw new ReferenceMismatchError(
        `the reference has '${atLocation}' at ${sequence}:${change.start}-${change.end}, not '${change.reference}'`,
      );
    }
    const normalised = justifyInWindow(window, {
      ...change,
      reference: atLocation,
      alternate: change.alternate.toUpperCase(),
    });
    if (normalised) return normalised;
  }
}
