import type {
  GermlineClass,
  OncogenicityClass,
  SignificanceKind,
} from '../interpretation/classification/model.ts';
import type { SpecimenKind } from '../orders/vocabulary.ts';
import type {
  Adequacy,
  AlterationType,
  ClassificationScheme,
  CopyNumberKind,
  InadequacyReason,
  MsiStatus,
  ReportLanguage,
  ReportStatus,
  Sex,
  SignerRole,
  TherapyResponse,
  TmbStatus,
  VariantOrigin,
} from './content.ts';

/**
 * The fixed words of a report in Norwegian (bokmål, the primary language) and English. Both
 * renderers take their words from here, so the HTML and the PDF say the same thing. Terms follow
 * Norwegian pathology usage (tumorcelleandel, kimbane, rekvirent); scheme names stay in English,
 * as they are published.
 */
const nbFields = {
  patient: 'Pasient',
  nationalId: 'Fødselsnummer',
  birthDate: 'Fødselsdato',
  sex: 'Kjønn',
  requester: 'Rekvirent',
  hpr: 'HPR-nr.',
  organisation: 'Virksomhet',
  lab: 'Laboratorium',
  organisationNumber: 'Org.nr.',
  accreditation: 'Akkreditering',
  orderNumber: 'Rekvisisjonsnr.',
  version: 'Versjon',
  status: 'Status',
  amendmentReason: 'Årsak til endring',
  previousVersion: 'Erstatter versjon',
  specimenId: 'Prøvenummer',
  material: 'Materiale',
  block: 'Blokk',
  site: 'Lokalisasjon',
  collectedOn: 'Tatt',
  receivedOn: 'Mottatt',
  tumourCells: 'Tumorcelleandel',
  diagnosis: 'Vevs- og tumortype',
  question: 'Problemstilling',
  analysis: 'Analyse',
  panel: 'Genpanel',
  genes: 'Gener',
  contentReference: 'Panelinnhold',
  detects: 'Påviser',
  platform: 'Plattform',
  limitOfDetection: 'Deteksjonsgrense',
  referenceGenome: 'Referansegenom',
  pipeline: 'Analyseprogram',
  knowledgeSources: 'Kunnskapskilder',
  performedOn: 'Analysert',
  adequacy: 'Egnethet',
  reasons: 'Årsak',
  comment: 'Kommentar',
  meanDepth: 'Gjennomsnittlig dybde',
  targetsAtMinimumDepth: 'Målregioner med minste dybde',
  gene: 'Gen',
  variant: 'Variant (HGVS)',
  vaf: 'VAF',
  depth: 'Dybde',
  classification: 'Klassifikasjon',
  variantsCaption: 'Påviste sekvensvarianter',
  genomic: 'Genomisk',
  origin: 'Opphav',
  consequence: 'Konsekvens',
  interpretation: 'Tolkning',
  drugs: 'Legemidler',
  evidence: 'Evidensnivå',
  source: 'Kilde',
  condition: 'Gjelder',
  trials: 'Kliniske studier',
  copyNumbers: 'Kopitallsforandringer',
  copies: 'Kopitall',
  fusions: 'Fusjoner',
  reads: 'Støttende lesninger',
  biomarkers: 'Biomarkører',
  tmb: 'Tumor mutasjonsbyrde (TMB)',
  msi: 'Mikrosatellittstatus (MSI)',
  threshold: 'grense',
  region: 'Region',
  morphology: 'Morfologi',
  ihc: 'Immunhistokjemi',
  marker: 'Markør',
  result: 'Resultat',
  integratedConclusion: 'Integrert konklusjon',
  discordance: 'Avvik mellom molekylære og morfologiske funn',
  signedBy: 'Signert av',
  role: 'Rolle',
  signedAt: 'Tidspunkt',
  perMb: 'mut/Mb',
};

interface Words {
  title: string;
  draft: string;
  sections: Record<
    | 'patient'
    | 'specimen'
    | 'method'
    | 'quality'
    | 'results'
    | 'coverage'
    | 'germline'
    | 'pathology'
    | 'conclusion'
    | 'signatures',
    string
  >;
  field: Record<keyof typeof nbFields, string>;
  status: Record<ReportStatus, string>;
  sex: Record<Sex, string>;
  specimenKind: Record<SpecimenKind, string>;
  adequacy: Record<Adequacy, string>;
  reason: Record<InadequacyReason, string>;
  alteration: Record<AlterationType, string>;
  scheme: Record<ClassificationScheme, string>;
  germlineClass: Record<GermlineClass, string>;
  oncogenicityClass: Record<OncogenicityClass, string>;
  origin: Record<VariantOrigin, string>;
  implication: Record<SignificanceKind, string>;
  response: Record<TherapyResponse, string>;
  copyNumber: Record<CopyNumberKind, string>;
  tmb: Record<TmbStatus, string>;
  msi: Record<MsiStatus, string>;
  role: Record<SignerRole, string>;
  sentence: {
    noFindings: string;
    noCoverageGaps: string;
    noGermlineSuspicion: string;
    referral: string;
    notIntegrated: string;
    concordant: string;
    unsigned: string;
    page: (n: number, of: number) => string;
  };
}

const nb: Words = {
  title: 'Molekylærpatologisk svarrapport',
  draft: 'UTKAST',
  sections: {
    patient: 'Pasient og rekvirent',
    specimen: 'Prøvemateriale og problemstilling',
    method: 'Metode',
    quality: 'Kvalitet og egnethet',
    results: 'Resultater',
    coverage: 'Gener og regioner uten tilstrekkelig dekning',
    germline: 'Mulig kimbanefunn',
    pathology: 'Integrert patologivurdering',
    conclusion: 'Konklusjon',
    signatures: 'Signaturer',
  },
  field: nbFields,
  status: { draft: 'Utkast', signed: 'Signert', amended: 'Endret' },
  sex: { female: 'Kvinne', male: 'Mann', other: 'Annet', unknown: 'Ukjent' },
  specimenKind: {
    'ffpe-block': 'Formalinfiksert, parafininnstøpt vev (blokk)',
    'ffpe-slides': 'Formalinfiksert, parafininnstøpt vev (snitt)',
    'fresh-frozen': 'Ferskfrosset vev',
    blood: 'Blod',
    plasma: 'Plasma (cellefritt DNA)',
    'bone-marrow': 'Benmarg',
    cytology: 'Cytologisk materiale',
  },
  adequacy: { adequate: 'Egnet', limited: 'Begrenset egnet', inadequate: 'Ikke egnet' },
  reason: {
    'too-few-tumour-cells': 'for få tumorceller',
    'too-little-dna': 'for lite DNA',
    'poor-dna-quality': 'dårlig DNA-kvalitet',
    other: 'annet',
  },
  alteration: {
    snv: 'punktmutasjoner',
    indel: 'små innsettinger/delesjoner',
    cnv: 'kopitallsforandringer',
    fusion: 'fusjoner',
    tmb: 'TMB',
    msi: 'MSI',
  },
  scheme: {
    'acmg-2015': 'ACMG/AMP 2015',
    'clingen-cgc-vicc-2022': 'ClinGen/CGC/VICC 2022',
    'amp-asco-cap-2017': 'AMP/ASCO/CAP 2017',
  },
  germlineClass: {
    pathogenic: 'Patogen',
    'likely-pathogenic': 'Sannsynlig patogen',
    uncertain: 'Usikker betydning',
    'likely-benign': 'Sannsynlig benign',
    benign: 'Benign',
  },
  oncogenicityClass: {
    oncogenic: 'Onkogen',
    'likely-oncogenic': 'Sannsynlig onkogen',
    uncertain: 'Usikker betydning',
    'likely-benign': 'Sannsynlig benign',
    benign: 'Benign',
  },
  origin: { somatic: 'Somatisk', germline: 'Kimbane', unknown: 'Ukjent' },
  implication: { therapeutic: 'Behandling', diagnostic: 'Diagnostikk', prognostic: 'Prognose' },
  response: { responsive: 'forventet respons', resistant: 'forventet resistens' },
  copyNumber: {
    amplification: 'Amplifikasjon',
    gain: 'Økt kopitall',
    loss: 'Tap',
    deletion: 'Homozygot delesjon',
  },
  tmb: { high: 'Høy', low: 'Lav', indeterminate: 'Ikke vurderbar' },
  msi: {
    'msi-high': 'Mikrosatellittinstabil (MSI-H)',
    'msi-low': 'Lav grad av instabilitet (MSI-L)',
    stable: 'Mikrosatellittstabil (MSS)',
    indeterminate: 'Ikke vurderbar',
  },
  role: {
    'molecular-biologist': 'Molekylærbiolog',
    pathologist: 'Patolog',
    'medical-geneticist': 'Medisinsk genetiker',
    bioinformatician: 'Bioinformatiker',
  },
  sentence: {
    noFindings: 'Ingen varianter påvist over deteksjonsgrensen.',
    noCoverageGaps: 'Alle målregioner er dekket med minst påkrevd lesedybde.',
    noGermlineSuspicion: 'Ingen funn gir mistanke om kimbaneopphav.',
    referral: 'Henvisning til medisinsk genetikk for kimbanetesting anbefales.',
    notIntegrated: 'Rapporten er ikke integrert med patologisk vurdering.',
    concordant: 'Molekylære og morfologiske funn er forenlige.',
    unsigned: 'Ikke signert.',
    page: (n, of) => `Side ${n} av ${of}`,
  },
};

const en: Words = {
  title: 'Molecular pathology report',
  draft: 'DRAFT',
  sections: {
    patient: 'Patient and requester',
    specimen: 'Specimen and clinical question',
    method: 'Method',
    quality: 'Quality and adequacy',
    results: 'Results',
    coverage: 'Genes and regions without adequate coverage',
    germline: 'Possible germline finding',
    pathology: 'Integrated pathology assessment',
    conclusion: 'Conclusion',
    signatures: 'Signatures',
  },
  field: {
    patient: 'Patient',
    nationalId: 'National identity number',
    birthDate: 'Date of birth',
    sex: 'Sex',
    requester: 'Requester',
    hpr: 'HPR no.',
    organisation: 'Organisation',
    lab: 'Laboratory',
    organisationNumber: 'Org. no.',
    accreditation: 'Accreditation',
    orderNumber: 'Order no.',
    version: 'Version',
    status: 'Status',
    amendmentReason: 'Reason for amendment',
    previousVersion: 'Replaces version',
    specimenId: 'Specimen no.',
    material: 'Material',
    block: 'Block',
    site: 'Site',
    collectedOn: 'Collected',
    receivedOn: 'Received',
    tumourCells: 'Tumour cell content',
    diagnosis: 'Tissue and tumour type',
    question: 'Clinical question',
    analysis: 'Analysis',
    panel: 'Gene panel',
    genes: 'Genes',
    contentReference: 'Panel content',
    detects: 'Detects',
    platform: 'Platform',
    limitOfDetection: 'Limit of detection',
    referenceGenome: 'Reference genome',
    pipeline: 'Pipeline',
    knowledgeSources: 'Knowledge sources',
    performedOn: 'Analysed',
    adequacy: 'Adequacy',
    reasons: 'Reason',
    comment: 'Comment',
    meanDepth: 'Mean depth',
    targetsAtMinimumDepth: 'Targets at minimum depth',
    gene: 'Gene',
    variant: 'Variant (HGVS)',
    vaf: 'VAF',
    depth: 'Depth',
    classification: 'Classification',
    variantsCaption: 'Sequence variants detected',
    genomic: 'Genomic',
    origin: 'Origin',
    consequence: 'Consequence',
    interpretation: 'Interpretation',
    drugs: 'Drugs',
    evidence: 'Evidence level',
    source: 'Source',
    condition: 'Applies to',
    trials: 'Clinical trials',
    copyNumbers: 'Copy-number alterations',
    copies: 'Copy number',
    fusions: 'Fusions',
    reads: 'Supporting reads',
    biomarkers: 'Biomarkers',
    tmb: 'Tumour mutational burden (TMB)',
    msi: 'Microsatellite status (MSI)',
    threshold: 'cut-off',
    region: 'Region',
    morphology: 'Morphology',
    ihc: 'Immunohistochemistry',
    marker: 'Marker',
    result: 'Result',
    integratedConclusion: 'Integrated conclusion',
    discordance: 'Discordance between molecular and morphological findings',
    signedBy: 'Signed by',
    role: 'Role',
    signedAt: 'Time',
    perMb: 'mut/Mb',
  },
  status: { draft: 'Draft', signed: 'Signed', amended: 'Amended' },
  sex: { female: 'Female', male: 'Male', other: 'Other', unknown: 'Unknown' },
  specimenKind: {
    'ffpe-block': 'Formalin-fixed, paraffin-embedded tissue (block)',
    'ffpe-slides': 'Formalin-fixed, paraffin-embedded tissue (sections)',
    'fresh-frozen': 'Fresh-frozen tissue',
    blood: 'Blood',
    plasma: 'Plasma (cell-free DNA)',
    'bone-marrow': 'Bone marrow',
    cytology: 'Cytology',
  },
  adequacy: { adequate: 'Adequate', limited: 'Limited', inadequate: 'Inadequate' },
  reason: {
    'too-few-tumour-cells': 'too few tumour cells',
    'too-little-dna': 'too little DNA',
    'poor-dna-quality': 'poor DNA quality',
    other: 'other',
  },
  alteration: {
    snv: 'single-nucleotide variants',
    indel: 'small insertions/deletions',
    cnv: 'copy-number alterations',
    fusion: 'fusions',
    tmb: 'TMB',
    msi: 'MSI',
  },
  scheme: nb.scheme,
  germlineClass: {
    pathogenic: 'Pathogenic',
    'likely-pathogenic': 'Likely pathogenic',
    uncertain: 'Uncertain significance',
    'likely-benign': 'Likely benign',
    benign: 'Benign',
  },
  oncogenicityClass: {
    oncogenic: 'Oncogenic',
    'likely-oncogenic': 'Likely oncogenic',
    uncertain: 'Uncertain significance',
    'likely-benign': 'Likely benign',
    benign: 'Benign',
  },
  origin: { somatic: 'Somatic', germline: 'Germline', unknown: 'Unknown' },
  implication: { therapeutic: 'Therapy', diagnostic: 'Diagnosis', prognostic: 'Prognosis' },
  response: { responsive: 'response expected', resistant: 'resistance expected' },
  copyNumber: { amplification: 'Amplification', gain: 'Gain', loss: 'Loss', deletion: 'Homozygous deletion' },
  tmb: { high: 'High', low: 'Low', indeterminate: 'Not assessable' },
  msi: {
    'msi-high': 'Microsatellite instability-high (MSI-H)',
    'msi-low': 'Microsatellite instability-low (MSI-L)',
    stable: 'Microsatellite stable (MSS)',
    indeterminate: 'Not assessable',
  },
  role: {
    'molecular-biologist': 'Molecular biologist',
    pathologist: 'Pathologist',
    'medical-geneticist': 'Medical geneticist',
    bioinformatician: 'Bioinformatician',
  },
  sentence: {
    noFindings: 'No variants detected above the limit of detection.',
    noCoverageGaps: 'All target regions were read at least at the required depth.',
    noGermlineSuspicion: 'No finding raises suspicion of germline origin.',
    referral: 'Referral to medical genetics for germline testing is recommended.',
    notIntegrated: 'The report has not been integrated with the pathology assessment.',
    concordant: 'Molecular and morphological findings are concordant.',
    unsigned: 'Not signed.',
    page: (n, of) => `Page ${n} of ${of}`,
  },
};

export const WORDS: Readonly<Record<ReportLanguage, Words>> = { nb, en };
