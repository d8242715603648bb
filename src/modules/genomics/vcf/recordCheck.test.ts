import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { VcfHeader } from './model.ts';
import { openVcf } from './reader.ts';
import { RecordChecker } from './recordCheck.ts';
import { streamOf, vcfText } from './testing.ts';

// The repeated-allele rule, as the model here states it plainly: a sequence allele repeats an
// earlier one of the file when both, upper-cased and with shared trailing then leading bases
// removed, are the same change at the same place. The checker keys one-base changes by a number
// and the rest by text; whatever the keys, it must refuse exactly what the model refuses.
function modelKey(pos: number, ref: string, alt: string): string {
  let r = ref.toUpperCase();
  let a = alt.toUpperCase();
  let at = pos;
  while (r.length > 0 && a.length > 0 && r.at(-1) === a.at(-1)) [r, a] = [r.slice(0, -1), a.slice(0, -1)];
  while (r.length > 0 && a.length > 0 && r[0] === a[0]) [r, a, at] = [r.slice(1), a.slice(1), at + 1];
  return `${at}:${r}:${a}`;
}

async function header(): Promise<VcfHeader> {
  const vcf = await openVcf(
    streamOf(
      vcfText([
        '##fileformat=VCFv4.3',
        '##contig=<ID=chr1,length=1000000>',
        ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO'],
      ]),
    ),
    { name: 'repeats.vcf' },
  );
  await vcf.close();
  return vcf.header;
}

const base = fc.constantFrom('A', 'C', 'G', 'T', 'a', 'c', 'g', 't', 'N');
const bases = fc.array(base, { minLength: 1, maxLength: 3 }).map((b) => b.join(''));

describe('RecordChecker: a sequence allele written twice', () => {
  it('is refused exactly when its trimmed, upper-cased change came before', async () => {
    const h = await header();
    await fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), bases, bases), { minLength: 1, maxLength: 30 }),
        (steps) => {
          const checker = new RecordChecker(h);
          const seen = new Map<string, number>();
          let pos = 1000;
          steps.forEach(([step, ref, alt], index) => {
            pos += step;
            const line = index + 2;
            if (ref.toUpperCase() === alt.toUpperCase()) return;
            const key = modelKey(pos, ref, alt);
            const earlier = seen.get(key);
            let refusal: string | null = null;
            try {
              checker.recordAllele(pos, ref, alt, line);
            } catch (error) {
              refusal = (error as Error).message;
            }
            if (earlier === undefined) {
              expect(refusal).toBeNull();
              seen.set(key, line);
            } else expect(refusal).toBe(`${ref}>${alt} repeats the variant on line ${earlier}`);
          });
        },
      ),
      { numRuns: 3000 },
    );
  });
});
