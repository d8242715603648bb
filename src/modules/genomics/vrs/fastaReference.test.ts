import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { FastaReference } from './fastaReference.ts';
import { identifyVariant } from './identity.ts';
import { InMemoryReference, UnknownSequenceError } from './reference.ts';

const sequences = {
  chrA: 'GGACAGCAGCAGTTACgtacgtacgtACGTTTTTTTTTGCA',
  chrB: 'TTTTACGATCGATCGGGGCCCATATATATATC',
};
const lineLength = 10;

/** FASTA text and its .fai index, with short lines so reads cross line ends. */
function fastaWithIndex(): { fasta: string; fai: string } {
  let fasta = '';
  let fai = '';
  for (const [name, residues] of Object.entries(sequences)) {
    fasta += `>${name} test sequence\n`;
    fai += `${name}\t${residues.length}\t${Buffer.byteLength(fasta)}\t${lineLength}\t${lineLength + 1}\n`;
    for (let i = 0; i < residues.length; i += lineLength) fasta += `${residues.slice(i, i + lineLength)}\n`;
  }
  return { fasta, fai };
}

/** BGZF (SAM spec §4.1) in small blocks, so reads cross block ends, plus the .gzi block index. */
function bgzip(data: Buffer, blockSize: number): { compressed: Buffer; gzi: Buffer } {
  const blocks: Buffer[] = [];
  const offsets: Array<[bigint, bigint]> = [];
  let compressedOffset = 0;
  for (let start = 0; start <= data.length; start += blockSize) {
    const chunk = data.subarray(start, start + blockSize);
    if (start > 0) offsets.push([BigInt(compressedOffset), BigInt(start)]);
    const deflated = deflateRawSync(chunk);
    const header = Buffer.from([31, 139, 8, 4, 0, 0, 0, 0, 0, 255, 6, 0, 66, 67, 2, 0, 0, 0]);
    header.writeUInt16LE(header.length + deflated.length + 8 - 1, 16);
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(crc32(chunk), 0);
    trailer.writeUInt32LE(chunk.length, 4);
    const block = Buffer.concat([header, deflated, trailer]);
    blocks.push(block);
    compressedOffset += block.length;
  }
  const gzi = Buffer.alloc(8 + offsets.length * 16);
  gzi.writeBigUInt64LE(BigInt(offsets.length), 0);
  offsets.forEach(([compressed, uncompressed], i) => {
    gzi.writeBigUInt64LE(compressed, 8 + i * 16);
    gzi.writeBigUInt64LE(uncompressed, 16 + i * 16);
  });
  return { compressed: Buffer.concat(blocks), gzi };
}

const directory = mkdtempSync(join(tmpdir(), 'genvei-fasta-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const { fasta, fai } = fastaWithIndex();
const plainPath = join(directory, 'ref.fa');
writeFileSync(plainPath, fasta);
writeFileSync(`${plainPath}.fai`, fai);
const bgzipPath = join(directory, 'ref.fa.gz');
const { compressed, gzi } = bgzip(Buffer.from(fasta), 37);
writeFileSync(bgzipPath, compressed);
writeFileSync(`${bgzipPath}.fai`, fai);
writeFileSync(`${bgzipPath}.gzi`, gzi);

describe.each([
  ['plain FASTA', plainPath],
  ['bgzip FASTA', bgzipPath],
])('FastaReference over a %s', (_, path) => {
  const reference = FastaReference.open(path);
  const inMemory = new InMemoryReference(sequences);

  it('reads residues upper-case across lines and blocks, clamped at the sequence end', async () => {
    expect(await reference.getSequence('chrA', 8, 22)).toBe('GCAGTTACGTACGT');
    expect(await reference.getSequence('chrB', 28, 40)).toBe('TATC');
  });

  it('computes the refget accession the in-memory reference computes', async () => {
    expect(await reference.refgetAccession('chrB')).toBe(await inMemory.refgetAccession('chrB'));
  });

  it('finds a sequence by its refget accession', async () => {
    const accession = await inMemory.refgetAccession('chrB');
    expect(await reference.getSequence(accession, 0, 4)).toBe('TTTT');
  });

  it('gives the identity the in-memory reference gives', async () => {
    const deletion = { chrom: 'chrA', pos: 30, ref: 'TT', alt: 'T' };
    expect((await identifyVariant(reference, deletion)).vrsId).toBe(
      (await identifyVariant(inMemory, deletion)).vrsId,
    );
  });

  it('refuses a sequence it does not have', async () => {
    await expect(reference.getSequence('chrZ', 0, 1)).rejects.toThrow(UnknownSequenceError);
  });
});

describe('FastaReference with known accessions', () => {
  it('uses a configured refget accession instead of digesting the sequence', async () => {
    const known = 'SQ.IIB53T8CNeJJdUqzn9V_JnRtQadwWCbl';
    const reference = FastaReference.open(plainPath, { refgetAccessions: { chrA: known } });
    expect(await reference.refgetAccession('chrA')).toBe(known);
    expect(await reference.getSequence(known, 0, 2)).toBe('GG');
  });
});
