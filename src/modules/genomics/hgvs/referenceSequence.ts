import type { Molecule, ReferenceSequence } from './ast.ts';
import { exactNumber } from './residues.ts';
import type { Scanner } from './scanner.ts';

const isLetter = (c: string) => /^[A-Za-z]$/.test(c);
const isLetterOrDigit = (c: string) => /^[A-Za-z0-9]$/.test(c);

/** Letters and digits, with single '-' or '_' between them: 'NM_004333', 'LRG_199t1', 'HLA-A'. */
function identifier(s: Scanner, description: string): string {
  const start = s.index;
  s.character(isLetter, description);
  while (true) {
    if (isLetterOrDigit(s.peek())) s.index++;
    else if ((s.peek() === '_' || s.peek() === '-') && isLetterOrDigit(s.peek(1))) s.index += 2;
    else break;
  }
  return s.text.slice(start, s.index);
}

const accessionKinds: Array<[RegExp, ReferenceSequence['namespace'], Molecule]> = [
  [/^(NC|NG|NT|NW|NZ)_/, 'RefSeq', 'genomic'],
  [/^(NM|XM)_/, 'RefSeq', 'coding transcript'],
  [/^(NR|XR)_/, 'RefSeq', 'non-coding transcript'],
  [/^(NP|XP|YP|WP)_/, 'RefSeq', 'protein'],
  // AC_ is a RefSeq genomic accession, but the biocommons corpus uses it as a placeholder for every type.
  [/^AC_/, 'RefSeq', 'unknown'],
  [/^ENS([A-Z]{3})?T\d/, 'Ensembl', 'transcript'],
  [/^ENS([A-Z]{3})?P\d/, 'Ensembl', 'protein'],
  [/^ENS([A-Z]{3})?G\d/, 'Ensembl', 'genomic'],
  [/^LRG_\d+t\d+$/, 'LRG', 'coding transcript'],
  [/^LRG_\d+p\d+$/, 'LRG', 'protein'],
  [/^LRG_\d+$/, 'LRG', 'genomic'],
];

function classify(accession: string, version: number | null): ReferenceSequence {
  const [, namespace, molecule] = accessionKinds.find(([pattern]) => pattern.test(accession)) ?? [
    undefined,
    'other',
    'unknown',
  ];
  return {
    accession: version === null ? accession : `${accession}.${version}`,
    version,
    namespace,
    molecule,
  };
}

/** An accession with optional version: 'NM_004333.6', 'NC_000007', 'LRG_199t1'. */
export function accession(s: Scanner): ReferenceSequence {
  const start = s.index;
  const name = identifier(s, 'a reference sequence accession (e.g. NM_004006.2)');
  let version: number | null = null;
  if (s.lookingAt('.') && /\d/.test(s.peek(1))) {
    s.index++;
    const versionAt = s.index;
    let digits = '';
    while (/\d/.test(s.peek())) digits += s.text[s.index++];
    version = exactNumber(s, digits, versionAt);
  } else if (s.peek() === '.') {
    s.fail('a version number');
  }
  return s.mark(classify(name, version), start);
}

/** A gene symbol such as 'BRAF' or 'HLA-A': at least two characters, starting with a letter. */
export function geneSymbol(s: Scanner): string {
  const start = s.index;
  const symbol = identifier(s, 'a gene symbol');
  if (symbol.length < 2) s.reject('a gene symbol has at least two characters', start);
  return symbol;
}

/**
 * The reference sequence before ':': an accession, optionally followed by a transcript
 * (`NC_000023.11(NM_004006.2)`) or a gene symbol (`NM_004006.2(DMD)`) in parentheses.
 */
export function referenceSequence(s: Scanner): ReferenceSequence {
  const start = s.index;
  const reference = accession(s);
  if (!s.accept('(')) return reference;
  const inner = s.index;
  const transcript = s.attempt(() => {
    const candidate = accession(s);
    return candidate.version !== null || candidate.namespace !== 'other' ? candidate : s.fail();
  });
  if (transcript && s.peek() === ')') reference.transcript = transcript;
  else {
    s.index = inner;
    reference.gene = geneSymbol(s);
  }
  s.expect(')');
  return s.mark(reference, start);
}
