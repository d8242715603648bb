/**
 * Recurrent cancer hotspots genvei knows without a knowledge import: the protein positions that
 * filters must never hide and that suggest OS3/OM3 (somatic) or PM1 (germline). Facts from the
 * cancer hotspot literature (Chang et al. 2016/2018) and clinical guidelines; a lab extends the
 * list through imports, not by editing code. Positions are on the MANE Select protein.
 */
export const HOTSPOTS: Readonly<Record<string, readonly number[]>> = {
  AKT1: [17],
  BRAF: [469, 594, 597, 600, 601],
  CTNNB1: [32, 33, 34, 37, 41, 45],
  EGFR: [719, 768, 790, 858, 861],
  ERBB2: [310, 755, 777],
  ESR1: [537, 538],
  FGFR3: [248, 249, 373],
  GNA11: [209],
  GNAQ: [209],
  HRAS: [12, 13, 61],
  IDH1: [132],
  IDH2: [140, 172],
  KIT: [560, 642, 816, 822],
  KRAS: [12, 13, 61, 117, 146],
  MAP2K1: [57, 203],
  MET: [1010],
  NRAS: [12, 13, 61],
  PDGFRA: [842],
  PIK3CA: [542, 545, 1047],
  POLE: [286, 411],
  SF3B1: [625, 700],
  TP53: [175, 245, 248, 249, 273, 282],
};

const THREE_LETTER_POSITION = /^p\.\(?[A-Z][a-z]{2}(\d+)/;

/** The protein position of a p. description (`p.Val600Glu`, `ENSP…:p.(Val600Glu)`), or null. */
export function proteinPosition(hgvsp: string | null): number | null {
  if (!hgvsp) return null;
  const description = hgvsp.includes(':') ? hgvsp.slice(hgvsp.indexOf(':') + 1) : hgvsp;
  const match = THREE_LETTER_POSITION.exec(description);
  return match ? Number(match[1]) : null;
}

export function isHotspot(gene: string | null, hgvsp: string | null): boolean {
  // A synonymous change at a hotspot codon (p.Gly12=, VEP writes %3D) leaves the protein as it is.
  if (!gene || !hgvsp || /=|%3D/.test(hgvsp)) return false;
  const position = proteinPosition(hgvsp);
  return position !== null && (HOTSPOTS[gene]?.includes(position) ?? false);
}

const ONE_LETTER: Record<string, string> = {
  Ala: 'A',
  Arg: 'R',
  Asn: 'N',
  Asp: 'D',
  Cys: 'C',
  Gln: 'Q',
  Glu: 'E',
  Gly: 'G',
  His: 'H',
  Ile: 'I',
  Leu: 'L',
  Lys: 'K',
  Met: 'M',
  Phe: 'F',
  Pro: 'P',
  Ser: 'S',
  Thr: 'T',
  Trp: 'W',
  Tyr: 'Y',
  Val: 'V',
  Ter: '*',
};

/** `p.Val600Glu` → `V600E`: the short form knowledge bases such as CIViC name variants by. */
export function shortProteinChange(hgvsp: string | null): string | null {
  if (!hgvsp) return null;
  const description = hgvsp.includes(':') ? hgvsp.slice(hgvsp.indexOf(':') + 1) : hgvsp;
  const match = /^p\.\(?([A-Z][a-z]{2})(\d+)([A-Z][a-z]{2})\)?$/.exec(description);
  if (!match) return null;
  const from = ONE_LETTER[match[1] as string];
  const to = ONE_LETTER[match[3] as string];
  return from && to ? `${from}${match[2]}${to}` : null;
}

/**
 * Genes' roles in cancer, for suggesting OVS1 (a null variant in a tumour suppressor) and PVS1:
 * well-established tumour suppressors and oncogenes (Cancer Gene Census tier 1 facts).
 */
export const TUMOUR_SUPPRESSORS: ReadonlySet<string> = new Set([
  'APC',
  'ARID1A',
  'ATM',
  'BAP1',
  'BRCA1',
  'BRCA2',
  'CDH1',
  'CDKN2A',
  'KEAP1',
  'MLH1',
  'MSH2',
  'MSH6',
  'NF1',
  'NF2',
  'PALB2',
  'PMS2',
  'PTEN',
  'RB1',
  'SMAD4',
  'STK11',
  'TP53',
  'TSC1',
  'TSC2',
  'VHL',
  'WT1',
]);
export const ONCOGENES: ReadonlySet<string> = new Set([
  'AKT1',
  'ALK',
  'BRAF',
  'CTNNB1',
  'EGFR',
  'ERBB2',
  'FGFR2',
  'FGFR3',
  'GNA11',
  'GNAQ',
  'HRAS',
  'IDH1',
  'IDH2',
  'KIT',
  'KRAS',
  'MAP2K1',
  'MET',
  'NRAS',
  'PDGFRA',
  'PIK3CA',
  'RET',
  'ROS1',
]);
