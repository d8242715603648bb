import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';

/** VCF's percent escapes whole and in either case, and `%` sequences that are no escape (cut short, unknown, doubled). */
export const PERCENT_PIECES = [
  '%3A',
  '%3b',
  '%3D',
  '%25',
  '%2C',
  '%2c',
  '%0D',
  '%0a',
  '%09',
  '%',
  '%2',
  '%41',
  '%%3B',
];

/** ASCII characters a JSON string must escape (and DEL, which it need not). */
export const JSON_AWKWARD = ['"', '\\', '\u0000', '\b', '\f', '\u001f', '\u007f'];

/** The small VCF files the tests share, written by hand for this project. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../../../../test/fixtures/vcf/${name}`, import.meta.url));
}

/** VCF text as a stream, the way an HTTP upload arrives. */
export function streamOf(text: string | Buffer): Readable {
  return Readable.from([typeof text === 'string' ? Buffer.from(text) : text]);
}

/** Lines joined with tabs within and newlines between, so tests can write VCF without escapes. */
export function vcfText(lines: (string | string[])[]): string {
  return `${lines.map((line) => (Array.isArray(line) ? line.join('\t') : line)).join('\n')}\n`;
}

/**
 * BGZF as bgzip writes it: gzip members of at most 64 KiB with the BC extra field holding the
 * block size, then the empty end-of-file block.
 */
export function bgzf(text: string, blockBytes = 65280): Buffer {
  const data = Buffer.from(text);
  const blocks: Buffer[] = [];
  for (let offset = 0; offset < data.length; offset += blockBytes) {
    blocks.push(bgzfBlock(data.subarray(offset, offset + blockBytes)));
  }
  blocks.push(bgzfBlock(Buffer.alloc(0)));
  return Buffer.concat(blocks);
}

function bgzfBlock(payload: Buffer): Buffer {
  const deflated = deflateRawSync(payload);
  // ID1 ID2 CM FLG(FEXTRA) MTIME(4) XFL OS XLEN(6) 'B' 'C' SLEN(2) BSIZE(2)
  const header = Buffer.from([0x1f, 0x8b, 8, 4, 0, 0, 0, 0, 0, 0xff, 6, 0, 0x42, 0x43, 2, 0, 0, 0]);
  header.writeUInt16LE(header.length + deflated.length + 8 - 1, 16);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(payload), 0);
  trailer.writeUInt32LE(payload.length, 4);
  return Buffer.concat([header, deflated, trailer]);
}
