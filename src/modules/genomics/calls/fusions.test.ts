import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBreakpoint, parseFusions, readFusions } from './fusions.ts';
import { badFixture, caseFixture, errorOf, tsv } from './testing.ts';

const ARRIBA_HEADER = [
  '#gene1',
  'gene2',
  'strand1(gene/fusion)',
  'strand2(gene/fusion)',
  'breakpoint1',
  'breakpoint2',
  'site1',
  'site2',
  'type',
  'split_reads1',
  'split_reads2',
  'discordant_mates',
  'coverage1',
  'coverage2',
  'confidence',
  'reading_frame',
  'tags',
  'retained_protein_domains',
  'closest_genomic_breakpoint1',
  'closest_genomic_breakpoint2',
  'gene_id1',
  'gene_id2',
  'transcript_id1',
  'transcript_id2',
  'direction1',
  'direction2',
  'filters',
  'fusion_transcript',
  'peptide_sequence',
  'read_identifiers',
];

function arribaRow(values: Record<string, string>): string[] {
  return ARRIBA_HEADER.map((name) => values[name.replace('#', '')] ?? '.');
}

const GENVEI_HEADER = [
  'Gene5',
  'Gene3',
  'Breakpoint5',
  'Breakpoint3',
  'SpanningReads',
  'JunctionReads',
  'Frame',
];

describe('reading fusion calls in genvei’s layout', () => {
  it('reads the case’s fusions', async () => {
    expect(await readFusions(caseFixture('tumour-normal.fusions.tsv'))).toEqual([
      {
        line: 2,
        gene5: 'EML4',
        gene3: 'ALK',
        breakpoint5: { chrom: 'chr2', pos: 42299753, strand: '+' },
        breakpoint3: { chrom: 'chr2', pos: 29223528, strand: '-' },
        transcript5: 'ENST00000318522.10',
        transcript3: 'ENST00000389048.8',
        spanningReads: 18,
        junctionReads: 42,
        frame: 'in-frame',
        confidence: 'high',
        caller: 'Arriba',
        name: 'EML4::ALK',
      },
      {
        line: 3,
        gene5: 'AGK',
        gene3: 'BRAF',
        breakpoint5: { chrom: 'chr7', pos: 141652630, strand: '+' },
        breakpoint3: { chrom: 'chr7', pos: 140787584, strand: '-' },
        transcript5: null,
        transcript3: null,
        spanningReads: 3,
        junctionReads: 5,
        frame: 'out-of-frame',
        confidence: 'low',
        caller: 'Arriba',
        name: 'AGK::BRAF',
      },
      {
        line: 4,
        gene5: 'TP53',
        gene3: 'ATP1B2',
        breakpoint5: { chrom: 'chr17', pos: 7673535, strand: null },
        breakpoint3: { chrom: 'chr17', pos: 7654120, strand: null },
        transcript5: null,
        transcript3: null,
        spanningReads: 0,
        junctionReads: 2,
        frame: 'unknown',
        confidence: null,
        caller: 'STAR-Fusion',
        name: 'TP53::ATP1B2',
      },
    ]);
  });

  it('reads text the same as the file', async () => {
    const text = readFileSync(caseFixture('tumour-normal.fusions.tsv'), 'utf8');
    expect(parseFusions(text)).toEqual(await readFusions(caseFixture('tumour-normal.fusions.tsv')));
  });

  it('finds columns by name in any order and case; transcripts, confidence and caller are optional', () => {
    const text = tsv([
      ['frame', 'JUNCTIONREADS', 'gene3', 'breakpoint3', 'spanningreads', 'breakpoint5', 'gene5'],
      ['In-Frame', '30', 'RET', 'chr10:43114480:+', '12', 'chr10:32017143:-', 'KIF5B'],
    ]);
    expect(parseFusions(text)).toEqual([
      {
        line: 2,
        gene5: 'KIF5B',
        gene3: 'RET',
        breakpoint5: { chrom: 'chr10', pos: 32017143, strand: '-' },
        breakpoint3: { chrom: 'chr10', pos: 43114480, strand: '+' },
        transcript5: null,
        transcript3: null,
        spanningReads: 12,
        junctionReads: 30,
        frame: 'in-frame',
        confidence: null,
        caller: null,
        name: 'KIF5B::RET',
      },
    ]);
  });
});

describe('reading Arriba’s fusions.tsv', () => {
  const text = tsv([
    ARRIBA_HEADER,
    arribaRow({
      gene1: 'EML4',
      gene2: 'ALK',
      'strand1(gene/fusion)': '+/+',
      'strand2(gene/fusion)': '-/-',
      breakpoint1: 'chr2:42299753',
      breakpoint2: 'chr2:29223528',
      site1: 'splice-site',
      site2: 'splice-site',
      type: 'inversion',
      split_reads1: '20',
      split_reads2: '22',
      discordant_mates: '18',
      confidence: 'high',
      reading_frame: 'in-frame',
      transcript_id1: 'ENST00000318522.10',
      transcript_id2: 'ENST00000389048.8',
    }),
    arribaRow({
      gene1: 'AGK',
      gene2: 'LINC01234(1520),BRAF(24388)',
      'strand1(gene/fusion)': '+/+',
      'strand2(gene/fusion)': './.',
      breakpoint1: 'chr7:141652630',
      breakpoint2: 'chr7:140700000',
      split_reads1: '1',
      split_reads2: '0',
      discordant_mates: '2',
      confidence: 'low',
      reading_frame: 'stop-codon',
    }),
  ]);

  it('maps gene1/gene2, breakpoints with the transcribed strand, read counts, frame and confidence', () => {
    const [eml4, agk] = parseFusions(text);
    expect(eml4).toEqual({
      line: 2,
      gene5: 'EML4',
      gene3: 'ALK',
      breakpoint5: { chrom: 'chr2', pos: 42299753, strand: '+' },
      breakpoint3: { chrom: 'chr2', pos: 29223528, strand: '-' },
      transcript5: 'ENST00000318522.10',
      transcript3: 'ENST00000389048.8',
      spanningReads: 18,
      junctionReads: 42,
      frame: 'in-frame',
      confidence: 'high',
      caller: 'Arriba',
      name: 'EML4::ALK',
    });
    expect(agk).toMatchObject({
      gene3: 'LINC01234(1520),BRAF(24388)',
      breakpoint3: { chrom: 'chr7', pos: 140700000, strand: null },
      transcript5: null,
      spanningReads: 2,
      junctionReads: 1,
      frame: 'stop-codon',
      confidence: 'low',
    });
  });

  it('reads an older Arriba file without reading_frame or transcript columns', () => {
    const keep = (row: string[]) =>
      row.filter((_, i) => !/reading_frame|transcript_id/.test(ARRIBA_HEADER[i] ?? ''));
    const [header, first] = text
      .trimEnd()
      .split('\n')
      .map((line) => keep(line.split('\t')));
    const [fusion] = parseFusions(tsv([header as string[], first as string[]]));
    expect(fusion).toMatchObject({
      frame: 'unknown',
      transcript5: null,
      transcript3: null,
      junctionReads: 42,
    });
  });

  it('names a bad strand pair by its column', () => {
    const bad = tsv([
      ARRIBA_HEADER,
      arribaRow({
        gene1: 'A',
        gene2: 'B',
        'strand1(gene/fusion)': '+',
        breakpoint1: '1:5',
        breakpoint2: '1:9',
        split_reads1: '1',
        split_reads2: '1',
        discordant_mates: '1',
        confidence: 'low',
      }),
    ]);
    expect(errorOf(() => parseFusions(bad, { file: 'fusions.tsv' }))).toMatchObject({
      line: 2,
      field: 'strand1(gene/fusion)',
      reason: 'expected a strand pair such as +/-, got "+"',
    });
  });
});

const STAR_FUSION_HEADER = [
  '#FusionName',
  'JunctionReadCount',
  'SpanningFragCount',
  'est_J',
  'est_S',
  'SpliceType',
  'LeftGene',
  'LeftBreakpoint',
  'RightGene',
  'RightBreakpoint',
  'LargeAnchorSupport',
  'FFPM',
  'LeftBreakDinuc',
  'LeftBreakEntropy',
  'RightBreakDinuc',
  'RightBreakEntropy',
  'annots',
];

/** The columns --examine_coding_effect adds to the abridged file. */
const CODING_EFFECT_HEADER = [
  'CDS_LEFT_ID',
  'CDS_LEFT_RANGE',
  'CDS_RIGHT_ID',
  'CDS_RIGHT_RANGE',
  'PROT_FUSION_TYPE',
  'FUSION_MODEL',
  'FUSION_CDS',
  'FUSION_TRANSL',
  'PFAM_LEFT',
  'PFAM_RIGHT',
];

const BCR_ABL1 = [
  'BCR--ABL1',
  '37',
  '12',
  '37.00',
  '12.00',
  'ONLY_REF_SPLICE',
  'BCR^ENSG00000186716.21',
  'chr22:23290555:+',
  'ABL1^ENSG00000097007.19',
  'chr9:130714455:+',
  'YES_LDAS',
  '2.8101',
  'GT',
  '1.8892',
  'AG',
  '1.9656',
  '["Mitelman","chimerdb_pubmed","Cosmic","INTERCHROMOSOMAL[chr22--chr9]"]',
];

describe('reading STAR-Fusion’s fusion_predictions.abridged.tsv', () => {
  it('maps LeftGene/RightGene to the symbols, breakpoints with strands and the two read counts', () => {
    expect(parseFusions(tsv([STAR_FUSION_HEADER, BCR_ABL1]))).toEqual([
      {
        line: 2,
        gene5: 'BCR',
        gene3: 'ABL1',
        breakpoint5: { chrom: 'chr22', pos: 23290555, strand: '+' },
        breakpoint3: { chrom: 'chr9', pos: 130714455, strand: '+' },
        transcript5: null,
        transcript3: null,
        spanningReads: 12,
        junctionReads: 37,
        frame: 'unknown',
        confidence: null,
        caller: 'STAR-Fusion',
        name: 'BCR::ABL1',
      },
    ]);
  });

  it('takes the frame and transcripts from the coding-effect columns', () => {
    const coding = (cds: string[]) => [...BCR_ABL1, ...cds];
    const text = tsv([
      [...STAR_FUSION_HEADER, ...CODING_EFFECT_HEADER],
      coding([
        'ENST00000305877.13',
        '1-1281',
        'ENST00000318560.6',
        '82-3393',
        'INFRAME',
        '.',
        '.',
        '.',
        '.',
        '.',
      ]),
      coding([
        'ENST00000359540.7',
        '1-1281',
        'ENST00000372348.7',
        '27-3338',
        'FRAMESHIFT',
        '.',
        '.',
        '.',
        '.',
        '.',
      ]),
      coding(['.', '.', '.', '.', '.', '.', '.', '.', '.', '.']),
      coding(['ENST00000305877.13', '1-1281', '.', '.', 'NA', '.', '.', '.', '.', '.']),
    ]);
    expect(parseFusions(text)).toMatchObject([
      { frame: 'in-frame', transcript5: 'ENST00000305877.13', transcript3: 'ENST00000318560.6' },
      { frame: 'out-of-frame', transcript5: 'ENST00000359540.7', transcript3: 'ENST00000372348.7' },
      // `.`: a breakpoint outside coding sequence; NA: STAR-Fusion gave no frame.
      { frame: 'non-coding', transcript5: null, transcript3: null },
      { frame: 'unknown', transcript5: 'ENST00000305877.13', transcript3: null },
    ]);
  });

  it('skips # comments before the header, in this layout and in genvei’s', () => {
    const comment = ['# STAR-Fusion v1.12.0'];
    expect(parseFusions(tsv([comment, STAR_FUSION_HEADER, BCR_ABL1]))).toMatchObject([{ name: 'BCR::ABL1' }]);
    const genvei = tsv([
      comment,
      GENVEI_HEADER,
      ['KIF5B', 'RET', 'chr10:32017143:-', 'chr10:43114480:+', '12', '30', 'in-frame'],
    ]);
    expect(parseFusions(genvei)).toMatchObject([{ name: 'KIF5B::RET', line: 3 }]);
  });

  it('names a missing column and a bad gene by the file’s spelling', () => {
    const withoutRightGene = (row: string[]) => row.filter((_, i) => STAR_FUSION_HEADER[i] !== 'RightGene');
    const missing = tsv([withoutRightGene(STAR_FUSION_HEADER), withoutRightGene(BCR_ABL1)]);
    expect(errorOf(() => parseFusions(missing, { file: 'star.tsv' })).message).toMatch(
      /^star\.tsv:1: RightGene: missing column; the header has FusionName, JunctionReadCount, /,
    );
    const bad = BCR_ABL1.map((field) =>
      field === 'ABL1^ENSG00000097007.19' ? '^ENSG00000097007.19' : field,
    );
    expect(errorOf(() => parseFusions(tsv([STAR_FUSION_HEADER, bad]), { file: 'star.tsv' }))).toMatchObject({
      line: 2,
      field: 'RightGene',
    });
  });
});

describe('a partner in no annotated gene', () => {
  it('keeps Arriba’s call with a `.` gene, named by that side’s breakpoint', () => {
    const text = tsv([
      ARRIBA_HEADER,
      arribaRow({
        gene1: 'TP63',
        gene2: '.',
        'strand1(gene/fusion)': '+/+',
        'strand2(gene/fusion)': './+',
        breakpoint1: 'chr3:189631416',
        // HPV16, a viral contig of Arriba's: no gene annotation of the host's covers it.
        breakpoint2: 'NC_001526.4:3200',
        site1: 'splice-site',
        site2: 'intergenic',
        type: 'translocation',
        split_reads1: '6',
        split_reads2: '3',
        discordant_mates: '11',
        confidence: 'medium',
        reading_frame: '.',
      }),
    ]);
    expect(parseFusions(text)).toEqual([
      {
        line: 2,
        gene5: 'TP63',
        gene3: null,
        breakpoint5: { chrom: 'chr3', pos: 189631416, strand: '+' },
        breakpoint3: { chrom: 'NC_001526.4', pos: 3200, strand: '+' },
        transcript5: null,
        transcript3: null,
        spanningReads: 11,
        junctionReads: 9,
        frame: 'non-coding',
        confidence: 'medium',
        caller: 'Arriba',
        name: 'TP63::NC_001526.4:3200',
      },
    ]);
  });

  it('reads a `.` or NA gene in genvei’s layout as absent, on either side', () => {
    const text = tsv([
      GENVEI_HEADER,
      ['NA', 'MYC', 'chr8:126736000:+', 'chr8:127736231:+', '4', '7', 'non-coding'],
      ['IGH', '.', 'chr14:105586437:-', 'chrUn_KI270742v1:1200', '3', '0', '.'],
    ]);
    expect(parseFusions(text)).toMatchObject([
      { gene5: null, gene3: 'MYC', name: 'chr8:126736000::MYC', frame: 'non-coding' },
      { gene5: 'IGH', gene3: null, name: 'IGH::chrUn_KI270742v1:1200', frame: 'unknown' },
    ]);
  });

  it('reads genvei’s layout when it carries a FusionName column of its own', () => {
    const text = tsv([
      [...GENVEI_HEADER, 'FusionName'],
      ['KIF5B', 'RET', 'chr10:32017143:-', 'chr10:43114480:+', '12', '30', 'in-frame', 'KIF5B--RET'],
    ]);
    expect(parseFusions(text)).toMatchObject([{ name: 'KIF5B::RET', frame: 'in-frame' }]);
  });

  it('refuses Arriba’s call with `.` on both sides, naming both columns', () => {
    const text = tsv([
      ARRIBA_HEADER,
      arribaRow({
        gene1: '.',
        gene2: '.',
        'strand1(gene/fusion)': './.',
        'strand2(gene/fusion)': './.',
        breakpoint1: 'NC_001526.4:1200',
        breakpoint2: 'NC_001526.4:6100',
        split_reads1: '2',
        split_reads2: '2',
        discordant_mates: '0',
        confidence: 'low',
      }),
    ]);
    expect(errorOf(() => parseFusions(text, { file: 'fusions.tsv' })).message).toBe(
      'fusions.tsv:2: gene1, gene2: no gene on either side; a fusion names at least one',
    );
  });
});

describe('breakpoints', () => {
  it.each([
    ['chr2:29223528', { chrom: 'chr2', pos: 29223528, strand: null }],
    ['chr2:29223528:-', { chrom: 'chr2', pos: 29223528, strand: '-' }],
    ['2:29223528:+', { chrom: '2', pos: 29223528, strand: '+' }],
    ['HLA-A*01:01:01:01:1200', { chrom: 'HLA-A*01:01:01:01', pos: 1200, strand: null }],
    ['HLA-A*01:01:01:01:1200:+', { chrom: 'HLA-A*01:01:01:01', pos: 1200, strand: '+' }],
  ])('%s', (text, breakpoint) => {
    expect(parseBreakpoint(text, 'Breakpoint5')).toEqual(breakpoint);
  });

  it.each(['chr2', 'chr2-29223528', ':100', 'chr2:', 'chr2:0', 'chr2:12.5', 'chr2:100:x', 'chr 2:100'])(
    'refuses %s',
    (text) => {
      expect(() => parseBreakpoint(text, 'Breakpoint5')).toThrow();
    },
  );
});

describe('fusion errors name the file, line and column', () => {
  it('a malformed breakpoint', async () => {
    const read = readFusions(badFixture('malformed-breakpoint.fusions.tsv'), { file: 'bad.fusions.tsv' });
    await expect(read).rejects.toMatchObject({
      name: 'CallsFileError',
      file: 'bad.fusions.tsv',
      line: 3,
      field: 'Breakpoint5',
      message:
        'bad.fusions.tsv:3: Breakpoint5: expected chrom:pos or chrom:pos:strand (1-based), got "chr7-141652630"',
    });
  });

  it.each([
    [
      ['EML4', 'ALK', 'chr2:1', 'chr2:2', '-1', '4', 'in-frame'],
      'SpanningReads',
      'expected a whole number, got "-1"',
    ],
    [
      ['EML4', 'ALK', 'chr2:1', 'chr2:2', '1', '4', 'frameshift'],
      'Frame',
      'expected one of in-frame, out-of-frame, stop-codon, non-coding, unknown, got "frameshift"',
    ],
    [
      ['EML4 ', 'ALK', 'chr2:1', 'chr2:2', '1', '4', 'in-frame'],
      'Gene5',
      '"EML4 " is not a gene symbol (no spaces, no "::")',
    ],
    [
      ['EML4::ALK', 'ALK', 'chr2:1', 'chr2:2', '1', '4', 'in-frame'],
      'Gene5',
      '"EML4::ALK" is not a gene symbol (no spaces, no "::")',
    ],
    [
      ['.', 'NA', 'chr2:1', 'chr2:2', '1', '4', 'unknown'],
      'Gene5, Gene3',
      'no gene on either side; a fusion names at least one',
    ],
    [
      ['.', 'ALK', 'chr2:1', 'chr2:2', '1', '4', 'in-frame'],
      'Frame',
      'in-frame needs a gene on both sides; one partner is in no gene',
    ],
    [
      ['EML4', '.', 'chr2:1', 'chr2:2', '1', '4', 'out-of-frame'],
      'Frame',
      'out-of-frame needs a gene on both sides; one partner is in no gene',
    ],
    [
      ['EML4', '', 'chr2:1', 'chr2:2', '1', '4', 'unknown'],
      'Gene3',
      'empty value; write . for a breakpoint in no gene',
    ],
  ])('%j → %s', (fields, field, reason) => {
    expect(errorOf(() => parseFusions(tsv([GENVEI_HEADER, fields]), { file: 'f.tsv' }))).toMatchObject({
      file: 'f.tsv',
      line: 2,
      field,
      reason,
    });
  });

  it('an unknown confidence', () => {
    const text = tsv([
      [...GENVEI_HEADER, 'Confidence'],
      ['A', 'B', 'chr1:1', 'chr1:9', '1', '1', 'unknown', 'certain'],
    ]);
    expect(errorOf(() => parseFusions(text))).toMatchObject({ line: 2, field: 'Confidence' });
  });

  it('a header in no layout', () => {
    // FusionCatcher's final-list_candidate-fusion-genes.txt, which genvei does not read.
    const text = tsv([
      ['Gene_1_symbol(5end_fusion_partner)', 'Gene_2_symbol(3end_fusion_partner)', 'Spanning_pairs'],
      ['EML4', 'ALK', '2'],
    ]);
    expect(errorOf(() => parseFusions(text, { file: 'fc.txt' })).message).toBe(
      'fc.txt:1: Gene5: missing column; the header has Gene_1_symbol(5end_fusion_partner), Gene_2_symbol(3end_fusion_partner), Spanning_pairs',
    );
  });
});
