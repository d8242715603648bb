/** A batch of an ingest: one array per column, the calls and annotations as JSON texts. */
export type BatchRows = ReturnType<typeof emptyRows>;

export function emptyRows() {
  return {
    key: [] as string[],
    vrsId: [] as (string | null)[],
    chrom: [] as string[],
    start: [] as number[],
    ref: [] as string[],
    alt: [] as string[],
    kind: [] as string[],
    fullyNormalised: [] as boolean[],
    line: [] as number[],
    qual: [] as (number | null)[],
    filters: [] as string[],
    calls: [] as string[],
    annotations: [] as string[],
    /** How many transcripts each row's annotations hold. */
    transcripts: [] as number[],
    /**
     * Alleles of this batch that are the same variant as an earlier row of it: their lines and
     * identity keys (the row they merge into is the one with that key).
     */
    mergedLine: [] as number[],
    mergedKey: [] as string[],
  };
}

// A batch travels as PostgreSQL array literals that we write ourselves: node-postgres would run
// two regular expressions over every element, and a batch has tens of thousands of them.

/** A text[] literal: each item quoted (so commas, braces and the word NULL stay text), null as NULL. */
export function textArray(items: readonly (string | null)[]): string {
  let literal = '{';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) literal += ',';
    const item = items[i];
    if (item === null || item === undefined) literal += 'NULL';
    else if (item.includes('"') || item.includes('\\')) literal += `"${item.replace(/["\\]/g, '\\$&')}"`;
    else literal += `"${item}"`;
  }
  return `${literal}}`;
}

/** A numeric array literal; NaN and ±Infinity are written as PostgreSQL reads them. */
export function numberArray(items: readonly (number | null)[]): string {
  let literal = '{';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) literal += ',';
    const item = items[i];
    literal += item === null || item === undefined ? 'NULL' : String(item);
  }
  return `${literal}}`;
}

export function booleanArray(items: readonly boolean[]): string {
  let literal = '{';
  for (let i = 0; i < items.length; i++) literal += i > 0 ? (items[i] ? ',t' : ',f') : items[i] ? 't' : 'f';
  return `${literal}}`;
}
