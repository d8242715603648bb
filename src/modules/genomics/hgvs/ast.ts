/**
 * The parse of an HGVS description as plain JSON. Amino acids are three-letter codes ('Ter' for
 * a stop) whichever way they were written; nucleotides keep the case they were written in.
 */

/** g. genomic, o. circular genomic, m. mitochondrial, c. coding DNA, n. non-coding DNA, r. RNA, p. protein. */
export type CoordinateSystem = 'g' | 'o' | 'm' | 'c' | 'n' | 'r' | 'p';
export type NucleicSystem = Exclude<CoordinateSystem, 'p'>;

export type Molecule =
  | 'genomic'
  | 'coding transcript'
  | 'non-coding transcript'
  | 'transcript'
  | 'protein'
  | 'unknown';

export interface ReferenceSequence {
  /** As written, e.g. 'NM_004333.6', 'LRG_199t1'. */
  accession: string;
  version: number | null;
  namespace: 'RefSeq' | 'Ensembl' | 'LRG' | 'other';
  molecule: Molecule;
  /** The transcript in `NC_000023.11(NM_004006.2):c.…`. */
  transcript?: ReferenceSequence;
  /** The gene symbol in `NM_004006.2(DMD):c.…`. */
  gene?: string;
}

/**
 * A nucleotide position. `base` is negative 5' of the coding start (c.-12); `fromStop` marks
 * positions 3' of the stop codon (c.*45); `offset` is the intronic offset (c.123+4), absent in exons.
 */
export type NucleotidePosition =
  | { kind: 'known'; base: number; fromStop: boolean; offset?: number }
  | { kind: 'unknown' };

export interface ProteinPosition {
  kind: 'residue';
  aminoAcid: string;
  number: number;
}

/** `(4_6)` as one end of a location: the position lies somewhere from `from` to `to`. */
export interface PositionRange<P> {
  kind: 'range';
  from: P;
  to: P;
}

export type LocationBound<P> = P | PositionRange<P>;

export function isPositionRange<P>(bound: LocationBound<P>): bound is PositionRange<P> {
  return (bound as { kind?: unknown }).kind === 'range';
}

/** A position or range; `uncertain` for a location written in parentheses, e.g. `(100_200)`. */
export interface Location<P> {
  start: LocationBound<P>;
  end?: LocationBound<P>;
  uncertain: boolean;
}

export type NucleotideLocation = Location<NucleotidePosition>;

/** Val600 or Lys23_Val25; parentheses around it make it uncertain. */
export interface ProteinLocation {
  start: ProteinPosition;
  end?: ProteinPosition;
  uncertain: boolean;
}

export type NucleicEdit =
  | { type: 'substitution'; reference: string; alternate: string }
  | { type: 'deletion'; deleted?: string; deletedLength?: number }
  | { type: 'delins'; deleted?: string; deletedLength?: number; inserted: string }
  | { type: 'insertion'; inserted: string }
  | { type: 'duplication'; duplicated?: string }
  | { type: 'inversion'; inverted?: string; invertedLength?: number }
  | { type: 'identity'; reference?: string }
  | { type: 'repeat'; unit?: string; copies: number }
  | { type: 'conversion'; source: ReferencedLocation }
  /** Not HGVS: an Invitae extension that the biocommons grammar accepts. */
  | { type: 'copy'; copies: number };

/** `NM_004006.1:c.15_355`: a location on a named reference, as in a conversion. */
export interface ReferencedLocation {
  reference: ReferenceSequence;
  coordinateSystem: NucleicSystem;
  location: NucleotideLocation;
}

export interface NucleicChange {
  location: NucleotideLocation;
  edit: NucleicEdit;
  /** Predicted rather than observed, written in parentheses (RNA). */
  predicted: boolean;
}

/** `Ter23` after fs/ext: the new stop codon, `position` counted from the changed residue. */
export interface NewStop {
  position?: number | '?';
}

export type ProteinEdit =
  | { type: 'substitution'; alternate: string }
  | { type: 'unknown' }
  | { type: 'deletion' }
  | { type: 'duplication' }
  | { type: 'insertion'; inserted: string[] }
  | { type: 'delins'; inserted: string[] }
  | { type: 'identity' }
  | { type: 'frameshift'; alternate?: string; newStop?: NewStop }
  /** C-terminal (`newStop`) or N-terminal (`newStart`: a new initiation `offset` residues upstream). */
  | {
      type: 'extension';
      alternate?: string;
      newStop?: NewStop;
      newStart?: { aminoAcid?: string; offset: number };
    };

export type ProteinChange =
  | { kind: 'unknown' }
  | { kind: 'noProtein'; uncertain: boolean }
  | { kind: 'unchanged'; predicted: boolean }
  | { kind: 'change'; location: ProteinLocation; edit: ProteinEdit; predicted: boolean };

/** `c.76A>T`: a coordinate type and a change, as SnpEff's ANN HGVS fields carry them. */
export type TypedChange =
  | { coordinateSystem: 'p'; change: ProteinChange }
  | { coordinateSystem: NucleicSystem; change: NucleicChange };

/** A whole description; `reference` is null only when a typed change was checked on its own. */
export type HgvsVariant = TypedChange & { reference: ReferenceSequence | null };
