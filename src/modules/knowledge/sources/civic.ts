/**
 * CIViC's nightly and monthly TSVs: ClinicalEvidenceSummaries and AssertionSummaries (and their
 * AcceptedAndSubmitted forms). Columns are found by name; the names of files from before
 * molecular profiles (gene, variant, drugs, clinical_significance) are read too.
 */
import { parseMolecularProfile, profileFromGeneAndVariant } from './civicProfile.ts';
import {
  type AmpCategory,
  CIVIC_EVIDENCE_LEVELS,
  CIVIC_EVIDENCE_TYPES,
  type CivicAssertion,
  type CivicDirection,
  type CivicDisease,
  type CivicEvidenceItem,
  type CivicEvidenceLevel,
  type CivicEvidenceType,
  type CivicMolecularProfile,
  type CivicStatus,
} from './model.ts';
import { type ColumnSpec, type LineInput, RowFault, readTsv, type TsvOptions, type TsvRow } from './tsv.ts';

export interface CivicEvidenceOptions extends TsvOptions {
  /** Also yield submitted (not yet moderated) items, as in AcceptedAndSubmitted files. Rejected ones never. */
  includeSubmitted?: boolean;
}

/** Columns evidence and assertion files share: what the claim is about, and its significance. */
const SUBJECT_COLUMNS: ColumnSpec[] = [
  { name: 'molecular_profile' },
  { name: 'molecular_profile_id' },
  { name: 'gene' },
  { name: 'variant' },
  { name: 'disease', required: true },
  { name: 'doid' },
  { name: 'phenotypes' },
  { name: 'therapies', aliases: ['drugs'] },
  { name: 'significance', aliases: ['clinical_significance'], required: true },
  { name: 'last_review_date' },
  { name: 'is_flagged' },
];

const EVIDENCE_COLUMNS: ColumnSpec[] = [
  ...SUBJECT_COLUMNS,
  { name: 'therapy_interaction_type', aliases: ['drug_interaction_type'] },
  { name: 'evidence_type', required: true },
  { name: 'evidence_direction', required: true },
  { name: 'evidence_level', required: true },
  { name: 'evidence_statement' },
  { name: 'citation_id' },
  { name: 'source_type' },
  { name: 'asco_abstract_id' },
  { name: 'citation' },
  { name: 'nct_ids' },
  { name: 'rating' },
  { name: 'evidence_status', required: true },
  { name: 'evidence_id', required: true },
  { name: 'variant_origin' },
  { name: 'evidence_civic_url' },
];

const ASSERTION_COLUMNS: ColumnSpec[] = [
  ...SUBJECT_COLUMNS,
  { name: 'assertion_type', required: true },
  { name: 'assertion_direction', required: true },
  { name: 'acmg_codes' },
  { name: 'clingen_codes' },
  { name: 'amp_category', aliases: ['amp_level'], required: true },
  { name: 'nccn_guideline' },
  { name: 'nccn_guideline_version' },
  { name: 'regulatory_approval', aliases: ['fda_regulatory_approval'] },
  { name: 'fda_companion_test' },
  { name: 'assertion_summary' },
  { name: 'assertion_description' },
  { name: 'assertion_id', required: true },
  { name: 'evidence_item_ids' },
  { name: 'assertion_civic_url' },
];

/** Evidence items from nightly-ClinicalEvidenceSummaries.tsv, accepted ones only unless asked. */
export function parseCivicEvidence(
  input: LineInput,
  options: CivicEvidenceOptions = {},
): AsyncGenerator<CivicEvidenceItem[]> {
  const seen = new Set<number>();
  return readTsv<CivicEvidenceItem>(input, options, {
    defaultFile: 'nightly-ClinicalEvidenceSummaries.tsv',
    columns: EVIDENCE_COLUMNS,
    checkHeader: checkProfileColumns,
    read: (row, line) => {
      const status = statusOf(row.required('evidence_status'));
      if (status === 'rejected' || (status === 'submitted' && !options.includeSubmitted)) return null;
      const id = uniqueId(row, 'evidence_id', seen);
      const rating = row.positiveInteger('rating');
      if (rating !== null && rating > 5) throw new RowFault('rating', `expected 1–5 stars, got ${rating}`);
      return {
        id,
        status,
        type: evidenceTypeOf(row.required('evidence_type'), 'evidence_type'),
        level: levelOf(row.required('evidence_level')),
        direction: directionOf(row, 'evidence_direction'),
        significance: notApplicable(row.text('significance')),
        molecularProfile: profileOf(row),
        disease: diseaseOf(row),
        therapies: row.list('therapies'),
        therapyInteraction: row.text('therapy_interaction_type'),
        phenotypes: row.list('phenotypes'),
        statement: row.text('evidence_statement'),
        source: {
          type: row.text('source_type'),
          citationId: row.text('citation_id'),
          citation: row.text('citation'),
          ascoAbstractId: row.text('asco_abstract_id'),
          clinicalTrials: row.list('nct_ids'),
        },
        rating,
        variantOrigin: notApplicable(row.text('variant_origin')),
        lastReviewDate: row.text('last_review_date'),
        url: row.text('evidence_civic_url'),
        flagged: row.boolean('is_flagged') ?? false,
        line,
      };
    },
  });
}

/**
 * Assertions from nightly-AssertionSummaries.tsv. The file has no status column: CIViC writes
 * accepted assertions to it, and accepted plus submitted ones to AcceptedAndSubmittedAssertionSummaries.
 */
export function parseCivicAssertions(
  input: LineInput,
  options: TsvOptions = {},
): AsyncGenerator<CivicAssertion[]> {
  const seen = new Set<number>();
  return readTsv<CivicAssertion>(input, options, {
    defaultFile: 'nightly-AssertionSummaries.tsv',
    columns: ASSERTION_COLUMNS,
    checkHeader: checkProfileColumns,
    read: (row, line) => {
      const id = uniqueId(row, 'assertion_id', seen);
      const type = evidenceTypeOf(row.required('assertion_type'), 'assertion_type');
      if (type === 'Functional')
        throw new RowFault('assertion_type', 'Functional is an evidence type, not an assertion type');
      const guideline = row.text('nccn_guideline');
      return {
        id,
        type,
        direction: directionOf(row, 'assertion_direction'),
        significance: notApplicable(row.text('significance')),
        molecularProfile: profileOf(row),
        disease: diseaseOf(row),
        therapies: row.list('therapies'),
        phenotypes: row.list('phenotypes'),
        ampCategory: ampCategoryOf(row.text('amp_category')),
        acmgCodes: row.list('acmg_codes'),
        clingenCodes: row.list('clingen_codes'),
        nccnGuideline:
          guideline === null ? null : { name: guideline, version: row.text('nccn_guideline_version') },
        fdaRegulatoryApproval: row.boolean('regulatory_approval'),
        fdaCompanionTest: row.boolean('fda_companion_test'),
        summary: row.text('assertion_summary'),
        description: row.text('assertion_description'),
        evidenceItemIds: row.list('evidence_item_ids').map((text) => idOf(text, 'evidence_item_ids')),
        lastReviewDate: row.text('last_review_date'),
        url: row.text('assertion_civic_url'),
        flagged: row.boolean('is_flagged') ?? false,
        line,
      };
    },
  });
}

function checkProfileColumns(columns: ReadonlyMap<string, number>): void {
  if (columns.has('molecular_profile') || (columns.has('gene') && columns.has('variant'))) return;
  throw new RowFault(
    'molecular_profile',
    'the header has no such column (nor gene and variant, as files from before 2022 have)',
  );
}

function profileOf(row: TsvRow): CivicMolecularProfile {
  const id = row.positiveInteger('molecular_profile_id');
  if (row.has('molecular_profile')) return parseMolecularProfile(row.required('molecular_profile'), id);
  return profileFromGeneAndVariant(row.required('gene'), row.required('variant'), id);
}

function diseaseOf(row: TsvRow): CivicDisease | null {
  const name = row.text('disease');
  if (name === null) return null;
  const doid = row.text('doid');
  if (doid === null) return { name, doid: null };
  const number = /^(?:DOID:)?(\d+)$/i.exec(doid)?.[1];
  if (number === undefined)
    throw new RowFault('doid', `expected a Disease Ontology id such as 1909, got "${doid}"`);
  return { name, doid: `DOID:${number}` };
}

function uniqueId(row: TsvRow, column: string, seen: Set<number>): number {
  const id = idOf(row.required(column), column);
  if (seen.has(id)) throw new RowFault(column, `${id} appears twice`);
  seen.add(id);
  return id;
}

function idOf(text: string, column: string): number {
  if (!/^[1-9]\d*$/.test(text))
    throw new RowFault(column, `expected a CIViC id (a positive integer), got "${text}"`);
  return Number(text);
}

/** CIViC's words, compared without case, spaces or underscores (the GraphQL API writes PREDICTIVE, DOES_NOT_SUPPORT). */
function key(text: string): string {
  return text.toLowerCase().replace(/[\s_]+/g, ' ');
}

const EVIDENCE_TYPES = new Map<string, CivicEvidenceType>(
  CIVIC_EVIDENCE_TYPES.map((type) => [key(type), type]),
);

function evidenceTypeOf(text: string, column: string): CivicEvidenceType {
  const type = EVIDENCE_TYPES.get(key(text));
  if (type === undefined) {
    throw new RowFault(column, `unknown type "${text}" (CIViC types are ${CIVIC_EVIDENCE_TYPES.join(', ')})`);
  }
  return type;
}

function levelOf(text: string): CivicEvidenceLevel {
  const level = text.toUpperCase();
  if (!Object.hasOwn(CIVIC_EVIDENCE_LEVELS, level)) {
    throw new RowFault('evidence_level', `unknown evidence level "${text}" (CIViC levels are A–E)`);
  }
  return level as CivicEvidenceLevel;
}

const DIRECTIONS = new Map<string, CivicDirection | null>([
  ['supports', 'Supports'],
  ['does not support', 'Does Not Support'],
  ['n/a', null],
]);

function directionOf(row: TsvRow, column: string): CivicDirection | null {
  const text = row.text(column);
  if (text === null) return null;
  const direction = DIRECTIONS.get(key(text));
  if (direction === undefined) {
    throw new RowFault(column, `unknown direction "${text}" (expected Supports, Does Not Support or N/A)`);
  }
  return direction;
}

function statusOf(text: string): CivicStatus {
  const status = text.toLowerCase();
  if (status === 'accepted' || status === 'submitted' || status === 'rejected') return status;
  throw new RowFault(
    'evidence_status',
    `unknown status "${text}" (expected accepted, submitted or rejected)`,
  );
}

function notApplicable(text: string | null): string | null {
  return text === null || text.toUpperCase() === 'N/A' ? null : text;
}

/** CIViC's AMP levels; the dash is an en dash in some of CIViC's own text. */
const AMP_CATEGORIES = new Map<string, AmpCategory | null>([
  ['tier i - level a', { tier: 'I', level: 'A' }],
  ['tier i - level b', { tier: 'I', level: 'B' }],
  ['tier ii - level c', { tier: 'II', level: 'C' }],
  ['tier ii - level d', { tier: 'II', level: 'D' }],
  ['tier iii', { tier: 'III', level: null }],
  ['tier iv', { tier: 'IV', level: null }],
  ['not applicable', null],
]);

function ampCategoryOf(text: string | null): AmpCategory | null {
  if (text === null) return null;
  const normalised = key(text).replace(/\s*[-–]\s*/g, ' - ');
  const category = AMP_CATEGORIES.get(normalised);
  if (category === undefined) {
    throw new RowFault('amp_category', `unknown AMP category "${text}" (expected e.g. "Tier I - Level A")`);
  }
  return category && { ...category };
}
