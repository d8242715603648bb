/**
 * A rule broken inside a file. The checks throw it without knowing the file name, and usually
 * without the line: the loop that called them knows both (see CallsFileError.at). JSON checks,
 * which find their own line from a value's position, give it here.
 */
export class CallsFault extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
    readonly line: number | null = null,
  ) {
    super(reason);
    this.name = 'CallsFault';
  }
}

/** The first error in a pipeline result file: `sample.cna.tsv:4: End: 1200 is before Start 1500`. */
export class CallsFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${field}: ${reason}`);
    this.name = 'CallsFileError';
  }

  /** Names a fault by file and line; anything else (a bug, not bad input) passes through unchanged. */
  static at(file: string, line: number, error: unknown): unknown {
    if (error instanceof CallsFileError) return error;
    if (error instanceof CallsFault)
      return new CallsFileError(file, error.line ?? line, error.field, error.reason);
    if (isFileSystemError(error)) return new CallsFileError(file, line, 'file', describe(error));
    return error;
  }
}

function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

function describe(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return 'no such file';
  if (error.code === 'EISDIR') return 'is a directory, not a file';
  if (error.code === 'EACCES') return 'permission denied';
  if (error.code?.startsWith('Z_')) return `corrupt or truncated gzip data (${error.message})`;
  return error.message;
}
