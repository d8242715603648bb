import {
  type HgvsVariant,
  isPositionRange,
  type LocationBound,
  type Molecule,
  type NucleicChange,
  type NucleicSystem,
  type NucleotideLocation,
  type NucleotidePosition,
  type ProteinChange,
} from './ast.ts';
import { formatLocation, formatNucleotidePosition, formatProteinPosition } from './format.ts';
import type { Span } from './scanner.ts';

/** A rule the description breaks although it parses, at `index` (0-based) of the text. */
export interface SemanticProblem {
  index: number;
  message: string;
}

type SpanOf = (node: object) => number;

const moleculeNouns: Record<Molecule, string> = {
  genomic: 'a genomic sequence',
  'coding transcript': 'a coding transcript',
  'non-coding transcript': 'a non-coding transcript',
  transcript: 'a transcript',
  protein: 'a protein sequence',
  unknown: 'a sequence',
};

/** Checks beyond the grammar: versions, reference types, position order and edits that fit their location. */
export function semanticProblems(variant: HgvsVariant, spans: WeakMap<object, Span>): SemanticProblem[] {
  const at: SpanOf = (node) => spans.get(node)?.start ?? 0;
  const problems = referenceProblems(variant, at);
  if (variant.coordinateSystem === 'p') problems.push(...proteinProblems(variant.change, at));
  else problems.push(...nucleicProblems(variant.coordinateSystem, variant.change, at));
  return problems.sort((a, b) => a.index - b.index);
}

function referenceProblems(variant: HgvsVariant, at: SpanOf): SemanticProblem[] {
  const reference = variant.reference;
  if (!reference) return [];
  const problems: SemanticProblem[] = [];
  for (const sequence of [reference, reference.transcript]) {
    if (sequence && sequence.version === null && sequence.namespace !== 'LRG') {
      problems.push({
        index: at(sequence),
        message: `'${sequence.accession}' has no version; HGVS needs the versioned accession (${sequence.accession}.<version>)`,
      });
    }
  }
  const named = reference.transcript ?? reference;
  const system = variant.coordinateSystem;
  const fit = moleculeMismatch(named.molecule, system, named.accession, reference.transcript !== undefined);
  if (fit) problems.push({ index: at(reference), message: fit });
  return problems;
}

function moleculeMismatch(molecule: Molecule, system: string, accession: string, viaTranscript: boolean) {
  const noun = moleculeNouns[molecule];
  if (molecule === 'unknown') return undefined;
  if (molecule === 'protein' && system !== 'p') return `${accession} is ${noun}; only p. descriptions fit it`;
  if (system === 'p' && molecule !== 'protein') {
    return `p. descriptions need a protein reference sequence (e.g. NP_…, ENSP…); ${accession} is ${noun}`;
  }
  if ('gmo'.includes(system) && molecule !== 'genomic') {
    return `${system}. positions need a genomic reference sequence (e.g. NC_…, NG_…); ${accession} is ${noun}, so use c. or n.`;
  }
  if ('cnr'.includes(system) && molecule === 'genomic' && !viaTranscript) {
    return `${system}. positions need a transcript: name it in parentheses, as in ${accession}(NM_…):${system}., or use g.`;
  }
  if (system === 'c' && molecule === 'non-coding transcript')
    return `${accession} is ${noun}; use n. positions`;
  return undefined;
}

function boundsOf<P>(bound: LocationBound<P> | undefined): P[] {
  if (bound === undefined) return [];
  return isPositionRange(bound) ? [bound.from, bound.to] : [bound];
}

/** Order of two known nucleotide positions: 5' UTR (negative), coding, 3' UTR (*), then intronic offset. */
function compareNucleotides(a: NucleotidePosition, b: NucleotidePosition): number | undefined {
  if (a.kind === 'unknown' || b.kind === 'unknown') return undefined;
  return Number(a.fromStop) - Number(b.fromStop) || a.base - b.base || (a.offset ?? 0) - (b.offset ?? 0);
}

/** Number of nucleotides a location covers, where the numbers alone tell it. */
export function nucleotideSpan(location: NucleotideLocation): number | undefined {
  const first = location.start;
  const last = location.end ?? location.start;
  if (location.uncertain || isPositionRange(first) || isPositionRange(last)) return undefined;
  if (first.kind === 'unknown' || last.kind === 'unknown' || first.fromStop !== last.fromStop)
    return undefined;
  if (first.offset !== undefined || last.offset !== undefined) {
    return first.base === last.base ? (last.offset ?? 0) - (first.offset ?? 0) + 1 : undefined;
  }
  // c. numbering has no position 0: c.-1 is followed by c.1.
  return last.base - first.base + 1 - (first.base < 0 && last.base > 0 ? 1 : 0);
}

function nucleicProblems(system: NucleicSystem, change: NucleicChange, at: SpanOf): SemanticProblem[] {
  const problems: SemanticProblem[] = [];
  const { location, edit } = change;
  const positions = [...boundsOf(location.start), ...boundsOf(location.end)];
  for (const position of positions) {
    if (position.kind !== 'known') continue;
    if (position.base === 0) {
      const message = 'cr'.includes(system)
        ? `there is no position ${system}.0: ${system}.-1 is the nucleotide just before ${system}.1`
        : `there is no position ${system}.0: positions count from 1`;
      problems.push({ index: at(position), message });
    }
    if (position.offset === 0) {
      problems.push({ index: at(position), message: 'an intronic offset is at least 1; leave out +0' });
    }
  }
  const written = formatLocation(location, formatNucleotidePosition);
  if (outOfOrder(location.start, location.end, compareNucleotides)) {
    problems.push({
      index: at(location),
      message: `the range ${written} runs backwards; write the 5′ position first`,
    });
  }
  if (
    location.end !== undefined &&
    !isPositionRange(location.start) &&
    !isPositionRange(location.end) &&
    compareNucleotides(location.start, location.end) === 0
  ) {
    problems.push({ index: at(location), message: `a range has two different positions, not ${written}` });
  }
  const span = nucleotideSpan(location);
  const editAt = at(edit);
  const single = location.end === undefined && !location.uncertain;
  switch (edit.type) {
    case 'substitution':
      if (!single) {
        problems.push({
          index: editAt,
          message: `a substitution changes one nucleotide, not ${written}; use delins`,
        });
      } else if (edit.reference.toUpperCase() === edit.alternate.toUpperCase()) {
        problems.push({
          index: editAt,
          message: `${edit.reference}>${edit.alternate} changes nothing; an unchanged nucleotide is written ${written}=`,
        });
      }
      break;
    case 'insertion':
      if (single) {
        problems.push({
          index: editAt,
          message: 'an insertion goes between two neighbouring positions, e.g. 51_52insT',
        });
      } else if (span !== undefined && span !== 2) {
        problems.push({
          index: editAt,
          message: `an insertion goes between two neighbouring positions, not ${written}`,
        });
      }
      break;
    case 'inversion':
      if (single || span === 1) {
        problems.push({ index: editAt, message: 'an inversion covers at least two nucleotides' });
      }
      break;
  }
  const stated = statedLength(edit);
  if (stated !== undefined && span !== undefined && stated !== span) {
    problems.push({
      index: editAt,
      message: `${written} covers ${nucleotides(span)}, but the edit names ${stated}`,
    });
  }
  return problems;
}

const nucleotides = (count: number) => `${count} nucleotide${count === 1 ? '' : 's'}`;

function statedLength(edit: NucleicChange['edit']): number | undefined {
  switch (edit.type) {
    case 'deletion':
    case 'delins':
      return edit.deleted?.length ?? edit.deletedLength;
    case 'duplication':
      return edit.duplicated?.length;
    case 'inversion':
      return edit.inverted?.length ?? edit.invertedLength;
    case 'identity':
      return edit.reference?.length;
    default:
      return undefined;
  }
}

function outOfOrder<P>(
  start: LocationBound<P>,
  end: LocationBound<P> | undefined,
  compare: (a: P, b: P) => number | undefined,
): boolean {
  const pairs: Array<[P, P]> = [];
  if (isPositionRange(start)) pairs.push([start.from, start.to]);
  if (end !== undefined && isPositionRange(end)) pairs.push([end.from, end.to]);
  const [firstOfStart] = boundsOf(start);
  const [firstOfEnd] = boundsOf(end);
  if (firstOfStart !== undefined && firstOfEnd !== undefined) pairs.push([firstOfStart, firstOfEnd]);
  return pairs.some(([a, b]) => (compare(a, b) ?? 0) > 0);
}

function proteinProblems(change: ProteinChange, at: SpanOf): SemanticProblem[] {
  if (change.kind !== 'change') return [];
  const problems: SemanticProblem[] = [];
  const { location, edit } = change;
  const { start, end } = location;
  for (const position of [start, end]) {
    if (position?.number === 0)
      problems.push({ index: at(position), message: 'protein positions count from 1' });
  }
  const written = formatLocation(location, formatProteinPosition);
  if (end && start.number > end.number) {
    problems.push({
      index: at(location),
      message: `the range ${written} runs backwards; write the N-terminal residue first`,
    });
  }
  if (end && start.number === end.number) {
    problems.push({ index: at(location), message: `a range has two different residues, not ${written}` });
  }
  const editAt = at(edit);
  if (edit.type === 'substitution') {
    if (end)
      problems.push({
        index: editAt,
        message: `a substitution changes one residue, not ${written}; use delins`,
      });
    else if (start.number === 1 && start.aminoAcid === 'Met') {
      problems.push({
        index: editAt,
        message: 'a change of the initiating Met1 is written p.Met1? (or p.0), not as a substitution',
      });
    } else if (edit.alternate === start.aminoAcid) {
      problems.push({
        index: editAt,
        message: `${written}${edit.alternate} changes nothing; HGVS writes ${written}=`,
      });
    }
  }
  if (edit.type === 'insertion' && (!end || end.number - start.number !== 1)) {
    problems.push({
      index: editAt,
      message: 'an insertion goes between two neighbouring residues, e.g. Lys23_Leu24insArg',
    });
  }
  if (edit.type === 'extension' && edit.newStart && !(start.number === 1 && !end)) {
    problems.push({
      index: editAt,
      message: 'an N-terminal extension starts at the initiating residue, e.g. p.Met1ext-5',
    });
  }
  if (edit.type === 'extension' && edit.newStop && start.aminoAcid !== 'Ter') {
    problems.push({
      index: editAt,
      message: 'a C-terminal extension starts at the stop codon, e.g. p.Ter110GlnextTer17',
    });
  }
  return problems;
}
