import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { unzip } from '@gmod/bgzf-filehandle';
import { describe, expect, it } from 'vitest';
import { openVcf } from './reader.ts';
import { bgzf, fixture, streamOf } from './testing.ts';
import { validateVcf } from './validate.ts';

const somatic = readFileSync(fixture('tumour-normal.vep.vcf'), 'utf8');

async function recordsOf(input: Parameters<typeof openVcf>[0]) {
  const file = await openVcf(input, { name: 'upload.vcf' });
  const records = [];
  for await (const record of file.records()) records.push(record);
  return { header: file.header, records };
}

describe('reading VCF input', () => {
  it.each([
    ['##reference=file:///ref/Homo_sapiens_assembly38.fasta', 'GRCh38'],
    ['##reference=/ref/hs38DH.fa', 'GRCh38'],
    ['##reference=file:///ref/Homo_sapiens_assembly19.fasta', 'GRCh37'],
    ['##reference=/data/human_g1k_v37.fasta', 'GRCh37'],
    ['##reference=/data/hs37d5.fa', 'GRCh37'],
    ['##contig=<ID=chr1,length=248956422>', 'GRCh38'],
    ['##contig=<ID=1,length=249250621>', 'GRCh37'],
    ['##contig=<ID=chr1,length=248387328>', 'T2T-CHM13'],
    ['##contig=<ID=chr1,length=1000>', null],
    ['##reference=/data/genome.fa', null],
  ])('knows the build from %s', async (line, build) => {
    const text = `##fileformat=VCFv4.2\n${line}\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n`;
    const { header } = await recordsOf(streamOf(text));
    expect(header.assembly).toBe(build);
  });

  it('reads the header model: version, contigs with lengths, assembly, definitions, samples', async () => {
    const { header } = await recordsOf(fixture('tumour-normal.vep.vcf'));
    expect(header.version).toBe('4.2');
    expect(header.samples).toEqual(['TUMOR', 'NORMAL']);
    expect(header.contigs.get('chr7')).toEqual({ id: 'chr7', length: 159345973, assembly: 'GRCh38' });
    expect(header.reference).toBe('file:///references/GRCh38/Homo_sapiens_assembly38.fasta');
    expect(header.assembly).toBe('GRCh38');
    expect(header.info.get('RPA')).toMatchObject({ number: 'R', type: 'Integer' });
    expect(header.format.get('PL')).toMatchObject({ number: 'G', type: 'Integer' });
    expect(header.filters.get('weak_evidence')).toBe('Mutation does not meet likelihood threshold');
    expect(header.annotations).toEqual([expect.objectContaining({ source: 'VEP', infoKey: 'CSQ' })]);
    expect(header.meta.find((entry) => entry.key === 'source')?.value).toMatch(/DRAGEN/);
  });

  it('reads records with typed INFO and per-sample values', async () => {
    const { records } = await recordsOf(fixture('tumour-normal.vep.vcf'));
    const [braf, kras] = records;
    expect(braf).toMatchObject({ chrom: 'chr7', pos: 140753336, ids: ['rs113488022'], ref: 'A', qual: 250 });
    expect(braf?.alts).toEqual([{ kind: 'sequence', bases: 'T' }]);
    expect(braf?.filters).toEqual(['PASS']);
    expect(braf?.info.get('DP')).toEqual([180]);
    expect(braf?.info.get('SOMATIC')).toBe(true);
    expect(braf?.samples[0]).toMatchObject({ sample: 'TUMOR', genotype: { alleles: [0, 1], phased: false } });
    expect(braf?.samples[0]?.values.get('AD')).toEqual([60, 40]);
    expect(kras?.filters).toEqual(['weak_evidence']);
  });

  it('reads BGZF (bgzip) input the same as plain text', async () => {
    const compressed = bgzf(somatic, 700);
    // The blocks are real BGZF: @gmod's reader, which walks block by block, gives the text back.
    expect(Buffer.from(await unzip(compressed)).toString()).toBe(somatic);
    const plain = await recordsOf(streamOf(somatic));
    const blocked = await recordsOf(streamOf(compressed));
    expect(blocked.records).toEqual(plain.records);
    expect(blocked.records).toHaveLength(4);
  });

  it('counts the bytes it has read, for progress against the file size', async () => {
    // Many small BGZF blocks arriving one chunk at a time, as from a slow disk or socket; the
    // records repeat (the reader does not check them here).
    const [header, body] = [
      somatic.slice(0, somatic.indexOf('#CHROM')),
      somatic.slice(somatic.indexOf('#CHROM')),
    ];
    const records = body.slice(body.indexOf('\n') + 1);
    const text = `${header}${body.slice(0, body.indexOf('\n') + 1)}${records.repeat(300)}`;
    const compressed = bgzf(text, 200);
    const chunks = [];
    for (let at = 0; at < compressed.length; at += 256) chunks.push(compressed.subarray(at, at + 256));
    const { Readable } = await import('node:stream');
    const file = await openVcf(Readable.from(chunks), { name: 'upload.vcf.gz' });
    const seen = [file.bytesRead];
    for await (const _batch of file.dataBatches()) seen.push(file.bytesRead);
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen[0]).toBeLessThan(compressed.length);
    expect(seen.every((bytes, i) => i === 0 || bytes >= (seen[i - 1] as number))).toBe(true);
    expect(seen.at(-1)).toBe(compressed.length);
  });

  it('reads plain gzip and CR+LF line ends', async () => {
    const crlf = somatic.replaceAll('\n', '\r\n');
    const { records } = await recordsOf(streamOf(gzipSync(crlf)));
    expect(records.map((record) => record.pos)).toEqual([140753336, 25245347, 7675088, 7680000]);
    expect(records[0]?.samples[1]?.values.get('PL')).toEqual([0, 240, 2400]);
  });

  it('decodes percent escapes in VCF 4.3 string values', async () => {
    const { records } = await recordsOf(fixture('germline.snpeff.vcf'));
    expect(records[0]?.info.get('NOTE')).toEqual(['seen: twice; Sanger, confirmed']);
  });

  it('names a truncated BGZF file as an error, not as a short file', async () => {
    const compressed = bgzf(somatic, 700);
    const truncated = compressed.subarray(0, compressed.length - 40);
    const result = await validateVcf(streamOf(truncated), { name: 'cut.vcf.gz' });
    expect(result).toMatchObject({ ok: false, error: { file: 'cut.vcf.gz' } });
  });

  it('refuses BGZF without its end-of-file block: cut at a block boundary, the text would look whole', async () => {
    const compressed = bgzf(somatic, 700);
    const withoutEof = compressed.subarray(0, compressed.length - 28);
    const result = await validateVcf(streamOf(withoutEof), { name: 'cut.vcf.gz' });
    expect(result).toMatchObject({
      ok: false,
      error: { field: 'file', message: /end-of-file block is missing/ },
    });
  });

  it('reports a missing file by name', async () => {
    const result = await validateVcf('/no/such/sample.vcf');
    expect(result).toEqual({
      ok: false,
      error: { file: '/no/such/sample.vcf', line: 1, field: 'file', message: 'no such file' },
    });
  });
});
