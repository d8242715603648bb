/**
 * JSON text written as UTF-8 into one reused byte buffer, for the ingest's transcripts: a genome's
 * annotation values hold millions of fields, and building their JSON from strings made a string
 * (or a concatenation node) of every field and every piece of punctuation — most of what the
 * ingest allocated. Here a field goes from its place in the annotation value to the buffer, its
 * VCF percent escapes decoded and JSON's escapes applied on the way, with nothing allocated.
 */
export class JsonBytes {
  private bytes = new Uint8Array(1 << 14);
  private view = Buffer.from(this.bytes.buffer);
  private length = 0;
  /** Whether every byte so far is ASCII, so that the text can be read back without UTF-8 decoding. */
  private ascii = true;

  reset(): void {
    this.length = 0;
    this.ascii = true;
  }

  /** The last byte written, or -1. */
  lastByte(): number {
    return this.length > 0 ? (this.bytes[this.length - 1] as number) : -1;
  }

  /** One ASCII character, by its code. */
  byte(code: number): void {
    this.room(1);
    this.bytes[this.length++] = code;
  }

  /** Text that is ASCII and needs no escaping: punctuation, literals, numbers, names we chose. */
  plain(text: string): void {
    this.room(text.length);
    const bytes = this.bytes;
    let at = this.length;
    for (let i = 0; i < text.length; i++) bytes[at++] = text.charCodeAt(i);
    this.length = at;
  }

  /**
   * A JSON string of `source`'s characters [from, to); with `decode`, VCF's percent escapes
   * (%3A %3B %3D %25 %2C %0D %0A %09, as percentDecode reads them) are decoded first. The same
   * text as JSON.stringify(percentDecode(…)) in UTF-8 (jsonBytes.test.ts).
   */
  string(source: string, from: number, to: number, decode: boolean): void {
    // At most 6 bytes per character (\u00XX); UTF-8 needs at most 3 per UTF-16 unit.
    this.room((to - from) * 6 + 2);
    const bytes = this.bytes;
    let at = this.length;
    bytes[at++] = 34;
    for (let i = from; i < to; i++) {
      let code = source.charCodeAt(i);
      if (code === 37 && decode && i + 2 < to) {
        const decoded = percentEscape(source.charCodeAt(i + 1), source.charCodeAt(i + 2));
        if (decoded >= 0) {
          code = decoded;
          i += 2;
        }
      }
      if (code >= 0x20 && code < 0x80) {
        if (code === 34 || code === 92) bytes[at++] = 92;
        bytes[at++] = code;
      } else if (code < 0x20) {
        bytes[at++] = 92;
        const short = SHORT_ESCAPES[code] ?? 0;
        if (short !== 0) {
          bytes[at++] = short;
        } else {
          bytes[at++] = 117; // \u00XX
          bytes[at++] = 48;
          bytes[at++] = 48;
          bytes[at++] = HEX[code >> 4] as number;
          bytes[at++] = HEX[code & 15] as number;
        }
      } else {
        this.ascii = false;
        if (code < 0x800) {
          bytes[at++] = 0xc0 | (code >> 6);
          bytes[at++] = 0x80 | (code & 63);
        } else if (
          code >= 0xd800 &&
          code < 0xdc00 &&
          i + 1 < to &&
          isLowSurrogate(source.charCodeAt(i + 1))
        ) {
          const point = 0x10000 + ((code - 0xd800) << 10) + (source.charCodeAt(++i) - 0xdc00);
          bytes[at++] = 0xf0 | (point >> 18);
          bytes[at++] = 0x80 | ((point >> 12) & 63);
          bytes[at++] = 0x80 | ((point >> 6) & 63);
          bytes[at++] = 0x80 | (point & 63);
        } else {
          // A lone surrogate (text decoded from UTF-8 never has one) becomes U+FFFD, as in Buffer.from.
          if (code >= 0xd800 && code < 0xe000) code = 0xfffd;
          bytes[at++] = 0xe0 | (code >> 12);
          bytes[at++] = 0x80 | ((code >> 6) & 63);
          bytes[at++] = 0x80 | (code & 63);
        }
      }
    }
    bytes[at++] = 34;
    this.length = at;
  }

  /** Where the text ends now, to go back to (rollback) when what follows turns out to be nothing. */
  mark(): number {
    return this.length;
  }

  rollback(mark: number): void {
    this.length = mark;
  }

  /**
   * The number that `source`'s characters [from, to) give to Number(), written as String() writes
   * it, as the frequencies always were; false (nothing written) when it is not a finite number or
   * the text is empty. A text that is already in that form (0.0324, 12) is copied as it is: the
   * conversion there and back was most of the time a genome's frequencies took.
   */
  number(source: string, from: number, to: number): boolean {
    if (from >= to) return false;
    if (isShortestDecimal(source, from, to)) {
      this.room(to - from);
      const bytes = this.bytes;
      let at = this.length;
      for (let i = from; i < to; i++) bytes[at++] = source.charCodeAt(i);
      this.length = at;
      return true;
    }
    const value = Number(source.slice(from, to));
    if (!Number.isFinite(value)) return false;
    this.plain(String(value));
    return true;
  }

  /** What has been written, as UTF-8 bytes: a view of the buffer, valid until the next write. */
  written(): Buffer {
    return this.view.subarray(0, this.length);
  }

  /** What has been written, as a string. */
  text(): string {
    return this.view.toString(this.ascii ? 'latin1' : 'utf8', 0, this.length);
  }

  private room(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + more) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
    this.view = Buffer.from(grown.buffer);
  }
}

/**
 * Whether String(Number(text)) is the text itself: plain digits with an optional fraction, no
 * leading zero but a lone one before the point, no trailing zero in the fraction, at most 15
 * significant digits (every such decimal is the shortest that gives its double), and not below
 * 10⁻⁶, for which JavaScript writes an exponent (1e-7).
 */
export function isShortestDecimal(text: string, from: number, to: number): boolean {
  let i = from;
  let significant = 0;
  const first = text.charCodeAt(i);
  if (first === 48) {
    i++;
  } else if (first >= 49 && first <= 57) {
    while (i < to && isDigit(text.charCodeAt(i))) i++;
    significant = i - from;
  } else {
    return false;
  }
  if (i === to) return significant <= 15;
  if (text.charCodeAt(i) !== 46) return false;
  const fraction = ++i;
  while (i < to && isDigit(text.charCodeAt(i))) i++;
  if (i !== to || i === fraction || text.charCodeAt(to - 1) === 48) return false;
  if (significant === 0) {
    let zeros = 0;
    while (text.charCodeAt(fraction + zeros) === 48) zeros++;
    if (zeros >= 6) return false;
    return to - fraction - zeros <= 15;
  }
  return significant + (to - fraction) <= 15;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

const HEX = Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));

/** JSON's two-character escapes for control characters: \b \t \n \f \r. */
const SHORT_ESCAPES: Partial<Record<number, number>> = { 8: 98, 9: 116, 10: 110, 12: 102, 13: 114 };

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code < 0xe000;
}

/** The character VCF's escape %XY stands for (hex digits in either case), or -1. */
function percentEscape(x: number, y: number): number {
  const low = y | 0x20; // a lower-case letter, a digit unchanged
  if (x === 51) {
    // %3A %3B %3D
    if (low === 97) return 58;
    if (low === 98) return 59;
    if (low === 100) return 61;
    return -1;
  }
  if (x === 50) {
    // %25 %2C
    if (y === 53) return 37;
    if (low === 99) return 44;
    return -1;
  }
  if (x === 48) {
    // %0D %0A %09
    if (low === 100) return 13;
    if (low === 97) return 10;
    if (y === 57) return 9;
    return -1;
  }
  return -1;
}
