import type { Transaction } from 'kysely';
import { insertAnalysis } from '../modules/catalogue/analysisStore.ts';
import { publishDraft, saveDraft } from '../modules/catalogue/geneListService.ts';
import { createPanel, editPanel, releasePanel, signOff } from '../modules/catalogue/panelService.ts';
import type { DB } from '../platform/db/schema.ts';

/**
 * The demo catalogue, written by us: a small set of cancer genes (HGNC facts), the OncoTree rows for
 * a few cancer types, three labs with analyses, and a national gene list for lung adenocarcinoma.
 * A real HGNC or OncoTree import later updates these rows in place.
 */
const GENES: [hgncId: string, symbol: string, name: string, maneRefSeq: string | null][] = [
  ['HGNC:3236', 'EGFR', 'epidermal growth factor receptor', 'NM_005228.5'],
  ['HGNC:6407', 'KRAS', 'KRAS proto-oncogene, GTPase', 'NM_004985.5'],
  ['HGNC:1097', 'BRAF', 'B-Raf proto-oncogene, serine/threonine kinase', 'NM_004333.6'],
  ['HGNC:427', 'ALK', 'ALK receptor tyrosine kinase', 'NM_004304.5'],
  ['HGNC:10261', 'ROS1', 'ROS proto-oncogene 1, receptor tyrosine kinase', null],
  ['HGNC:9967', 'RET', 'ret proto-oncogene', 'NM_020975.6'],
  ['HGNC:7029', 'MET', 'MET proto-oncogene, receptor tyrosine kinase', null],
  ['HGNC:8031', 'NTRK1', 'neurotrophic receptor tyrosine kinase 1', null],
  ['HGNC:8032', 'NTRK2', 'neurotrophic receptor tyrosine kinase 2', null],
  ['HGNC:8033', 'NTRK3', 'neurotrophic receptor tyrosine kinase 3', null],
  ['HGNC:3430', 'ERBB2', 'erb-b2 receptor tyrosine kinase 2', 'NM_004448.4'],
  ['HGNC:11998', 'TP53', 'tumor protein p53', 'NM_000546.6'],
  [
    'HGNC:8975',
    'PIK3CA',
    'phosphatidylinositol-4,5-bisphosphate 3-kinase catalytic subunit alpha',
    'NM_006218.4',
  ],
  ['HGNC:7989', 'NRAS', 'NRAS proto-oncogene, GTPase', 'NM_002524.5'],
  ['HGNC:11389', 'STK11', 'serine/threonine kinase 11', 'NM_000455.5'],
  ['HGNC:23177', 'KEAP1', 'kelch like ECH associated protein 1', null],
  ['HGNC:6342', 'KIT', 'KIT proto-oncogene, receptor tyrosine kinase', 'NM_000222.3'],
  ['HGNC:8803', 'PDGFRA', 'platelet derived growth factor receptor alpha', null],
  ['HGNC:5382', 'IDH1', 'isocitrate dehydrogenase (NADP(+)) 1', 'NM_005896.4'],
  ['HGNC:3689', 'FGFR2', 'fibroblast growth factor receptor 2', null],
  ['HGNC:3690', 'FGFR3', 'fibroblast growth factor receptor 3', null],
  ['HGNC:7997', 'NRG1', 'neuregulin 1', null],
  ['HGNC:1100', 'BRCA1', 'BRCA1 DNA repair associated', 'NM_007294.4'],
  ['HGNC:1101', 'BRCA2', 'BRCA2 DNA repair associated', 'NM_000059.4'],
];

const SYMBOL_HISTORY: [hgncId: string, symbol: string, kind: 'alias' | 'previous'][] = [
  ['HGNC:3430', 'HER2', 'alias'],
  ['HGNC:3236', 'HER1', 'alias'],
  ['HGNC:11389', 'LKB1', 'alias'],
  ['HGNC:6407', 'KRAS2', 'previous'],
];

// code, name, parent, main type, tissue, level — as in OncoTree 2025-10-03.
const CANCER_TYPES: [string, string, string | null, string | null, string | null, number][] = [
  ['TISSUE', 'Tissue', null, null, null, 0],
  ['LUNG', 'Lung', 'TISSUE', 'Lung Cancer', 'Lung', 1],
  ['NSCLC', 'Non-Small Cell Lung Cancer', 'LUNG', 'Non-Small Cell Lung Cancer', 'Lung', 2],
  ['LUAD', 'Lung Adenocarcinoma', 'NSCLC', 'Non-Small Cell Lung Cancer', 'Lung', 3],
  ['LUSC', 'Lung Squamous Cell Carcinoma', 'NSCLC', 'Non-Small Cell Lung Cancer', 'Lung', 3],
  ['BOWEL', 'Bowel', 'TISSUE', 'Bowel Cancer', 'Bowel', 1],
  ['COADREAD', 'Colorectal Adenocarcinoma', 'BOWEL', 'Colorectal Cancer', 'Bowel', 2],
  ['BREAST', 'Breast', 'TISSUE', 'Breast Cancer', 'Breast', 1],
  ['BRCA', 'Invasive Breast Carcinoma', 'BREAST', 'Breast Cancer', 'Breast', 2],
  ['SKIN', 'Skin', 'TISSUE', 'Skin Cancer', 'Skin', 1],
  ['MEL', 'Melanoma', 'SKIN', 'Melanoma', 'Skin', 2],
];

const entry = (symbol: string, confidence: 'green' | 'amber' = 'green') => ({ symbol, confidence });

export async function seedCatalogue(tx: Transaction<DB>, orgId: (key: string) => string, curatorId: string) {
  await tx
    .insertInto('gene')
    .values(
      GENES.map(([hgnc_id, symbol, name, refseq]) => ({
        hgnc_id,
        symbol,
        name,
        locus_group: 'protein-coding gene',
        ensembl_gene_id: null,
        mane_select_ensembl: null,
        mane_select_refseq: refseq,
        source: 'demo',
      })),
    )
    .execute();
  await tx
    .insertInto('gene_symbol_history')
    .values(SYMBOL_HISTORY.map(([hgnc_id, symbol, kind]) => ({ hgnc_id, symbol, kind })))
    .execute();
  await tx
    .insertInto('cancer_type')
    .values(
      CANCER_TYPES.map(([code, name, parent_code, main_type, tissue, level]) => ({
        code,
        name,
        parent_code,
        main_type,
        tissue,
        level,
        umls: null,
        nci: null,
        source: 'demo',
      })),
    )
    .execute();

  const labs = {
    fjordvik: orgId('fjordvik-lab'),
    nordlys: orgId('nordlys-lab'),
    ostdal: orgId('ostdal-lab'),
  };
  for (const [key, lab] of Object.entries(labs)) {
    await tx
      .insertInto('lab')
      .values({
        organisation_id: lab,
        contact_email: `molpat@${key}.example`,
        contact_phone: null,
        address: null,
        accreditation_standard: 'ISO 15189:2022',
        accreditation_number: null,
        accreditation_scope: 'NGS-based tumour profiling of FFPE tissue',
      })
      .execute();
    const trusts = key === 'ostdal' ? ['fjordvik', 'nordlys', 'ostdal'] : [key];
    await tx
      .insertInto('lab_accepts_from')
      .values(trusts.map((t) => ({ lab_id: lab, trust_id: orgId(t) })))
      .execute();
  }

  const lungDna = ['EGFR', 'KRAS', 'BRAF', 'MET', 'ERBB2', 'TP53', 'STK11', 'KEAP1', 'PIK3CA', 'NRAS'];
  await createPanel(
    tx,
    {
      slug: 'fjordvik-lunge-dna',
      name: 'Lungepanel DNA',
      purpose: 'somatic',
      labId: labs.fjordvik,
      entries: lungDna.slice(0, 8).map((s) => entry(s)),
      changeNote: 'første utkast',
    },
    curatorId,
  );
  await editPanel(
    tx,
    'fjordvik-lunge-dna',
    { entries: lungDna.map((s) => entry(s)), changeNote: 'PIK3CA og NRAS lagt til' },
    curatorId,
  );
  const lungDnaRelease = await releasePanel(tx, 'fjordvik-lunge-dna', 'validert og tatt i bruk', curatorId);
  await signOff(tx, 'fjordvik-lunge-dna', lungDnaRelease.version, curatorId);

  const solid = [
    'EGFR',
    'KRAS',
    'BRAF',
    'ALK',
    'ROS1',
    'RET',
    'MET',
    'NTRK1',
    'NTRK2',
    'NTRK3',
    'ERBB2',
    'PIK3CA',
    'TP53',
    'IDH1',
    'KIT',
    'PDGFRA',
    'NRAS',
  ];
  await createPanel(
    tx,
    {
      slug: 'nordlys-solid-dna-rna',
      name: 'Solide svulster DNA+RNA',
      purpose: 'somatic',
      labId: labs.nordlys,
      entries: solid.map((s) => entry(s)),
      changeNote: 'oppsett',
    },
    curatorId,
  );
  const solidRelease = await releasePanel(tx, 'nordlys-solid-dna-rna', 'validert', curatorId);
  await signOff(tx, 'nordlys-solid-dna-rna', solidRelease.version, curatorId);

  const fusion = ['ALK', 'ROS1', 'RET', 'NTRK1', 'NTRK2', 'NTRK3', 'MET', 'NRG1', 'FGFR2', 'FGFR3'];
  await createPanel(
    tx,
    {
      slug: 'ostdal-fusjon-rna',
      name: 'Fusjonspanel RNA',
      purpose: 'somatic',
      labId: labs.ostdal,
      entries: fusion.map((s) => entry(s)),
      changeNote: 'oppsett',
    },
    curatorId,
  );
  const fusionRelease = await releasePanel(tx, 'ostdal-fusjon-rna', 'validert', curatorId);

  await createPanel(
    tx,
    {
      slug: 'ostdal-brca',
      name: 'BRCA1/BRCA2 arvelig',
      purpose: 'germline',
      labId: labs.ostdal,
      entries: ['BRCA1', 'BRCA2'].map((s) => ({
        ...entry(s),
        modeOfInheritance: 'MONOALLELIC, autosomal or pseudoautosomal, imprinted status unknown',
      })),
      changeNote: 'oppsett',
    },
    curatorId,
  );
  const brcaRelease = await releasePanel(tx, 'ostdal-brca', 'validert', curatorId);

  const versionId = async (slug: string, version: string) => {
    const [major, minor] = version.split('.').map(Number) as [number, number];
    const row = await tx
      .selectFrom('gene_panel_version as v')
      .innerJoin('gene_panel as p', 'p.id', 'v.panel_id')
      .select('v.id')
      .where('p.slug', '=', slug)
      .where('v.major', '=', major)
      .where('v.minor', '=', minor)
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const ffpe = ['ffpe'];
  const analyses = [
    {
      slug: 'fjordvik-lunge-ngs',
      lab: labs.fjordvik,
      name: 'NGS lungepanel (DNA)',
      method: 'ngs-dna-panel' as const,
      platform: 'Illumina NextSeq 550',
      variantTypes: ['SNV', 'indel', 'CNV'],
      panel: ['fjordvik-lunge-dna', lungDnaRelease.version],
      materials: ffpe,
      tc: 20,
      dna: 20,
      days: 10,
      status: 'active' as const,
    },
    {
      slug: 'fjordvik-lunge-ctdna',
      lab: labs.fjordvik,
      name: 'ctDNA lungepanel',
      method: 'ctdna' as const,
      platform: 'Illumina NextSeq 550',
      variantTypes: ['SNV', 'indel'],
      panel: ['fjordvik-lunge-dna', lungDnaRelease.version],
      materials: ['plasma'],
      tc: null,
      dna: 10,
      days: 7,
      status: 'planned' as const,
    },
    {
      slug: 'nordlys-solid-ngs',
      lab: labs.nordlys,
      name: 'NGS solide svulster (DNA+RNA)',
      method: 'ngs-dna-panel' as const,
      platform: 'Ion Torrent Genexus',
      variantTypes: ['SNV', 'indel', 'CNV', 'fusion', 'splice'],
      panel: ['nordlys-solid-dna-rna', solidRelease.version],
      materials: ['ffpe', 'fresh-frozen'],
      tc: 20,
      dna: 10,
      days: 8,
      status: 'active' as const,
    },
    {
      slug: 'ostdal-fusjon-ngs',
      lab: labs.ostdal,
      name: 'RNA-fusjonspanel',
      method: 'ngs-rna-panel' as const,
      platform: 'Illumina MiSeq',
      variantTypes: ['fusion', 'splice'],
      panel: ['ostdal-fusjon-rna', fusionRelease.version],
      materials: ffpe,
      tc: 10,
      dna: null,
      days: 12,
      status: 'active' as const,
    },
    {
      slug: 'ostdal-brca-arvelig',
      lab: labs.ostdal,
      name: 'BRCA1/2 arvelig kreft',
      method: 'ngs-dna-panel' as const,
      platform: 'Illumina MiSeq',
      variantTypes: ['SNV', 'indel', 'CNV'],
      panel: ['ostdal-brca', brcaRelease.version],
      materials: ['blood'],
      tc: null,
      dna: 50,
      days: 21,
      status: 'active' as const,
    },
  ];
  for (const a of analyses) {
    await insertAnalysis(tx, {
      slug: a.slug,
      labId: a.lab,
      name: a.name,
      method: a.method,
      platform: a.platform,
      variantTypes: a.variantTypes,
      panelVersionId: await versionId(a.panel[0] as string, a.panel[1] as string),
      materials: a.materials,
      minTumourCellPercent: a.tc,
      minDnaNg: a.dna,
      turnaroundDays: a.days,
      howToOrder: 'Elektronisk rekvisisjon i genvei; FFPE-blokk sendes med rekvisisjonsnummer.',
      status: a.status,
      validationReportUrl: null,
    });
  }

  const mandatory = (symbol: string, variantTypes: string[], drugs: string[]) => ({
    symbol,
    roles: ['predictive' as const],
    evidenceColour: 'green' as const,
    status: 'mandatory' as const,
    variantTypes: variantTypes as ('SNV' | 'indel' | 'fusion' | 'splice' | 'CNV')[],
    drugs,
  });
  await saveDraft(
    tx,
    'LUAD',
    {
      note: 'Demo: genes for first-line treatment decisions in lung adenocarcinoma',
      entries: [
        mandatory('EGFR', ['SNV', 'indel'], ['osimertinib']),
        mandatory('KRAS', ['SNV'], ['sotorasib']),
        mandatory('BRAF', ['SNV'], ['dabrafenib', 'trametinib']),
        mandatory('ALK', ['fusion'], ['alectinib', 'lorlatinib']),
        mandatory('ROS1', ['fusion'], ['crizotinib', 'entrectinib']),
        mandatory('RET', ['fusion'], ['selpercatinib']),
        mandatory('MET', ['splice'], ['capmatinib', 'tepotinib']),
        mandatory('NTRK1', ['fusion'], ['larotrectinib', 'entrectinib']),
        mandatory('NTRK2', ['fusion'], ['larotrectinib', 'entrectinib']),
        mandatory('NTRK3', ['fusion'], ['larotrectinib', 'entrectinib']),
        {
          ...mandatory('ERBB2', ['SNV', 'indel'], ['trastuzumab deruxtecan']),
          status: 'recommended' as const,
          evidenceColour: 'amber' as const,
        },
        {
          ...mandatory('TP53', ['SNV', 'indel'], []),
          status: 'mentioned' as const,
          roles: ['prognostic' as const],
          evidenceColour: 'amber' as const,
        },
      ].map((e) => ({
        approvalReference: null,
        trials: [],
        guidelineSection: null,
        implementationNotes: null,
        ...e,
      })),
    },
    curatorId,
  );
  await publishDraft(tx, 'LUAD', curatorId);
}
