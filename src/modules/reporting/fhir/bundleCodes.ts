import type { CodeableConcept, Coding, Observation } from '@medplum/fhirtypes';
import type { ReportStatus, SequenceVariant, VariantClassification } from '../content.ts';
import { IG_CANONICAL, SYSTEM } from './rules.ts';

/**
 * Code systems, codes and small builders the bundle is made of. Norwegian identifiers use the
 * national OIDs (2.16.578.1.12.4.1.4.*) that HL7 Norway's no-basis profiles use; the rest are the
 * systems the Genomics Reporting IG's own examples use.
 */
export const SYSTEMS = {
  ...SYSTEM,
  FODSELSNUMMER: 'urn:oid:2.16.578.1.12.4.1.4.1',
  D_NUMBER: 'urn:oid:2.16.578.1.12.4.1.4.2',
  HPR: 'urn:oid:2.16.578.1.12.4.1.4.4',
  ORGANISATION_NUMBER: 'urn:oid:2.16.578.1.12.4.1.4.101',
  ICD10: 'http://hl7.org/fhir/sid/icd-10',
  ICD_O_3: 'http://terminology.hl7.org/CodeSystem/icd-o-3',
  ATC: 'http://www.whocc.no/atc',
  HGNC: 'http://www.genenames.org',
  REFSEQ: 'http://www.ncbi.nlm.nih.gov/refseq',
  SO: 'http://www.sequenceontology.org',
  ISCN: 'https://iscn.karger.com',
  CLINICAL_TRIALS: 'http://clinicaltrials.gov/',
  SPECIMEN_TYPE: 'http://terminology.hl7.org/CodeSystem/v2-0487',
  BIOMARKER: `${IG_CANONICAL}/CodeSystem/molecular-biomarker-ontology-cs`,
  STUDY_METHOD: `${IG_CANONICAL}/CodeSystem/genomic-study-method-type-cs`,
} as const;

export const coding = (system: string, code: string, display?: string): Coding =>
  display === undefined ? { system, code } : { system, code, display };

export const concept = (codings: Coding[], text?: string): CodeableConcept =>
  text === undefined ? { coding: codings } : { coding: codings, text };

export const loinc = (code: string, display?: string): CodeableConcept =>
  concept([coding(SYSTEMS.LNC, code, display)]);
export const tbd = (code: string): CodeableConcept => concept([coding(SYSTEMS.TBD, code)]);
/** A literal reference; typed loosely so it fits every Reference<T> element. */
export const reference = (fullUrl: string): { reference: string } => ({ reference: fullUrl });

type Component = NonNullable<Observation['component']>[number];

export const codedComponent = (code: CodeableConcept, value: CodeableConcept): Component => ({
  code,
  valueCodeableConcept: value,
});
export const stringComponent = (code: CodeableConcept, value: string): Component => ({
  code,
  valueString: value,
});
export const hgvsComponent = (loincCode: string, expression: string): Component =>
  codedComponent(loinc(loincCode), concept([coding(SYSTEMS.HGVS, expression, expression)]));
export const refSeqComponent = (code: CodeableConcept, accession: string): Component =>
  codedComponent(code, concept([coding(SYSTEMS.REFSEQ, accession, accession)]));
export const conclusionComponent = (text: string): Component =>
  stringComponent(tbd('conclusion-string'), text);

/** A draft's findings are preliminary; a signed report's final; an amendment's amended. */
export const OBSERVATION_STATUS = {
  draft: 'preliminary',
  signed: 'final',
  amended: 'amended',
} as const satisfies Record<ReportStatus, Observation['status']>;

export const ASSEMBLY = {
  GRCh37: coding(SYSTEMS.LNC, 'LA14029-5', 'GRCh37'),
  GRCh38: coding(SYSTEMS.LNC, 'LA26806-2', 'GRCh38'),
} as const;

export const SOURCE_CLASS = {
  somatic: coding(SYSTEMS.LNC, 'LA6684-0', 'Somatic'),
  germline: coding(SYSTEMS.LNC, 'LA6683-2', 'Germline'),
  unknown: null,
} as const;

/** LOINC LL4034-6, the answers the IG's clinical-significance slice is bound to (ACMG's five classes). */
const ACMG_ANSWERS = {
  pathogenic: coding(SYSTEMS.LNC, 'LA6668-3', 'Pathogenic'),
  'likely-pathogenic': coding(SYSTEMS.LNC, 'LA26332-9', 'Likely pathogenic'),
  uncertain: coding(SYSTEMS.LNC, 'LA26333-7', 'Uncertain significance'),
  'likely-benign': coding(SYSTEMS.LNC, 'LA26334-5', 'Likely benign'),
  benign: coding(SYSTEMS.LNC, 'LA6675-8', 'Benign'),
} as const;

const ONCOGENICITY_TEXT = {
  oncogenic: 'Oncogenic',
  'likely-oncogenic': 'Likely oncogenic',
  uncertain: 'Uncertain significance',
  'likely-benign': 'Likely benign',
  benign: 'Benign',
} as const;

/**
 * The class as clinical-significance: LOINC-coded for ACMG classes; as text naming the scheme for
 * oncogenicity classes and AMP/ASCO/CAP tiers, which have no LOINC answers.
 */
export function clinicalSignificance(classification: VariantClassification): CodeableConcept {
  switch (classification.scheme) {
    case 'acmg-2015': {
      const answer = ACMG_ANSWERS[classification.class];
      return concept([answer], `${answer.display} (ACMG/AMP 2015)`);
    }
    case 'clingen-cgc-vicc-2022':
      return { text: `${ONCOGENICITY_TEXT[classification.class]} (ClinGen/CGC/VICC 2022)` };
    case 'amp-asco-cap-2017':
      return { text: `Tier ${classification.class} (AMP/ASCO/CAP 2017)` };
  }
}

/** Evidence levels as the IG's examples give them: text, one component per grading system. */
export function evidenceLevels(classification: VariantClassification): string[] {
  const levels: string[] = [];
  const { amp, escat } = classification;
  if (amp) levels.push(`AMP/ASCO/CAP Tier ${amp.tier}${amp.level ? ` Level ${amp.level}` : ''}`);
  if (escat) levels.push(`ESCAT ${escat}`);
  return levels;
}

export const THERAPY_RESPONSE = {
  responsive: coding(SYSTEMS.LNC, 'LA6677-4', 'Responsive'),
  resistant: coding(SYSTEMS.LNC, 'LA6676-6', 'Resistant'),
} as const;

export const MSI_ANSWERS = {
  'msi-high': coding(SYSTEMS.LNC, 'LA26203-2', 'MSI-H'),
  'msi-low': coding(SYSTEMS.LNC, 'LA26202-4', 'MSI-L'),
  stable: coding(SYSTEMS.LNC, 'LA14122-8', 'Stable'),
  indeterminate: coding(SYSTEMS.LNC, 'LA11884-6', 'Indeterminate'),
} as const;

/** The Sequence Ontology change type, read from the HGVS c. description. */
export function changeType(variant: SequenceVariant): Coding | null {
  const c = variant.hgvsc;
  if (c.includes('delins')) return coding(SYSTEMS.SO, 'SO:1000032', 'delins');
  if (c.includes('dup')) return coding(SYSTEMS.SO, 'SO:1000035', 'duplication');
  if (c.includes('ins')) return coding(SYSTEMS.SO, 'SO:0000667', 'insertion');
  if (c.includes('del')) return coding(SYSTEMS.SO, 'SO:0000159', 'deletion');
  if (c.includes('inv')) return coding(SYSTEMS.SO, 'SO:1000036', 'inversion');
  if (/\d[ACGT]>[ACGT]$/.test(c)) return coding(SYSTEMS.SO, 'SO:0001483', 'SNV');
  return null;
}
