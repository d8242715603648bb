import { transcriptsJson } from '../vcf/annotations.ts';
import { ByteArena } from '../vcf/byteArena.ts';
import { VcfError } from '../vcf/errors.ts';
import { JsonBytes } from '../vcf/jsonBytes.ts';
import { LineLane } from '../vcf/lineLane.ts';
import type { VariantAllele } from '../vcf/model.ts';
import type { VcfFile } from '../vcf/reader.ts';
import { RecordParser } from '../vcf/record.ts';
import { RecordChecker } from '../vcf/recordCheck.ts';
import { splitAlleles } from '../vcf/split.ts';
import {
  type PlacedValue,
  TranscriptsWasm,
  type WrittenBytes,
  type WrittenTranscripts,
} from '../vcf/transcriptsWasm.ts';
import { type ReferenceGenome, UnknownSequenceError } from '../vrs/reference.ts';
import type { BatchRows } from './batchRows.ts';
import { CopyRowSink, type CopyRows, type CopyTarget } from './copyRows.ts';
import {
  type AlleleIdentity,
  referenceIdentity,
  trimmedIdentity,
  trimmedSequenceIdentity,
} from './identity.ts';
import type { SampleQcSummary } from './qc.ts';
import { type IdentifiedAllele, RowBuilder, StatementRows } from './rowBuilder.ts';
import { type SingleAlt, SingleAltRecords } from './singleAlt.ts';
import { type StoredAllele, type StoredAnnotation, storedAllele } from './storedAllele.ts';

/** A batch of rows to store, with what the lines behind it counted and how far the file is read. */
export type RowBatch = {
  rows: BatchRows | CopyRows;
  /** Records and alleles on the lines read since the batch before. */
  records: number;
  alleles: number;
  /** Bytes of the file read so far (compressed bytes for gzip). */
  bytesRead: number;
};

/**
 * An ingest's data lines as batches of rows, read here (readRows) or in a worker thread
 * (workerRows.ts): the same rows either way. `qc` is each sample's QC once the batches are done.
 */
export interface RowStream {
  batches(): AsyncGenerator<RowBatch>;
  qc(): Record<string, SampleQcSummary>;
}

export type RowOptions = {
  /** The file's sample names in position order (sequenced_sample.position). */
  samples: readonly string[];
  /** When given, alleles are justified against it and get VRS ids; REF is checked against it. */
  reference: ReferenceGenome | null;
  /** Rows per batch (BATCH_RECORDS, by how the batches will be stored). */
  batchRecords: number;
  /** When the rows go to a PostgreSQL server: they are built as the bytes of its COPYs (copyRows.ts). */
  copy?: CopyTarget | null;
  /** false: every line goes the JavaScript way (the reference the line lane is tested against). */
  lineLane?: boolean;
  /**
   * false: a record of several ALTs is parsed and split (splitAlleles), the reference that
   * singleAlt's way for such records is tested against.
   */
  severalAlts?: boolean;
};

/** Checks every data line of `vcf` and builds the rows the writer stores, in this thread. */
export function readRows(vcf: VcfFile, options: RowOptions): RowStream {
  const copy = options.copy ?? null;
  const builder = new RowBuilder<BatchRows | CopyRows>(
    options.samples,
    copy ? new CopyRowSink(copy) : new StatementRows(),
  );
  let done = false;
  return {
    async *batches() {
      const read = alleleReader(vcf, options.reference, copy !== null, {
        lane: options.lineLane ?? true,
        severalAlts: options.severalAlts ?? true,
      });
      const identified: IdentifiedAllele[] = [];
      let records = 0;
      let alleles = 0;
      const size = options.batchRecords;
      for await (const { lines, firstLine } of vcf.dataBatches()) {
        for (let i = 0; i < lines.length; i++) {
          const found = read(lines[i] as string, firstLine + i, identified);
          const count = typeof found === 'number' ? found : await found;
          if (count > 0) records++;
          alleles += count;
          // A batch ends where it is full, also inside a chunk of the file (a megabyte of text
          // holds about a thousand lines of a VEP-annotated file, a small file all its lines).
          if (builder.size + identified.length >= size) {
            builder.add(identified);
            identified.length = 0;
            if (builder.size >= size) {
              yield { rows: builder.take(), records, alleles, bytesRead: vcf.bytesRead };
              records = 0;
              alleles = 0;
            }
          }
        }
        builder.add(identified);
        identified.length = 0;
      }
      yield { rows: builder.take(), records, alleles, bytesRead: vcf.bytesRead };
      done = true;
    },
    qc() {
      if (!done) throw new Error('the QC is known only once every batch is read');
      return builder.qcSummaries();
    },
  };
}

/**
 * Checks a data line and appends its alleles, identified, to `batch`; returns how many alleles
 * the line has (`*` included, though it is no variant of its own and is not appended). A line
 * whose ALTs are all base sequences takes singleAlt's short way unless a reference genome is
 * configured (justifying against it is the general way's work); any other line is parsed and
 * split. Only the reference's lookups are asynchronous, so only then is a promise returned: an
 * await per line would cost a genome's millions of lines a turn of the event loop each.
 */
function alleleReader(
  vcf: VcfFile,
  reference: ReferenceGenome | null,
  asBytes: boolean,
  ways: { lane: boolean; severalAlts: boolean },
) {
  const header = vcf.header;
  const assembly = header.assembly;
  // The shape of annotation values is checked as their transcripts are written (annotationsOf).
  const checker = new RecordChecker(header, { deferAnnotationShapes: true });
  const parser = new RecordParser(header);
  const singleAlt = reference ? null : new SingleAltRecords(header);
  const arena = asBytes ? new ByteArena() : null;
  const kernel = new TranscriptsWasm();
  const annotationsOf = annotationWriter(arena, kernel);
  // The fast lane (decision 0012) is the short way's: a reference genome sends every line the general way.
  const lane = singleAlt && ways.lane ? LineLane.of(header, kernel) : null;
  const several = ways.severalAlts ? singleAlt : null;
  const placed: PlacedValue[] = [];
  return (line: string, lineNumber: number, batch: IdentifiedAllele[]): number | Promise<number> => {
    let alleles: VariantAllele[];
    try {
      if (lane?.accepts(line)) {
        placed.length = 0;
        const single = (singleAlt as SingleAltRecords).readLane(line, lineNumber, lane, placed);
        const written = arena ? kernel.write(placed, arena) : kernel.write(placed);
        // Entries of another field count than the header's: the checker names the error.
        if (written?.entriesMatch) {
          checker.recordAllele(single.pos, single.ref, single.alt, lineNumber);
          return pushSingle(batch, assembly, single, written);
        }
      }
      const columns = checker.check(line, lineNumber);
      lane?.follow(checker.contig);
      let single: ReturnType<SingleAltRecords['read']> = null;
      if (singleAlt && checker.altCount === 1) {
        try {
          single = singleAlt.read(columns, lineNumber);
        } catch (error) {
          // A broken annotation shape comes before anything found after the check.
          checker.checkDeferred();
          throw error;
        }
      }
      if (single) return pushSingle(batch, assembly, single, annotationsOf(single.allele, checker));
      checker.checkDeferred();
      // Several base-sequence ALTs: each ALT's allele read from the columns, not parsed and split.
      const each = several && checker.altCount > 1 ? several.readSeveral(columns, lineNumber) : null;
      if (each) {
        for (const one of each) pushSingle(batch, assembly, one, annotationsOf(one.allele));
        return each.length;
      }
      alleles = splitAlleles(parser.parse(columns, lineNumber), header);
    } catch (error) {
      throw VcfError.at(vcf.name, lineNumber, error);
    }
    if (!reference) {
      for (const allele of alleles) {
        const identity = identified(vcf.name, lineNumber, () => trimmedIdentity(allele, assembly));
        if (identity) batch.push(withAnnotations(storedAllele(allele), identity, annotationsOf));
      }
      return alleles.length;
    }
    return (async () => {
      for (const allele of alleles) {
        let identity: AlleleIdentity | null;
        try {
          identity = await referenceIdentity(reference, allele, assembly);
        } catch (error) {
          throw identityError(vcf.name, lineNumber, error);
        }
        if (identity) batch.push(withAnnotations(storedAllele(allele), identity, annotationsOf));
      }
      return alleles.length;
    })();
  };
}

/**
 * Appends one base-sequence allele read by singleAlt's way (a one-ALT record, by the lane or not,
 * or one ALT of several), identified by its trimmed allele; returns 1, the alleles appended.
 */
function pushSingle(
  batch: IdentifiedAllele[],
  assembly: string | null,
  single: SingleAlt,
  written: WrittenTranscripts | WrittenBytes,
): number {
  const identity = trimmedSequenceIdentity(single.chrom, assembly, single.pos, single.ref, single.alt);
  batch.push({
    allele: single.allele,
    identity,
    annotations: written.json,
    transcripts: written.transcripts,
  });
  return 1;
}

/**
 * Writes an allele's transcripts as the JSON `variant_record.annotations` stores (one array per
 * transcript, see transcriptsJson): as text, or given `arena` as UTF-8 bytes kept there. Given
 * the checker of the line, it also completes that check: the entries' field counts are compared
 * as they are read, and when one differs — or a value the checker left was not among those
 * written — the checker's own check of the deferred values runs and throws its error.
 */
function annotationWriter(arena: ByteArena | null, kernel: TranscriptsWasm) {
  const json = new JsonBytes();
  // transcriptsJson itself: the reference the kernel is held to, and the way for what the kernel
  // leaves (text outside ASCII).
  const inJavaScript = (allele: StoredAllele): WrittenTranscripts | WrittenBytes => {
    const shape = { entriesMatch: true };
    json.reset();
    json.byte(91);
    let transcripts = 0;
    for (const a of allele.annotations)
      transcripts += transcriptsJson(a.layout, a.value, a.allele, json, shape);
    json.byte(93);
    const { entriesMatch } = shape;
    if (!arena) return { json: json.text(), transcripts, entriesMatch };
    const written = json.written();
    return { json: arena.copy(written, 0, written.length), transcripts, entriesMatch };
  };
  return (allele: StoredAllele, checker?: RecordChecker): WrittenTranscripts | WrittenBytes => {
    const written =
      (arena ? kernel.write(allele.annotations, arena) : kernel.write(allele.annotations)) ??
      inJavaScript(allele);
    if (checker && (!written.entriesMatch || !covers(allele.annotations, checker.deferred))) {
      checker.checkDeferred();
    }
    return written;
  };
}

/**
 * Whether every deferred value is among the values written (and so had its entries counted). By
 * text alone: every annotation value of the line is written against its own layout.
 */
function covers(annotations: readonly StoredAnnotation[], deferred: readonly { value: string }[]): boolean {
  for (let d = 0; d < deferred.length; d++) {
    const value = (deferred[d] as { value: string }).value;
    let found = false;
    for (let a = 0; a < annotations.length && !found; a++)
      found = (annotations[a] as StoredAnnotation).value === value;
    if (!found) return false;
  }
  return true;
}

function withAnnotations(
  allele: StoredAllele,
  identity: AlleleIdentity,
  annotationsOf: ReturnType<typeof annotationWriter>,
): IdentifiedAllele {
  const { json, transcripts } = annotationsOf(allele);
  return { allele, identity, annotations: json, transcripts };
}

function identified(
  file: string,
  line: number,
  identify: () => AlleleIdentity | null,
): AlleleIdentity | null {
  try {
    return identify();
  } catch (error) {
    throw identityError(file, line, error);
  }
}

function identityError(file: string, line: number, error: unknown): VcfError {
  const field = error instanceof UnknownSequenceError ? 'CHROM' : 'REF';
  return new VcfError(file, line, field, (error as Error).message);
}
