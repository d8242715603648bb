import { describe, expect, it } from 'vitest';
import { REPORT_REFUSALS } from '../../../../src/modules/reporting/refusals.ts';
import type { Problem } from '../../api.ts';
import { reportingEn, reportingNb } from '../../i18nReporting.ts';
import { templatesCoverCodes } from '../../templateCoverage.ts';
import { fillTemplate } from '../../templates.ts';
import { existingReportId, reportRefusalText } from './refusals.ts';

const dictionaries = { nb: reportingNb, en: reportingEn };
const roles = { nb: { bioinformatician: 'Bioinformatiker' }, en: { bioinformatician: 'Bioinformatician' } };

const format = fillTemplate;

const refused = (detail: string, reason?: Problem['reason'], status = 409): Problem => ({
  type: 'urn:genvei:problem:report-state',
  title: 'Not allowed for this report version',
  status,
  detail,
  ...(reason ? { reason } : {}),
});
const words = (lang: 'nb' | 'en', problem: Problem) =>
  reportRefusalText(problem, dictionaries[lang].refusals, roles[lang], format);

describe('report refusal templates', () => {
  templatesCoverCodes('refusal', REPORT_REFUSALS, { nb: reportingNb.refusals, en: reportingEn.refusals });
});

describe('a report refusal', () => {
  it.each<['nb' | 'en', Problem['reason'], string]>([
    [
      'nb',
      { code: 'same-signer', params: {} },
      'du har allerede signert denne versjonen; den andre signaturen må være en annens.',
    ],
    [
      'nb',
      { code: 'version-signed', params: { version: 2 } },
      'versjon 2 er signert og endres aldri; lag en ny versjon (tillegg/rettelse) i stedet.',
    ],
    [
      'nb',
      { code: 'draft-has-signature', params: { signer: 'Per Patolog' } },
      'Per Patolog har signert denne versjonen, så den kan ikke lenger redigeres.',
    ],
    [
      'nb',
      { code: 'role-does-not-sign', params: { role: 'bioinformatician' } },
      'rollen «Bioinformatiker» signerer ikke svarrapporter (det gjør patolog, medisinsk genetiker og bioingeniør/molekylærbiolog).',
    ],
    [
      'nb',
      { code: 'registry-needs-signed', params: {} },
      'bare en signert versjon sendes til Kreftregisteret.',
    ],
    [
      'en',
      { code: 'amend-draft', params: { version: 3 } },
      'version 3 is still a draft: edit it rather than amending.',
    ],
  ])('%s %j → %s', (lang, reason, text) => {
    expect(words(lang, refused('the English sentence', reason))).toBe(text);
  });

  it('is left to the server’s English sentence without a code, or with one it does not know', () => {
    expect(words('nb', refused('version 1 is signed already'))).toBeNull();
    expect(words('nb', refused('new', { code: 'report-withdrawn', params: {} }))).toBeNull();
  });

  it('names the report a case already has', () => {
    const id = '0b5e3a4c-2d0f-4f43-9a51-6a4f7f0c2b11';
    expect(existingReportId(refused('x', { code: 'report-exists', params: { reportId: id } }))).toBe(id);
    expect(existingReportId(refused(`the case has a report already: ${id}`))).toBeNull();
  });
});
