import { VcfFault } from './errors.ts';
import type { JsonBytes } from './jsonBytes.ts';
import type { AnnotationLayout, FieldDefinition, Impact, TranscriptConsequence } from './model.ts';
import { percentDecode } from './scalars.ts';

/** SnpEff's ANN is fixed by the "VCF annotation format" v1.0: 16 fields, in this order. */
export const SNPEFF_FIELDS: readonly string[] = [
  'Allele',
  'Annotation',
  'Annotation_Impact',
  'Gene_Name',
  'Gene_ID',
  'Feature_Type',
  'Feature_ID',
  'Transcript_BioType',
  'Rank',
  'HGVS.c',
  'HGVS.p',
  'cDNA.pos / cDNA.length',
  'CDS.pos / CDS.length',
  'AA.pos / AA.length',
  'Distance',
  'ERRORS / WARNINGS / INFO',
];

/**
 * Recognises an annotation field by its header text, not its key: VEP's key can be renamed
 * (--vcf_info_field), and its field order depends on options and plugins, so it is read from
 * the Description's "Format: …".
 */
export function annotationLayout(definition: FieldDefinition): AnnotationLayout | null {
  if (definition.type !== 'String') return null;
  const text = definition.description;
  const format = text.indexOf('Format: ');
  if (format >= 0) {
    const fields = text
      .slice(format + 'Format: '.length)
      .trim()
      .split('|');
    if (fields.includes('Allele') && fields.includes('Consequence')) {
      return { source: 'VEP', infoKey: definition.id, fields };
    }
  }
  if (text.startsWith('Functional annotations:') && text.includes('Allele | Annotation')) {
    return { source: 'SnpEff', infoKey: definition.id, fields: SNPEFF_FIELDS };
  }
  return null;
}

/**
 * Checks every entry of an annotation value: as many `|`-separated fields as the header names,
 * and, for VEP run with --allele_number, an ALLELE_NUM that points at an ALT of the record.
 */
export function checkAnnotationValue(
  layout: AnnotationLayout,
  value: string,
  altCount: number,
  field: string,
): void {
  const expected = layout.fields.length;
  const alleleNumber = columnsOf(layout).alleleNumber;
  // Without ALLELE_NUM only the shape matters, and one regular expression checks it fastest.
  if (alleleNumber < 0 && entryShape(expected).test(value)) return;
  // Entry by entry, to check ALLELE_NUM or to name the entry that is wrong (indexOf beats a
  // loop over characters).
  for (let entry = 1, entryStart = 0; entryStart <= value.length; entry++) {
    let entryEnd = value.indexOf(',', entryStart);
    if (entryEnd < 0) entryEnd = value.length;
    let fields = 1;
    let fieldStart = entryStart;
    for (
      let bar = value.indexOf('|', entryStart);
      bar >= 0 && bar < entryEnd;
      bar = value.indexOf('|', bar + 1)
    ) {
      if (fields - 1 === alleleNumber) {
        checkAlleleNumber(value.slice(fieldStart, bar), altCount, entry, field);
      }
      fields++;
      fieldStart = bar + 1;
    }
    if (fields - 1 === alleleNumber) {
      checkAlleleNumber(value.slice(fieldStart, entryEnd), altCount, entry, field);
    }
    if (fields !== expected) {
      const text = value.slice(entryStart, Math.min(entryEnd, entryStart + 60));
      throw new VcfFault(
        field,
        `entry ${entry} has ${fields} fields, the header declares ${expected}: "${text}…"`,
      );
    }
    entryStart = entryEnd + 1;
  }
}

/** Whether the layout has VEP's ALLELE_NUM, which checkAnnotationValue checks entry by entry. */
export function hasAlleleNumber(layout: AnnotationLayout): boolean {
  return columnsOf(layout).alleleNumber >= 0;
}

const entryShapes = new Map<number, RegExp>();

/** Entries of exactly `fields` fields each: `|` separates fields and `,` entries, so neither occurs inside one. */
function entryShape(fields: number): RegExp {
  let shape = entryShapes.get(fields);
  if (shape === undefined) {
    const entry = `(?:[^|,]*\\|){${fields - 1}}[^|,]*`;
    shape = new RegExp(`^${entry}(?:,${entry})*$`);
    entryShapes.set(fields, shape);
  }
  return shape;
}

function checkAlleleNumber(text: string, altCount: number, entry: number, field: string): void {
  const number = Number(text);
  if (!Number.isInteger(number) || number < 1 || number > altCount) {
    throw new VcfFault(field, `entry ${entry}: ALLELE_NUM "${text}" is not an ALT of this record`);
  }
}

interface Columns {
  allele: number;
  alleleNumber: number;
  consequence: number;
  impact: number;
  symbol: number;
  gene: number;
  featureType: number;
  feature: number;
  biotype: number;
  hgvsc: number;
  hgvsp: number;
  canonical: number;
  maneSelect: number;
  mane: number;
  existing: number;
  /** How each transcript's JSON array starts: `["VEP",`. */
  sourceJson: string;
  /** Population frequency columns: their names and positions. */
  frequencyNames: string[];
  /** Each frequency column's name as a JSON key with its colon: `"gnomADe_AF":`. */
  frequencyKeys: string[];
  frequencyIndexes: number[];
}

const columnCache = new WeakMap<AnnotationLayout, Columns>();

/** The columns transcriptsJson reads, for the WebAssembly kernel's layout block (transcriptsWasm.ts). */
export function annotationColumns(layout: AnnotationLayout): Readonly<Columns> {
  return columnsOf(layout);
}

function columnsOf(layout: AnnotationLayout): Columns {
  const cached = columnCache.get(layout);
  if (cached) return cached;
  const at = (name: string) => layout.fields.indexOf(name);
  const vep = layout.source === 'VEP';
  const columns: Columns = {
    allele: at('Allele'),
    alleleNumber: vep ? at('ALLELE_NUM') : -1,
    consequence: at(vep ? 'Consequence' : 'Annotation'),
    impact: at(vep ? 'IMPACT' : 'Annotation_Impact'),
    symbol: at(vep ? 'SYMBOL' : 'Gene_Name'),
    gene: at(vep ? 'Gene' : 'Gene_ID'),
    featureType: at(vep ? 'Feature_type' : 'Feature_Type'),
    feature: at(vep ? 'Feature' : 'Feature_ID'),
    biotype: at(vep ? 'BIOTYPE' : 'Transcript_BioType'),
    hgvsc: at(vep ? 'HGVSc' : 'HGVS.c'),
    hgvsp: at(vep ? 'HGVSp' : 'HGVS.p'),
    canonical: at('CANONICAL'),
    maneSelect: at('MANE_SELECT'),
    mane: at('MANE'),
    existing: at('Existing_variation'),
    sourceJson: `["${layout.source}",`,
    frequencyNames: [],
    frequencyKeys: [],
    frequencyIndexes: [],
  };
  // VEP names every population frequency AF or <population>_AF (AFR_AF, gnomADe_NFE_AF, MAX_AF, …).
  if (vep) {
    layout.fields.forEach((name, index) => {
      if (name !== 'AF' && !name.endsWith('_AF')) return;
      columns.frequencyNames.push(name);
      columns.frequencyKeys.push(`${asciiJson(name)}:`);
      columns.frequencyIndexes.push(index);
    });
  }
  columnCache.set(layout, columns);
  return columns;
}

/**
 * A JSON string of `text` in ASCII, anything beyond escaped as \uXXXX: the frequency keys come
 * from the header's text and are copied into the transcripts as they are (JsonBytes.plain, the
 * kernel), byte per character.
 */
function asciiJson(text: string): string {
  return JSON.stringify(text).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * The annotation alleles VEP writes for a record's ALTs. When an indel's alleles all share their
 * first base (the VCF padding base, `*` aside), VEP drops it and an emptied allele becomes `-`:
 * T>TC is annotated as allele C, TC>T as `-`. Symbolic and breakend records are left as written.
 */
export function vepAlleles(ref: string, alts: readonly string[]): string[] {
  if (alts.some((alt) => /[<>[\].]/.test(alt))) return [...alts];
  if (alts.every((alt) => alt.length === ref.length)) return [...alts];
  // Bases are case-insensitive (a soft-masked REF may come lower-case).
  const first = ref[0]?.toUpperCase();
  if (!alts.every((alt) => alt.includes('*') || alt[0]?.toUpperCase() === first)) return [...alts];
  return alts.map((alt) => (alt.includes('*') ? alt : alt.slice(1) || '-'));
}

export interface AnnotatedAllele {
  /** 1-based ALT index in the record. */
  index: number;
  altCount: number;
  /**
   * The ALT as written (SnpEff's Allele) and as VEP writes it (vepAlleles of the record's ALTs):
   * what tells the entries of a multi-allelic record apart, and of a one-ALT record whose entries
   * name other alleles too (see belongsTo).
   */
  text: string;
  vepAllele: string;
}

/**
 * The `|`-separated fields of one annotation entry, located rather than split: an entry has
 * dozens of fields (VEP --everything writes 60 and more) and we read a dozen of them, so slicing
 * only those spares millions of strings in a genome-sized file.
 */
class EntryFields {
  private entry = '';
  private count = 0;
  /** Where field i starts; starts[count] is one past the end of the entry. */
  private starts = new Int32Array(128);

  /** How many fields the entry read last has. */
  get fieldCount(): number {
    return this.count;
  }

  /** Reads the entry that is `text`, or its characters [from, to) when given. */
  read(text: string, from = 0, to = text.length): void {
    this.entry = text;
    let count = 0;
    let start = from;
    for (;;) {
      if (count + 1 >= this.starts.length) {
        const grown = new Int32Array(this.starts.length * 2);
        grown.set(this.starts);
        this.starts = grown;
      }
      this.starts[count++] = start;
      const bar = text.indexOf('|', start);
      if (bar < 0 || bar >= to) break;
      start = bar + 1;
    }
    this.starts[count] = to + 1;
    this.count = count;
  }

  /** The field as written; undefined when the entry has no such column. */
  raw(index: number): string | undefined {
    if (index < 0 || index >= this.count) return undefined;
    return this.entry.slice(this.starts[index] as number, (this.starts[index + 1] as number) - 1);
  }

  /**
   * A population frequency: the field's number, or null when it is absent, empty or not a number.
   * VEP joins the frequencies of co-located known variants with `&`; the first belongs to the best match.
   */
  frequency(index: number): number | null {
    if (index < 0 || index >= this.count) return null;
    const start = this.starts[index] as number;
    const stop = this.firstValueEnd(index);
    if (stop === start) return null;
    const frequency = Number(this.entry.slice(start, stop));
    return Number.isFinite(frequency) ? frequency : null;
  }

  /** The frequency `frequency` reads, written as JSON; false (nothing written) when there is none. */
  frequencyJson(index: number, out: JsonBytes): boolean {
    if (index < 0 || index >= this.count) return false;
    return out.number(this.entry, this.starts[index] as number, this.firstValueEnd(index));
  }

  /**
   * Where the field's first `&`-joined value ends. Searched within the field: indexOf would
   * search on through the rest of the value, which is every later entry of the record.
   */
  private firstValueEnd(index: number): number {
    const end = (this.starts[index + 1] as number) - 1;
    let stop = this.starts[index] as number;
    while (stop < end && this.entry.charCodeAt(stop) !== 38) stop++;
    return stop;
  }

  /** Whether the column is absent or the field empty. */
  isEmpty(index: number): boolean {
    return index < 0 || index >= this.count || this.starts[index] === (this.starts[index + 1] as number) - 1;
  }

  /** The field's decoded text as a JSON string, or null when the column is absent or the field empty. */
  json(index: number, out: JsonBytes): void {
    if (this.isEmpty(index)) {
      out.plain('null');
      return;
    }
    out.string(this.entry, this.starts[index] as number, (this.starts[index + 1] as number) - 1, true);
  }

  /** The field's `&`-separated terms, decoded, as a JSON array (empty terms left out). */
  jsonTerms(index: number, out: JsonBytes): void {
    out.byte(91);
    if (!this.isEmpty(index)) {
      const entry = this.entry;
      const end = (this.starts[index + 1] as number) - 1;
      let first = true;
      // An escape never holds `&`, so splitting before decoding splits where splitting after would.
      for (let term = this.starts[index] as number; term <= end; ) {
        let stop = term;
        while (stop < end && entry.charCodeAt(stop) !== 38) stop++;
        if (stop > term) {
          if (!first) out.byte(44);
          first = false;
          out.string(entry, term, stop, true);
        }
        term = stop + 1;
      }
    }
    out.byte(93);
  }

  /** The field's decoded text, or null when the column is absent or the field empty. */
  text(index: number): string | null {
    if (index < 0 || index >= this.count) return null;
    const start = this.starts[index] as number;
    const end = (this.starts[index + 1] as number) - 1;
    return start === end ? null : percentDecode(this.entry.slice(start, end));
  }
}

const fields = new EntryFields();

/** The transcript consequences an annotation value gives for one ALT of the record. */
export function consequencesFor(
  layout: AnnotationLayout,
  entries: readonly string[],
  allele: AnnotatedAllele,
): TranscriptConsequence[] {
  const columns = columnsOf(layout);
  const result: TranscriptConsequence[] = [];
  const mixed = namesMixed(columns, allele, (visit) => {
    for (const entry of entries) {
      fields.read(entry);
      visit();
    }
  });
  for (const entry of entries) {
    fields.read(entry);
    if (!belongsTo(layout, columns, allele, mixed)) continue;
    const transcriptId = fields.text(columns.feature);
    result.push({
      source: layout.source,
      allele: fields.text(columns.allele) ?? '',
      geneSymbol: fields.text(columns.symbol),
      geneId: fields.text(columns.gene),
      featureType: fields.text(columns.featureType),
      transcriptId,
      biotype: fields.text(columns.biotype),
      hgvsc: fields.text(columns.hgvsc),
      hgvsp: fields.text(columns.hgvsp),
      consequences: splitTerms(fields.text(columns.consequence)),
      impact: impactOf(fields.raw(columns.impact)),
      maneSelect: maneSelectOf(columns, transcriptId),
      canonical: fields.raw(columns.canonical) === 'YES',
      existingVariation: splitTerms(fields.text(columns.existing)),
      populationFrequencies: frequencies(columns),
    });
  }
  return result;
}

/**
 * The transcripts consequencesFor reads, written straight to the JSON the ingest stores, one
 * array per transcript in the column order of migration 0008 (source, transcript, gene symbol,
 * gene id, HGVSc, HGVSp, consequence terms, impact, MANE Select, canonical, existing variation,
 * population frequencies or null). Ingest reads every transcript of every record: building the
 * TranscriptConsequence objects and then stringifying them cost more than reading the file.
 * Entries without a transcript, and entries about another kind of feature (isTranscript), are
 * left out, and a transcript written twice for the allele is kept once (the first), as the ingest
 * always did. `value` is the annotation INFO value (its
 * entries joined by commas, as the file has them). Appends to `out` and returns how many
 * transcripts it wrote. With `shape`, its `entriesMatch` is set false when an entry does not
 * have the layout's field count (the JSON is written all the same).
 */
export function transcriptsJson(
  layout: AnnotationLayout,
  value: string,
  allele: AnnotatedAllele,
  out: JsonBytes,
  shape?: { entriesMatch: boolean },
): number {
  const columns = columnsOf(layout);
  const seen: string[] = [];
  const expected = layout.fields.length;
  const mixed = namesMixed(columns, allele, (visit) => {
    for (let start = 0; start <= value.length; ) {
      let end = value.indexOf(',', start);
      if (end < 0) end = value.length;
      fields.read(value, start, end);
      start = end + 1;
      visit();
    }
  });
  // The entries are read in place: splitting the value would make a string of each.
  for (let start = 0; start <= value.length; ) {
    let end = value.indexOf(',', start);
    if (end < 0) end = value.length;
    fields.read(value, start, end);
    start = end + 1;
    // Every entry is read, the other ALTs' too: counting here is checkAnnotationValue's shape check.
    if (shape && fields.fieldCount !== expected) shape.entriesMatch = false;
    if (!belongsTo(layout, columns, allele, mixed) || !isTranscript(columns)) continue;
    const transcriptId = fields.text(columns.feature);
    if (transcriptId === null || seen.includes(transcriptId)) continue;
    seen.push(transcriptId);
    if (out.lastByte() !== 91) out.byte(44); // ',' after an earlier transcript
    out.plain(columns.sourceJson);
    out.string(transcriptId, 0, transcriptId.length, false);
    out.byte(44);
    fields.json(columns.symbol, out);
    out.byte(44);
    fields.json(columns.gene, out);
    out.byte(44);
    fields.json(columns.hgvsc, out);
    out.byte(44);
    fields.json(columns.hgvsp, out);
    out.byte(44);
    fields.jsonTerms(columns.consequence, out);
    out.byte(44);
    const impact = impactOf(fields.raw(columns.impact));
    if (impact === null) out.plain('null');
    else out.string(impact, 0, impact.length, false);
    out.byte(44);
    const maneSelect = maneSelectOf(columns, transcriptId);
    if (maneSelect === null) out.plain('null');
    else out.string(maneSelect, 0, maneSelect.length, false);
    out.byte(44);
    out.plain(fields.raw(columns.canonical) === 'YES' ? 'true' : 'false');
    out.byte(44);
    fields.jsonTerms(columns.existing, out);
    out.byte(44);
    frequenciesJson(columns, out);
    out.byte(93);
  }
  return seen.length;
}

/** The population frequencies as a JSON object of the numbers `frequency` reads, or null. */
function frequenciesJson(columns: Columns, out: JsonBytes): void {
  const { frequencyKeys, frequencyIndexes } = columns;
  let any = false;
  for (let i = 0; i < frequencyIndexes.length; i++) {
    // Most columns are empty: skip them before writing anything.
    if (fields.isEmpty(frequencyIndexes[i] as number)) continue;
    const mark = out.mark();
    out.byte(any ? 44 : 123);
    out.plain(frequencyKeys[i] as string);
    if (fields.frequencyJson(frequencyIndexes[i] as number, out)) any = true;
    else out.rollback(mark);
  }
  if (any) out.byte(125);
  else out.plain('null');
}

/** VEP ≥ 104 writes the MANE Select id in MANE_SELECT; VEP 103 wrote "MANE_Select" in MANE. */
function maneSelectOf(columns: Columns, transcriptId: string | null): string | null {
  return (
    fields.text(columns.maneSelect) ??
    (fields.text(columns.mane)?.includes('MANE_Select') ? transcriptId : null)
  );
}

/**
 * Whether an entry is about this ALT. SnpEff's cancer-mode entries (Allele `T-C`: ALT T compared
 * with ALT C, HGVS relative to C) match no ALT and are left out: every consequence we keep is of
 * the ALT against REF (docs/decisions/vcf-conformance.md).
 *
 * A record with one ALT takes every entry, unless its entries are `mixed`: some name the ALT and
 * some name another allele. That is a multi-allelic record split after it was annotated
 * (`bcftools norm -m-` copies the whole CSQ and ANN to each line), and only the entries naming
 * this ALT are its own. The ALT is named as written or as VEP writes it alone (see vepAlleles).
 * When no entry names it — an allele string we do not know, such as VEP's for a structural
 * variant — every entry is kept, as a one-ALT record's entries are all about its ALT.
 */
function belongsTo(
  layout: AnnotationLayout,
  columns: Columns,
  allele: AnnotatedAllele,
  mixed = false,
): boolean {
  if (columns.alleleNumber >= 0) return Number(fields.raw(columns.alleleNumber)) === allele.index;
  if (allele.altCount === 1) return !mixed || namesTheAlt(columns, allele);
  const written = (fields.raw(columns.allele) ?? '').toUpperCase();
  return written === (layout.source === 'VEP' ? allele.vepAllele : allele.text).toUpperCase();
}

/**
 * Whether the entry read last is about a transcript: its feature type is not given, or is
 * `Transcript` (VEP) or `transcript` (SnpEff). A regulatory region or motif (ENSR…, ENSM…) and
 * SnpEff's intergenic region between two genes are no transcripts, and are not stored as such.
 */
function isTranscript(columns: Columns): boolean {
  const type = fields.raw(columns.featureType);
  return type === undefined || type === '' || type.toLowerCase() === 'transcript';
}

/**
 * belongsTo's `mixed`: whether a one-ALT record's entries, told apart by their Allele (no
 * ALLELE_NUM to go by), name both its ALT and another allele. `readEach` reads each entry into
 * `fields` and calls `visit`.
 */
function namesMixed(
  columns: Columns,
  allele: AnnotatedAllele,
  readEach: (visit: () => void) => void,
): boolean {
  if (allele.altCount !== 1 || columns.alleleNumber >= 0) return false;
  let named = false;
  let other = false;
  readEach(() => {
    if (namesTheAlt(columns, allele)) named = true;
    else other = true;
  });
  return named && other;
}

/** Whether the entry read last names the record's one ALT, as written or as VEP writes it. */
function namesTheAlt(columns: Columns, allele: AnnotatedAllele): boolean {
  const written = (fields.raw(columns.allele) ?? '').toUpperCase();
  return written === allele.text.toUpperCase() || written === allele.vepAllele.toUpperCase();
}

function splitTerms(text: string | null): string[] {
  if (text === null) return [];
  if (text.indexOf('&') < 0) return [text];
  return text.split('&').filter((term) => term.length > 0);
}

const IMPACTS = new Set<string>(['HIGH', 'MODERATE', 'LOW', 'MODIFIER']);

/** Impacts are plain words: one with an escape in it is no impact we know, so it is not decoded. */
function impactOf(text: string | undefined): Impact | null {
  return text !== undefined && IMPACTS.has(text) ? (text as Impact) : null;
}

function frequencies(columns: Columns): Record<string, number> {
  const result: Record<string, number> = {};
  const { frequencyNames, frequencyIndexes } = columns;
  for (let i = 0; i < frequencyIndexes.length; i++) {
    const frequency = fields.frequency(frequencyIndexes[i] as number);
    if (frequency !== null) result[frequencyNames[i] as string] = frequency;
  }
  return result;
}
