/** The catalogue's public API, as the pages read it (see src/modules/catalogue/routes.ts). */
export type Confidence = 'green' | 'amber' | 'red';

export type LabRef = { id: string; name: string };

export type AnalysisSummary = {
  slug: string;
  name: string;
  method: string;
  platform: string | null;
  variantTypes: string[];
  materials: string[];
  turnaroundDays: number | null;
  status: string;
  lab: LabRef;
  panel: { slug: string; name: string; version: string; genes: number } | null;
};

export type SearchResult = {
  gene: { hgncId: string } | null;
  note: string | null;
  analyses: AnalysisSummary[];
};

export type Lab = {
  id: string;
  name: string;
  org_number: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  address: string | null;
  accreditation_standard: string | null;
  accreditation_number: string | null;
  accreditation_scope: string | null;
  accepts_from: string[];
};

export type AnalysisDetail = {
  slug: string;
  name: string;
  method: string;
  platform: string | null;
  variant_types: string[];
  materials: string[];
  min_tumour_cell_percent: number | null;
  min_dna_ng: number | null;
  turnaround_days: number | null;
  how_to_order: string | null;
  status: string;
  validation_report_url: string | null;
  /** DRAGEN's TMB figure the lab reports, and its MSI-H cut-off: null until set. */
  tmb_figure: string | null;
  msi_high_at_percent: number | null;
  updated_at: string;
  lab: Lab | undefined;
  panel: {
    slug: string;
    name: string;
    version: string;
    signedOff: boolean;
    genes: { symbol: string; hgncId: string; confidence: Confidence; transcript: string | null }[];
  } | null;
};

export type PanelSummary = {
  slug: string;
  name: string;
  purpose: 'somatic' | 'germline';
  lab: LabRef | null;
  version: string;
  signedOff: boolean;
  genes: number;
};

export type GenomicRegion = { chrom: string; start: number; end: number };

export type PanelEntry = {
  hgncId: string;
  symbol: string;
  confidence: Confidence;
  modeOfInheritance: string | null;
  transcript: string | null;
  regions: GenomicRegion[];
  evidence: string[];
  phenotypes: string[];
  publications: string[];
};

export type PanelVersion = {
  version: string;
  changeNote: string | null;
  createdAt: string;
  createdBy: string | null;
  signedOffAt: string | null;
  signedOffBy: string | null;
};

export type PanelDetail = {
  slug: string;
  name: string;
  purpose: 'somatic' | 'germline';
  labId: string | null;
  version: string;
  signedOffAt: string | null;
  entries: PanelEntry[];
  versions: PanelVersion[];
};

export type PanelDiff = {
  from: string;
  to: string;
  added: PanelEntry[];
  removed: PanelEntry[];
  changed: {
    hgncId: string;
    symbol: string;
    changes: { field: string; before: unknown; after: unknown }[];
  }[];
  unchanged: number;
};

export type GeneInfo = {
  gene: {
    hgnc_id: string;
    symbol: string;
    name: string | null;
    locus_group: string | null;
    mane_select_refseq: string | null;
  } | null;
  note: string | null;
  analyses: { slug: string; name: string; method: string; lab: string; variantTypes: string[] }[];
  geneLists: {
    code: string;
    name: string;
    version: number;
    status: string;
    variant_types: string[];
    drugs: string[];
  }[];
};

export type CancerTypeSummary = {
  code: string;
  name: string;
  main_type: string | null;
  tissue: string | null;
  parent_code: string | null;
  has_gene_list: boolean;
};

export type GeneListEntry = {
  hgncId: string;
  symbol: string;
  roles: string[];
  evidenceColour: Confidence;
  status: string;
  variantTypes: string[];
  drugs: string[];
  approvalReference: string | null;
  trials: string[];
  guidelineSection: string | null;
  implementationNotes: string | null;
};

export type CancerTypeDetail = CancerTypeSummary & {
  level: number | null;
  children: { code: string; name: string }[];
  geneList: {
    version: { version: number; status: string; publishedAt: string | null; note: string | null } | null;
    entries: GeneListEntry[];
    versions: {
      version: number;
      status: string;
      note: string | null;
      publishedAt: string | null;
      publishedBy: string | null;
    }[];
  };
};

export type CoverageCell = {
  hgncId: string;
  coverage: 'covered' | 'gene-not-in-panel' | 'variant-type-not-detected';
  missingVariantTypes?: string[];
};

export type Coverage = {
  cancerType: { code: string; name: string };
  geneListVersion: number;
  genes: { hgncId: string; symbol: string; status: string; variantTypes: string[] }[];
  analyses: {
    analysis: { id: string; name: string; lab: string; method: string };
    cells: CoverageCell[];
  }[];
  genesCoverage: {
    hgncId: string;
    symbol: string;
    status: string;
    analysesCovering: string[];
    labsCovering: string[];
  }[];
};

export type MissingGenes = {
  missed: (CoverageCell & { symbol: string; status: string })[];
};
