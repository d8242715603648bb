import type {
  LocationBound,
  NucleicChange,
  NucleicEdit,
  NucleicSystem,
  NucleotideLocation,
  NucleotidePosition,
  ReferencedLocation,
} from './ast.ts';
import { referenceSequence } from './referenceSequence.ts';
import {
  isNucleotide,
  type NucleotideAlphabet,
  nucleotide,
  nucleotideSequence,
  unsignedInteger,
} from './residues.ts';
import type { Scanner } from './scanner.ts';

const withOffsets = new Set<NucleicSystem>(['c', 'n', 'r']);
const withUtrPrefixes = new Set<NucleicSystem>(['c', 'r']);

/** Why a character cannot start or continue a position in this coordinate system. */
function positionHint(system: NucleicSystem, character: string): string | undefined {
  if (!withOffsets.has(system) && '+-*'.includes(character)) {
    return `${system}. positions are plain numbers; '${character}' belongs to c. positions`;
  }
  if (system === 'n' && (character === '*' || character === '-')) {
    return `n. positions have no '${character}'; it marks the UTRs of c. positions`;
  }
  return undefined;
}

const positionDescriptions: Record<NucleicSystem, string> = {
  g: 'a position number',
  o: 'a position number',
  m: 'a position number',
  c: 'a position (e.g. 76, -14, *32, 88+1)',
  r: 'a position (e.g. 76, -14, *32, 88+1)',
  n: 'a position (e.g. 76, 88+1)',
};

/** c.123, c.-12, c.*45, c.123+4, c.-12-3, g.12345, or '?' for an unknown position. */
export function nucleotidePosition(s: Scanner, system: NucleicSystem): NucleotidePosition {
  const start = s.index;
  const hint = positionHint(system, s.peek());
  if (hint) s.reject(hint);
  return s.labelled(positionDescriptions[system], () => {
    if (s.accept('?')) return s.mark({ kind: 'unknown' }, start);
    let fromStop = false;
    let sign = 1;
    if (withUtrPrefixes.has(system)) {
      if (s.accept('*')) fromStop = true;
      else if (s.accept('-')) sign = -1;
    }
    const position: NucleotidePosition = { kind: 'known', base: sign * unsignedInteger(s), fromStop };
    if (withOffsets.has(system) && (s.peek() === '+' || s.peek() === '-') && /\d/.test(s.peek(1))) {
      const offsetSign = s.peek() === '-' ? -1 : 1;
      s.index++;
      position.offset = offsetSign * unsignedInteger(s);
    }
    return s.mark(position, start);
  });
}

function bound(s: Scanner, system: NucleicSystem): LocationBound<NucleotidePosition> {
  const start = s.index;
  if (!s.accept('(')) return nucleotidePosition(s, system);
  const from = nucleotidePosition(s, system);
  s.expect('_');
  const to = nucleotidePosition(s, system);
  s.expect(')');
  return s.mark({ kind: 'range', from, to }, start);
}

/**
 * A position or range: `5`, `12_14`, `(100_200)` (the whole location uncertain), or with an
 * uncertain end such as `(4_6)_246` or `(?_6)_(245_?)`.
 */
export function nucleotideLocation(s: Scanner, system: NucleicSystem): NucleotideLocation {
  const start = s.index;
  const first = bound(s, system);
  if (s.accept('_')) return s.mark({ start: first, end: bound(s, system), uncertain: false }, start);
  if (first.kind === 'range') return s.mark({ start: first.from, end: first.to, uncertain: true }, start);
  return s.mark({ start: first, uncertain: false }, start);
}

function alphabetOf(system: NucleicSystem): NucleotideAlphabet {
  return system === 'r' ? 'rna' : 'dna';
}

/** A deleted (or inverted) stretch may be named by its sequence or, in older descriptions, its length. */
function sequenceOrLength(s: Scanner, alphabet: NucleotideAlphabet, keyword: string) {
  const start = s.index;
  if (/\d/.test(s.peek())) {
    const length = unsignedInteger(s);
    s.warn(
      `HGVS no longer gives the length after '${keyword}' ('${keyword}${length}'); write '${keyword}'`,
      start,
    );
    return { length };
  }
  const sequence = s.attempt(() => nucleotideSequence(s, alphabet));
  return sequence === undefined ? {} : { sequence };
}

/** The source of a conversion: `NM_004006.1:c.15_355`; `allowed` restricts the coordinate type. */
export function referencedLocation(s: Scanner, allowed?: NucleicSystem): ReferencedLocation {
  const start = s.index;
  const reference = referenceSequence(s);
  s.expect(':');
  const coordinateSystem = s.character(
    (c) => (allowed ? c === allowed : 'gomcnr'.includes(c)),
    allowed ? `'${allowed}.'` : 'a coordinate type (g., o., m., c., n., r.)',
  ) as NucleicSystem;
  s.expect('.');
  return s.mark({ reference, coordinateSystem, location: nucleotideLocation(s, coordinateSystem) }, start);
}

function editKeyword(s: Scanner, system: NucleicSystem): NucleicEdit {
  const alphabet = alphabetOf(system);
  if (s.accept('del')) {
    const deleted = sequenceOrLength(s, alphabet, 'del');
    const removed = { deleted: deleted.sequence, deletedLength: deleted.length };
    if (s.accept('ins'))
      return withoutUndefined({ type: 'delins', ...removed, inserted: nucleotideSequence(s, alphabet) });
    return withoutUndefined({ type: 'deletion', ...removed });
  }
  if (s.accept('dup')) {
    const duplicated = s.attempt(() => nucleotideSequence(s, alphabet));
    return withoutUndefined({ type: 'duplication', duplicated });
  }
  if (s.accept('ins')) return { type: 'insertion', inserted: nucleotideSequence(s, alphabet) };
  if (s.accept('inv')) {
    const inverted = sequenceOrLength(s, alphabet, 'inv');
    return withoutUndefined({
      type: 'inversion',
      inverted: inverted.sequence,
      invertedLength: inverted.length,
    });
  }
  if (s.accept('con')) return { type: 'conversion', source: referencedLocation(s) };
  if (s.accept('copy')) {
    s.warn("'copy' is an Invitae extension, not HGVS; write dup or a repeat ([n])");
    return { type: 'copy', copies: unsignedInteger(s) };
  }
  if (s.accept('=')) return { type: 'identity' };
  if (s.lookingAt('[')) return repeat(s, undefined);
  return s.fail();
}

function repeat(s: Scanner, unit: string | undefined): Extract<NucleicEdit, { type: 'repeat' }> {
  s.expect('[');
  const copies = unsignedInteger(s, 'a number of copies');
  s.expect(']');
  return withoutUndefined({ type: 'repeat', unit, copies });
}

/** What follows a written sequence: a substitution (A>G), identity (A=) or repeat (CAG[23]). */
function editAfterSequence(s: Scanner, system: NucleicSystem): NucleicEdit {
  const alphabet = alphabetOf(system);
  const written = nucleotideSequence(s, alphabet);
  if (s.accept('=')) return { type: 'identity', reference: written };
  if (s.lookingAt('[')) return repeat(s, written);
  if (s.lookingAt('>') && written.length > 1) {
    s.reject(`a substitution changes a single nucleotide, not '${written}'; use delins for longer changes`);
  }
  s.expect('>');
  const alternate = nucleotide(s, alphabet);
  if (isNucleotide(s.peek(), alphabet)) {
    s.reject(
      `a substitution puts one nucleotide in place of one; use delins for more (e.g. 'delins${alternate}${s.peek()}…')`,
    );
  }
  return { type: 'substitution', reference: written, alternate };
}

/** An edit of nucleotides: A>G, del, delins, ins, dup, inv, =, con…, a repeat, or copyN. */
export function nucleicEdit(s: Scanner, system: NucleicSystem): NucleicEdit {
  const example = system === 'r' ? 'a>g' : 'A>G';
  return s.labelled(`an edit (e.g. ${example}, del, dup, ins, delins, inv or =)`, () => {
    const start = s.index;
    const edit = s.attempt(() => editKeyword(s, system)) ?? editAfterSequence(s, system);
    return s.mark(edit, start);
  });
}

/** Location and edit; RNA may be predicted, written in parentheses: `r.(76a>c)`. */
export function nucleicChange(s: Scanner, system: NucleicSystem): NucleicChange {
  const start = s.index;
  const observed = s.attempt(() => ({
    location: nucleotideLocation(s, system),
    edit: nucleicEdit(s, system),
  }));
  if (observed) return s.mark({ ...observed, predicted: false }, start);
  if (system !== 'r' || !s.accept('(')) return s.fail();
  const location = nucleotideLocation(s, system);
  const edit = nucleicEdit(s, system);
  s.expect(')');
  return s.mark({ location, edit, predicted: true }, start);
}

/** Drops absent optional fields, so the AST serialises without `undefined` members. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
