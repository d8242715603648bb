import { annotationLayout } from './annotations.ts';
import { VcfFault } from './errors.ts';
import { isUrl, type MetaPair, parseStructured } from './metaLine.ts';
import type { Cardinality, FieldDefinition, ValueType, VcfHeader, VcfVersion } from './model.ts';
import { checkSymbolicId, isContigName, isFormatKey, isInfoKey } from './names.ts';
import { reservedFields } from './reserved.ts';
import { hasWhitespace } from './scalars.ts';

const FIXED_COLUMNS = ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO'];
const VERSIONS = new Map<string, VcfVersion>([
  ['VCFv4.1', '4.1'],
  ['VCFv4.2', '4.2'],
  ['VCFv4.3', '4.3'],
]);
const TYPES = new Set<string>(['Integer', 'Float', 'Flag', 'Character', 'String']);
/** Lines whose `<…>` value the spec defines; in 4.3 every `<…>` value is structured. */
const DEFINED_STRUCTURES = new Set([
  'INFO',
  'FORMAT',
  'FILTER',
  'ALT',
  'contig',
  'SAMPLE',
  'PEDIGREE',
  'META',
]);

/**
 * Builds by the names their files go by: GRCh38's bundles are also GATK's
 * Homo_sapiens_assembly38 and bwa-kit's hs38/hs38DH; GRCh37's are Homo_sapiens_assembly19,
 * human_g1k_v37 and hs37d5.
 */
const BUILDS: [RegExp, string][] = [
  [/GRCh38|hg38|hs38|\bb38\b|assembly38/i, 'GRCh38'],
  [/GRCh37|hg19|hs37|\bb37\b|assembly19|g1k_v37/i, 'GRCh37'],
  [/T2T|CHM13/i, 'T2T-CHM13'],
  [/NCBI36|hg18|\bB36\b/i, 'NCBI36'],
];

/** Chromosome 1's length in each build: what tells the build when no name does. */
const CHROMOSOME_1 = new Map<number, string>([
  [248956422, 'GRCh38'],
  [249250621, 'GRCh37'],
  [248387328, 'T2T-CHM13'],
  [247249719, 'NCBI36'],
]);

function buildName(text: string | null): string | null {
  if (text === null) return null;
  return BUILDS.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

function parseCardinality(text: string, field: string): Cardinality {
  if (text === 'A' || text === 'R' || text === 'G' || text === '.') return text;
  if (/^\d+$/.test(text)) return Number(text);
  throw new VcfFault(field, `Number must be an integer, A, R, G or ".", got "${text}"`);
}

function checkType(text: string, field: string): ValueType {
  if (!TYPES.has(text)) {
    throw new VcfFault(field, `Type must be Integer, Float, Flag, Character or String, got "${text}"`);
  }
  return text as ValueType;
}

function expectOrder(pairs: MetaPair[], keys: string[], field: string): void {
  keys.forEach((key, index) => {
    const found = pairs[index]?.key;
    if (found !== key) {
      throw new VcfFault(
        field,
        `field ${index + 1} must be ${key}, found ${found ?? 'nothing'} (order: ${keys.join(', ')})`,
      );
    }
  });
}

/** Reads the meta lines and the #CHROM line, checking each as it arrives. */
export class HeaderBuilder {
  private version: VcfVersion | null = null;
  private readonly meta: VcfHeader['meta'] = [];
  private readonly contigs: VcfHeader['contigs'] = new Map();
  private readonly info = new Map<string, FieldDefinition>();
  private readonly format = new Map<string, FieldDefinition>();
  private readonly filters = new Map<string, string>();
  private readonly alts = new Map<string, string>();
  private readonly idsByKey = new Map<string, Set<string>>();

  /** Takes the next header line; returns the header once the #CHROM line has completed it. */
  add(line: string): VcfHeader | null {
    if (this.version === null) {
      this.version = this.fileformat(line);
      return null;
    }
    if (line.startsWith('##')) {
      this.metaLine(line, this.version);
      return null;
    }
    if (line.startsWith('#CHROM')) return this.finish(line.split('\t'), this.version);
    throw new VcfFault('header', 'expected a ##key=value meta line or the #CHROM header line');
  }

  private fileformat(line: string): VcfVersion {
    if (!line.startsWith('##fileformat=')) {
      throw new VcfFault('fileformat', 'the first line must be ##fileformat=VCFv4.x');
    }
    const text = line.slice('##fileformat='.length);
    const version = VERSIONS.get(text);
    if (!version) {
      throw new VcfFault('fileformat', `unsupported file format "${text}" (this reader reads VCFv4.1–4.3)`);
    }
    return version;
  }

  private metaLine(line: string, version: VcfVersion): void {
    const eq = line.indexOf('=');
    if (eq < 0) throw new VcfFault('header', `meta-information must be ##key=value, got "${line}"`);
    const key = line.slice(2, eq);
    const value = line.slice(eq + 1);
    const field = `##${key}`;
    if (key.length === 0 || hasWhitespace(key)) {
      throw new VcfFault('header', `illegal meta-information key "${key}"`);
    }
    if (value.length === 0) throw new VcfFault(field, 'empty value');
    if (version === '4.3' && hasControlCharacter(line)) {
      throw new VcfFault(field, 'contains a control character');
    }
    if (key === 'fileformat') {
      throw new VcfFault(field, 'a file has exactly one ##fileformat line, the first');
    }
    this.meta.push({ key, value });
    const structured = DEFINED_STRUCTURES.has(key) || (version === '4.3' && value.startsWith('<'));
    if (!structured) {
      if ((key === 'assembly' || key === 'pedigreeDB') && !isUrl(unwrapAngles(value))) {
        throw new VcfFault(field, `expected a URL, got "${value}"`);
      }
      return;
    }
    if (!value.startsWith('<') || !value.endsWith('>')) {
      throw new VcfFault(field, 'a structured line must be <key=value,…>');
    }
    const pairs = parseStructured(value.slice(1, -1), field);
    for (const pair of pairs) {
      if (pair.key === 'Number') parseCardinality(pair.value, field);
      if (pair.key === 'Type') checkType(pair.value, field);
    }
    const id = pairs.find((pair) => pair.key === 'ID')?.value;
    if (id === undefined && !(key === 'PEDIGREE' && version !== '4.3')) {
      throw new VcfFault(field, 'ID is required');
    }
    if (id !== undefined) {
      this.checkIdFirst(pairs, key, field);
      // Only 4.3 asks for unique IDs; 4.2 files may refine a line (##contig=<ID=1> then <ID=1,length=…>).
      if (version === '4.3') this.claimId(key, id, `${field}/${id}`);
      this.structuredLine(key, id, pairs, version, `${field}/${id}`);
    }
  }

  private checkIdFirst(pairs: MetaPair[], key: string, field: string): void {
    if (DEFINED_STRUCTURES.has(key) && pairs[0]?.key !== 'ID') {
      throw new VcfFault(field, 'ID must be the first field');
    }
  }

  private claimId(key: string, id: string, field: string): void {
    const ids = this.idsByKey.get(key) ?? new Set<string>();
    if (ids.has(id)) throw new VcfFault(field, `ID ${id} is defined twice`);
    ids.add(id);
    this.idsByKey.set(key, ids);
  }

  private structuredLine(
    key: string,
    id: string,
    pairs: MetaPair[],
    version: VcfVersion,
    field: string,
  ): void {
    const value = (name: string) => pairs.find((pair) => pair.key === name);
    switch (key) {
      case 'INFO':
      case 'FORMAT':
        this.definition(key, id, pairs, version, field);
        return;
      case 'FILTER':
      case 'ALT':
        expectOrder(pairs, ['ID', 'Description'], field);
        if (!pairs[1]?.quoted) throw new VcfFault(field, 'Description must be in double quotes');
        if (key === 'ALT') {
          checkSymbolicId(id, field);
          this.alts.set(id, pairs[1].value);
        } else {
          this.filters.set(id, pairs[1].value);
        }
        return;
      case 'contig': {
        if (!isContigName(id, version)) throw new VcfFault(field, `illegal contig name "${id}"`);
        const length = value('length')?.value;
        if (length !== undefined && !/^\d+$/.test(length)) {
          throw new VcfFault(field, `length must be an integer, got "${length}"`);
        }
        this.contigs.set(id, {
          id,
          length: length === undefined ? null : Number(length),
          assembly: value('assembly')?.value ?? null,
        });
        return;
      }
      case 'META': {
        const values = value('Values');
        if (values && !values.bracketed) throw new VcfFault(field, 'Values must be a [ … ] list');
        return;
      }
    }
  }

  private definition(
    key: 'INFO' | 'FORMAT',
    id: string,
    pairs: MetaPair[],
    version: VcfVersion,
    field: string,
  ): void {
    expectOrder(pairs, ['ID', 'Number', 'Type', 'Description'], field);
    if (!(key === 'INFO' ? isInfoKey(id) : isFormatKey(id))) {
      throw new VcfFault(field, `illegal ${key} ID "${id}"`);
    }
    const number = parseCardinality(pairs[1]?.value ?? '', field);
    const type = checkType(pairs[2]?.value ?? '', field);
    if (key === 'FORMAT' && type === 'Flag') throw new VcfFault(field, 'FORMAT fields cannot be Type=Flag');
    const description = pairs[3];
    if (!description?.quoted) throw new VcfFault(field, 'Description must be in double quotes');
    if (version === '4.3') {
      for (const pair of pairs) {
        if ((pair.key === 'Source' || pair.key === 'Version') && !pair.quoted) {
          throw new VcfFault(field, `${pair.key} must be in double quotes`);
        }
      }
    }
    const reserved = reservedFields(key === 'INFO' ? 'info' : 'format', version).get(id);
    if (reserved) {
      if (reserved.number !== null && reserved.number !== number) {
        throw new VcfFault(field, `reserved ${key} ${id} must have Number=${reserved.number}, got ${number}`);
      }
      if (!reserved.types.includes(type)) {
        throw new VcfFault(
          field,
          `reserved ${key} ${id} must have Type=${reserved.types.join(' or ')}, got ${type}`,
        );
      }
    }
    (key === 'INFO' ? this.info : this.format).set(id, { id, number, type, description: description.value });
  }

  private finish(columns: string[], version: VcfVersion): VcfHeader {
    FIXED_COLUMNS.forEach((name, index) => {
      if (columns[index] !== name) {
        throw new VcfFault(
          '#CHROM',
          `column ${index + 1} must be ${name}, found "${columns[index] ?? ''}" (tab-separated)`,
        );
      }
    });
    const samples = columns.slice(9);
    if (columns.length > 8) {
      if (columns[8] !== 'FORMAT') {
        throw new VcfFault('#CHROM', `column 9 must be FORMAT, found "${columns[8]}"`);
      }
      if (samples.length === 0) {
        throw new VcfFault('#CHROM', 'a FORMAT column must be followed by at least one sample');
      }
    }
    const seen = new Set<string>();
    for (const sample of samples) {
      if (sample.length === 0) throw new VcfFault('#CHROM', 'empty sample name (a trailing tab?)');
      if (seen.has(sample)) throw new VcfFault('#CHROM', `sample name "${sample}" appears more than once`);
      seen.add(sample);
    }
    return {
      version,
      meta: this.meta,
      contigs: this.contigs,
      info: this.info,
      format: this.format,
      filters: this.filters,
      alts: this.alts,
      samples,
      reference: this.metaValue('reference'),
      assembly: this.assembly(),
      annotations: [...this.info.values()].flatMap((definition) => annotationLayout(definition) ?? []),
    };
  }

  private metaValue(key: string): string | null {
    return this.meta.find((entry) => entry.key === key)?.value ?? null;
  }

  /**
   * The build named by contig assembly attributes, ##reference or ##assembly, in that order of
   * trust; else the one chromosome 1's declared length belongs to (Mutect2 and many others write
   * contig lines without an assembly and a ##reference path that may name none).
   */
  private assembly(): string | null {
    const contigAssembly =
      [...this.contigs.values()].find((contig) => contig.assembly !== null)?.assembly ?? null;
    const sources = [contigAssembly, this.metaValue('reference'), this.metaValue('assembly')];
    for (const source of sources) {
      const build = buildName(source);
      if (build) return build;
    }
    if (contigAssembly !== null) return contigAssembly;
    const chromosome1 = this.contigs.get('chr1') ?? this.contigs.get('1');
    return (chromosome1?.length != null && CHROMOSOME_1.get(chromosome1.length)) || null;
  }
}

function unwrapAngles(value: string): string {
  return value.startsWith('<') && value.endsWith('>') ? value.slice(1, -1) : value;
}

/** VCF 4.3 §1.2 disallows U+0000–U+0008, U+000B–U+000C and U+000E–U+001F; tab, LF and CR stay. */
function hasControlCharacter(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code < 32 && code !== 9 && code !== 10 && code !== 13) return true;
  }
  return false;
}
