import { CallsFault } from './errors.ts';
import type { Breakpoint, FusionCall, FusionConfidence, FusionFrame } from './model.ts';
import { type Column, type Header, parseTable, type Row, readTable, type TableLayout } from './table.ts';
import { isMissing, positivePosition, wholeNumber } from './values.ts';

/**
 * Fusion calls, tab-separated, in one of three layouts told apart by the header:
 *
 * genvei's, modelled on what Arriba and STAR-Fusion report: `Gene5 Gene3 Breakpoint5 Breakpoint3
 * SpanningReads JunctionReads Frame`, optionally `Transcript5 Transcript3 Confidence Caller`.
 * A breakpoint is `chrom:pos` or `chrom:pos:strand` (1-based; strand + or -); Frame is in-frame,
 * out-of-frame, stop-codon, non-coding or unknown (`.` or empty: unknown); Confidence is low,
 * medium or high.
 *
 * Arriba's fusions.tsv (`#gene1 gene2 strand1(gene/fusion) …`): gene1 is the 5′ partner; the
 * breakpoint strand is the transcribed one (after the slash); junction reads are split_reads1 +
 * split_reads2 and spanning reads discordant_mates; reading_frame and transcript_id1/2 are read
 * when present (a reading_frame of `.` is Arriba's "a breakpoint is not in coding sequence":
 * non-coding).
 *
 * STAR-Fusion's star-fusion.fusion_predictions(.abridged)(.coding_effect).tsv (`#FusionName
 * JunctionReadCount SpanningFragCount … LeftGene LeftBreakpoint RightGene RightBreakpoint …`): the
 * left gene is the 5′ partner, written `BCR^ENSG00000186716.21` (the symbol is before the `^`); a
 * breakpoint is `chr22:23290555:+` with the gene's strand; with --examine_coding_effect the
 * PROT_FUSION_TYPE and CDS_LEFT_ID/CDS_RIGHT_ID columns give the frame (`.`: non-coding) and
 * transcripts.
 *
 * Columns are found by name in any order and any case; other columns are ignored; `.` is no value.
 * A gene of `.` (or NA) is a breakpoint in no annotated gene: the call is kept with that partner absent
 * and named by its breakpoint; one of the two must be a gene. An empty gene is refused: a cell
 * left empty is more often lost than meant.
 */
export interface FusionOptions {
  /** The file name errors report; defaults to the path, or "input" for text. */
  file?: string;
}

export function parseFusions(text: string, options: FusionOptions = {}): FusionCall[] {
  return parseTable(text, options.file ?? 'input', fusionLayout);
}

export function readFusions(path: string, options: FusionOptions = {}): Promise<FusionCall[]> {
  return readTable(path, options.file ?? path, fusionLayout);
}

const fusionLayout: TableLayout<FusionCall> = {
  // Callers put `#` before their header (Arriba's #gene1, STAR-Fusion's #FusionName); a `#` line of
  // several columns is taken as a header, so an unsupported layout is named as such, not misread.
  isHeader: (names) =>
    names.length >= 3 || names.includes('gene5') || names.includes('gene1') || names.includes('fusionname'),
  begin: (header) => {
    if (header.has('gene1')) return arribaRows(header);
    // genvei's layout may carry a FusionName of its own; STAR-Fusion's has no Gene5.
    if (header.has('FusionName') && !header.has('Gene5')) return starFusionRows(header);
    return genveiRows(header);
  },
};

function genveiRows(header: Header): (row: Row, line: number) => FusionCall {
  const gene5 = header.require('Gene5');
  const gene3 = header.require('Gene3');
  const breakpoint5 = header.require('Breakpoint5');
  const breakpoint3 = header.require('Breakpoint3');
  const spanning = header.require('SpanningReads');
  const junction = header.require('JunctionReads');
  const frame = header.require('Frame');
  const transcript5 = header.find('Transcript5');
  const transcript3 = header.find('Transcript3');
  const confidence = header.find('Confidence');
  const caller = header.find('Caller');
  return (row, line) =>
    fusion(line, frame.name, {
      ...partners(row, gene5, gene3),
      breakpoint5: parseBreakpoint(row.required(breakpoint5), breakpoint5.name),
      breakpoint3: parseBreakpoint(row.required(breakpoint3), breakpoint3.name),
      transcript5: row.optional(transcript5),
      transcript3: row.optional(transcript3),
      spanningReads: count(row, spanning),
      junctionReads: count(row, junction),
      frame: readingFrame(row.optional(frame), frame.name),
      confidence: confidenceOf(row, confidence),
      caller: row.optional(caller),
    });
}

function arribaRows(header: Header): (row: Row, line: number) => FusionCall {
  const gene1 = header.require('gene1');
  const gene2 = header.require('gene2');
  const strand1 = header.require('strand1(gene/fusion)');
  const strand2 = header.require('strand2(gene/fusion)');
  const breakpoint1 = header.require('breakpoint1');
  const breakpoint2 = header.require('breakpoint2');
  const split1 = header.require('split_reads1');
  const split2 = header.require('split_reads2');
  const discordant = header.require('discordant_mates');
  const confidence = header.require('confidence');
  const frame = header.find('reading_frame');
  const transcript1 = header.find('transcript_id1');
  const transcript2 = header.find('transcript_id2');
  return (row, line) =>
    fusion(line, frame?.name ?? 'reading_frame', {
      ...partners(row, gene1, gene2),
      breakpoint5: withStrand(parseBreakpoint(row.required(breakpoint1), breakpoint1.name), row, strand1),
      breakpoint3: withStrand(parseBreakpoint(row.required(breakpoint2), breakpoint2.name), row, strand2),
      transcript5: row.optional(transcript1),
      transcript3: row.optional(transcript2),
      spanningReads: count(row, discordant),
      junctionReads: count(row, split1) + count(row, split2),
      frame: frame === null ? 'unknown' : arribaFrame(row.text(frame), frame.name),
      confidence: confidenceOf(row, confidence),
      caller: 'Arriba',
    });
}

function starFusionRows(header: Header): (row: Row, line: number) => FusionCall {
  const left = header.require('LeftGene');
  const right = header.require('RightGene');
  const leftBreakpoint = header.require('LeftBreakpoint');
  const rightBreakpoint = header.require('RightBreakpoint');
  const junction = header.require('JunctionReadCount');
  const spanning = header.require('SpanningFragCount');
  const proteinEffect = header.find('PROT_FUSION_TYPE');
  const leftTranscript = header.find('CDS_LEFT_ID');
  const rightTranscript = header.find('CDS_RIGHT_ID');
  return (row, line) =>
    fusion(line, proteinEffect?.name ?? 'PROT_FUSION_TYPE', {
      ...partners(row, left, right, starFusionSymbol),
      breakpoint5: parseBreakpoint(row.required(leftBreakpoint), leftBreakpoint.name),
      breakpoint3: parseBreakpoint(row.required(rightBreakpoint), rightBreakpoint.name),
      transcript5: row.optional(leftTranscript),
      transcript3: row.optional(rightTranscript),
      spanningReads: count(row, spanning),
      junctionReads: count(row, junction),
      frame: proteinEffect === null ? 'unknown' : starFusionFrame(row.text(proteinEffect)),
      confidence: null,
      caller: 'STAR-Fusion',
    });
}

/** `BCR^ENSG00000186716.21`: the symbol, then the gene id. */
const starFusionSymbol = (text: string) => text.split('^')[0] ?? '';

/**
 * PROT_FUSION_TYPE: `.` where a breakpoint is outside coding sequence (non-coding); any other word
 * (NA included) carries no frame, so it is unknown rather than a refused file.
 */
const STAR_FUSION_FRAMES = new Map<string, FusionFrame>([
  ['INFRAME', 'in-frame'],
  ['FRAMESHIFT', 'out-of-frame'],
  ['.', 'non-coding'],
]);

function starFusionFrame(text: string): FusionFrame {
  return STAR_FUSION_FRAMES.get(text.toUpperCase()) ?? 'unknown';
}

/** Arriba's reading_frame: in-frame, out-of-frame, stop-codon, or `.` outside coding sequence. */
function arribaFrame(text: string, field: string): FusionFrame {
  return text === '.' ? 'non-coding' : readingFrame(text === '' ? null : text, field);
}

function fusion(line: number, frameField: string, call: Omit<FusionCall, 'line' | 'name'>): FusionCall {
  // A frame is read across the junction from one gene's coding sequence into the other's.
  const framed = call.frame !== 'unknown' && call.frame !== 'non-coding';
  if (framed && (call.gene5 === null || call.gene3 === null)) {
    throw new CallsFault(frameField, `${call.frame} needs a gene on both sides; one partner is in no gene`);
  }
  return {
    line,
    ...call,
    name: `${partnerName(call.gene5, call.breakpoint5)}::${partnerName(call.gene3, call.breakpoint3)}`,
  };
}

/**
 * A partner in no gene is named by its breakpoint (`EML4::chr2:29223528`). Arriba writes its
 * neighbouring genes for an intergenic breakpoint (`LINC01234(1520),BRAF(24388)`, kept as the
 * gene) and `.` only when it found none, on an unplaced contig or a viral sequence: there the
 * breakpoint is all there is to tell the call apart by.
 */
function partnerName(gene: string | null, breakpoint: Breakpoint): string {
  return gene ?? `${breakpoint.chrom}:${breakpoint.pos}`;
}

/** The two partners: either may be in no gene (`.` or NA), not both, or nothing is fused. */
function partners(
  row: Row,
  column5: Column,
  column3: Column,
  symbolOf: (text: string) => string = (text) => text,
): Pick<FusionCall, 'gene5' | 'gene3'> {
  const gene5 = gene(row, column5, symbolOf);
  const gene3 = gene(row, column3, symbolOf);
  if (gene5 === null && gene3 === null) {
    throw new CallsFault(
      `${column5.name}, ${column3.name}`,
      'no gene on either side; a fusion names at least one',
    );
  }
  return { gene5, gene3 };
}

/** `.` (or NA, as R writes it): a breakpoint in no annotated gene. */
function gene(row: Row, column: Column, symbolOf: (text: string) => string): string | null {
  const text = row.text(column);
  if (text === '') throw new CallsFault(column.name, 'empty value; write . for a breakpoint in no gene');
  if (isMissing(text)) return null;
  const symbol = symbolOf(text);
  if (symbol === '' || /\s/.test(symbol) || symbol.includes('::')) {
    throw new CallsFault(column.name, `"${text}" is not a gene symbol (no spaces, no "::")`);
  }
  return symbol;
}

/**
 * `chrom:pos` or `chrom:pos:strand`, read from the right: contig names may hold colons
 * (GRCh38's HLA alleles, HLA-A*01:01:01:01), positions and strands never do.
 */
export function parseBreakpoint(text: string, field: string): Breakpoint {
  const parts = text.split(':');
  let strand: Breakpoint['strand'] = null;
  const last = parts.at(-1);
  if (last === '+' || last === '-') {
    strand = last;
    parts.pop();
  }
  const position = parts.pop();
  const chrom = parts.join(':');
  if (position === undefined || chrom === '' || /\s/.test(chrom)) {
    throw new CallsFault(field, `expected chrom:pos or chrom:pos:strand (1-based), got "${text}"`);
  }
  return { chrom, pos: positivePosition(position, field), strand };
}

/** Arriba's `gene/fusion` strand pair, e.g. `+/-`: the second is the strand transcribed in the fusion. */
function withStrand(breakpoint: Breakpoint, row: Row, column: Column): Breakpoint {
  const text = row.required(column);
  const match = /^[-+.]\/([-+.])$/.exec(text);
  if (match === null) throw new CallsFault(column.name, `expected a strand pair such as +/-, got "${text}"`);
  const strand = match[1];
  return { ...breakpoint, strand: strand === '+' || strand === '-' ? strand : null };
}

function count(row: Row, column: Column): number {
  return wholeNumber(row.required(column), column.name);
}

const FRAMES: readonly FusionFrame[] = ['in-frame', 'out-of-frame', 'stop-codon', 'non-coding', 'unknown'];

function readingFrame(text: string | null, field: string): FusionFrame {
  if (text === null) return 'unknown';
  const frame = FRAMES.find((known) => known === text.toLowerCase());
  if (frame === undefined) throw new CallsFault(field, `expected one of ${FRAMES.join(', ')}, got "${text}"`);
  return frame;
}

const CONFIDENCES: readonly FusionConfidence[] = ['low', 'medium', 'high'];

function confidenceOf(row: Row, column: Column | null): FusionConfidence | null {
  const text = row.optional(column);
  if (text === null || column === null) return null;
  const confidence = CONFIDENCES.find((known) => known === text.toLowerCase());
  if (confidence === undefined) {
    throw new CallsFault(column.name, `expected low, medium or high, got "${text}"`);
  }
  return confidence;
}
