import type { CivicMolecularProfile } from './model.ts';

/** The words CIViC joins the variants of a complex molecular profile with. */
const BOOLEAN_WORDS = new Set(['AND', 'OR', 'NOT']);

const AMINO_ACID = '[ACDEFGHIKLMNPQRSTVWY*]';
/**
 * One-letter protein changes as CIViC names variants: V600E, R213*, E746_A750del, K1416fs,
 * A767_V769dup, L747_P753delinsS. A bare position (V600, G12) names a codon, not a change.
 */
const PROTEIN_CHANGE = new RegExp(
  `^${AMINO_ACID}\\d+(?:_${AMINO_ACID}\\d+)?(?:[ACDEFGHIKLMNPQRSTVWYX*]|fs(?:\\*?\\d+)?|del(?:ins[A-Z]+)?|dup|ins[A-Z]+)$`,
);

/**
 * Reads a molecular profile's display name. A single variant is "<feature> <variant>"
 * (BRAF V600E, EGFR Exon 19 Deletion, BCR::ABL1 Fusion): feature names hold no spaces, variant
 * names may. A combination joins such names with AND, OR and NOT, with parentheses for grouping.
 */
export function parseMolecularProfile(name: string, id: number | null): CivicMolecularProfile {
  const tokens = name
    .replace(/[()]/g, ' ')
    .split(/\s+/)
    .filter((token) => token !== '');
  if (!tokens.some((token) => BOOLEAN_WORDS.has(token))) {
    // Split the name as written: a variant name may hold parentheses of its own.
    const [, gene = null, variant = null] = /^(\S+)(?:\s+(.+))?$/.exec(name.trim()) ?? [];
    return singleVariant(name, id, gene, variant);
  }
  const genes: string[] = [];
  let part: string[] = [];
  const finishPart = () => {
    if (part.length > 0) genes.push(...featureGenes(part[0] as string));
    part = [];
  };
  for (const token of tokens) {
    if (BOOLEAN_WORDS.has(token)) finishPart();
    else part.push(token);
  }
  finishPart();
  return {
    id,
    name,
    gene: null,
    variant: null,
    proteinChange: null,
    genes: [...new Set(genes)],
    complex: true,
  };
}

/** Files from before molecular profiles (2022) name the gene and the variant in columns of their own. */
export function profileFromGeneAndVariant(
  gene: string,
  variant: string,
  id: number | null,
): CivicMolecularProfile {
  return singleVariant(`${gene} ${variant}`, id, gene, variant);
}

function singleVariant(
  name: string,
  id: number | null,
  gene: string | null,
  variant: string | null,
): CivicMolecularProfile {
  return {
    id,
    name,
    gene,
    variant,
    proteinChange: variant !== null && PROTEIN_CHANGE.test(variant) ? variant : null,
    genes: gene === null ? [] : featureGenes(gene),
    complex: false,
  };
}

/** A fusion names its partners 5′::3′; "v" (variable) and "?" (unknown) stand for no gene. */
function featureGenes(feature: string): string[] {
  return feature.split('::').filter((part) => part !== '' && part !== 'v' && part !== '?');
}
