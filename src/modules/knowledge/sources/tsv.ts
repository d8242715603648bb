import { createReadStream, type ReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

/** A file path (read line by line), or the lines themselves, as from an upload. */
export type LineInput = string | AsyncIterable<string> | Iterable<string>;

export interface TsvOptions {
  /** The file name errors report; defaults to the path's base name, or the source's usual file name. */
  file?: string;
  /** Records per yielded batch. */
  batchSize?: number;
}

export const DEFAULT_BATCH_SIZE = 1000;

/**
 * The first problem in a source file, named by file, line (1 is the header) and column:
 * `nightly-ClinicalEvidenceSummaries.tsv:7: evidence_level (column 10): unknown level "F"`.
 */
export class SourceParseError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: string,
    /** 1-based; null when the problem is not in one column (the file, the header as a whole). */
    readonly columnNumber: number | null,
    readonly reason: string,
  ) {
    super(
      `${file}:${line}: ${columnNumber === null ? column : `${column} (column ${columnNumber})`}: ${reason}`,
    );
    this.name = 'SourceParseError';
  }
}

/** A rule broken inside one row; the row loop adds the file, line and column number. */
export class RowFault extends Error {
  constructor(
    readonly column: string,
    message: string,
  ) {
    super(message);
  }
}

/** A column and the older header names it had in earlier releases. */
export interface ColumnSpec {
  name: string;
  aliases?: readonly string[];
  required?: boolean;
}

/** One data row, read by column name whatever the column order. */
export class TsvRow {
  constructor(
    private readonly fields: string[],
    private readonly columns: ReadonlyMap<string, number>,
  ) {}

  has(column: string): boolean {
    return this.columns.has(column);
  }

  /** The field, unquoted and trimmed; null when empty or when the file has no such column. */
  text(column: string): string | null {
    const index = this.columns.get(column);
    if (index === undefined) return null;
    const value = unquote(this.fields[index] ?? '').trim();
    return value === '' ? null : value;
  }

  required(column: string): string {
    const value = this.text(column);
    if (value === null) throw new RowFault(column, 'is empty');
    return value;
  }

  /** A comma-separated list, as CIViC joins therapies, phenotypes and ids. */
  list(column: string): string[] {
    const value = this.text(column);
    if (value === null) return [];
    return value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  }

  positiveInteger(column: string): number | null {
    const value = this.text(column);
    if (value === null) return null;
    if (!/^[1-9]\d*$/.test(value)) throw new RowFault(column, `expected a positive integer, got "${value}"`);
    return Number(value);
  }

  /** Ruby writes true/false; an empty field is unknown. */
  boolean(column: string): boolean | null {
    const value = this.text(column);
    if (value === null) return null;
    const lower = value.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    throw new RowFault(column, `expected true or false, got "${value}"`);
  }
}

export interface TsvReader<T> {
  /** The source's usual file name, for errors when the lines come without one. */
  defaultFile: string;
  columns: readonly ColumnSpec[];
  /** Checks the header as a whole (columns needed together); throws a RowFault. */
  checkHeader?: (columns: ReadonlyMap<string, number>) => void;
  /** The record for a row, or null to leave the row out. Throws a RowFault for a broken row. */
  read: (row: TsvRow, line: number) => T | null;
}

/**
 * Streams a tab-separated file with a header line into batches of records, so a 100,000-row
 * file is never held whole. Columns are found by header name: sources reorder and add columns
 * between releases. Older header names (aliases) are read as the current ones.
 */
export async function* readTsv<T>(
  input: LineInput,
  options: TsvOptions,
  reader: TsvReader<T>,
): AsyncGenerator<T[]> {
  const file = options.file ?? (typeof input === 'string' ? path.basename(input) : reader.defaultFile);
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  let lineNumber = 0;
  let header: Header | undefined;
  let batch: T[] = [];
  for await (const rawLine of linesOf(input, file)) {
    lineNumber++;
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (header === undefined) {
      header = readHeader(line.startsWith('\uFEFF') ? line.slice(1) : line, file, reader);
      continue;
    }
    if (line.trim() === '') continue;
    const record = readRow(line, lineNumber, file, header, reader);
    if (record === null) continue;
    batch.push(record);
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (header === undefined) throw new SourceParseError(file, 1, 'header', null, 'the file is empty');
  if (batch.length > 0) yield batch;
}

interface Header {
  /** Canonical column name → index. */
  columns: Map<string, number>;
  names: string[];
}

function readHeader<T>(line: string, file: string, reader: TsvReader<T>): Header {
  const names = line.split('\t').map((name) => unquote(name).trim());
  const byName = new Map<string, number>();
  names.forEach((name, index) => {
    if (byName.has(name)) throw new SourceParseError(file, 1, name, index + 1, 'the header names it twice');
    byName.set(name, index);
  });
  const columns = new Map<string, number>();
  for (const spec of reader.columns) {
    const found = [spec.name, ...(spec.aliases ?? [])].find((name) => byName.has(name));
    if (found !== undefined) columns.set(spec.name, byName.get(found) as number);
    else if (spec.required)
      throw new SourceParseError(file, 1, spec.name, null, 'the header has no such column');
  }
  try {
    reader.checkHeader?.(columns);
  } catch (error) {
    if (error instanceof RowFault) throw new SourceParseError(file, 1, error.column, null, error.message);
    throw error;
  }
  return { columns, names };
}

function readRow<T>(
  line: string,
  lineNumber: number,
  file: string,
  header: Header,
  reader: TsvReader<T>,
): T | null {
  const fields = line.split('\t');
  const expected = header.names.length;
  if (fields.length !== expected) {
    // Name the first column the row lacks, or the first field past the header's end.
    const at = Math.min(fields.length, expected);
    const column = at < expected ? (header.names[at] as string) : 'extra field';
    throw new SourceParseError(
      file,
      lineNumber,
      column,
      at + 1,
      `the row has ${fields.length} tab-separated fields, the header ${expected}`,
    );
  }
  try {
    return reader.read(new TsvRow(fields, header.columns), lineNumber);
  } catch (error) {
    if (!(error instanceof RowFault)) throw error;
    const index = header.columns.get(error.column);
    const name = index === undefined ? error.column : (header.names[index] as string);
    throw new SourceParseError(file, lineNumber, name, index === undefined ? null : index + 1, error.message);
  }
}

/** The input's lines; a failure to read (no such file, a read error) is named by file and line. */
async function* linesOf(input: LineInput, file: string): AsyncGenerator<string> {
  let stream: ReadStream | null = null;
  let lines: AsyncIterable<string> | Iterable<string>;
  if (typeof input === 'string') {
    stream = createReadStream(input);
    lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  } else {
    lines = input;
  }
  let read = 0;
  try {
    for await (const line of lines) {
      read++;
      yield line;
    }
  } catch (error) {
    throw new SourceParseError(file, read + 1, 'file', null, describe(error));
  } finally {
    // Closing readline leaves its input open; a parser stopped at a bad row must not leak the file.
    stream?.destroy();
  }
}

/**
 * CIViC writes its TSVs with Ruby's CSV writer, which puts a field in double quotes (doubling the
 * quotes inside) when it holds a quote. Fields are whitespace-squished first, so a quoted field
 * never spans lines or holds a tab.
 */
function unquote(field: string): string {
  if (field.length < 2 || !field.startsWith('"') || !field.endsWith('"')) return field;
  return field.slice(1, -1).replaceAll('""', '"');
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'no such file';
  return error.message;
}
