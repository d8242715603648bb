import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VcfError } from '../../genomics/vcf/errors.ts';
import { bgzf, streamOf } from '../../genomics/vcf/testing.ts';
import { type ClinVarFile, openClinVar } from './clinvar.ts';
import type { ClinVarRecord } from './model.ts';
import { collect, fixture } from './testing.ts';

const SMALL = fixture('clinvar-small.vcf');
const text = readFileSync(SMALL, 'utf8');
const headerLines = text.split('\n').filter((line) => line.startsWith('#'));

/** The fixture's header with other data lines, each a list of the eight columns. */
function clinvarText(rows: string[][], header = headerLines): string {
  return `${[...header, ...rows.map((row) => row.join('\t'))].join('\n')}\n`;
}

async function recordsOf(file: ClinVarFile): Promise<ClinVarRecord[]> {
  return (await collect(file.batches())).records;
}

async function openFailure(input: Parameters<typeof openClinVar>[0], options = {}): Promise<VcfError> {
  const error = await openClinVar(input, options).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(VcfError);
  return error as VcfError;
}

async function readFailure(rows: string[][]): Promise<VcfError> {
  const file = await openClinVar(streamOf(clinvarText(rows)), { name: 'clinvar.vcf.gz' });
  const error = await recordsOf(file).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(VcfError);
  return error as VcfError;
}

const BRCA1_PATHOGENIC: ClinVarRecord = {
  chrom: '17',
  pos: 43124027,
  ref: 'ACT',
  alt: 'A',
  variationId: 17662,
  alleleId: 32701,
  genes: [{ symbol: 'BRCA1', geneId: '672' }],
  significance: { raw: 'Pathogenic', classes: ['pathogenic'], secondary: [], lowPenetrance: false },
  reviewStatus: 'reviewed_by_expert_panel',
  stars: 3,
  conditions: [
    'Hereditary breast ovarian cancer syndrome',
    'Breast-ovarian cancer, familial, susceptibility to, 1',
    'not provided',
  ],
  hgvs: 'NC_000017.11:g.43124028_43124029del',
  variantType: 'Microsatellite',
  consequences: [{ so: 'SO:0001589', term: 'frameshift_variant' }],
  line: 36,
};

describe('ClinVar VCF', () => {
  it('reads the release and every allele of the file', async () => {
    const file = await openClinVar(SMALL);
    expect(file).toMatchObject({ fileDate: '2026-07-06', assembly: 'GRCh38' });
    const records = await recordsOf(file);
    expect(records.map((record) => `${record.chrom}:${record.pos}:${record.stars}`)).toEqual([
      '1:97450058:4',
      '7:55191822:1',
      '7:140753336:1',
      '12:25245351:0',
      '13:32398489:2',
      '17:7675088:2',
      '17:43071077:3',
      '17:43124027:3',
    ]);
    expect(records.at(-1)).toEqual(BRCA1_PATHOGENIC);
    expect(file.recordsWithoutAlt).toBe(0);
    expect(file.unknownSignificanceTerms.size).toBe(0);
  });

  it('reads BRAF c.1799T>A with its conflicting classifications', async () => {
    const records = await recordsOf(await openClinVar(SMALL));
    const braf = records.find((record) => record.variationId === 13961);
    expect(braf).toMatchObject({
      chrom: '7',
      pos: 140753336,
      ref: 'A',
      alt: 'T',
      genes: [{ symbol: 'BRAF', geneId: '673' }],
      significance: { raw: 'Conflicting_classifications_of_pathogenicity', classes: ['conflicting'] },
      reviewStatus: 'criteria_provided,_conflicting_classifications',
      stars: 1,
      conditions: ['Cardiofaciocutaneous syndrome', 'Melanoma', 'not provided'],
      hgvs: 'NC_000007.14:g.140753336A>T',
      consequences: [{ so: 'SO:0001583', term: 'missense_variant' }],
    });
  });

  it('reads combined, secondary and benign classifications', async () => {
    const records = await recordsOf(await openClinVar(SMALL));
    const byGene = (symbol: string) => records.filter((record) => record.genes[0]?.symbol === symbol);
    expect(byGene('EGFR')[0]?.significance).toEqual({
      raw: 'Likely_pathogenic|drug_response',
      classes: ['likely_pathogenic'],
      secondary: ['drug_response'],
      lowPenetrance: false,
    });
    expect(byGene('TP53')[0]?.significance?.classes).toEqual(['pathogenic', 'likely_pathogenic']);
    expect(byGene('BRCA2')[0]?.significance?.classes).toEqual(['benign', 'likely_benign']);
    expect(byGene('BRCA1')[0]).toMatchObject({ significance: { classes: ['benign'] }, stars: 3 });
    expect(byGene('DPYD')[0]).toMatchObject({
      significance: { classes: ['drug_response'] },
      reviewStatus: 'practice_guideline',
      stars: 4,
      consequences: [
        { so: 'SO:0001575', term: 'splice_donor_variant' },
        { so: 'SO:0001627', term: 'intron_variant' },
      ],
    });
  });

  it('reads bgzipped input as ClinVar ships it', async () => {
    const plain = await recordsOf(await openClinVar(SMALL));
    const compressed = await recordsOf(
      await openClinVar(streamOf(bgzf(text, 900)), { name: 'clinvar.vcf.gz' }),
    );
    expect(compressed).toEqual(plain);
  });

  it('counts lines without ALT, and keeps alleles with only somatic classifications', async () => {
    const file = await openClinVar(
      streamOf(
        clinvarText([
          ['1', '1000', '5001', 'G', '.', '.', '.', 'ALLELEID=6001;CLNREVSTAT=no_classification_provided'],
          ['1', '2000', '5002', 'C', 'T', '.', '.', 'ALLELEID=6002;GENEINFO=GENE1:11|GENE2:22'],
        ]),
      ),
    );
    const records = await recordsOf(file);
    expect(file.recordsWithoutAlt).toBe(1);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      variationId: 5002,
      significance: null,
      reviewStatus: null,
      stars: 0,
      conditions: [],
      genes: [
        { symbol: 'GENE1', geneId: '11' },
        { symbol: 'GENE2', geneId: '22' },
      ],
    });
  });

  it('reads an unknown CLNSIG term as "other" and lists it for the import summary', async () => {
    const file = await openClinVar(
      streamOf(
        clinvarText([
          ['1', '1000', '5001', 'G', 'A', '.', '.', 'ALLELEID=6001;CLNSIG=Pathogenic|novel_term'],
        ]),
      ),
    );
    const [record] = await recordsOf(file);
    expect(record?.significance?.secondary).toEqual(['other']);
    expect([...file.unknownSignificanceTerms]).toEqual(['novel_term']);
  });

  it('names file, line and field for an unknown review status or a missing id', async () => {
    const status = await readFailure([
      ['1', '1000', '5001', 'G', 'A', '.', '.', 'ALLELEID=6001;CLNREVSTAT=criteria_provided,_by_mood'],
    ]);
    expect(status.message).toBe(
      `clinvar.vcf.gz:${headerLines.length + 1}: INFO/CLNREVSTAT: unknown review status "criteria_provided,_by_mood"`,
    );
    expect(await readFailure([['1', '1000', '.', 'G', 'A', '.', '.', 'ALLELEID=6001']])).toMatchObject({
      field: 'ID',
    });
    expect(await readFailure([['1', '1000', '5001', 'G', 'A', '.', '.', 'CLNSIG=Benign']])).toMatchObject({
      field: 'INFO/ALLELEID',
    });
    expect(
      await readFailure([['1', '1000', '5001', 'G', 'A', '.', '.', 'ALLELEID=1;MC=missense_variant']]),
    ).toMatchObject({ field: 'INFO/MC' });
  });

  it('refuses a file that is not ClinVar, or is on another build', async () => {
    const notClinVar = headerLines.map((line) => (line === '##source=ClinVar' ? '##source=MyCaller' : line));
    expect((await openFailure(streamOf(clinvarText([], notClinVar)))).field).toBe('##source');
    const grch37 = headerLines.map((line) => (line === '##reference=GRCh38' ? '##reference=GRCh37' : line));
    expect((await openFailure(streamOf(clinvarText([], grch37)), { name: 'old.vcf' })).message).toBe(
      'old.vcf:1: ##reference: the file is on GRCh37; expected GRCh38',
    );
    const anyBuild = await openClinVar(streamOf(clinvarText([], grch37)), { assembly: null });
    expect(anyBuild.assembly).toBe('GRCh37');
  });
});
