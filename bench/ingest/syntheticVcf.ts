/**
 * A synthetic single-sample somatic VCF annotated like Ensembl VEP (--everything), written
 * deterministically from a fixed seed: the same record count always gives the same file. Records
 * are SNVs and small indels on GRCh38's primary contigs, about one in twenty multi-allelic, each
 * ALT with one to five distinct transcripts of one gene (three on average) in CSQ.
 */
import type { Writable } from 'node:stream';

/** GRCh38 primary assembly contig lengths. */
const CONTIGS: [string, number][] = [
  ['chr1', 248956422],
  ['chr2', 242193529],
  ['chr3', 198295559],
  ['chr4', 190214555],
  ['chr5', 181538259],
  ['chr6', 170805979],
  ['chr7', 159345973],
  ['chr8', 145138636],
  ['chr9', 138394717],
  ['chr10', 133797422],
  ['chr11', 135086622],
  ['chr12', 133275309],
  ['chr13', 114364328],
  ['chr14', 107043718],
  ['chr15', 101991189],
  ['chr16', 90338345],
  ['chr17', 83257441],
  ['chr18', 80373285],
  ['chr19', 58617616],
  ['chr20', 64444167],
  ['chr21', 46709983],
  ['chr22', 50818468],
  ['chrX', 156040895],
  ['chrY', 57227415],
  ['chrM', 16569],
];

/** The CSQ layout VEP 110 writes with --everything (and --mane_select), field for field. */
export const CSQ_FIELDS = [
  'Allele',
  'Consequence',
  'IMPACT',
  'SYMBOL',
  'Gene',
  'Feature_type',
  'Feature',
  'BIOTYPE',
  'EXON',
  'INTRON',
  'HGVSc',
  'HGVSp',
  'cDNA_position',
  'CDS_position',
  'Protein_position',
  'Amino_acids',
  'Codons',
  'Existing_variation',
  'DISTANCE',
  'STRAND',
  'FLAGS',
  'VARIANT_CLASS',
  'SYMBOL_SOURCE',
  'HGNC_ID',
  'CANONICAL',
  'MANE_SELECT',
  'MANE_PLUS_CLINICAL',
  'TSL',
  'APPRIS',
  'CCDS',
  'ENSP',
  'SWISSPROT',
  'TREMBL',
  'UNIPARC',
  'UNIPROT_ISOFORM',
  'GENE_PHENO',
  'SIFT',
  'PolyPhen',
  'DOMAINS',
  'HGVS_OFFSET',
  'AF',
  'AFR_AF',
  'AMR_AF',
  'EAS_AF',
  'EUR_AF',
  'SAS_AF',
  'gnomADe_AF',
  'gnomADe_AFR_AF',
  'gnomADe_AMR_AF',
  'gnomADe_ASJ_AF',
  'gnomADe_EAS_AF',
  'gnomADe_FIN_AF',
  'gnomADe_NFE_AF',
  'gnomADe_OTH_AF',
  'gnomADe_SAS_AF',
  'MAX_AF',
  'MAX_AF_POPS',
  'CLIN_SIG',
  'SOMATIC',
  'PHENO',
  'PUBMED',
];

/** mulberry32: small, fast and good enough to make data that looks random. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (below: number) => Math.floor(next() * below),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T,
  };
}

const BASES = ['A', 'C', 'G', 'T'];
const AMINO = ['Ala', 'Arg', 'Asn', 'Asp', 'Cys', 'Gln', 'Glu', 'Gly', 'His', 'Ile', 'Leu', 'Lys', 'Met'];
const CODING = [
  ['missense_variant', 'MODERATE'],
  ['synonymous_variant', 'LOW'],
  ['stop_gained', 'HIGH'],
  ['missense_variant&splice_region_variant', 'MODERATE'],
] as const;
const NONCODING = [
  ['intron_variant', 'MODIFIER'],
  ['upstream_gene_variant', 'MODIFIER'],
  ['downstream_gene_variant', 'MODIFIER'],
  ['3_prime_UTR_variant', 'MODIFIER'],
  ['non_coding_transcript_exon_variant', 'MODIFIER'],
] as const;
const INDEL = [
  ['frameshift_variant', 'HIGH'],
  ['inframe_deletion', 'MODERATE'],
  ['inframe_insertion', 'MODERATE'],
  ['intron_variant', 'MODIFIER'],
] as const;

type Gene = { symbol: string; id: string; hgnc: string; transcripts: string[]; strand: string };

function header(): string {
  return [
    '##fileformat=VCFv4.2',
    '##source=genvei bench: synthetic Mutect2 somatic calls annotated by VEP 110',
    '##reference=file:///references/GRCh38/Homo_sapiens_assembly38.fasta',
    ...CONTIGS.map(([id, length]) => `##contig=<ID=${id},length=${length},assembly=GRCh38>`),
    '##FILTER=<ID=PASS,Description="All filters passed">',
    '##FILTER=<ID=weak_evidence,Description="Mutation does not meet likelihood threshold">',
    '##FILTER=<ID=strand_bias,Description="Evidence for alt allele comes from one read direction only">',
    '##INFO=<ID=DP,Number=1,Type=Integer,Description="Approximate read depth">',
    '##INFO=<ID=MQ,Number=1,Type=Float,Description="RMS mapping quality">',
    '##INFO=<ID=TLOD,Number=A,Type=Float,Description="Log 10 likelihood ratio score of variant existing versus not existing">',
    '##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description="Somatic mutation">',
    `##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: ${CSQ_FIELDS.join('|')}">`,
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths for the ref and alt alleles in the order listed">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Approximate read depth">',
    '##FORMAT=<ID=AF,Number=A,Type=Float,Description="Allele fractions of alternate alleles in the tumor">',
    '##VEP="v110" time="2026-11-20 10:00:00" cache="/vep/homo_sapiens/110_GRCh38" ensembl=110.584a8f3',
    '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR',
  ].join('\n');
}

/** Writes the VCF (uncompressed) to `out`, honouring back-pressure; resolves when all is written. */
export async function writeSyntheticVcf(out: Writable, records: number, seed = 20261122): Promise<void> {
  const random = generator(seed);
  const genes: Gene[] = Array.from({ length: 20_000 }, (_, g) => ({
    symbol: `GENE${g}`,
    id: `ENSG${String(100_000 + g * 7).padStart(11, '0')}`,
    hgnc: `HGNC:${10_000 + g}`,
    transcripts: Array.from(
      { length: 5 + random.int(4) },
      (_, t) => `ENST${String(200_000 + g * 11 + t).padStart(11, '0')}.${1 + random.int(12)}`,
    ),
    strand: random.next() < 0.5 ? '1' : '-1',
  }));
  const bases = (length: number) => {
    let text = '';
    for (let i = 0; i < length; i++) text += random.pick(BASES);
    return text;
  };
  const frequency = () => (random.next() < 0.6 ? '' : (random.next() * 0.05).toPrecision(3));

  /** One CSQ entry: one ALT on one transcript. */
  const entry = (allele: string, indel: boolean, gene: Gene, transcript: string, pos: number) => {
    const fields: Record<string, string> = {};
    const coding = !indel && random.next() < 0.4;
    const [consequence, impact] = indel
      ? random.pick(INDEL)
      : coding
        ? random.pick(CODING)
        : random.pick(NONCODING);
    const cds = 1 + random.int(3000);
    const protein = Math.ceil(cds / 3);
    fields.Allele = allele;
    fields.Consequence = consequence;
    fields.IMPACT = impact;
    fields.SYMBOL = gene.symbol;
    fields.Gene = gene.id;
    fields.Feature_type = 'Transcript';
    fields.Feature = transcript;
    fields.BIOTYPE = 'protein_coding';
    fields.STRAND = gene.strand;
    fields.VARIANT_CLASS = indel ? (allele === '-' ? 'deletion' : 'insertion') : 'SNV';
    fields.SYMBOL_SOURCE = 'HGNC';
    fields.HGNC_ID = gene.hgnc;
    fields.TSL = String(1 + random.int(5));
    fields.ENSP = transcript.replace('ENST', 'ENSP');
    if (consequence.endsWith('gene_variant')) {
      fields.DISTANCE = String(1 + random.int(5000));
    } else if (consequence === 'intron_variant') {
      fields.INTRON = `${1 + random.int(9)}/10`;
      fields.HGVSc = `${transcript}:c.${cds}+${1 + random.int(400)}${indel ? 'del' : 'G>A'}`;
    } else {
      fields.EXON = `${1 + random.int(11)}/12`;
      fields.HGVSc = `${transcript}:c.${cds}${indel ? (allele === '-' ? 'del' : `dup`) : 'C>T'}`;
      fields.cDNA_position = String(cds + 120);
      fields.CDS_position = String(cds);
      fields.Protein_position = String(protein);
      const from = random.pick(AMINO);
      const to = consequence === 'synonymous_variant' ? from : random.pick(AMINO);
      fields.HGVSp =
        consequence === 'synonymous_variant'
          ? `${fields.ENSP}:p.${from}${protein}%3D`
          : `${fields.ENSP}:p.${from}${protein}${indel ? 'fs' : to}`;
      fields.Amino_acids = `${from[0]}/${to[0]}`;
      fields.Codons = `gCc/gTc`;
      if (!indel) {
        fields.SIFT = `deleterious(0.0${random.int(5)})`;
        fields.PolyPhen = `probably_damaging(0.9${random.int(10)})`;
      }
      fields.DOMAINS = 'Pfam:PF00069&PROSITE_profiles:PS50011';
    }
    if (transcript === gene.transcripts[0]) {
      fields.CANONICAL = 'YES';
      fields.MANE_SELECT = `NM_${String(1000 + (pos % 900_000)).padStart(6, '0')}.${1 + (pos % 7)}`;
      fields.APPRIS = 'P1';
      fields.CCDS = `CCDS${1000 + (pos % 50_000)}.1`;
    }
    if (random.next() < 0.3) {
      fields.Existing_variation =
        random.next() < 0.3 ? `rs${pos}&COSV${5_000_000 + (pos % 999_999)}` : `rs${pos}`;
      for (const name of ['AF', 'AFR_AF', 'AMR_AF', 'EAS_AF', 'EUR_AF', 'SAS_AF']) fields[name] = frequency();
      for (const name of CSQ_FIELDS.filter((n) => n.startsWith('gnomADe_'))) fields[name] = frequency();
      fields.MAX_AF = '0.05';
      fields.MAX_AF_POPS = 'gnomADe_ASJ';
    }
    return CSQ_FIELDS.map((name) => fields[name] ?? '').join('|');
  };

  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', resolve));

  await write(`${header()}\n`);
  const genomeLength = CONTIGS.reduce((sum, [, length]) => sum + length, 0);
  let written = 0;
  let buffer = '';
  for (const [index, [chrom, length]] of CONTIGS.entries()) {
    const here =
      index === CONTIGS.length - 1
        ? records - written
        : Math.min(records - written, Math.round((records * length) / genomeLength));
    // Evenly spaced with jitter, at least 20 bases apart: no two records can describe one variant.
    const step = Math.max(40, Math.floor((length - 100) / Math.max(1, here)));
    let pos = 10;
    for (let r = 0; r < here; r++) {
      pos += 20 + random.int(step - 20);
      const kind = random.next();
      let ref: string;
      let alts: string[];
      if (kind < 0.05) {
        // Multi-allelic: two SNVs, or an insertion and a deletion sharing the padding base.
        ref = bases(1);
        if (random.next() < 0.5) {
          alts = BASES.filter((b) => b !== ref).slice(0, 2);
        } else {
          ref += bases(1 + random.int(3));
          alts = [ref[0] as string, ref + bases(1 + random.int(3))];
        }
      } else if (kind < 0.8) {
        ref = bases(1);
        alts = [random.pick(BASES.filter((b) => b !== ref))];
      } else if (kind < 0.9) {
        ref = bases(1);
        alts = [ref + bases(1 + random.int(6))];
      } else {
        ref = bases(2 + random.int(6));
        alts = [ref[0] as string];
      }
      const indel = alts.some((alt) => alt.length !== ref.length);
      const vepAllele = (alt: string) =>
        !indel ? alt : alts.every((a) => a[0] === ref[0]) ? alt.slice(1) || '-' : alt;
      const gene = random.pick(genes);
      const csq: string[] = [];
      for (const alt of alts) {
        const transcripts = 1 + random.int(5);
        for (let t = 0; t < transcripts; t++) {
          csq.push(entry(vepAllele(alt), indel, gene, gene.transcripts[t] as string, pos));
        }
      }
      const depth = 30 + random.int(400);
      const altDepths = alts.map(() => 2 + random.int(Math.floor(depth / 3)));
      const refDepth = Math.max(0, depth - altDepths.reduce((a, b) => a + b, 0));
      const filter = random.next() < 0.85 ? 'PASS' : random.next() < 0.7 ? 'weak_evidence' : 'strand_bias';
      const id = random.next() < 0.3 ? `rs${1000 + pos}` : '.';
      const info = [
        `DP=${depth}`,
        `MQ=${(50 + random.next() * 10).toFixed(2)}`,
        `TLOD=${alts.map(() => (3 + random.next() * 200).toFixed(2)).join(',')}`,
        ...(filter === 'PASS' ? ['SOMATIC'] : []),
        `CSQ=${csq.join(',')}`,
      ].join(';');
      const genotype = alts.length === 1 ? '0/1' : '1/2';
      const sample = `${genotype}:${[refDepth, ...altDepths].join(',')}:${depth}:${altDepths.map((d) => (d / depth).toFixed(3)).join(',')}`;
      buffer += `${chrom}\t${pos}\t${id}\t${ref}\t${alts.join(',')}\t${(20 + random.next() * 500).toFixed(1)}\t${filter}\t${info}\tGT:AD:DP:AF\t${sample}\n`;
      if (buffer.length > 1 << 20) {
        await write(buffer);
        buffer = '';
      }
    }
    written += here;
  }
  await write(buffer);
}
