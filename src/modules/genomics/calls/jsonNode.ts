import { CallsFault } from './errors.ts';
import { type LocatedJson, pointerToken } from './jsonText.ts';

/** A value in a parsed JSON document, with its JSON Pointer, so every check can name where it failed. */
export class JsonNode {
  constructor(
    readonly value: unknown,
    readonly pointer: string,
    private readonly document: LocatedJson,
  ) {}

  static root(document: LocatedJson): JsonNode {
    return new JsonNode(document.value, '', document);
  }

  /** The fault names the pointer as the field and the member's line. */
  fault(reason: string): CallsFault {
    return new CallsFault(
      this.pointer === '' ? '/' : this.pointer,
      reason,
      this.document.lineOf(this.pointer),
    );
  }

  /** Runs a shared check (values.ts) on this node, so its fault carries this node's line. */
  check<T>(run: (field: string) => T): T {
    try {
      return run(this.pointer);
    } catch (error) {
      if (error instanceof CallsFault && error.line === null) throw this.fault(error.reason);
      throw error;
    }
  }

  isObject(): boolean {
    return typeof this.value === 'object' && this.value !== null && !Array.isArray(this.value);
  }

  has(key: string): boolean {
    return this.isObject() && Object.hasOwn(this.value as object, key);
  }

  /** A member; null when it is absent or JSON null, which both mean "not reported". */
  get(key: string): JsonNode | null {
    const member = this.member(key);
    return member.value === undefined || member.value === null ? null : member;
  }

  /** A member even when absent (value undefined), to name it in a fault. */
  member(key: string): JsonNode {
    if (!this.isObject()) throw this.fault(`expected an object, got ${kind(this.value)}`);
    const record = this.value as Record<string, unknown>;
    const value = Object.hasOwn(record, key) ? record[key] : undefined;
    return new JsonNode(value, `${this.pointer}/${pointerToken(key)}`, this.document);
  }

  object(): JsonNode {
    if (!this.isObject()) throw this.fault(`expected an object, got ${kind(this.value)}`);
    return this;
  }

  number(): number {
    if (typeof this.value !== 'number' || !Number.isFinite(this.value)) {
      throw this.fault(`expected a number, got ${kind(this.value)}`);
    }
    return this.value;
  }

  string(): string {
    if (typeof this.value !== 'string' || this.value.trim() === '') {
      throw this.fault(`expected a non-empty string, got ${kind(this.value)}`);
    }
    return this.value;
  }
}

function kind(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  return typeof value === 'object' ? 'an object' : String(value);
}
