import type { NewStop, ProteinChange, ProteinEdit, ProteinLocation, ProteinPosition } from './ast.ts';
import { aminoAcid, aminoAcidSequence, stop, unsignedInteger } from './residues.ts';
import type { Scanner } from './scanner.ts';

/** The reference residue and its number: Val600, V600, Ter110, *110. */
export function proteinPosition(s: Scanner): ProteinPosition {
  const start = s.index;
  return s.labelled('an amino acid and its position (e.g. Val600)', () => {
    // The residue at a reference position is known, so ambiguity codes (Asx, Glx, Xaa) do not fit here.
    const residue = aminoAcid(s, { stop: true, ambiguous: false });
    return s.mark(
      { kind: 'residue', aminoAcid: residue, number: unsignedInteger(s, 'a residue number') },
      start,
    );
  });
}

/** Val600, Lys23_Val25, or the same in parentheses when the location is uncertain. */
export function proteinLocation(s: Scanner): ProteinLocation {
  const start = s.index;
  const uncertain = s.accept('(');
  const first = proteinPosition(s);
  const end = s.accept('_') ? proteinPosition(s) : undefined;
  if (uncertain) s.expect(')');
  return s.mark(end ? { start: first, end, uncertain } : { start: first, uncertain }, start);
}

/** After fs or ext: Ter, Ter23, Ter? (also * and the outdated X). */
function newStop(s: Scanner): NewStop | undefined {
  if (s.attempt(() => stop(s)) === undefined) return undefined;
  if (s.accept('?')) return { position: '?' };
  const position = s.attempt(() => unsignedInteger(s));
  return position === undefined ? {} : { position };
}

/** After ext: a new stop (C-terminal: `extTer17`) or a new start upstream (N-terminal: `ext-5`, `extMet-5`). */
function extension(s: Scanner, alternate: string | undefined): ProteinEdit {
  const base = alternate === undefined ? {} : { alternate };
  if (s.peek() === '-' || /[A-Z]/.test(s.peek())) {
    const start = s.attempt(() => {
      const residue = s.peek() === '-' ? undefined : aminoAcid(s);
      s.expect('-');
      const offsetAt = s.index;
      const offset = -unsignedInteger(s, 'the number of residues upstream');
      if (offset === 0) s.reject('a new start is at least one residue upstream (ext-1)', offsetAt);
      return residue === undefined ? { offset } : { aminoAcid: residue, offset };
    });
    if (start) return { type: 'extension', ...base, newStart: start };
  }
  const terminal = newStop(s);
  return terminal ? { type: 'extension', ...base, newStop: terminal } : { type: 'extension', ...base };
}

function frameshift(s: Scanner, alternate: string | undefined): ProteinEdit {
  const terminal = newStop(s);
  return {
    type: 'frameshift',
    ...(alternate === undefined ? {} : { alternate }),
    ...(terminal ? { newStop: terminal } : {}),
  };
}

/** What happens at a protein location: Glu, Ter, ?, =, del, dup, ins…, delins…, fs…, ext…. */
export function proteinEdit(s: Scanner): ProteinEdit {
  return s.labelled('an amino-acid change (e.g. Glu, Ter, =, ?, del, dup, ins, delins, fs or ext)', () => {
    const start = s.index;
    const edit = keywordEdit(s) ?? residueEdit(s);
    return s.mark(edit, start);
  });
}

function keywordEdit(s: Scanner): ProteinEdit | undefined {
  if (s.accept('delins')) return { type: 'delins', inserted: aminoAcidSequence(s, { stop: true }) };
  if (s.accept('del')) return { type: 'deletion' };
  if (s.accept('dup')) return { type: 'duplication' };
  if (s.accept('ins')) return { type: 'insertion', inserted: aminoAcidSequence(s, { stop: true }) };
  if (s.accept('=')) return { type: 'identity' };
  if (s.accept('?')) return { type: 'unknown' };
  if (s.accept('fs')) return frameshift(s, undefined);
  if (s.accept('ext')) return extension(s, undefined);
  return undefined;
}

function residueEdit(s: Scanner): ProteinEdit {
  const alternate = aminoAcid(s, { stop: true });
  if (s.accept('fs')) return frameshift(s, alternate);
  if (s.accept('ext')) return extension(s, alternate);
  return { type: 'substitution', alternate };
}

/**
 * Everything after `p.`: `?`, `0`, `0?`, `=`, `(=)`, a change such as `Val600Glu`, or a predicted
 * change in parentheses, `(Val600Glu)`.
 */
export function proteinChange(s: Scanner): ProteinChange {
  const start = s.index;
  if (s.accept('?')) return s.mark({ kind: 'unknown' }, start);
  if (s.accept('=')) return s.mark({ kind: 'unchanged', predicted: false }, start);
  if (s.accept('0')) return s.mark({ kind: 'noProtein', uncertain: s.accept('?') }, start);
  const predictedUnchanged = s.attempt(() => {
    s.expect('(');
    s.expect('=');
    s.expect(')');
    return true;
  });
  if (predictedUnchanged) {
    return s.mark({ kind: 'unchanged', predicted: true }, start);
  }
  const observed = s.attempt(() => ({ location: proteinLocation(s), edit: proteinEdit(s) }));
  if (observed) return s.mark({ kind: 'change', ...observed, predicted: false }, start);
  if (!s.accept('(')) return s.fail();
  const location = proteinLocation(s);
  const edit = proteinEdit(s);
  s.expect(')');
  return s.mark({ kind: 'change', location, edit, predicted: true }, start);
}
