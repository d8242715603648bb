import {
  CALLS,
  COPY_NUMBER_THRESHOLDS,
  type CopyNumberThresholds,
  checkThresholds,
  DIPLOID,
  deriveCopyNumberCall,
} from './copyNumberCalls.ts';
import { CallsFault, CallsFileError } from './errors.ts';
import type { CopyNumberCall, CopyNumberSegment } from './model.ts';
import { type Column, type Header, parseTable, type Row, readTable, type TableLayout } from './table.ts';
import { decimal, positivePosition, wholeNumber } from './values.ts';

/**
 * Copy-number segments in PCGR's input layout: a tab-separated table whose header names
 * `Chromosome`, `Start`, `End` and `Segment_Mean` (the segment's log2 ratio). Start and End are
 * 1-based and inclusive. Richer callers may add `Copy_Number` (total integer copies),
 * `Minor_Copy_Number`, `Gene` or `Genes` (comma-separated symbols) and `Call` (amplification, gain,
 * neutral, loss, deletion or homdel). Columns are found by name in any order and any case; other
 * columns are ignored; `#` lines are comments; in optional columns an empty value, `.` or NA is
 * no value. Without a Call, genvei derives one (see deriveCopyNumberCall).
 *
 * CNVkit's called segments (`.call.cns` from `cnvkit.py call`) are read too, recognised by a
 * `log2` column where PCGR has Segment_Mean: `chromosome`, `start` (0-based, as in BED), `end`,
 * `gene` (comma-separated, `-` for none), `log2`, `cn`, and `cn1` and `cn2` when given (the two
 * alleles' copies; the smaller is the minor copy number). Segments before calling, without `cn`,
 * are refused (cnvkitColumns says why).
 */
export interface CopyNumberOptions {
  /** The file name errors report; defaults to the path, or "input" for text. */
  file?: string;
  /** The tumour's ploidy, when known (from the sample metrics); copy numbers are called against it. */
  ploidy?: number;
  thresholds?: CopyNumberThresholds;
}

export function parseCopyNumber(text: string, options: CopyNumberOptions = {}): CopyNumberSegment[] {
  const file = options.file ?? 'input';
  return withoutOverlaps(parseTable(text, file, copyNumberLayout(options)), file);
}

export async function readCopyNumber(
  path: string,
  options: CopyNumberOptions = {},
): Promise<CopyNumberSegment[]> {
  const file = options.file ?? path;
  return withoutOverlaps(await readTable(path, file, copyNumberLayout(options)), file);
}

/**
 * A sample's segments do not overlap: a segmenter writes each stretch of the genome once, so an
 * overlap means two samples or two callers were put in one file, and the same region could be
 * called gain and loss. The later line of the first overlap found is named.
 */
function withoutOverlaps(segments: CopyNumberSegment[], file: string): CopyNumberSegment[] {
  const sorted = [...segments].sort((a, b) =>
    a.chrom < b.chrom ? -1 : a.chrom > b.chrom ? 1 : a.start - b.start || a.line - b.line,
  );
  for (let i = 1; i < sorted.length; i++) {
    const [before, after] = [sorted[i - 1] as CopyNumberSegment, sorted[i] as CopyNumberSegment];
    if (before.chrom !== after.chrom || after.start > before.end) continue;
    const [earlier, later] = before.line < after.line ? [before, after] : [after, before];
    throw new CallsFileError(
      file,
      later.line,
      'Start',
      `${later.chrom}:${later.start}-${later.end} overlaps ${earlier.chrom}:${earlier.start}-${earlier.end} on line ${earlier.line} (one sample's segments do not overlap)`,
    );
  }
  return segments;
}

interface Columns {
  chrom: Column;
  start: Column;
  /** Whether Start counts from 0 (CNVkit's BED-like segments) rather than from 1. */
  zeroBasedStart: boolean;
  end: Column;
  log2: Column;
  copies: Column | null;
  /** Minor_Copy_Number, or CNVkit's two allele columns (the smaller is the minor); none: empty. */
  minor: readonly Column[];
  genes: Column | null;
  call: Column | null;
}

function copyNumberLayout(options: CopyNumberOptions): TableLayout<CopyNumberSegment> {
  const thresholds = options.thresholds ?? COPY_NUMBER_THRESHOLDS;
  checkThresholds(thresholds);
  const ploidy = options.ploidy ?? DIPLOID;
  if (!(ploidy > 0)) throw new RangeError(`ploidy must be a positive number, got ${ploidy}`);
  return {
    isHeader: (names) => names.includes('chromosome'),
    begin(header) {
      const columns = findColumns(header);
      return (row, line) => segment(row, line, columns, ploidy, thresholds);
    },
  };
}

function findColumns(header: Header): Columns {
  if (!header.has('Segment_Mean') && header.has('log2')) return cnvkitColumns(header);
  if (header.has('Gene') && header.has('Genes')) {
    throw new CallsFault('Genes', 'the header has both Gene and Genes; give one');
  }
  return {
    chrom: header.require('Chromosome'),
    start: header.require('Start'),
    zeroBasedStart: false,
    end: header.require('End'),
    log2: header.require('Segment_Mean'),
    copies: header.find('Copy_Number'),
    minor: present(header.find('Minor_Copy_Number')),
    genes: header.find('Genes') ?? header.find('Gene'),
    call: header.find('Call'),
  };
}

function cnvkitColumns(header: Header): Columns {
  // A log2 column beside PCGR's own would have PCGR's Call and Copy_Number ignored and its Start
  // shifted as if 0-based: refuse the mix rather than guess which layout was meant.
  const pcgr = ['Copy_Number', 'Minor_Copy_Number', 'Genes', 'Call'].filter((name) => header.has(name));
  if (pcgr.length > 0) {
    throw new CallsFault(
      'log2',
      `a log2 column with PCGR's ${pcgr.join(', ')}: PCGR's layout names the log2 ratio Segment_Mean; CNVkit's .cns has no ${pcgr.join(', ')}`,
    );
  }
  // Before `cnvkit.py call` a segment has only its log2 ratio, uncorrected for purity and for the
  // sample's sex: against CNVkit's default reference a male chrX sits near log2 -1, which the
  // thresholds would call a deep deletion of every gene on it.
  if (!header.has('cn')) {
    throw new CallsFault(
      'cn',
      'CNVkit segments without a copy number (before cnvkit.py call) are not read: their log2 ratios are uncorrected for purity and sex; ingest the .call.cns',
    );
  }
  const [major, minor] = [header.find('cn1'), header.find('cn2')];
  if ((major === null) !== (minor === null)) {
    throw new CallsFault(
      (major ?? minor)?.name ?? 'cn1',
      'CNVkit gives cn1 and cn2 together; the header has one',
    );
  }
  return {
    chrom: header.require('chromosome'),
    start: header.require('start'),
    zeroBasedStart: true,
    end: header.require('end'),
    log2: header.require('log2'),
    copies: header.find('cn'),
    minor: major && minor ? [major, minor] : [],
    genes: header.find('gene'),
    call: null,
  };
}

function segment(
  row: Row,
  line: number,
  columns: Columns,
  ploidy: number,
  thresholds: CopyNumberThresholds,
): CopyNumberSegment {
  const chrom = row.required(columns.chrom);
  if (/\s/.test(chrom)) throw new CallsFault(columns.chrom.name, `"${chrom}" contains white space`);
  const start = columns.zeroBasedStart
    ? wholeNumber(row.required(columns.start), columns.start.name) + 1
    : positivePosition(row.required(columns.start), columns.start.name);
  const end = positivePosition(row.required(columns.end), columns.end.name);
  if (end < start) {
    // In the file's own terms: CNVkit's start is 0-based, so an end must be above it.
    const reason = columns.zeroBasedStart
      ? `end ${end} is not after start ${start - 1} (start is 0-based, end inclusive)`
      : `End ${end} is before Start ${start} (both are 1-based, inclusive)`;
    throw new CallsFault(columns.end.name, reason);
  }
  const log2Ratio = decimal(row.required(columns.log2), columns.log2.name);
  const copyNumber = optionalCount(row, columns.copies);
  const minorCopyNumber = minorCount(row, columns.minor);
  if (copyNumber !== null && minorCopyNumber !== null && minorCopyNumber > copyNumber) {
    const name = columns.minor.map((column) => column.name).join('/');
    throw new CallsFault(name, `the minor copy number ${minorCopyNumber} exceeds the total ${copyNumber}`);
  }
  const written = row.optional(columns.call);
  const { call, basis } =
    written === null
      ? deriveCopyNumberCall(log2Ratio, copyNumber, ploidy, thresholds)
      : { call: knownCall(written, columns.call?.name ?? 'Call'), basis: 'file' as const };
  return {
    line,
    chrom,
    start,
    end,
    log2Ratio,
    copyNumber,
    minorCopyNumber,
    genes: geneList(row.optional(columns.genes)),
    call,
    callBasis: basis,
  };
}

/** The smallest of the minor columns' counts; none when there is no column or a value is missing. */
function minorCount(row: Row, columns: readonly Column[]): number | null {
  const counts = columns.map((column) => optionalCount(row, column));
  if (counts.length === 0 || counts.includes(null)) return null;
  return Math.min(...(counts as number[]));
}

const present = (column: Column | null): Column[] => (column === null ? [] : [column]);

function optionalCount(row: Row, column: Column | null): number | null {
  const text = row.optional(column);
  return text === null || column === null ? null : wholeNumber(text, column.name);
}

function knownCall(text: string, field: string): CopyNumberCall {
  const call = CALLS.find((known) => known === text.toLowerCase());
  if (call === undefined) throw new CallsFault(field, `expected one of ${CALLS.join(', ')}, got "${text}"`);
  return call;
}

/** Comma-separated symbols; CNVkit writes `-` where a segment covers no gene. */
function geneList(text: string | null): string[] {
  if (text === null) return [];
  return text
    .split(',')
    .map((gene) => gene.trim())
    .filter((gene) => gene.length > 0 && gene !== '-');
}
