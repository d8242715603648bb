/** A syntax failure at `index` (0-based) of the text, with the message a person reads. */
export class HgvsSyntaxError extends Error {
  constructor(
    readonly index: number,
    message: string,
  ) {
    super(message);
  }
}

export interface Span {
  start: number;
  end: number;
}

export interface Warning {
  index: number;
  message: string;
}

/**
 * A cursor over an HGVS description for a recursive-descent parser with backtracking. Like a PEG
 * parser it remembers the furthest point any alternative reached and what was expected there:
 * that point, not the last alternative tried, is where a mistake in the text usually is.
 */
export class Scanner {
  index = 0;
  /** Where each AST node was read, for semantic messages; kept aside so the AST stays plain JSON. */
  readonly spans = new WeakMap<object, Span>();
  private furthest = 0;
  private expected = new Set<string>();
  private problem: string | undefined;
  private warnings: Warning[] = [];

  constructor(readonly text: string) {}

  peek(offset = 0): string {
    return this.text[this.index + offset] ?? '';
  }

  atEnd(): boolean {
    return this.index >= this.text.length;
  }

  lookingAt(literal: string): boolean {
    return this.text.startsWith(literal, this.index);
  }

  /** Consumes `literal` if it comes next; otherwise notes it as expected here. */
  accept(literal: string, description = `'${literal}'`): boolean {
    if (this.lookingAt(literal)) {
      this.index += literal.length;
      return true;
    }
    this.note(description, this.index);
    return false;
  }

  expect(literal: string, description?: string): void {
    if (!this.accept(literal, description)) this.fail();
  }

  /** The next character if it satisfies `test`, consumed; otherwise fails expecting `description`. */
  character(test: (character: string) => boolean, description: string): string {
    const next = this.peek();
    if (next && test(next)) {
      this.index++;
      return next;
    }
    return this.fail(description);
  }

  /** Fails here, noting `description` (if given) as what was expected. */
  fail(description?: string): never {
    if (description) this.note(description, this.index);
    // The message a person reads is composed once, by furthestFailure(), from all alternatives.
    throw new HgvsSyntaxError(this.index, 'syntax error');
  }

  /** Fails with a specific explanation, which wins over the list of expectations at that point. */
  reject(message: string, index = this.index): never {
    if (index >= this.furthest) {
      if (index > this.furthest) this.expected.clear();
      this.furthest = index;
      this.problem = message;
    }
    throw new HgvsSyntaxError(index, message);
  }

  /** Tries `rule`; on failure puts the cursor (and any warnings) back and returns undefined. */
  attempt<T>(rule: () => T): T | undefined {
    const index = this.index;
    const warnings = this.warnings.length;
    try {
      return rule();
    } catch (error) {
      if (!(error instanceof HgvsSyntaxError)) throw error;
      this.index = index;
      this.warnings.length = warnings;
      return undefined;
    }
  }

  /**
   * Runs `rule`; if it fails without getting past its first character, the expectations it
   * noted are replaced by `description`, so a person reads "expected an edit" rather than a
   * list of every keyword.
   */
  labelled<T>(description: string, rule: () => T): T {
    const start = this.index;
    const saved = { furthest: this.furthest, expected: new Set(this.expected), problem: this.problem };
    try {
      return rule();
    } catch (error) {
      if (error instanceof HgvsSyntaxError && this.furthest === start && !this.problem) {
        Object.assign(this, saved);
        this.note(description, start);
      }
      throw error;
    }
  }

  /** Records that `node` was read from `start` to the cursor. */
  mark<T extends object>(node: T, start: number): T {
    this.spans.set(node, { start, end: this.index });
    return node;
  }

  warn(message: string, index = this.index): void {
    if (!this.warnings.some((warning) => warning.message === message)) this.warnings.push({ index, message });
  }

  collectedWarnings(): readonly Warning[] {
    return this.warnings;
  }

  /** The failure to report: the furthest point reached, what was expected there and what was found. */
  furthestFailure(): HgvsSyntaxError {
    const at = this.furthest;
    const column = at + 1;
    if (this.problem) return new HgvsSyntaxError(at, `position ${column}: ${this.problem}`);
    const expected = [...this.expected];
    const list =
      expected.length <= 1
        ? (expected[0] ?? 'more')
        : `${expected.slice(0, -1).join(', ')} or ${expected.at(-1)}`;
    const after = at > 0 ? ` after '${this.text[at - 1]}'` : '';
    const found = at < this.text.length ? `, found '${this.text[at]}'` : ', but the description ends there';
    return new HgvsSyntaxError(at, `position ${column}: expected ${list}${after}${found}`);
  }

  private note(description: string, index: number): void {
    if (index < this.furthest) return;
    if (index > this.furthest) {
      this.furthest = index;
      this.expected.clear();
      this.problem = undefined;
    }
    this.expected.add(description);
  }
}
