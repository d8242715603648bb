/**
 * NCBI SPDI (Holmes et al. 2020): Sequence:Position:Deletion:Insertion, with a 0-based interbase
 * position on the + strand. The deletion may be written as a length.
 */
export interface Spdi {
  sequence: string;
  position: number;
  deleted: string | number;
  inserted: string;
}

export function formatSpdi(spdi: Spdi): string {
  return `${spdi.sequence}:${spdi.position}:${spdi.deleted}:${spdi.inserted}`;
}

/** Parses `NC_000001.11:40819438:CTCCTCCT:CTCCTCCTCCT`; null when the text is not SPDI. */
export function parseSpdi(text: string): Spdi | null {
  const match = /^([^:\s]+):(\d+):([A-Za-z]*|\d+):([A-Za-z]*)$/.exec(text);
  if (!match) return null;
  const [, sequence, position, deleted, inserted] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
  ];
  return {
    sequence,
    position: Number(position),
    deleted: /^\d+$/.test(deleted) ? Number(deleted) : deleted,
    inserted,
  };
}
