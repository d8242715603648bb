import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCivicAssertions, parseCivicEvidence } from './civic.ts';
import type { CivicAssertion, CivicEvidenceItem } from './model.ts';
import { collect, failure, fixture } from './testing.ts';
import { SourceParseError } from './tsv.ts';

const EVIDENCE = fixture('civic-evidence.tsv');
const ASSERTIONS = fixture('civic-assertions.tsv');
const evidenceLines = readFileSync(EVIDENCE, 'utf8').trimEnd().split('\n');
const EVIDENCE_HEADER = (evidenceLines[0] as string).split('\t');

/** Fixture rows with fields replaced by column name, for broken-row tests. */
function evidenceWith(changes: Record<string, string>, row = 1): string[] {
  const fields = (evidenceLines[row] as string).split('\t');
  for (const [column, value] of Object.entries(changes)) fields[EVIDENCE_HEADER.indexOf(column)] = value;
  return [evidenceLines[0] as string, fields.join('\t')];
}

async function evidenceError(lines: string[]): Promise<SourceParseError> {
  const error = await failure(parseCivicEvidence(lines));
  expect(error).toBeInstanceOf(SourceParseError);
  return error as SourceParseError;
}

describe('CIViC evidence items', () => {
  it('reads accepted items from a file path into typed records', async () => {
    const { records } = await collect(parseCivicEvidence(EVIDENCE));
    expect(records.map((item) => item.id)).toEqual([95, 1003, 229, 9020, 7531, 6012, 3758]);
    expect(records[0]).toEqual({
      id: 95,
      status: 'accepted',
      type: 'Predictive',
      level: 'A',
      direction: 'Supports',
      significance: 'Sensitivity/Response',
      molecularProfile: {
        id: 12,
        name: 'BRAF V600E',
        gene: 'BRAF',
        variant: 'V600E',
        proteinChange: 'V600E',
        genes: ['BRAF'],
        complex: false,
      },
      disease: { name: 'Melanoma', doid: 'DOID:1909' },
      therapies: ['Vemurafenib'],
      therapyInteraction: null,
      phenotypes: [],
      // Ruby's CSV writer quoted this field because it holds quotes; they come back single.
      statement: expect.stringMatching(/call the benefit "clinically meaningful"\.$/),
      source: {
        type: 'PubMed',
        citationId: '21639808',
        citation: 'Chapman et al., 2011, N. Engl. J. Med.',
        ascoAbstractId: null,
        clinicalTrials: ['NCT01006980'],
      },
      rating: 5,
      variantOrigin: 'Somatic',
      lastReviewDate: '2024-03-12 16:31:58 UTC',
      url: 'https://civicdb.org/links/evidence_items/95',
      flagged: false,
      line: 2,
    } satisfies CivicEvidenceItem);
  });

  it('reads combinations, germline items and items without a disease', async () => {
    const { records } = await collect(parseCivicEvidence(EVIDENCE));
    const byId = new Map(records.map((item) => [item.id, item]));
    expect(byId.get(1003)).toMatchObject({
      therapies: ['Dabrafenib', 'Trametinib'],
      therapyInteraction: 'Combination',
    });
    expect(byId.get(229)).toMatchObject({
      molecularProfile: { gene: 'EGFR', variant: 'L858R', proteinChange: 'L858R' },
      disease: { name: 'Lung Adenocarcinoma', doid: 'DOID:3910' },
      level: 'B',
    });
    expect(byId.get(9020)?.molecularProfile).toMatchObject({ gene: 'KRAS', proteinChange: 'G12C' });
    expect(byId.get(7531)).toMatchObject({
      type: 'Predisposing',
      significance: 'Predisposition',
      variantOrigin: 'Rare Germline',
      phenotypes: ['Breast carcinoma', 'Ovarian neoplasm'],
      molecularProfile: { gene: 'BRCA1', variant: 'C61G' },
    });
    expect(byId.get(6012)?.molecularProfile).toEqual({
      id: 4170,
      name: 'EGFR L858R AND EGFR T790M',
      gene: null,
      variant: null,
      proteinChange: null,
      genes: ['EGFR'],
      complex: true,
    });
    expect(byId.get(3758)).toMatchObject({ type: 'Functional', level: 'D', disease: null, therapies: [] });
  });

  it('leaves out submitted items unless asked, and rejected ones always', async () => {
    const accepted = await collect(parseCivicEvidence(EVIDENCE));
    const withSubmitted = await collect(parseCivicEvidence(EVIDENCE, { includeSubmitted: true }));
    expect(accepted.records.some((item) => item.status !== 'accepted')).toBe(false);
    expect(
      withSubmitted.records.filter((item) => item.status === 'submitted').map((item) => item.id),
    ).toEqual([11874]);
    expect(withSubmitted.records.some((item) => item.id === 11902)).toBe(false);
  });

  it('yields batches of the size asked for', async () => {
    const { sizes } = await collect(parseCivicEvidence(EVIDENCE, { batchSize: 3 }));
    expect(sizes).toEqual([3, 3, 1]);
  });

  it('streams: the first batch comes before the rest of the file is read', async () => {
    let pulled = 0;
    function* manyRows() {
      yield evidenceLines[0] as string;
      for (let id = 1; id <= 100_000; id++) {
        pulled++;
        yield evidenceWith({ evidence_id: String(id) })[1] as string;
      }
    }
    const batches = parseCivicEvidence(manyRows(), { batchSize: 500 });
    const first = await batches.next();
    expect(first.value).toHaveLength(500);
    expect(pulled).toBe(500);
    await batches.return(undefined);
  });

  it('finds columns by name, whatever their order, in streamed lines', async () => {
    const reversed = evidenceLines.map((line) => line.split('\t').reverse().join('\t'));
    async function* stream() {
      yield* reversed;
    }
    const fromFile = await collect(parseCivicEvidence(EVIDENCE));
    const fromStream = await collect(parseCivicEvidence(stream()));
    expect(fromStream.records).toEqual(fromFile.records);
  });

  it('reads files from before molecular profiles, with gene, variant and drugs columns', async () => {
    const header =
      'gene\tvariant\tdisease\tdoid\tdrugs\tevidence_type\tevidence_direction\tevidence_level\tclinical_significance\tevidence_status\tevidence_id';
    const row =
      'BRAF\tV600E\tMelanoma\t1909\tVemurafenib\tPredictive\tSupports\tA\tSensitivity/Response\taccepted\t95';
    const { records } = await collect(parseCivicEvidence([header, row]));
    expect(records[0]).toMatchObject({
      molecularProfile: { id: null, name: 'BRAF V600E', gene: 'BRAF', variant: 'V600E' },
      therapies: ['Vemurafenib'],
      significance: 'Sensitivity/Response',
    });
  });

  it('names file, line and column for a row with too few or too many fields', async () => {
    const short = [
      evidenceLines[0] as string,
      (evidenceLines[1] as string).split('\t').slice(0, 20).join('\t'),
    ];
    const tooFew = await evidenceError(short);
    expect(tooFew.message).toBe(
      'nightly-ClinicalEvidenceSummaries.tsv:2: variant_origin (column 21): the row has 20 tab-separated fields, the header 25',
    );
    const long = [evidenceLines[0] as string, `${evidenceLines[1]}\textra`];
    expect((await evidenceError(long)).message).toMatch(
      /:2: extra field \(column 26\): the row has 26 .* the header 25$/,
    );
  });

  it('names the column for an unknown evidence level or type, and counts lines from the header', async () => {
    const level = await evidenceError(evidenceWith({ evidence_level: 'F' }, 3));
    expect(level).toMatchObject({ line: 2, column: 'evidence_level', columnNumber: 10 });
    expect(level.message).toBe(
      'nightly-ClinicalEvidenceSummaries.tsv:2: evidence_level (column 10): unknown evidence level "F" (CIViC levels are A–E)',
    );
    const type = await evidenceError(evidenceWith({ evidence_type: 'Therapeutic' }));
    expect(type).toMatchObject({ column: 'evidence_type', columnNumber: 8 });
    const lines = [...evidenceLines.slice(0, 4), evidenceWith({ rating: '9' }, 4)[1] as string];
    expect(await evidenceError(lines)).toMatchObject({
      line: 5,
      column: 'rating',
      reason: 'expected 1–5 stars, got 9',
    });
  });

  it('refuses a header without a required column, and a repeated evidence id', async () => {
    const header = EVIDENCE_HEADER.map((name) => (name === 'evidence_level' ? 'level' : name)).join('\t');
    const missing = await evidenceError([header, evidenceLines[1] as string]);
    expect(missing.message).toBe(
      'nightly-ClinicalEvidenceSummaries.tsv:1: evidence_level: the header has no such column',
    );
    const repeated = await evidenceError([...evidenceLines.slice(0, 2), evidenceLines[1] as string]);
    expect(repeated).toMatchObject({ line: 3, column: 'evidence_id', reason: '95 appears twice' });
  });

  it('reports a missing or empty file by name', async () => {
    const missing = await failure(parseCivicEvidence('/no/such/nightly-ClinicalEvidenceSummaries.tsv'));
    expect(missing).toMatchObject({
      file: 'nightly-ClinicalEvidenceSummaries.tsv',
      line: 1,
      reason: 'no such file',
    });
    expect(await failure(parseCivicEvidence([], { file: 'empty.tsv' }))).toMatchObject({
      message: 'empty.tsv:1: header: the file is empty',
    });
  });
});

describe('CIViC assertions', () => {
  it('reads assertions with AMP category, guideline and approvals', async () => {
    const { records } = await collect(parseCivicAssertions(ASSERTIONS));
    expect(records.map((assertion) => assertion.id)).toEqual([7, 9, 12]);
    expect(records[0]).toEqual({
      id: 7,
      type: 'Predictive',
      direction: 'Supports',
      significance: 'Sensitivity/Response',
      molecularProfile: {
        id: 12,
        name: 'BRAF V600E',
        gene: 'BRAF',
        variant: 'V600E',
        proteinChange: 'V600E',
        genes: ['BRAF'],
        complex: false,
      },
      disease: { name: 'Melanoma', doid: 'DOID:1909' },
      therapies: ['Dabrafenib', 'Trametinib'],
      phenotypes: [],
      ampCategory: { tier: 'I', level: 'A' },
      acmgCodes: [],
      clingenCodes: [],
      nccnGuideline: { name: 'Melanoma', version: '2.2024' },
      fdaRegulatoryApproval: true,
      fdaCompanionTest: true,
      summary: 'BRAF V600E melanoma is sensitive to combined BRAF and MEK inhibition.',
      description: expect.stringMatching(/^Randomised phase 3 trials/),
      evidenceItemIds: [95, 1003],
      lastReviewDate: '2025-02-14 13:40:00 UTC',
      url: 'https://civicdb.org/links/assertions/7',
      flagged: false,
      line: 2,
    } satisfies CivicAssertion);
    expect(records[2]).toMatchObject({
      type: 'Predisposing',
      significance: 'Pathogenic',
      ampCategory: null,
      acmgCodes: ['PS3', 'PM1', 'PM2', 'PP1'],
      nccnGuideline: null,
      fdaRegulatoryApproval: null,
    });
  });

  it('reads the AMP categories CIViC writes, and refuses others', async () => {
    const lines = readFileSync(ASSERTIONS, 'utf8').trimEnd().split('\n');
    const header = (lines[0] as string).split('\t');
    const withCategory = (category: string) => {
      const fields = (lines[1] as string).split('\t');
      fields[header.indexOf('amp_category')] = category;
      return [lines[0] as string, fields.join('\t')];
    };
    const categoryOf = async (category: string) =>
      (await collect(parseCivicAssertions(withCategory(category)))).records[0]?.ampCategory;
    expect(await categoryOf('Tier II - Level C')).toEqual({ tier: 'II', level: 'C' });
    expect(await categoryOf('Tier I – Level B')).toEqual({ tier: 'I', level: 'B' });
    expect(await categoryOf('Tier III')).toEqual({ tier: 'III', level: null });
    expect(await categoryOf('Not Applicable')).toBeNull();
    expect(await failure(parseCivicAssertions(withCategory('Tier I - Level C')))).toMatchObject({
      file: 'nightly-AssertionSummaries.tsv',
      line: 2,
      column: 'amp_category',
      columnNumber: 11,
    });
  });
});
