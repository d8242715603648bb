import type { ReportContent, SequenceVariant } from './content.ts';

/*
 * Report content for tests, the benchmark and the documentation's examples. The patient is
 * invented and her fødselsnummer synthetic (month + 80), so signing checks need
 * `allowSyntheticPersonIds`. The lab's organisation number has a valid control digit but belongs
 * to no laboratory we know of. Every call returns a fresh value, so tests may change it in place.
 */

const braf: SequenceVariant = {
  id: 'v1',
  gene: { symbol: 'BRAF', hgncId: 'HGNC:1097' },
  transcript: 'NM_004333.6',
  hgvsc: 'c.1799T>A',
  protein: 'NP_004324.2',
  hgvsp: 'p.(Val600Glu)',
  genomic: {
    assembly: 'GRCh38',
    chromosome: '7',
    position: 140753336,
    ref: 'A',
    alt: 'T',
    hgvsg: 'NC_000007.14:g.140753336A>T',
  },
  vaf: 0.34,
  depth: 412,
  origin: 'somatic',
  consequence: 'missense_variant',
  classification: {
    scheme: 'clingen-cgc-vicc-2022',
    class: 'oncogenic',
    amp: { tier: 'I', level: 'A' },
    escat: 'I-A',
  },
  interpretation:
    'BRAF p.(Val600Glu) er en kjent aktiverende mutasjon i kinasedomenet til BRAF og den vanligste BRAF-mutasjonen ved kutant melanom.',
  implications: [
    {
      kind: 'therapeutic',
      text: 'Predikerer effekt av BRAF-hemmer i kombinasjon med MEK-hemmer ved inoperabelt eller metastatisk melanom.',
      drugs: [
        { name: 'dabrafenib', atc: 'L01EC02' },
        { name: 'trametinib', atc: 'L01EE01' },
        { name: 'enkorafenib', atc: 'L01EC03' },
        { name: 'binimetinib', atc: 'L01EE03' },
      ],
      response: 'responsive',
      evidenceLevel: 'ESCAT I-A',
      source:
        'Nasjonalt handlingsprogram for maligne melanomer (Helsedirektoratet); ESMO Clinical Practice Guideline',
      condition: null,
    },
    {
      kind: 'diagnostic',
      text: 'Funnet er forenlig med metastase fra kutant melanom og støtter den morfologiske diagnosen.',
      drugs: [],
      response: null,
      evidenceLevel: 'AMP/ASCO/CAP nivå B',
      source: 'WHO Classification of Tumours, Skin Tumours (5. utgave)',
      condition: { text: 'Malignt melanom', icd10: 'C43.5' },
    },
  ],
  trials: [
    {
      id: 'NCT04817956',
      title: 'IMPRESS-Norway: presisjonsmedisin i offentlig kreftbehandling',
      site: 'Oslo universitetssykehus',
    },
  ],
};

const tp53: SequenceVariant = {
  id: 'v2',
  gene: { symbol: 'TP53', hgncId: 'HGNC:11998' },
  transcript: 'NM_000546.6',
  hgvsc: 'c.916del',
  protein: 'NP_000537.3',
  hgvsp: 'p.(Arg306fs)',
  genomic: null,
  vaf: 0.41,
  depth: 380,
  origin: 'somatic',
  consequence: 'frameshift_variant',
  classification: { scheme: 'clingen-cgc-vicc-2022', class: 'oncogenic', amp: null, escat: null },
  interpretation:
    'Leserammeforskyvning i TP53 som forventes å gi tap av funksjon. Funnet har ingen kjent behandlingsmessig betydning ved melanom.',
  implications: [],
  trials: [],
};

export function demoReportContent(): ReportContent {
  return structuredClone<ReportContent>({
    templateVersion: '1.0',
    orderNumber: 'FJ-2025-004211',
    version: 1,
    status: 'draft',
    amendmentReason: null,
    previousVersion: null,
    preparedAt: '2025-03-12T13:05:00+01:00',
    patient: {
      givenName: 'Åse',
      familyName: 'Ødegård',
      nationalId: '14835845665',
      birthDate: '1958-03-14',
      sex: 'female',
    },
    requester: {
      name: 'Øystein Bråten',
      hprNumber: '9144889',
      organisation: 'Fjordvik HF',
      department: 'Kreftavdelingen',
    },
    lab: {
      name: 'Fjordvik HF, Avdeling for patologi',
      organisationNumber: '974123452',
      accreditation: 'Akkreditert etter NS-EN ISO 15189 (TEST 999)',
    },
    specimen: {
      id: 'H2025-01234',
      kind: 'ffpe-block',
      blockId: 'A2',
      site: 'Lymfeknute, venstre aksille',
      collectedOn: '2025-03-03',
      receivedOn: '2025-03-05',
      tumourCellPercent: 60,
    },
    clinical: {
      diagnosis: {
        text: 'Metastase fra malignt melanom',
        icd10: 'C43.5',
        icdO3Morphology: '8720/3',
        oncotree: 'SKCM',
      },
      question: 'BRAF-status før systemisk behandling? Andre behandlingsrettede forandringer?',
    },
    method: {
      analysis: 'NGS-panel for solide svulster (DNA)',
      panel: {
        name: 'Fjordvik solid tumour panel',
        version: '3.1',
        genes: [
          'BRAF',
          'NRAS',
          'KIT',
          'TP53',
          'EGFR',
          'KRAS',
          'PIK3CA',
          'PTEN',
          'CDKN2A',
          'GNAQ',
          'GNA11',
          'MAP2K1',
        ],
        contentReference: 'Laboratoriehåndboka, Fjordvik HF: genpanel 3.1',
      },
      detects: ['snv', 'indel', 'cnv', 'tmb', 'msi'],
      platform: 'Illumina NextSeq 550',
      limitOfDetection: { vafPercent: 5, minimumDepth: 500, minimumTumourCellPercent: 20 },
      referenceGenome: 'GRCh38',
      pipeline: { name: 'genvei-somatic', version: '2.4.1' },
      knowledgeSources: [
        { name: 'ClinVar', release: '2025-02-03' },
        { name: 'CIViC', release: '2025-02-01' },
        { name: 'COSMIC', release: 'v101' },
        { name: 'gnomAD', release: '4.1' },
      ],
      performedOn: '2025-03-10',
    },
    quality: {
      adequacy: 'adequate',
      reasons: [],
      comment: null,
      meanDepth: 1450,
      targetsAtMinimumDepthPercent: 98.7,
    },
    variants: [braf, tp53],
    copyNumbers: [],
    fusions: [],
    biomarkers: {
      tmb: { value: 14.2, status: 'high', threshold: 10, interpretation: null },
      msi: {
        status: 'stable',
        score: 2.1,
        method: 'NGS, andel ustabile mikrosatellitter',
        interpretation: null,
      },
    },
    coverageGaps: [
      { gene: { symbol: 'KIT', hgncId: 'HGNC:6342' }, region: 'ekson 11 (kodon 550-560)', meanDepth: 180 },
    ],
    germline: {
      present: true,
      note: 'TP53-varianten har VAF 41 % ved 60 % tumorceller; kimbaneopphav kan ikke utelukkes.',
      referralRecommended: true,
    },
    pathology: {
      morphology: 'Lymfeknute med metastase fra malignt melanom. Tumorcelleandel i merket område ca. 60 %.',
      immunohistochemistry: [
        { marker: 'SOX10', result: 'Positiv i tumorceller' },
        { marker: 'Melan-A', result: 'Positiv i tumorceller' },
        { marker: 'BRAF V600E (VE1)', result: 'Positiv' },
      ],
      integratedConclusion:
        'Metastase fra malignt melanom med BRAF p.(Val600Glu), i samsvar med immunhistokjemi. Aktuelt med BRAF- og MEK-hemmer etter nasjonalt handlingsprogram.',
      discordance: null,
    },
    conclusion:
      'Påvist BRAF p.(Val600Glu) (VAF 34 %), som predikerer effekt av BRAF-hemmer i kombinasjon med MEK-hemmer. ' +
      'Påvist TP53 p.(Arg306fs). Høy TMB (14,2 mut/Mb); mikrosatellittstabil. ' +
      'Mulig kimbaneopphav for TP53-varianten; henvisning til medisinsk genetikk anbefales.',
    signatures: [],
  });
}

/** The demo report, signed by the molecular biologist and the pathologist. */
export function signedDemoReportContent(): ReportContent {
  return {
    ...demoReportContent(),
    status: 'signed',
    signatures: [
      {
        name: 'Kari Løvås',
        role: 'molecular-biologist',
        hprNumber: '7712345',
        signedAt: '2025-03-12T14:02:00+01:00',
      },
      { name: 'Per Ærø', role: 'pathologist', hprNumber: '6612398', signedAt: '2025-03-12T15:30:00+01:00' },
    ],
  };
}

/**
 * The demo report with `count` sequence variants, for the benchmark: the two real ones, then
 * made-up variants on the panel's genes, each with a therapeutic implication, so every variant
 * produces a table row, a detail block and three FHIR resources.
 */
export function reportWithVariants(count: number): ReportContent {
  const content = demoReportContent();
  const genes = content.method.panel.genes;
  const templates = content.variants;
  content.variants = Array.from({ length: count }, (_, i): SequenceVariant => {
    const template = templates[i % templates.length] as SequenceVariant;
    if (i < templates.length) return template;
    const codon = 100 + i;
    return {
      ...structuredClone(template),
      id: `v${i + 1}`,
      gene: { symbol: genes[i % genes.length] ?? 'BRAF', hgncId: null },
      transcript: `NM_${String(900000 + i)}.1`,
      hgvsc: `c.${codon * 3 - 1}C>T`,
      protein: `NP_${String(900000 + i)}.1`,
      hgvsp: `p.(Ala${codon}Val)`,
      genomic: null,
      vaf: 0.05 + (i % 10) / 25,
      depth: 300 + i * 7,
      implications: [structuredClone(braf.implications[0] as SequenceVariant['implications'][number])],
    };
  });
  return content;
}
