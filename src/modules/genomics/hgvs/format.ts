import {
  type HgvsVariant,
  isPositionRange,
  type Location,
  type LocationBound,
  type NewStop,
  type NucleicChange,
  type NucleicEdit,
  type NucleotidePosition,
  type ProteinChange,
  type ProteinEdit,
  type ProteinPosition,
  type ReferencedLocation,
  type ReferenceSequence,
} from './ast.ts';

/**
 * The normalised display form: three-letter amino acids, Ter for stops, no deleted sequence or
 * length (current HGVS recommendation), and a one-nucleotide delins written as a substitution.
 */
export function formatVariant(variant: HgvsVariant): string {
  const reference = variant.reference ? `${formatReference(variant.reference)}:` : '';
  const change =
    variant.coordinateSystem === 'p'
      ? formatProteinChange(variant.change)
      : formatNucleicChange(variant.change);
  return `${reference}${variant.coordinateSystem}.${change}`;
}

export function formatReference(reference: ReferenceSequence): string {
  const inner = reference.transcript?.accession ?? reference.gene;
  return inner ? `${reference.accession}(${inner})` : reference.accession;
}

export function formatNucleotidePosition(position: NucleotidePosition): string {
  if (position.kind === 'unknown') return '?';
  const offset =
    position.offset === undefined ? '' : `${position.offset < 0 ? '-' : '+'}${Math.abs(position.offset)}`;
  return `${position.fromStop ? '*' : ''}${position.base}${offset}`;
}

export function formatProteinPosition(position: ProteinPosition): string {
  return `${position.aminoAcid}${position.number}`;
}

export function formatLocation<P>(location: Location<P>, position: (p: P) => string): string {
  const bound = (b: LocationBound<P>) =>
    isPositionRange(b) ? `(${position(b.from)}_${position(b.to)})` : position(b);
  const text =
    location.end === undefined ? bound(location.start) : `${bound(location.start)}_${bound(location.end)}`;
  return location.uncertain ? `(${text})` : text;
}

function formatReferencedLocation(source: ReferencedLocation): string {
  const location = formatLocation(source.location, formatNucleotidePosition);
  return `${formatReference(source.reference)}:${source.coordinateSystem}.${location}`;
}

export function formatNucleicEdit(edit: NucleicEdit): string {
  switch (edit.type) {
    case 'substitution':
      return `${edit.reference}>${edit.alternate}`;
    case 'deletion':
      return 'del';
    case 'delins':
      return edit.deleted?.length === 1 && edit.inserted.length === 1
        ? `${edit.deleted}>${edit.inserted}`
        : `delins${edit.inserted}`;
    case 'insertion':
      return `ins${edit.inserted}`;
    case 'duplication':
      return 'dup';
    case 'inversion':
      return 'inv';
    case 'identity':
      return '=';
    case 'repeat':
      return `${edit.unit ?? ''}[${edit.copies}]`;
    case 'conversion':
      return `con${formatReferencedLocation(edit.source)}`;
    case 'copy':
      return `copy${edit.copies}`;
  }
}

function formatNucleicChange(change: NucleicChange): string {
  const text = `${formatLocation(change.location, formatNucleotidePosition)}${formatNucleicEdit(change.edit)}`;
  return change.predicted ? `(${text})` : text;
}

function formatNewStop(stop: NewStop | undefined): string {
  return stop ? `Ter${stop.position ?? ''}` : '';
}

export function formatProteinEdit(edit: ProteinEdit): string {
  switch (edit.type) {
    case 'substitution':
      return edit.alternate;
    case 'unknown':
      return '?';
    case 'deletion':
      return 'del';
    case 'duplication':
      return 'dup';
    case 'insertion':
      return `ins${edit.inserted.join('')}`;
    case 'delins':
      return `delins${edit.inserted.join('')}`;
    case 'identity':
      return '=';
    case 'frameshift':
      return `${edit.alternate ?? ''}fs${formatNewStop(edit.newStop)}`;
    case 'extension': {
      const start = edit.newStart ? `${edit.newStart.aminoAcid ?? ''}${edit.newStart.offset}` : '';
      return `${edit.alternate ?? ''}ext${formatNewStop(edit.newStop)}${start}`;
    }
  }
}

function formatProteinChange(change: ProteinChange): string {
  switch (change.kind) {
    case 'unknown':
      return '?';
    case 'noProtein':
      return change.uncertain ? '0?' : '0';
    case 'unchanged':
      return change.predicted ? '(=)' : '=';
    case 'change': {
      const text = `${formatLocation(change.location, formatProteinPosition)}${formatProteinEdit(change.edit)}`;
      return change.predicted ? `(${text})` : text;
    }
  }
}
