import { BgzipIndexedFasta, IndexedFasta } from '@gmod/indexedfasta';
import { type ReferenceGenome, UnknownSequenceError } from './reference.ts';
import { refgetAccessionOfChunks, toRefgetAccession } from './refget.ts';

/** Chromosomes are digested in pieces of this many residues, so memory stays flat. */
const digestChunkLength = 4 * 1024 * 1024;

export interface FastaReferenceOptions {
  /** Refget accessions already known per sequence name (e.g. from SeqRepo), so they need not be computed. */
  refgetAccessions?: Record<string, string>;
}

/** A reference FASTA with its `.fai` index (and `.gzi` when bgzip-compressed), read by `@gmod/indexedfasta`. */
export class FastaReference implements ReferenceGenome {
  private readonly accessionByName = new Map<string, Promise<string>>();

  private constructor(
    private readonly fasta: IndexedFasta,
    options: FastaReferenceOptions,
  ) {
    for (const [name, accession] of Object.entries(options.refgetAccessions ?? {})) {
      this.accessionByName.set(name, Promise.resolve(accession));
    }
  }

  /** `path` ending in .gz, .bgz or .bgzf is read as bgzip with `path.fai` and `path.gzi` beside it. */
  static open(path: string, options: FastaReferenceOptions = {}): FastaReference {
    const fasta = /\.(gz|bgz|bgzf)$/.test(path)
      ? new BgzipIndexedFasta({ path, faiPath: `${path}.fai`, gziPath: `${path}.gzi` })
      : new IndexedFasta({ path, faiPath: `${path}.fai` });
    return new FastaReference(fasta, options);
  }

  async getSequence(refgetAccessionOrName: string, start: number, end: number): Promise<string> {
    const name = await this.sequenceName(refgetAccessionOrName);
    const residues = await this.fasta.getSequence(name, Math.max(0, start), Math.max(0, end));
    return (residues ?? '').toUpperCase();
  }

  async refgetAccession(refgetAccessionOrName: string): Promise<string> {
    return this.accessionOf(await this.sequenceName(refgetAccessionOrName));
  }

  private accessionOf(name: string): Promise<string> {
    let accession = this.accessionByName.get(name);
    if (!accession) {
      accession = refgetAccessionOfChunks(this.residueChunks(name));
      this.accessionByName.set(name, accession);
    }
    return accession;
  }

  private async *residueChunks(name: string): AsyncGenerator<string> {
    const length = (await this.fasta.getSequenceSize(name)) ?? 0;
    for (let start = 0; start < length; start += digestChunkLength) {
      yield (await this.fasta.getSequence(name, start, start + digestChunkLength)) ?? '';
    }
  }

  /**
   * A refget accession is matched against the known accessions first; failing that, every sequence
   * in the FASTA is digested once (minutes for a whole genome), which is why callers should pass
   * sequence names or configure `refgetAccessions`.
   */
  private async sequenceName(refgetAccessionOrName: string): Promise<string> {
    const accession = toRefgetAccession(refgetAccessionOrName);
    if (!accession) {
      if (await this.fasta.hasReferenceSequence(refgetAccessionOrName)) return refgetAccessionOrName;
      throw new UnknownSequenceError(refgetAccessionOrName);
    }
    for (const [name, known] of this.accessionByName) if ((await known) === accession) return name;
    for (const name of await this.fasta.getSequenceNames()) {
      if ((await this.accessionOf(name)) === accession) return name;
    }
    throw new UnknownSequenceError(refgetAccessionOrName);
  }
}
