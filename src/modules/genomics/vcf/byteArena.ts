/**
 * Byte strings kept one after another in large chunks of memory: an allele's transcripts JSON
 * copied out of a writer's reused buffer, until its batch is written (copyRows.ts). One chunk
 * holds the JSON of a thousand alleles or more; a chunk is dropped once nothing refers to it.
 */
export class ByteArena {
  private chunk = Buffer.alloc(0);
  private at = 0;

  /** A copy of `source`'s bytes [from, to). */
  copy(source: Buffer, from: number, to: number): Uint8Array {
    const length = to - from;
    if (this.at + length > this.chunk.length) {
      this.chunk = Buffer.allocUnsafeSlow(Math.max(CHUNK, length));
      this.at = 0;
    }
    const start = this.at;
    this.at += source.copy(this.chunk, start, from, to);
    return this.chunk.subarray(start, this.at);
  }
}

const CHUNK = 1024 * 1024;
