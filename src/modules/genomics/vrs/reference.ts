import { refgetAccessionOf, toRefgetAccession } from './refget.ts';

/**
 * Access to reference sequences by name (`chr7`, `NC_000007.14`) or refget accession (`SQ.…`).
 * Coordinates are interbase: [start, end) counted from 0.
 */
export interface ReferenceGenome {
  /** Residues in [start, end), upper-case; shorter than asked for where the sequence ends. */
  getSequence(refgetAccessionOrName: string, start: number, end: number): Promise<string>;
  /** The refget accession (`SQ.…`) of the named sequence. */
  refgetAccession(refgetAccessionOrName: string): Promise<string>;
}

export class UnknownSequenceError extends Error {
  constructor(readonly sequence: string) {
    super(`the reference has no sequence named '${sequence}'`);
  }
}

/** A reference held in memory: tests, and small targeted panels. */
export class InMemoryReference implements ReferenceGenome {
  private readonly sequences = new Map<string, { residues: string; accession: string }>();

  constructor(sequences: Record<string, string>) {
    for (const [name, residues] of Object.entries(sequences)) {
      const entry = { residues: residues.toUpperCase(), accession: refgetAccessionOf(residues) };
      this.sequences.set(name, entry);
      this.sequences.set(entry.accession, entry);
    }
  }

  async getSequence(refgetAccessionOrName: string, start: number, end: number): Promise<string> {
    return this.lookUp(refgetAccessionOrName).residues.slice(Math.max(0, start), Math.max(0, end));
  }

  async refgetAccession(refgetAccessionOrName: string): Promise<string> {
    return this.lookUp(refgetAccessionOrName).accession;
  }

  private lookUp(refgetAccessionOrName: string) {
    const entry = this.sequences.get(toRefgetAccession(refgetAccessionOrName) ?? refgetAccessionOrName);
    if (!entry) throw new UnknownSequenceError(refgetAccessionOrName);
    return entry;
  }
}
