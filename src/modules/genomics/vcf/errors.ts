/**
 * A rule broken inside one line. Parsers throw it without knowing the file or line number; the line
 * loop that called them adds both (see VcfError), so the checks stay free of bookkeeping.
 */
export class VcfFault extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'VcfFault';
  }
}

/** The first error in a file, named by file, line and field: `sample.vcf:57: INFO/DP: expected Integer, got "abc"`. */
export class VcfError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${field}: ${reason}`);
    this.name = 'VcfError';
  }

  static at(file: string, line: number, error: unknown): VcfError {
    if (error instanceof VcfError) return error;
    if (error instanceof VcfFault) return new VcfError(file, line, error.field, error.message);
    throw error;
  }
}
