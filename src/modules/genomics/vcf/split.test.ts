import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { biallelicGenotypeIndex, genotypeCount } from './genotype.ts';
import type { VariantAllele } from './model.ts';
import { openVcf } from './reader.ts';
import { fixture } from './testing.ts';

async function allelesOf(path: string): Promise<VariantAllele[]> {
  const file = await openVcf(path);
  const alleles: VariantAllele[] = [];
  for await (const allele of file.alleles()) alleles.push(allele);
  return alleles;
}

describe('splitting multi-allelic records per ALT', () => {
  it('gives one allele per ALT with its index', async () => {
    const alleles = await allelesOf(fixture('tumour-normal.vep.vcf'));
    const tp53 = alleles.filter((allele) => allele.pos === 7675088);
    expect(tp53.map((allele) => [allele.ref, allele.altText, allele.altIndex, allele.altCount])).toEqual([
      ['CA', 'C', 1, 2],
      ['CA', 'CAA', 2, 2],
    ]);
  });

  it('keeps INFO Number=A per ALT, Number=R as REF plus the ALT, Number=G as the biallelic genotypes', async () => {
    const [deletion, insertion] = (await allelesOf(fixture('tumour-normal.vep.vcf'))).filter(
      (a) => a.pos === 7675088,
    );
    expect(deletion?.info.get('AC')).toEqual([1]);
    expect(deletion?.info.get('TLOD')).toEqual([40.1]);
    expect(insertion?.info.get('TLOD')).toEqual([22.5]);
    expect(deletion?.info.get('RPA')).toEqual([5, 4]);
    expect(insertion?.info.get('RPA')).toEqual([5, 6]);
    // GLI is 00,01,11,02,12,22: ALT 1 keeps 00,01,11 and ALT 2 keeps 00,02,22.
    expect(deletion?.info.get('GLI')).toEqual([-0.1, -2, -9]);
    expect(insertion?.info.get('GLI')).toEqual([-0.1, -3, -10]);
    expect(deletion?.info.get('DP')).toEqual([190]);
    expect(deletion?.info.has('CSQ')).toBe(false);
  });

  it('renumbers GT for the ALT and marks the other ALT missing', async () => {
    const [deletion, insertion] = (await allelesOf(fixture('tumour-normal.vep.vcf'))).filter(
      (a) => a.pos === 7675088,
    );
    // The tumour is 1/2: ALT 1 reads 1/. and ALT 2 reads ./1, allele order kept.
    expect(deletion?.calls[0]?.genotype).toEqual({ alleles: [1, null], phased: false });
    expect(insertion?.calls[0]?.genotype).toEqual({ alleles: [null, 1], phased: false });
    expect(deletion?.calls[1]?.genotype).toEqual({ alleles: [0, 0], phased: false });
  });

  it('picks FORMAT AD, AF and PL for the ALT and keeps depth', async () => {
    const [deletion, insertion] = (await allelesOf(fixture('tumour-normal.vep.vcf'))).filter(
      (a) => a.pos === 7675088,
    );
    const tumourDel = deletion?.calls[0];
    const tumourIns = insertion?.calls[0];
    expect(tumourDel).toMatchObject({
      sample: 'TUMOR',
      depth: 100,
      alleleDepths: [50, 30],
      alleleFraction: 0.3,
    });
    expect(tumourIns).toMatchObject({ depth: 100, alleleDepths: [50, 20], alleleFraction: 0.2 });
    expect(tumourDel?.values.get('PL')).toEqual([900, 300, 800]);
    expect(tumourIns?.values.get('PL')).toEqual([900, 500, 700]);
    expect(tumourIns?.values.get('AD')).toEqual([50, 20]);
  });

  it('computes VAF from AD when the caller wrote no AF', async () => {
    const kras = (await allelesOf(fixture('tumour-normal.vep.vcf'))).find(
      (allele) => allele.pos === 25245347,
    );
    expect(kras?.calls[0]).toMatchObject({ alleleDepths: [45, 5], alleleFraction: 0.1 });
    expect(kras?.calls[1]).toMatchObject({ alleleDepths: [40, 0], alleleFraction: 0 });
  });

  it('splits a haploid-by-GT PL per the sample ploidy', async () => {
    const { Readable } = await import('node:stream');
    const text = [
      '##fileformat=VCFv4.2',
      '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
      '##FORMAT=<ID=PL,Number=G,Type=Integer,Description="Likelihoods">',
      '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tMALE',
      'chrX\t1000\t.\tT\tA,C\t50\tPASS\t.\tGT:PL\t2:30,20,0',
      '',
    ].join('\n');
    const file = await openVcf(Readable.from([text]));
    const calls = [];
    for await (const allele of file.alleles()) calls.push(allele.calls[0]);
    expect(calls.map((call) => [call?.genotype?.alleles, call?.values.get('PL')])).toEqual([
      [[null], [30, 20]],
      [[1], [30, 0]],
    ]);
  });

  it('splits PL by the ploidy its count gives when GT is a lone "."', async () => {
    const { Readable } = await import('node:stream');
    const text = [
      '##fileformat=VCFv4.2',
      '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
      '##FORMAT=<ID=PL,Number=G,Type=Integer,Description="Likelihoods">',
      '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tDIPLOID\tHAPLOID',
      // Diploid PL 00,01,11,02,12,22; haploid 0,1,2 (as bcftools norm -m- splits them).
      'chr1\t100\t.\tA\tC,G\t50\tPASS\t.\tGT:PL\t.:0,10,20,30,40,50\t.:5,6,7',
      '',
    ].join('\n');
    const file = await openVcf(Readable.from([text]));
    const pls = [];
    for await (const allele of file.alleles()) pls.push(allele.calls.map((call) => call.values.get('PL')));
    expect(pls).toEqual([
      [
        [0, 10, 20],
        [5, 6],
      ],
      [
        [0, 30, 50],
        [5, 7],
      ],
    ]);
  });
});

/** The spec's ordering pseudocode: for a_P = 0…N, for a_(P−1) = 0…a_P, …, print a_1 … a_P. */
function specOrdering(ploidy: number, altCount: number): string[] {
  const order: string[] = [];
  const visit = (suffix: number[], max: number): void => {
    if (suffix.length === ploidy) {
      order.push(suffix.join('/'));
      return;
    }
    for (let allele = 0; allele <= max; allele++) visit([allele, ...suffix], allele);
  };
  visit([], altCount);
  return order;
}

describe('genotype ordering (VCF 4.3 §1.6.2)', () => {
  it('follows the spec: diploid 0/0,0/1,1/1,0/2,1/2,2/2', () => {
    expect(specOrdering(2, 2)).toEqual(['0/0', '0/1', '1/1', '0/2', '1/2', '2/2']);
    expect([0, 1, 2].map((copies) => biallelicGenotypeIndex(2, 2, copies))).toEqual([0, 3, 5]);
  });

  it('finds REF/ALT genotypes where the spec puts them, for any ploidy and ALT', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5 }), (ploidy, altCount) => {
        const order = specOrdering(ploidy, altCount);
        expect(order).toHaveLength(genotypeCount(altCount + 1, ploidy));
        for (let allele = 1; allele <= altCount; allele++) {
          for (let copies = 0; copies <= ploidy; copies++) {
            const genotype = [
              ...Array<number>(ploidy - copies).fill(0),
              ...Array<number>(copies).fill(allele),
            ];
            expect(biallelicGenotypeIndex(allele, ploidy, copies)).toBe(order.indexOf(genotype.join('/')));
          }
        }
      }),
    );
  });
});
