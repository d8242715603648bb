import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { CallsFault, CallsFileError } from './errors.ts';
import { isMissing } from './values.ts';

/** A column found in the header, with its name as the file spells it (errors quote that). */
export interface Column {
  index: number;
  name: string;
}

/** The header line: columns are found by name, without regard to case or order. */
export class Header {
  private readonly byName = new Map<string, Column>();

  constructor(readonly names: string[]) {
    names.forEach((name, index) => {
      const key = name.toLowerCase();
      if (this.byName.has(key)) throw new CallsFault(name, 'the column appears twice in the header');
      this.byName.set(key, { index, name });
    });
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  find(name: string): Column | null {
    return this.byName.get(name.toLowerCase()) ?? null;
  }

  require(name: string): Column {
    const column = this.find(name);
    if (column === null) {
      throw new CallsFault(name, `missing column; the header has ${this.names.join(', ')}`);
    }
    return column;
  }
}

/**
 * One data line's fields. A field is unquoted when it is read, so a stray quote in a column no
 * layout reads does not refuse the file.
 */
export class Row {
  constructor(private readonly fields: string[]) {}

  required(column: Column): string {
    const text = unquoted(this.fields[column.index] ?? '', column.name);
    if (text === '') throw new CallsFault(column.name, 'empty value');
    return text;
  }

  /** The value as written (unquoted), empty when the column is absent or the field is empty. */
  text(column: Column | null): string {
    return column === null ? '' : unquoted(this.fields[column.index] ?? '', column.name);
  }

  /** The value, or null when the column is absent or the value is empty, `.` or NA. */
  optional(column: Column | null): string | null {
    if (column === null) return null;
    const text = unquoted(this.fields[column.index] ?? '', column.name);
    return isMissing(text) ? null : text;
  }
}

/**
 * A field as R's write.table or pandas' to_csv may quote it: `"BRAF"` is BRAF, and `""` within the
 * quotes is one `"`. Only a field that begins with a quote is quoted; quotes inside an unquoted
 * field are data (STAR-Fusion's annots column holds `["Mitelman","Cosmic"]`). A quote left open or
 * closed without opening is refused: the field was cut or joined, and its value cannot be known.
 */
export function unquoted(text: string, field: string): string {
  const opens = text.startsWith('"');
  const closes = text.length > 1 && text.endsWith('"');
  if (!opens && !closes) return text;
  if (!closes) throw new CallsFault(field, `unbalanced quote: ${text} opens a quote it does not close`);
  if (!opens) throw new CallsFault(field, `unbalanced quote: ${text} closes a quote it did not open`);
  const inner = text.slice(1, -1);
  if (inner.replaceAll('""', '').includes('"')) {
    throw new CallsFault(field, `unbalanced quote: ${text} (a quote inside a quoted value is written "")`);
  }
  return inner.replaceAll('""', '"');
}

/** What a table parser knows about its layout. */
export interface TableLayout<T> {
  /** Whether a `#` line before the header is the header (Arriba writes `#gene1…`), not a comment. */
  isHeader(names: string[]): boolean;
  /** Checks the header's columns and returns the parser for the rows under it. */
  begin(header: Header): (row: Row, line: number) => T;
}

/**
 * Reads a tab-separated table line by line: blank lines and `#` comments are skipped, the first
 * other line is the header, and every row must have the header's number of fields (a short row is
 * more often a truncated file than a deliberate omission). Names and values may be quoted (unquoted).
 */
export class TableParser<T> {
  private lineNumber = 0;
  private header: Header | null = null;
  private parseRow: ((row: Row, line: number) => T) | null = null;

  constructor(
    private readonly file: string,
    private readonly layout: TableLayout<T>,
  ) {}

  /** The line a read error happened on: the one after the last line read. */
  get nextLine(): number {
    return this.lineNumber + 1;
  }

  push(text: string): T | null {
    this.lineNumber++;
    try {
      return this.take(this.lineNumber === 1 ? withoutByteOrderMark(text) : text);
    } catch (error) {
      throw CallsFileError.at(this.file, this.lineNumber, error);
    }
  }

  /** Throws when the input ended before a header (an empty file must not pass as "no calls"). */
  finish(): void {
    if (this.header === null) {
      const reason = this.lineNumber === 0 ? 'empty file' : 'no header line';
      throw new CallsFileError(this.file, Math.max(this.lineNumber, 1), 'header', reason);
    }
  }

  private take(text: string): T | null {
    if (text.trim() === '') return null;
    if (this.header === null) {
      const commented = text.startsWith('#');
      const names = (commented ? text.replace(/^#+/, '') : text).split('\t').map((name) => name.trim());
      // Decided before unquoting: a comment is free text, and a quote in it is no error.
      if (commented && !this.layout.isHeader(names.map((name) => name.toLowerCase()))) return null;
      this.header = new Header(names.map((name, index) => unquoted(name, `header column ${index + 1}`)));
      this.parseRow = this.layout.begin(this.header);
      return null;
    }
    if (text.startsWith('#')) return null;
    const fields = text.split('\t');
    const expected = this.header.names.length;
    if (fields.length !== expected) {
      throw new CallsFault('columns', `${fields.length} tab-separated fields, the header has ${expected}`);
    }
    return (this.parseRow as (row: Row, line: number) => T)(new Row(fields), this.lineNumber);
  }
}

/** Every row of a table given as text (tests, uploads held in memory). */
export function parseTable<T>(text: string, file: string, layout: TableLayout<T>): T[] {
  const parser = new TableParser(file, layout);
  const rows: T[] = [];
  const lines = text.split('\n');
  // A final line separator ends the last line; it does not start an empty one.
  if (lines.at(-1) === '') lines.pop();
  for (const line of lines) {
    const row = parser.push(line.endsWith('\r') ? line.slice(0, -1) : line);
    if (row !== null) rows.push(row);
  }
  parser.finish();
  return rows;
}

/** Every row of a table file, read a line at a time. */
export async function readTable<T>(path: string, file: string, layout: TableLayout<T>): Promise<T[]> {
  const parser = new TableParser(file, layout);
  const rows: T[] = [];
  let gzip: boolean;
  try {
    gzip = await isGzip(path);
  } catch (error) {
    throw CallsFileError.at(file, parser.nextLine, error);
  }
  const input = createReadStream(path);
  // Pipelines often hand over their tables gzipped (.tsv.gz): read through, as the VCF reader does.
  const text: Readable = gzip ? pipeline(input, createGunzip(), () => {}) : input;
  const lines = createInterface({ input: text, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of lines) {
      const row = parser.push(line);
      if (row !== null) rows.push(row);
    }
  } catch (error) {
    throw CallsFileError.at(file, parser.nextLine, error);
  } finally {
    lines.close();
    input.destroy();
    text.destroy();
  }
  parser.finish();
  return rows;
}

async function isGzip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
