import { VcfError } from './errors.ts';
import type { VcfInput } from './lines.ts';
import type { VcfVersion } from './model.ts';
import { type OpenOptions, openVcf } from './reader.ts';
import { RecordChecker } from './recordCheck.ts';

export interface VcfSummary {
  fileformat: VcfVersion;
  /** Data lines. */
  records: number;
  /** ALT alleles over all records: the variants a split would give. */
  alleles: number;
  samples: string[];
  /** Contigs that carry records, in order of first appearance. */
  contigs: string[];
  /** ##contig lines in the header. */
  headerContigs: number;
  assembly: string | null;
  annotation: 'VEP' | 'SnpEff' | 'VEP+SnpEff' | 'none';
}

export interface VcfProblem {
  file: string;
  line: number;
  field: string;
  message: string;
}

export type VcfValidation = { ok: true; summary: VcfSummary } | { ok: false; error: VcfProblem };

/**
 * Checks a whole VCF file, plain or bgzipped, without building records, and summarises it — or
 * reports the first error by file, line and field. Print an error as `${file}:${line}: ${field}: ${message}`.
 */
export async function validateVcf(input: VcfInput, options: OpenOptions = {}): Promise<VcfValidation> {
  try {
    const file = await openVcf(input, options);
    const checker = new RecordChecker(file.header);
    const contigs = new Set<string>();
    let chrom = '';
    let records = 0;
    let alleles = 0;
    for await (const { lines, firstLine } of file.dataBatches()) {
      for (let i = 0; i < lines.length; i++) {
        let columns: string[];
        try {
          columns = checker.check(lines[i] as string, firstLine + i);
        } catch (error) {
          throw VcfError.at(file.name, firstLine + i, error);
        }
        if (columns[0] !== chrom) {
          chrom = columns[0] as string;
          contigs.add(chrom);
        }
        alleles += checker.altCount;
      }
      records += lines.length;
    }
    const sources = new Set(file.header.annotations.map((layout) => layout.source));
    return {
      ok: true,
      summary: {
        fileformat: file.header.version,
        records,
        alleles,
        samples: file.header.samples,
        contigs: [...contigs],
        headerContigs: file.header.contigs.size,
        assembly: file.header.assembly,
        annotation: sources.size === 2 ? 'VEP+SnpEff' : ([...sources][0] ?? 'none'),
      },
    };
  } catch (error) {
    if (!(error instanceof VcfError)) throw error;
    return {
      ok: false,
      error: { file: error.file, line: error.line, field: error.field, message: error.reason },
    };
  }
}
