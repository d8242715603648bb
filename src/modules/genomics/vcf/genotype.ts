import { VcfFault } from './errors.ts';
import type { Genotype } from './model.ts';

/**
 * Checks a GT value — alleles (`.` or an index) joined by `/` or `|` — against the number of
 * alleles in the record (REF + ALTs) and returns its ploidy.
 */
export function checkGenotype(text: string, alleleCount: number, field: string): number {
  const n = text.length;
  let ploidy = 0;
  let i = 0;
  for (;;) {
    if (text.charCodeAt(i) === 46) {
      i++;
    } else {
      const start = i;
      let index = 0;
      for (let code = text.charCodeAt(i); code >= 48 && code <= 57; code = text.charCodeAt(++i)) {
        index = index * 10 + code - 48;
      }
      if (i === start) throw new VcfFault(field, `"${text}" is not a genotype (alleles joined by / or |)`);
      if (index >= alleleCount) {
        throw new VcfFault(
          field,
          `allele ${index} in "${text}" is out of range: the record has ${alleleCount - 1} ALT`,
        );
      }
    }
    ploidy++;
    if (i === n) return ploidy;
    const separator = text.charCodeAt(i);
    if ((separator !== 47 && separator !== 124) || i + 1 === n) {
      throw new VcfFault(field, `"${text}" is not a genotype (alleles joined by / or |)`);
    }
    i++;
  }
}

/** Reads a GT value that checkGenotype has accepted. Phased means every separator is `|`. */
export function parseGenotype(text: string): Genotype {
  const alleles: (number | null)[] = [];
  let phased = true;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = text.charCodeAt(i);
    if (i < text.length && code !== 47 && code !== 124) continue;
    // One character (nearly every allele: 0, 1, .) without a one-character string made for it.
    const first = text.charCodeAt(start);
    if (i - start === 1 && ((first >= 48 && first <= 57) || first === 46)) {
      alleles.push(first === 46 ? null : first - 48);
    } else {
      const allele = text.slice(start, i);
      alleles.push(allele === '.' ? null : Number(allele));
    }
    if (code === 47) phased = false;
    start = i + 1;
  }
  return { alleles, phased: phased && alleles.length > 1 };
}

function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return Math.round(result);
}

/** How many values a Number=G field has: the multisets of `ploidy` alleles out of `alleleCount`. */
export function genotypeCount(alleleCount: number, ploidy: number): number {
  return binomial(alleleCount + ploidy - 1, ploidy);
}

/** Ploidies a caller writes (haploid to octoploid, as in polyploid plants and pooled samples). */
const MAX_PLOIDY = 8;

/**
 * The ploidy whose Number=G count is `count`, or null when none is: for a call whose GT is a lone
 * `.`, the values say what the genotype does not (bcftools reads them the same way).
 */
export function ploidyForCount(alleleCount: number, count: number): number | null {
  for (let ploidy = 1; ploidy <= MAX_PLOIDY; ploidy++) {
    const expected = genotypeCount(alleleCount, ploidy);
    if (expected === count) return ploidy;
    if (expected > count) break;
  }
  return null;
}

/**
 * Index of the genotype with `copies` of allele `allele` and REF elsewhere, for a ploidy: the
 * sorted alleles are 0…0 then `allele` × copies, and zeros add nothing to Σ C(k_m + m − 1, m).
 */
export function biallelicGenotypeIndex(allele: number, ploidy: number, copies: number): number {
  let index = 0;
  for (let m = ploidy - copies + 1; m <= ploidy; m++) index += binomial(allele + m - 1, m);
  return index;
}
