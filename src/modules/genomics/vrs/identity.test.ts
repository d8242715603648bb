import { describe, expect, it } from 'vitest';
import { identifyTrimmedVariant, identifyVariant, UnidentifiableAlleleError } from './identity.ts';
import { InMemoryReference } from './reference.ts';
import { formatSpdi, parseSpdi } from './spdi.ts';

//                                    1234567890123456   (VCF positions)
const genome = new InMemoryReference({ chrT: 'GGACAGCAGCAGTTAC' });

describe('variant identity with a reference', () => {
  it('gives one identifier to every way of writing the same deletion', async () => {
    const leftAligned = await identifyVariant(genome, { chrom: 'chrT', pos: 3, ref: 'ACAG', alt: 'A' });
    const padded = await identifyVariant(genome, { chrom: 'chrT', pos: 9, ref: 'GCAGT', alt: 'GT' });
    expect(padded.vrsId).toBe(leftAligned.vrsId);
    expect(leftAligned).toMatchObject({
      fullyNormalised: true,
      spdi: 'chrT:3:CAGCAGCAG:CAGCAG',
      allele: { id: leftAligned.vrsId, location: { start: 3, end: 12 } },
    });
    expect(leftAligned.vrsId).toMatch(/^ga4gh:VA\.[0-9A-Za-z_-]{32}$/);
  });

  it('names the sequence by its refget accession', async () => {
    const identity = await identifyVariant(genome, { chrom: 'chrT', pos: 14, ref: 'T', alt: 'C' });
    expect(identity.allele.location.sequenceReference.refgetAccession).toBe(
      await genome.refgetAccession('chrT'),
    );
  });

  it('refuses symbolic alleles and breakends', async () => {
    await expect(identifyVariant(genome, { chrom: 'chrT', pos: 3, ref: 'A', alt: '<DEL>' })).rejects.toThrow(
      UnidentifiableAlleleError,
    );
    expect(() =>
      identifyTrimmedVariant({ chrom: 'chrT', pos: 3, ref: 'A', alt: 'A[chr2:5[' }, 'SQ.x'),
    ).toThrow(UnidentifiableAlleleError);
  });
});

describe('variant identity without a reference', () => {
  it('agrees with the reference for substitutions, which trimming fully normalises', async () => {
    const snv = { chrom: 'chrT', pos: 13, ref: 'TT', alt: 'TC' };
    const accession = await genome.refgetAccession('chrT');
    const trimmed = identifyTrimmedVariant(snv, accession);
    expect(trimmed.fullyNormalised).toBe(true);
    expect(trimmed.vrsId).toBe((await identifyVariant(genome, snv)).vrsId);
  });

  it('flags an insertion or deletion as only trimmed', async () => {
    const deletion = { chrom: 'chrT', pos: 3, ref: 'ACAG', alt: 'A' };
    const trimmed = identifyTrimmedVariant(deletion, await genome.refgetAccession('chrT'));
    expect(trimmed).toMatchObject({ fullyNormalised: false, spdi: 'chrT:3:CAG:' });
    expect(trimmed.vrsId).not.toBe((await identifyVariant(genome, deletion)).vrsId);
  });
});

describe('SPDI', () => {
  it('round-trips, with the deletion given as a sequence or a length', () => {
    const text = 'NC_000001.11:40819438:CTCCTCCT:CTCCTCCTCCT';
    const parsed = parseSpdi(text);
    expect(parsed).toMatchObject({ position: 40819438, deleted: 'CTCCTCCT' });
    expect(parsed && formatSpdi(parsed)).toBe(text);
    expect(parseSpdi('NC_000013.11:20003096:1:')).toEqual({
      sequence: 'NC_000013.11',
      position: 20003096,
      deleted: 1,
      inserted: '',
    });
    expect(parseSpdi('NC_000013.11:-1:A:T')).toBeNull();
  });
});
