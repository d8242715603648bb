import { VcfError } from '../../genomics/vcf/errors.ts';
import type { VcfInput } from '../../genomics/vcf/lines.ts';
import type { InfoValue, VariantAllele, VcfHeader } from '../../genomics/vcf/model.ts';
import { openVcf, type VcfFile } from '../../genomics/vcf/reader.ts';
import { splitAlleles } from '../../genomics/vcf/split.ts';
import { normaliseSignificance, reviewStars } from './clinvarTerms.ts';
import type { ClinVarRecord } from './model.ts';

export interface ClinVarOptions {
  /** The file name errors report; defaults to the path, or "stdin" for a stream. */
  name?: string;
  /** The build the file must be on (genvei works on GRCh38); null accepts any. */
  assembly?: string | null;
}

/**
 * Opens ClinVar's VCF (clinvar.vcf.gz, plain or bgzipped) with genvei's VCF reader, which checks
 * every line, and refuses a file that is not ClinVar's or is on another build: coordinates from
 * GRCh37 would silently match the wrong variants.
 */
export async function openClinVar(input: VcfInput, options: ClinVarOptions = {}): Promise<ClinVarFile> {
  const vcf = await openVcf(input, options.name === undefined ? {} : { name: options.name });
  const { header } = vcf;
  const source = metaValue(header, 'source');
  if (source?.toLowerCase() !== 'clinvar') {
    throw new VcfError(
      vcf.name,
      1,
      '##source',
      `expected ##source=ClinVar, found ${source ?? 'no ##source line'}`,
    );
  }
  const expected = options.assembly === undefined ? 'GRCh38' : options.assembly;
  if (expected !== null && header.assembly !== expected) {
    const found = header.assembly ?? 'an unstated build';
    throw new VcfError(vcf.name, 1, '##reference', `the file is on ${found}; expected ${expected}`);
  }
  return new ClinVarFile(vcf);
}

/** An open ClinVar VCF: its release, and its alleles for one pass through batches(). */
export class ClinVarFile {
  readonly name: string;
  /** The release date ClinVar writes in ##fileDate (2026-07-06). */
  readonly fileDate: string | null;
  readonly assembly: string | null;
  /**
   * Data lines with ALT `.`, which name no allele and so give no record. Known once the
   * batches are read, for the import summary.
   */
  recordsWithoutAlt = 0;
  /** CLNSIG terms this parser does not know, read as "other"; known once the batches are read. */
  readonly unknownSignificanceTerms = new Set<string>();

  constructor(private readonly vcf: VcfFile) {
    this.name = vcf.name;
    this.fileDate = metaValue(vcf.header, 'fileDate');
    this.assembly = vcf.header.assembly;
  }

  /** ClinVar records, a batch per decoded chunk of the file, so the whole file never sits in memory. */
  async *batches(): AsyncGenerator<ClinVarRecord[]> {
    const { header } = this.vcf;
    for await (const records of this.vcf.recordBatches()) {
      const batch: ClinVarRecord[] = [];
      for (const record of records) {
        if (record.alts.length === 0) this.recordsWithoutAlt++;
        for (const allele of splitAlleles(record, header)) batch.push(this.recordOf(allele));
      }
      yield batch;
    }
  }

  private recordOf(allele: VariantAllele): ClinVarRecord {
    const fail = (field: string, reason: string) => new VcfError(this.name, allele.line, field, reason);
    const { info } = allele;
    if (allele.alt.kind !== 'sequence') {
      throw fail('ALT', `expected a sequence allele, got "${allele.altText}"`);
    }
    const [id, ...otherIds] = allele.ids;
    if (id === undefined || otherIds.length > 0 || !/^\d+$/.test(id)) {
      throw fail('ID', `expected one ClinVar Variation ID, got "${allele.ids.join(';') || '.'}"`);
    }
    const alleleId = info.get('ALLELEID');
    if (!Array.isArray(alleleId) || typeof alleleId[0] !== 'number') {
      throw fail('INFO/ALLELEID', 'missing: every ClinVar record has an allele id');
    }
    const reviewStatus = textOf(info.get('CLNREVSTAT'));
    const stars = reviewStatus === null ? 0 : reviewStars(reviewStatus);
    if (stars === null) throw fail('INFO/CLNREVSTAT', `unknown review status "${reviewStatus}"`);
    const significance = textOf(info.get('CLNSIG'));
    return {
      chrom: allele.chrom,
      pos: allele.pos,
      ref: allele.ref,
      alt: allele.alt.bases.toUpperCase(),
      variationId: Number(id),
      alleleId: alleleId[0],
      genes: genesOf(textOf(info.get('GENEINFO'))),
      significance:
        significance === null
          ? null
          : normaliseSignificance(significance, (term) => this.unknownSignificanceTerms.add(term)),
      reviewStatus,
      stars,
      conditions: conditionsOf(textOf(info.get('CLNDN'))),
      hgvs: textOf(info.get('CLNHGVS')),
      variantType: textOf(info.get('CLNVC')),
      consequences: consequencesOf(info.get('MC'), fail),
      line: allele.line,
    };
  }
}

function metaValue(header: VcfHeader, key: string): string | null {
  return header.meta.find((entry) => entry.key === key)?.value ?? null;
}

/**
 * An INFO value as ClinVar wrote it. The reader splits String values on commas, but ClinVar's
 * commas are part of the words (criteria_provided,_single_submitter; Breast-ovarian_cancer,_familial_1),
 * so the pieces are joined back.
 */
function textOf(value: InfoValue | undefined): string | null {
  if (value === undefined || value === true) return null;
  const present = value.filter((item) => item !== null);
  return present.length === 0 ? null : present.join(',');
}

/** GENEINFO: BRCA1:672, or several genes as SYMBOL:id|SYMBOL:id. */
function genesOf(text: string | null): ClinVarRecord['genes'] {
  if (text === null) return [];
  return text
    .split('|')
    .filter((entry) => entry !== '')
    .map((entry) => {
      const colon = entry.lastIndexOf(':');
      return colon < 0
        ? { symbol: entry, geneId: null }
        : { symbol: entry.slice(0, colon), geneId: entry.slice(colon + 1) || null };
    });
}

/** CLNDN: names joined by `|`, with `_` for spaces; `.` for none. */
function conditionsOf(text: string | null): string[] {
  if (text === null) return [];
  return text
    .split('|')
    .filter((name) => name !== '' && name !== '.')
    .map((name) => name.replaceAll('_', ' '));
}

/** MC: a list of SO:0001583|missense_variant. */
function consequencesOf(
  value: InfoValue | undefined,
  fail: (field: string, reason: string) => VcfError,
): ClinVarRecord['consequences'] {
  if (value === undefined || value === true) return [];
  return value.flatMap((entry) => {
    if (entry === null) return [];
    const [so, term, ...rest] = String(entry).split('|');
    if (so === undefined || term === undefined || rest.length > 0 || !/^SO:\d+$/.test(so)) {
      throw fail('INFO/MC', `expected SO:<number>|<term>, got "${entry}"`);
    }
    return [{ so, term }];
  });
}
