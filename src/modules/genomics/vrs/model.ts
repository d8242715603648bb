/**
 * The VRS 2.0 classes genvei builds itself. Other classes (Adjacency, CisPhasedBlock, …) are
 * digested generically from their JSON form; see identify.ts.
 */

/** Interbase coordinate range; null marks an open (indefinite) side. */
export type Range = [number | null, number | null];

export interface SequenceReference {
  type: 'SequenceReference';
  /** `SQ.` + sha512t24u of the upper-case sequence. */
  refgetAccession: string;
  id?: string;
  residueAlphabet?: 'na' | 'aa';
}

export interface SequenceLocation {
  type: 'SequenceLocation';
  id?: string;
  sequenceReference: SequenceReference;
  /** Interbase (0-based, between residues) coordinates. */
  start: number | Range;
  end: number | Range;
}

export interface LiteralSequenceExpression {
  type: 'LiteralSequenceExpression';
  sequence: string;
}

/**
 * A state derived from the reference: `length` residues made by repeating the first
 * `repeatSubunitLength` residues of the location. `sequence` is informative and not digested.
 */
export interface ReferenceLengthExpression {
  type: 'ReferenceLengthExpression';
  length: number;
  repeatSubunitLength: number;
  sequence?: string;
}

export interface Allele {
  type: 'Allele';
  id?: string;
  location: SequenceLocation;
  state: LiteralSequenceExpression | ReferenceLengthExpression;
}
