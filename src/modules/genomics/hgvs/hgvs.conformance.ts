import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CoordinateSystem, NucleicSystem } from './ast.ts';
import { checkHgvs } from './check.ts';
import { typedChange } from './description.ts';
import {
  formatLocation,
  formatNucleicEdit,
  formatNucleotidePosition,
  formatProteinEdit,
  formatProteinPosition,
  formatVariant,
} from './format.ts';
import {
  nucleicChange,
  nucleicEdit,
  nucleotideLocation,
  nucleotidePosition,
  referencedLocation,
} from './nucleic.ts';
import { proteinChange, proteinEdit, proteinLocation, proteinPosition } from './protein.ts';
import { accession, geneSymbol, referenceSequence } from './referenceSequence.ts';
import {
  aminoAcid,
  aminoAcidSequence,
  negativeInteger,
  nucleotide,
  nucleotideSequence,
  signedInteger,
  stop,
  unsignedInteger,
} from './residues.ts';
import { HgvsSyntaxError, Scanner } from './scanner.ts';

/*
 * biocommons/hgvs tests/data/grammar_test.tsv, read in place from ../shared beside the repository.
 * Each row names a rule of the biocommons grammar; each is mapped below to the sub-parser of ours
 * that reads the same thing, which must then accept the whole input (valid rows) or fail (invalid).
 * Where a row has an Expected column, our normalised display must equal it, except where noted.
 */
const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const corpus = readFileSync(resolve(repositoryRoot, '../shared/data/hgvs/grammar_test.tsv'), 'utf8');

type Rule = (s: Scanner) => string;

const parenthesised =
  (rule: Rule): Rule =>
  (s) => {
    if (!s.accept('(')) return rule(s);
    const inner = rule(s);
    s.expect(')');
    return `(${inner})`;
  };
/** Parses `keyword + text` with `rule`: for the tails biocommons splits off after fs and ext. */
const after =
  (keyword: string, rule: Rule): Rule =>
  (s) => {
    const prefixed = new Scanner(keyword + s.text);
    const result = rule(prefixed);
    if (!prefixed.atEnd()) prefixed.fail();
    s.index = s.text.length;
    return result;
  };
const nucleicEditOf =
  (system: NucleicSystem, ...types: string[]): Rule =>
  (s) => {
    const edit = nucleicEdit(s, system);
    return types.length === 0 || types.includes(edit.type) ? formatNucleicEdit(edit) : s.fail();
  };
const proteinEditOf =
  (...types: string[]): Rule =>
  (s) => {
    const edit = proteinEdit(s);
    return types.length === 0 || types.includes(edit.type) ? formatProteinEdit(edit) : s.fail();
  };
const location =
  (system: NucleicSystem, definite = false): Rule =>
  (s) => {
    const parsed = nucleotideLocation(s, system);
    const ranges = [parsed.start, parsed.end].some((b) => b && 'from' in b);
    return definite && (parsed.uncertain || ranges)
      ? s.fail()
      : formatLocation(parsed, formatNucleotidePosition);
  };
const position =
  (system: NucleicSystem): Rule =>
  (s) =>
    formatNucleotidePosition(nucleotidePosition(s, system));
const posedit =
  (system: NucleicSystem): Rule =>
  (s) => {
    const change = nucleicChange(s, system);
    const text = `${formatLocation(change.location, formatNucleotidePosition)}${formatNucleicEdit(change.edit)}`;
    return change.predicted ? `(${text})` : text;
  };
const proteinLocated =
  (definite: boolean): Rule =>
  (s) => {
    const parsed = proteinLocation(s);
    return definite && parsed.uncertain ? s.fail() : formatLocation(parsed, formatProteinPosition);
  };
const proteinPosedit =
  (special: boolean): Rule =>
  (s) => {
    const change = proteinChange(s);
    if (special && change.kind === 'change') s.fail();
    return formatVariant({ reference: null, coordinateSystem: 'p', change }).slice(2);
  };
/** biocommons' "HGVS position": a reference, a coordinate type and a location, without an edit. */
const hgvsPosition =
  (system?: CoordinateSystem): Rule =>
  (s) => {
    if (system !== 'p') {
      const nucleic = s.attempt(() => referencedLocation(s, system));
      if (nucleic) return nucleic.coordinateSystem;
      if (system) return s.fail();
    }
    referenceSequence(s);
    s.expect(':');
    s.expect('p.');
    proteinLocation(s);
    return 'p';
  };
const typed =
  (system: CoordinateSystem): Rule =>
  (s) =>
    formatVariant({ reference: null, ...typedChange(s, system) });
/** Whole descriptions go through checkHgvs, semantic checks included, as the CLI runs them. */
const variant =
  (system?: CoordinateSystem): Rule =>
  (s) => {
    const check = checkHgvs(s.text);
    s.index = s.text.length;
    if (!check.valid) return s.reject(check.reason.replace(/^position \d+: /, ''), check.position - 1);
    return system && check.variant.coordinateSystem !== system ? s.fail() : check.normalised;
  };
const parenGene: Rule = (s) => {
  s.expect('(');
  const symbol = geneSymbol(s);
  s.expect(')');
  return symbol;
};

const rules: Record<string, Rule> = {
  accn: (s) => accession(s).accession,
  aa1: (s) => aminoAcid(s, { letters: 'one' }),
  aa3: (s) => aminoAcid(s, { letters: 'three' }),
  aa13: (s) => aminoAcid(s),
  aat1: (s) => aminoAcid(s, { letters: 'one', stop: true }),
  aat3: (s) => aminoAcid(s, { letters: 'three', stop: true }),
  aat13: (s) => aminoAcid(s, { stop: true }),
  aa1_seq: (s) => aminoAcidSequence(s, { letters: 'one' }).join(''),
  aa3_seq: (s) => aminoAcidSequence(s, { letters: 'three' }).join(''),
  aa13_seq: (s) => aminoAcidSequence(s).join(''),
  aat1_seq: (s) => aminoAcidSequence(s, { letters: 'one', stop: true }).join(''),
  aat3_seq: (s) => aminoAcidSequence(s, { letters: 'three', stop: true }).join(''),
  aat13_seq: (s) => aminoAcidSequence(s, { stop: true }).join(''),
  term1: (s) => stop(s, 'one'),
  term3: (s) => stop(s, 'three'),
  term13: (s) => stop(s),
  aa13_ext: after('ext', proteinEditOf('extension')),
  aa13_fs: after('fs', proteinEditOf('frameshift')),
  fsext_offset: after('fsTer', proteinEditOf('frameshift')),
  ext: proteinEditOf('extension'),
  fs: proteinEditOf('frameshift'),
  dna: (s) => nucleotide(s, 'dna'),
  dna_iupac: (s) => nucleotide(s, 'dna'),
  na_iupac: (s) => nucleotide(s, 'nucleic'),
  rna: (s) => nucleotide(s, 'rna'),
  rna_iupac: (s) => nucleotide(s, 'rna'),
  dna_seq: (s) => nucleotideSequence(s, 'dna'),
  rna_seq: (s) => nucleotideSequence(s, 'rna'),
  num: (s) => String(unsignedInteger(s)),
  nnum: (s) => String(negativeInteger(s)),
  snum: (s) => String(signedInteger(s)),
  base: (s) => String(signedInteger(s)),
  offset: (s) => String(s.atEnd() ? 0 : signedInteger(s)),
  pm: (s) => s.character((c) => c === '+' || c === '-', "'+' or '-'"),
  gene_symbol: geneSymbol,
  paren_gene: parenGene,
  opt_gene_expr: (s) => (s.atEnd() ? '' : parenGene(s)),
  hgvs_position: hgvsPosition(),
  hgvs_variant: variant(),
  dna_edit: nucleicEditOf('g'),
  dna_edit_mu: parenthesised(nucleicEditOf('g')),
  rna_edit: nucleicEditOf('r'),
  rna_edit_mu: parenthesised(nucleicEditOf('r')),
  pro_edit: proteinEditOf(),
  pro_edit_mu: parenthesised(proteinEditOf()),
  pro_subst: proteinEditOf('substitution', 'unknown'),
  pro_del: proteinEditOf('deletion'),
  pro_delins: proteinEditOf('delins'),
  pro_dup: proteinEditOf('duplication'),
  pro_ins: proteinEditOf('insertion'),
  pro_fs: proteinEditOf('frameshift'),
  pro_ext: proteinEditOf('extension'),
  pro_ident: proteinEditOf('identity'),
  p_posedit: proteinPosedit(false),
  p_posedit_special: proteinPosedit(true),
  p_interval: proteinLocated(false),
  def_p_interval: proteinLocated(true),
  p_pos: (s) => formatProteinPosition(proteinPosition(s)),
  def_p_pos: (s) => formatProteinPosition(proteinPosition(s)),
  p_hgvs_position: hgvsPosition('p'),
  p_typed_posedit: typed('p'),
  p_variant: variant('p'),
};
const nucleicEditRules: Record<string, string[]> = {
  con: ['conversion'],
  del: ['deletion'],
  delins: ['delins'],
  dup: ['duplication'],
  ins: ['insertion'],
  inv: ['inversion'],
  subst: ['substitution'],
  ident: ['identity'],
  copy: ['copy'],
};
for (const [name, types] of Object.entries(nucleicEditRules)) {
  rules[`dna_${name}`] = nucleicEditOf('g', ...types);
  rules[`rna_${name}`] = nucleicEditOf('r', ...types);
}
for (const system of ['g', 'm', 'c', 'n', 'r'] as const) {
  Object.assign(rules, {
    [`${system}_pos`]: position(system),
    [`def_${system}_pos`]: position(system),
    [`${system}_interval`]: location(system),
    [`def_${system}_interval`]: location(system, true),
    [`uncertain_${system}_interval`]: location(system),
    [`${system}_posedit`]: posedit(system),
    [`${system}_hgvs_position`]: hgvsPosition(system),
    [`${system}_typed_posedit`]: typed(system),
    [`${system}_variant`]: variant(system),
  });
}

/** Rules whose Expected column holds biocommons' Python values (tuples, None), not HGVS text. */
const pythonValueRules = new Set(['aa13_ext', 'aa13_fs', 'ext', 'fs', 'fsext_offset']);
/** Where our display deliberately differs from biocommons'. */
const displayDeviations: Record<string, string> = {};
for (const input of [
  'pro_edit Argfs',
  'pro_edit Rfs',
  'pro_fs Argfs',
  'p_variant NP_078951.2:p.Arg1039fs',
  'p_variant NP_078951.2:p.N1039fs',
]) {
  displayDeviations[input] = "the short frameshift form 'fs' stays as written; biocommons appends 'Ter'";
}

interface Case {
  rule: string;
  input: string;
  valid: boolean;
  expected?: string;
}

function splitInputs(text: string, inType: string): string[] {
  if (inType === 'list') return text.split('|');
  if (inType === 'string') return Array.from(text);
  return [text];
}

const cases: Case[] = corpus
  .split('\n')
  .slice(1)
  .filter((line) => line.trim() && !line.startsWith('#'))
  .flatMap((line) => {
    const [rule = '', test = '', valid = '', inType = '', expected] = line.split('\t');
    const inputs = splitInputs(test, inType);
    const expectations = expected ? splitInputs(expected, inType) : [];
    return inputs.map((input, i) => ({
      rule,
      input,
      valid: valid.toLowerCase() === 'true',
      expected: expectations[i],
    }));
  });

function run(rule: Rule, input: string): { ok: true; display: string } | { ok: false; reason: string } {
  const s = new Scanner(input);
  try {
    const display = rule(s);
    if (!s.atEnd()) s.fail('the end of the input');
    return { ok: true, display };
  } catch (error) {
    if (!(error instanceof HgvsSyntaxError)) throw error;
    return { ok: false, reason: s.furthestFailure().message };
  }
}

describe('biocommons grammar_test.tsv', () => {
  it('maps every rule in the corpus', () => {
    expect([...new Set(cases.map((c) => c.rule))].filter((rule) => !rules[rule])).toEqual([]);
  });

  it.each(cases)('$rule $input → valid: $valid', ({ rule, input, valid, expected }) => {
    const outcome = run(rules[rule] as Rule, input);
    expect(outcome.ok ? 'valid' : `invalid (${outcome.reason})`).toMatch(valid ? /^valid$/ : /^invalid/);
    const comparable = valid && outcome.ok && expected !== undefined && expected !== 'None';
    if (!comparable || pythonValueRules.has(rule) || displayDeviations[`${rule} ${input}`]) return;
    expect(outcome.display).toBe(expected);
  });
});
