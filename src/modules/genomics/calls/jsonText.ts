import { CallsFault } from './errors.ts';

/** A parsed JSON document that can say on which line each value was written. */
export interface LocatedJson {
  value: unknown;
  /** The line of the member (its key) or array element a JSON Pointer names; 1 for the root. */
  lineOf(pointer: string): number;
}

/**
 * JSON.parse with line numbers, so an error in a metrics file can name its line and not just its
 * path. It also reads the bare `NaN` DRAGEN writes for a metric it could not compute (as NaN, for
 * the caller to judge), and refuses a key given twice, which JSON.parse would silently resolve to
 * the last value.
 */
export function parseJsonText(text: string): LocatedJson {
  const reader = new JsonReader(text);
  const value = reader.document();
  return { value, lineOf: (pointer) => reader.lineAt(offsetOf(reader.offsets, pointer)) };
}

/** An absent member is named at its parent's line, the nearest place to add it. */
function offsetOf(offsets: Map<string, number>, pointer: string): number {
  for (let path = pointer; path !== ''; path = path.slice(0, path.lastIndexOf('/'))) {
    const offset = offsets.get(path);
    if (offset !== undefined) return offset;
  }
  return 0;
}

/** A JSON Pointer (RFC 6901) token: `~` and `/` are escaped. */
export function pointerToken(key: string | number): string {
  return String(key).replaceAll('~', '~0').replaceAll('/', '~1');
}

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};
const LITERALS: [string, unknown][] = [
  ['true', true],
  ['false', false],
  ['null', null],
  ['NaN', Number.NaN],
];

class JsonReader {
  readonly offsets = new Map<string, number>();
  private readonly newlines: number[] = [];
  private at = 0;

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.newlines.push(i);
    if (text.charCodeAt(0) === 0xfeff) this.at = 1;
  }

  document(): unknown {
    this.space();
    if (this.at >= this.text.length) this.fail('empty file');
    const value = this.value('');
    this.space();
    if (this.at < this.text.length) this.fail('unexpected text after the JSON value');
    return value;
  }

  lineAt(offset: number): number {
    let low = 0;
    let high = this.newlines.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.newlines[middle] as number) < offset) low = middle + 1;
      else high = middle;
    }
    return low + 1;
  }

  private value(pointer: string): unknown {
    const char = this.text[this.at];
    if (char === '{') return this.object(pointer);
    if (char === '[') return this.array(pointer);
    if (char === '"') return this.string();
    NUMBER.lastIndex = this.at;
    const number = NUMBER.exec(this.text);
    if (number !== null) {
      this.at += number[0].length;
      return Number(number[0]);
    }
    for (const [word, value] of LITERALS) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return value;
      }
    }
    return this.fail(char === undefined ? 'the JSON ends too early' : `unexpected "${char}"`);
  }

  private object(pointer: string): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.at++;
    this.space();
    if (this.text[this.at] === '}') {
      this.at++;
      return result;
    }
    for (;;) {
      this.space();
      if (this.text[this.at] !== '"') this.fail('expected a "quoted" member name');
      const keyAt = this.at;
      const key = this.string();
      const path = `${pointer}/${pointerToken(key)}`;
      if (Object.hasOwn(result, key)) this.fail(`"${key}" is given twice`, keyAt);
      this.offsets.set(path, keyAt);
      this.space();
      this.expect(':');
      this.space();
      // defineProperty, as JSON.parse does: a "__proto__" member is data, not a prototype.
      Object.defineProperty(result, key, {
        value: this.value(path),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      if (this.separator('}')) return result;
    }
  }

  private array(pointer: string): unknown[] {
    const result: unknown[] = [];
    this.at++;
    this.space();
    if (this.text[this.at] === ']') {
      this.at++;
      return result;
    }
    for (;;) {
      this.space();
      const path = `${pointer}/${result.length}`;
      this.offsets.set(path, this.at);
      result.push(this.value(path));
      if (this.separator(']')) return result;
    }
  }

  /** After a member or element: true at the closing bracket, false after a comma. */
  private separator(close: string): boolean {
    this.space();
    const char = this.text[this.at];
    if (char === close) {
      this.at++;
      return true;
    }
    if (char !== ',') {
      this.fail(
        char === undefined ? 'the JSON ends too early' : `expected "," or "${close}", found "${char}"`,
      );
    }
    this.at++;
    return false;
  }

  private string(): string {
    let result = '';
    let start = ++this.at;
    for (;;) {
      const code = this.text.charCodeAt(this.at);
      if (Number.isNaN(code)) this.fail('a string is not closed');
      if (code === 34) break;
      if (code < 0x20) this.fail('a control character inside a string must be escaped');
      if (code === 92) {
        result += this.text.slice(start, this.at);
        result += this.escape();
        start = this.at;
      } else {
        this.at++;
      }
    }
    result += this.text.slice(start, this.at);
    this.at++;
    return result;
  }

  private escape(): string {
    const char = this.text[this.at + 1] ?? '';
    if (char === 'u') {
      const hex = this.text.slice(this.at + 2, this.at + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('\\u must be followed by four hex digits');
      this.at += 6;
      return String.fromCharCode(Number.parseInt(hex, 16));
    }
    const escaped = ESCAPES[char];
    if (escaped === undefined) this.fail(`unknown escape "\\${char}"`);
    this.at += 2;
    return escaped as string;
  }

  private expect(char: string): void {
    if (this.text[this.at] !== char) {
      const found = this.text[this.at];
      this.fail(found === undefined ? 'the JSON ends too early' : `expected "${char}", found "${found}"`);
    }
    this.at++;
  }

  private space(): void {
    while (/[ \t\n\r]/.test(this.text[this.at] ?? '')) this.at++;
  }

  private fail(reason: string, offset = this.at): never {
    throw new CallsFault('json', reason, this.lineAt(offset));
  }
}
