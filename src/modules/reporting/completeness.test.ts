import { describe, expect, it } from 'vitest';
import { validateForSigning } from './completeness.ts';
import type { ReportContent, SequenceVariant } from './content.ts';
import { reportContentSchema } from './model.ts';
import { demoReportContent, signedDemoReportContent } from './testing.ts';

const demo = { allowSyntheticPersonIds: true };
const paths = (content: ReportContent) => validateForSigning(content, demo).map((m) => m.path);
const braf = (content: ReportContent) => content.variants[0] as SequenceVariant;

describe('validateForSigning', () => {
  it('lets a complete draft be signed', () => {
    expect(validateForSigning(demoReportContent(), demo)).toEqual([]);
  });

  it('refuses a synthetic fødselsnummer outside demo and test mode', () => {
    const [item] = validateForSigning(demoReportContent());
    expect(item?.path).toBe('patient.nationalId');
    expect(item?.message).toMatch(/synthetic/);
  });

  it('names every mandatory item that is missing, by where it lives', () => {
    const content = demoReportContent();
    content.conclusion = ' ';
    content.clinical.question = '';
    content.specimen.tumourCellPercent = null;
    content.specimen.blockId = null;
    content.method.pipeline.version = '';
    content.method.knowledgeSources = [];
    content.method.limitOfDetection.vafPercent = 0;
    braf(content).interpretation = '';
    const items = validateForSigning(content, demo);
    expect(items.map((m) => m.path).sort()).toEqual(
      [
        'clinical.question',
        'conclusion',
        'method.knowledgeSources',
        'method.limitOfDetection.vafPercent',
        'method.pipeline.version',
        'specimen.blockId',
        'specimen.tumourCellPercent',
        'variants[0].interpretation',
      ].sort(),
    );
    expect(items.find((m) => m.path === 'conclusion')?.message).toBe('the conclusion is missing');
  });

  it('requires HGVS on a versioned transcript, at nucleotide and protein level', () => {
    const content = demoReportContent();
    Object.assign(braf(content), { transcript: 'NM_004333', hgvsp: null, protein: 'NP_004324' });
    expect(paths(content)).toEqual(['variants[0].transcript', 'variants[0].hgvsp', 'variants[0].protein']);
  });

  it('accepts a versioned Ensembl transcript and rejects a gene name that is not an HGNC symbol', () => {
    const content = demoReportContent();
    Object.assign(braf(content), { transcript: 'ENST00000646891.2', protein: 'ENSP00000493543.1' });
    braf(content).gene.symbol = 'braf';
    expect(paths(content)).toEqual(['variants[0].gene.symbol']);
  });

  it('asks for the reason when material is limited or inadequate, and refuses results from inadequate material', () => {
    const content = demoReportContent();
    content.quality.adequacy = 'inadequate';
    content.quality.reasons = [];
    expect(paths(content)).toEqual(['quality.reasons', 'quality.adequacy']);
    content.quality.reasons = ['other'];
    expect(paths(content)).toEqual(['quality.comment', 'quality.adequacy']);
  });

  it('requires drugs, response, evidence level and source of a therapeutic implication', () => {
    const content = demoReportContent();
    const therapy = braf(content).implications[0];
    if (!therapy) throw new Error('the demo has a therapeutic implication');
    Object.assign(therapy, { drugs: [], response: null, evidenceLevel: null, source: '' });
    expect(paths(content)).toEqual([
      'variants[0].implications[0].evidenceLevel',
      'variants[0].implications[0].source',
      'variants[0].implications[0].drugs',
      'variants[0].implications[0].response',
    ]);
  });

  it('requires the germline note when a variant is of germline origin or suspicion is raised', () => {
    const content = demoReportContent();
    content.germline = { present: false, note: null, referralRecommended: false };
    (content.variants[1] as SequenceVariant).origin = 'germline';
    expect(paths(content)).toEqual(['germline.present']);
    content.germline.present = true;
    expect(paths(content)).toEqual(['germline.note']);
  });

  it('requires a TMB and MSI result when the method measures them', () => {
    const content = demoReportContent();
    content.biomarkers = { tmb: null, msi: null };
    expect(paths(content)).toEqual(['biomarkers.tmb', 'biomarkers.msi']);
  });

  it('requires the integrated conclusion once the pathologist has added findings', () => {
    const content = demoReportContent();
    if (!content.pathology) throw new Error('the demo is integrated');
    content.pathology.integratedConclusion = '';
    content.pathology.immunohistochemistry.push({ marker: 'PD-L1', result: '' });
    expect(paths(content)).toEqual([
      'pathology.integratedConclusion',
      'pathology.immunohistochemistry[3].result',
    ]);
  });

  it('signs only drafts, and an amendment only with its reason and the version it replaces', () => {
    expect(paths(signedDemoReportContent())).toEqual(['status']);
    const amendment = demoReportContent();
    amendment.version = 2;
    expect(paths(amendment)).toEqual(['previousVersion', 'amendmentReason']);
    amendment.previousVersion = 1;
    amendment.amendmentReason = 'Rettet klassifikasjon av TP53-varianten.';
    expect(paths(amendment)).toEqual([]);
  });

  it('checks the birth date against the fødselsnummer and the organisation number’s control digit', () => {
    const content = demoReportContent();
    content.patient.birthDate = '1958-03-15';
    content.lab.organisationNumber = '974123453';
    expect(paths(content)).toEqual(['patient.birthDate', 'lab.organisationNumber']);
  });
});

describe('reportContentSchema', () => {
  it('parses the demo report and a signed one unchanged', () => {
    for (const content of [demoReportContent(), signedDemoReportContent()]) {
      expect(reportContentSchema.parse(content)).toEqual(content);
    }
  });

  it('parses a half-written draft, leaving completeness to validateForSigning', () => {
    const draft = demoReportContent();
    draft.conclusion = '';
    draft.variants = [];
    expect(reportContentSchema.safeParse(draft).success).toBe(true);
  });

  it('rejects values of the wrong kind, such as a class from another scheme or a VAF above 1', () => {
    const content = demoReportContent();
    braf(content).vaf = 34;
    const wrongClass = demoReportContent();
    Object.assign(braf(wrongClass).classification, { scheme: 'acmg-2015', class: 'oncogenic' });
    for (const bad of [content, wrongClass]) expect(reportContentSchema.safeParse(bad).success).toBe(false);
  });
});
