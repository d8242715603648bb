import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAnnotationValue, transcriptsJson, vepAlleles } from './annotations.ts';
import { JsonBytes } from './jsonBytes.ts';
import type { VariantAllele } from './model.ts';
import { openVcf } from './reader.ts';
import { fixture, streamOf, vcfText } from './testing.ts';
import { validateVcf } from './validate.ts';

async function allelesOf(input: string | ReturnType<typeof streamOf>): Promise<VariantAllele[]> {
  const file = await openVcf(input);
  const alleles: VariantAllele[] = [];
  for await (const allele of file.alleles()) alleles.push(allele);
  return alleles;
}

const CSQ_FORMAT = 'Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|HGVSc|HGVSp|CANONICAL';

/** A VEP file without --allele_number: CSQ entries must be matched to ALTs by VEP's allele string. */
const withoutAlleleNumber = vcfText([
  '##fileformat=VCFv4.2',
  `##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: ${CSQ_FORMAT}">`,
  ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO'],
  [
    'chr17',
    '7675088',
    '.',
    'CA',
    'C,CAA',
    '.',
    'PASS',
    'CSQ=-|frameshift_variant|HIGH|TP53|ENSG00000141510|Transcript|ENST00000269305.9|protein_coding|ENST00000269305.9:c.490del||YES,' +
      'AA|frameshift_variant|HIGH|TP53|ENSG00000141510|Transcript|ENST00000269305.9|protein_coding|ENST00000269305.9:c.490dup||YES',
  ],
  [
    'chr17',
    '7676000',
    '.',
    'G',
    'GC',
    '.',
    'PASS',
    'CSQ=C|intron_variant|MODIFIER|TP53|ENSG00000141510|Transcript|ENST00000269305.9|protein_coding|||YES',
  ],
]);

describe('VEP CSQ', () => {
  it('reads the field order from the header and fills per-transcript consequences', async () => {
    const braf = (await allelesOf(fixture('tumour-normal.vep.vcf')))[0];
    expect(braf?.consequences).toHaveLength(2);
    expect(braf?.consequences[0]).toEqual({
      source: 'VEP',
      allele: 'T',
      geneSymbol: 'BRAF',
      geneId: 'ENSG00000157764',
      featureType: 'Transcript',
      transcriptId: 'ENST00000646891.2',
      biotype: 'protein_coding',
      hgvsc: 'ENST00000646891.2:c.1799T>A',
      hgvsp: 'ENSP00000493543.1:p.Val600Glu',
      consequences: ['missense_variant'],
      impact: 'MODERATE',
      maneSelect: 'NM_004333.6',
      canonical: true,
      existingVariation: ['rs113488022', 'COSV56056643'],
      populationFrequencies: { gnomADe_AF: 1.2e-5 },
    });
    expect(braf?.consequences[1]).toMatchObject({
      transcriptId: 'ENST00000288602.11',
      maneSelect: null,
      canonical: false,
    });
  });

  it('assigns entries to ALTs by ALLELE_NUM', async () => {
    const [deletion, insertion] = (await allelesOf(fixture('tumour-normal.vep.vcf'))).filter(
      (a) => a.pos === 7675088,
    );
    expect(deletion?.consequences.map((c) => c.hgvsc)).toEqual(['ENST00000269305.9:c.490del']);
    expect(insertion?.consequences.map((c) => c.consequences)).toEqual([
      ['frameshift_variant', 'splice_region_variant'],
    ]);
  });

  it('decodes percent escapes and takes the first of &-joined frequencies', async () => {
    const kras = (await allelesOf(fixture('tumour-normal.vep.vcf'))).find(
      (allele) => allele.pos === 25245347,
    );
    expect(kras?.consequences[0]).toMatchObject({
      hgvsp: 'ENSP00000308495.3:p.Ile12=',
      existingVariation: ['rs1000', 'rs2000'],
      populationFrequencies: { gnomADe_AF: 0.0312, AF: 0.02 },
    });
  });

  it('matches entries to ALTs by VEP’s trimmed allele when ALLELE_NUM is absent', async () => {
    const alleles = await allelesOf(streamOf(withoutAlleleNumber));
    expect(alleles.map((allele) => allele.consequences.map((c) => c.hgvsc))).toEqual([
      ['ENST00000269305.9:c.490del'],
      ['ENST00000269305.9:c.490dup'],
      [null],
    ]);
    expect(alleles[2]?.consequences[0]).toMatchObject({ allele: 'C', consequences: ['intron_variant'] });
  });

  it('matches entries whatever the case of the bases (bases are case-insensitive)', async () => {
    const lowerCase = withoutAlleleNumber
      .replace('\tCA\tC,CAA\t', '\tca\tc,caa\t')
      .replace('AA|frameshift', 'aa|frameshift');
    const alleles = await allelesOf(streamOf(lowerCase));
    expect(alleles.slice(0, 2).map((allele) => allele.consequences.map((c) => c.hgvsc))).toEqual([
      ['ENST00000269305.9:c.490del'],
      ['ENST00000269305.9:c.490dup'],
    ]);
    expect(vepAlleles('ca', ['c', 'caa'])).toEqual(['-', 'aa']);
  });

  it('keeps of a one-ALT record only the entries naming its ALT when others name another allele (a record split after VEP)', async () => {
    // bcftools norm -m- copies the whole CSQ of `A C,T` to each line it writes.
    const entry = (allele: string, consequence: string, hgvsp: string, transcript = 'ENST00000269305.9') =>
      `${allele}|${consequence}|HIGH|TP53|ENSG00000141510|Transcript|${transcript}|protein_coding||${hgvsp}|YES`;
    const split =
      entry('C', 'missense_variant', 'p.Arg213Gly') + ',' + entry('T', 'stop_gained', 'p.Arg213Ter');
    // An indel record `ACT A,ACTT` annotated as - and CTT, split likewise: each line names its
    // ALT as VEP writes it alone (A → -, ACTT → CTT).
    const indels =
      entry('-', 'frameshift_variant', 'p.Del') + ',' + entry('CTT', 'inframe_insertion', 'p.Ins');
    const text = vcfText([
      '##fileformat=VCFv4.2',
      `##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: ${CSQ_FORMAT}">`,
      ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO'],
      ['chr17', '7674220', '.', 'A', 'C', '.', 'PASS', `CSQ=${split}`],
      ['chr17', '7674220', '.', 'A', 'T', '.', 'PASS', `CSQ=${split}`],
      ['chr17', '7674300', '.', 'ACT', 'A', '.', 'PASS', `CSQ=${indels}`],
      ['chr17', '7674300', '.', 'ACT', 'ACTT', '.', 'PASS', `CSQ=${indels}`],
      // Every entry naming the ALT, or none naming it (an allele string we do not know): all kept.
      [
        'chr17',
        '7674400',
        '.',
        'G',
        'A',
        '.',
        'PASS',
        `CSQ=${entry('A', 'x', 'p.A')},${entry('a', 'y', 'p.B', 'ENST00000413465.6')}`,
      ],
      ['chr17', '7674500', '.', 'G', '<DEL>', '.', 'PASS', `CSQ=${entry('deletion', 'z', 'p.C')}`],
    ]);
    const alleles = await allelesOf(streamOf(text));
    expect(alleles.map((allele) => allele.consequences.map((c) => c.hgvsp))).toEqual([
      ['p.Arg213Gly'],
      ['p.Arg213Ter'],
      ['p.Del'],
      ['p.Ins'],
      ['p.A', 'p.B'],
      ['p.C'],
    ]);
    // The JSON the ingest stores says the same.
    for (const allele of alleles) {
      const out = new JsonBytes();
      out.byte(91);
      for (const a of allele.annotations) transcriptsJson(a.layout, a.entries.join(','), a.allele, out);
      out.byte(93);
      expect(JSON.parse(out.text()).map((t: unknown[]) => t[5])).toEqual(
        allele.consequences.map((c) => c.hgvsp),
      );
    }
  });

  it('writes alleles as VEP does: shared first base dropped from indels, empty as "-"', () => {
    expect(vepAlleles('T', ['TC'])).toEqual(['C']);
    expect(vepAlleles('TC', ['T'])).toEqual(['-']);
    expect(vepAlleles('CA', ['C', 'CAA'])).toEqual(['-', 'AA']);
    expect(vepAlleles('C', ['T', 'CT'])).toEqual(['T', 'CT']);
    expect(vepAlleles('AT', ['GC'])).toEqual(['GC']);
    expect(vepAlleles('CA', ['C', '*'])).toEqual(['-', '*']);
    expect(vepAlleles('A', ['<DEL>'])).toEqual(['<DEL>']);
  });

  it('recognises VEP by its header text under any INFO key', async () => {
    const renamed = withoutAlleleNumber.replaceAll('CSQ', 'VEP_ANNOTATION');
    const result = await validateVcf(streamOf(renamed));
    expect(result).toMatchObject({ ok: true, summary: { annotation: 'VEP' } });
  });

  it('rejects an entry whose field count differs from the header', async () => {
    const broken = withoutAlleleNumber.replace('|protein_coding|||YES', '|protein_coding||YES');
    const result = await validateVcf(streamOf(broken), { name: 'annotated.vcf' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        line: 5,
        field: 'INFO/CSQ',
        message: expect.stringMatching(/^entry 1 has 10 fields, the header declares 11/),
      },
    });
  });

  it('accepts a value exactly when every entry has the declared number of fields', () => {
    const layout = { source: 'VEP' as const, infoKey: 'CSQ', fields: ['Allele', 'Consequence', 'IMPACT'] };
    // Entries of 1 to 5 fields, some empty: the fast whole-value check must agree with counting.
    const entry = fc.array(fc.stringMatching(/^[A-Za-z_&%.-]{0,3}$/), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 4 }), (entries) => {
        const value = entries.map((fields) => fields.join('|')).join(',');
        const right = entries.every((fields) => fields.length === layout.fields.length);
        const check = () => checkAnnotationValue(layout, value, 1, 'INFO/CSQ');
        if (right) expect(check).not.toThrow();
        else expect(check).toThrow(/^entry \d+ has \d+ fields, the header declares 3/);
      }),
    );
  });

  it('rejects an ALLELE_NUM that names no ALT', async () => {
    const text = (await import('node:fs')).readFileSync(fixture('tumour-normal.vep.vcf'), 'utf8');
    const result = await validateVcf(
      streamOf(text.replace('p.Lys164GlufsTer17||2|', 'p.Lys164GlufsTer17||3|')),
    );
    expect(result).toMatchObject({ ok: false, error: { line: 26, field: 'INFO/CSQ' } });
  });
});

describe('SnpEff ANN', () => {
  it('parses the 16 standard fields and matches entries by the full ALT', async () => {
    const [deletion, duplication] = await allelesOf(fixture('germline.snpeff.vcf'));
    expect(deletion?.consequences).toEqual([
      {
        source: 'SnpEff',
        allele: 'G',
        geneSymbol: 'BRCA2',
        geneId: 'ENSG00000139618',
        featureType: 'transcript',
        transcriptId: 'NM_000059.4',
        biotype: 'protein_coding',
        hgvsc: 'c.5946del',
        hgvsp: 'p.Ser1982ArgfsTer22',
        consequences: ['frameshift_variant'],
        impact: 'HIGH',
        maneSelect: null,
        canonical: false,
        existingVariation: [],
        populationFrequencies: {},
      },
    ]);
    expect(duplication?.consequences.map((c) => [c.geneSymbol, c.impact])).toEqual([
      ['BRCA2', 'HIGH'],
      ['ZAR1L', 'MODIFIER'],
    ]);
  });
});

describe('SnpEff ANN of a one-ALT record split after annotation', () => {
  it('keeps only the effects of its own ALT', async () => {
    const effect = (allele: string, hgvsc: string) =>
      `${allele}|missense_variant|MODERATE|TP53|ENSG00000141510|transcript|NM_000546.6|protein_coding|7/11|${hgvsc}|p.X|||||`;
    const text = vcfText([
      '##fileformat=VCFv4.2',
      '##INFO=<ID=ANN,Number=.,Type=String,Description="Functional annotations: \'Allele | Annotation | Annotation_Impact | Gene_Name | Gene_ID | Feature_Type | Feature_ID | Transcript_BioType | Rank | HGVS.c | HGVS.p | cDNA.pos / cDNA.length | CDS.pos / CDS.length | AA.pos / AA.length | Distance | ERRORS / WARNINGS / INFO\' ">',
      ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO'],
      [
        'chr17',
        '7674220',
        '.',
        'A',
        'T',
        '.',
        'PASS',
        `ANN=${effect('C', 'c.637A>C')},${effect('T', 'c.637A>T')}`,
      ],
    ]);
    const [allele] = await allelesOf(streamOf(text));
    expect(allele?.consequences.map((c) => c.hgvsc)).toEqual(['c.637A>T']);
  });
});

describe('the JSON the ingest stores for each transcript', () => {
  const asStored = (c: VariantAllele['consequences'][number]) => [
    c.source,
    c.transcriptId,
    c.geneSymbol,
    c.geneId,
    c.hgvsc,
    c.hgvsp,
    c.consequences,
    c.impact,
    c.maneSelect,
    c.canonical,
    c.existingVariation,
    Object.keys(c.populationFrequencies).length > 0 ? c.populationFrequencies : null,
  ];
  const jsonOf = (allele: VariantAllele) => {
    const out = new JsonBytes();
    out.byte(91);
    for (const a of allele.annotations) transcriptsJson(a.layout, a.entries.join(','), a.allele, out);
    out.byte(93);
    return JSON.parse(out.text());
  };

  /** The one ALT of BRAF c.1799T>A with `csq` as its CSQ value, in VEP's `format`. */
  const braf = async (csq: string, format = CSQ_FORMAT) => {
    const text = vcfText([
      '##fileformat=VCFv4.2',
      `##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: ${format}">`,
      ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO'],
      ['chr7', '140753336', '.', 'A', 'T', '.', 'PASS', `CSQ=${csq}`],
    ]);
    return (await allelesOf(streamOf(text)))[0] as VariantAllele;
  };

  it.each(['tumour-normal.vep.vcf', 'germline.snpeff.vcf', 'structural.vcf'])(
    'says what the consequences say, allele by allele, in %s',
    async (name) => {
      const alleles = await allelesOf(fixture(name));
      for (const allele of alleles) {
        const transcripts = allele.consequences.filter(
          (c) => c.transcriptId && (c.featureType === null || c.featureType.toLowerCase() === 'transcript'),
        );
        expect(jsonOf(allele)).toEqual(transcripts.map(asStored));
      }
    },
  );

  it('leaves out what is no transcript: regulatory regions, motifs, SnpEff’s intergenic regions', async () => {
    const vep = (type: string, feature: string) =>
      `T|regulatory_region_variant|MODIFIER|||${type}|${feature}|protein_coding|||`;
    const allele = await braf(
      `${vep('Transcript', 'ENST1.1')},${vep('RegulatoryFeature', 'ENSR00000001')},${vep('MotifFeature', 'ENSM00000002')}`,
    );
    expect(jsonOf(allele).map((t: string[]) => t[1])).toEqual(['ENST1.1']);
    // What the file says is still read, with each entry's feature type.
    expect(allele.consequences.map((c) => c.featureType)).toEqual([
      'Transcript',
      'RegulatoryFeature',
      'MotifFeature',
    ]);
  });

  it('keeps a transcript written twice for one allele once', async () => {
    const entry =
      'T|missense_variant|MODERATE|BRAF|ENSG00000157764|Transcript|NM_004333.6|protein_coding|c.1799T>A|p.Val600Glu|YES';
    const allele = await braf(`${entry},${entry}`);
    expect(jsonOf(allele).map((t: string[]) => t[1])).toEqual(['NM_004333.6']);
  });

  it('escapes what JSON must escape and decodes VCF percent escapes', async () => {
    const allele = await braf(
      'T|missense_variant&splice_region_variant|MODERATE|BR"AF|ENSG\\1|Transcript|NM_004333.6|protein_coding|NM_004333.6:c.1799T>A|NP_004324.2:p.Val600Glu%3B|YES|NM_004333.6|1e-05|0.5',
      `${CSQ_FORMAT}|MANE_SELECT|gnomADe_AF|MAX_AF`,
    );
    const [stored] = jsonOf(allele);
    expect(stored).toEqual([
      'VEP',
      'NM_004333.6',
      'BR"AF',
      'ENSG\\1',
      'NM_004333.6:c.1799T>A',
      'NP_004324.2:p.Val600Glu;',
      ['missense_variant', 'splice_region_variant'],
      'MODERATE',
      'NM_004333.6',
      true,
      [],
      { gnomADe_AF: 1e-5, MAX_AF: 0.5 },
    ]);
  });
});
