import { VcfFault } from './errors.ts';
import type { AnnotationLayout, FieldDefinition, Impact, TranscriptConsequence } from './model.ts';
import { percentDecode } from './scalars.ts';

/** SnpEff's ANN is fixed by the "VCF annotation format" v1.0: 16 fields, in this order. */
const SNPEFF_FIELDS = [
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
  const alleleNumber = layout.source === 'VEP' ? layout.fields.indexOf('ALLELE_NUM') : -1;
  // indexOf rather than a loop over characters: this runs over every transcript of every record.
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
  frequencies: [string, number][];
}

const columnCache = new WeakMap<AnnotationLayout, Columns>();

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
    // VEP names every population frequency AF or <population>_AF (AFR_AF, gnomADe_NFE_AF, MAX_AF, …).
    frequencies: vep
      ? layout.fields.flatMap((name, index) => (name === 'AF' || name.endsWith('_AF') ? [[name, index]] : []))
      : [],
  };
  columnCache.set(layout, columns);
  return columns;
}

/**
 * The annotation alleles VEP writes for a record's ALTs. When an indel's alleles all share their
 * first base (the VCF padding base, `*` aside), VEP drops it and an emptied allele becomes `-`:
 * T>TC is annotated as allele C, TC>T as `-`. Symbolic and breakend records are left as written.
 */
export function vepAlleles(ref: string, alts: readonly string[]): string[] {
  if (alts.some((alt) => /[<>[\].]/.test(alt))) return [...alts];
  if (alts.every((alt) => alt.length === ref.length)) return [...alts];
  const first = ref[0];
  if (!alts.every((alt) => alt.includes('*') || alt[0] === first)) return [...alts];
  return alts.map((alt) => (alt.includes('*') ? alt : alt.slice(1) || '-'));
}

export interface AnnotatedAllele {
  /** 1-based ALT index in the record. */
  index: number;
  altCount: number;
  /** The ALT as written (SnpEff's Allele) and as VEP writes it. */
  text: string;
  vepAllele: string;
}

/** The transcript consequences an annotation value gives for one ALT of the record. */
export function consequencesFor(
  layout: AnnotationLayout,
  entries: readonly string[],
  allele: AnnotatedAllele,
): TranscriptConsequence[] {
  const columns = columnsOf(layout);
  const result: TranscriptConsequence[] = [];
  for (const entry of entries) {
    const fields = entry.split('|');
    if (!belongsTo(layout, columns, fields, allele)) continue;
    const transcriptId = fieldAt(fields, columns.feature);
    result.push({
      source: layout.source,
      allele: fieldAt(fields, columns.allele) ?? '',
      geneSymbol: fieldAt(fields, columns.symbol),
      geneId: fieldAt(fields, columns.gene),
      featureType: fieldAt(fields, columns.featureType),
      transcriptId,
      biotype: fieldAt(fields, columns.biotype),
      hgvsc: fieldAt(fields, columns.hgvsc),
      hgvsp: fieldAt(fields, columns.hgvsp),
      consequences: splitTerms(fieldAt(fields, columns.consequence)),
      impact: impactOf(fieldAt(fields, columns.impact)),
      // VEP ≥ 104 writes the MANE Select id in MANE_SELECT; VEP 103 wrote "MANE_Select" in MANE.
      maneSelect:
        fieldAt(fields, columns.maneSelect) ??
        (fieldAt(fields, columns.mane)?.includes('MANE_Select') ? transcriptId : null),
      canonical: fields[columns.canonical] === 'YES',
      existingVariation: splitTerms(fieldAt(fields, columns.existing)),
      populationFrequencies: frequencies(columns, fields),
    });
  }
  return result;
}

/** A field's decoded text, or null when the column is absent or the field empty. */
function fieldAt(fields: readonly string[], index: number): string | null {
  const text = fields[index];
  return text === undefined || text === '' ? null : percentDecode(text);
}

function belongsTo(
  layout: AnnotationLayout,
  columns: Columns,
  fields: string[],
  allele: AnnotatedAllele,
): boolean {
  if (columns.alleleNumber >= 0) return Number(fields[columns.alleleNumber]) === allele.index;
  if (allele.altCount === 1) return true;
  const written = fields[columns.allele] ?? '';
  return layout.source === 'VEP'
    ? written === allele.vepAllele
    : written.toUpperCase() === allele.text.toUpperCase();
}

function splitTerms(text: string | null): string[] {
  return text === null ? [] : text.split('&').filter((term) => term.length > 0);
}

const IMPACTS = new Set<string>(['HIGH', 'MODERATE', 'LOW', 'MODIFIER']);

function impactOf(text: string | null): Impact | null {
  return text !== null && IMPACTS.has(text) ? (text as Impact) : null;
}

/** VEP joins the frequencies of co-located known variants with `&`; the first belongs to the best match. */
function frequencies(columns: Columns, fields: readonly string[]): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [name, index] of columns.frequencies) {
    const text = fields[index];
    if (text === undefined || text === '') continue;
    const ampersand = text.indexOf('&');
    const frequency = Number(ampersand < 0 ? text : text.slice(0, ampersand));
    if (ampersand !== 0 && Number.isFinite(frequency)) result[name] = frequency;
  }
  return result;
}
