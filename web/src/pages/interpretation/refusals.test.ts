import { describe, expect, it } from 'vitest';
import { INTERPRETATION_REFUSALS } from '../../../../src/modules/interpretation/refusals.ts';
import type { Problem } from '../../api.ts';
import { interpretationEn, interpretationNb } from '../../i18nInterpretation.ts';
import { templatesCoverCodes } from '../../templateCoverage.ts';
import { fillTemplate } from '../../templates.ts';
import { refusalText } from './refusals.ts';

const dictionaries = { nb: interpretationNb, en: interpretationEn };

const format = fillTemplate;

const refused = (detail: string, reason?: Problem['reason']): Problem => ({
  type: 'urn:genvei:problem:workflow',
  title: 'Not allowed in this state',
  status: 409,
  detail,
  ...(reason ? { reason } : {}),
});

describe('interpretation refusal templates', () => {
  templatesCoverCodes('refusal', INTERPRETATION_REFUSALS, {
    nb: interpretationNb.refusals,
    en: interpretationEn.refusals,
  });

  it.each(['nb', 'en'] as const)('%s words every step and status a wrong-status refusal can name', (lang) => {
    const i = dictionaries[lang];
    for (const step of ['submit', 'return', 'finalise', 'reopen'])
      expect(i.refusalSteps[step], `${lang} ${step}`).toBeTypeOf('string');
    for (const status of ['interpreting', 'in-review', 'finalised'])
      expect(i.status[status], `${lang} ${status}`).toBeTypeOf('string');
  });
});

describe('an interpretation refusal in bokmål', () => {
  const words = (problem: Problem) => refusalText(problem, interpretationNb, format);

  it.each<[Problem['reason'], string]>([
    [
      { code: 'second-person-required', params: {} },
      'godkjenning krever en annen person: du sendte selv saken til kontroll.',
    ],
    [
      { code: 'undecided-variants', params: { n: 2, list: 'TP53 p.R175H, KRAS p.G12D' } },
      'alle varianter som passerte filtrene, må være klassifisert eller markert som ikke relevante først; 2 uten beslutning: TP53 p.R175H, KRAS p.G12D',
    ],
    [
      { code: 'case-finalised', params: {} },
      'saken er godkjent: gjenåpne den (med en begrunnelse) for å endre en klassifisering.',
    ],
    [
      { code: 'wrong-status', params: { step: 'finalise', status: 'interpreting' } },
      'saken kan ikke godkjennes når den har status «Under tolkning».',
    ],
    [
      { code: 'wrong-status', params: { step: 'submit', status: 'in-review' } },
      'saken kan ikke sendes til kontroll når den har status «Til kontroll».',
    ],
    [
      { code: 'reason-required', params: { step: 'reopen' } },
      'skriv en begrunnelse før saken kan gjenåpnes.',
    ],
    [
      { code: 'assessment-too-old', params: { age: 400, limit: 365 } },
      'vurderingen er 400 dager gammel (grensen er 365): revurder den og bekreft før gjenbruk.',
    ],
    [
      { code: 'no-vcf', params: {} },
      'ingen VCF for tumor eller kimbane er lest inn for denne rekvisisjonen ennå.',
    ],
  ])('%j → %s', (reason, text) => {
    expect(words(refused('the English sentence', reason))).toBe(text);
  });

  it('shows the server’s English sentence without a code, with a code it does not know, or missing a param', () => {
    expect(words(refused('the case changed meanwhile; reload it'))).toBe(
      'the case changed meanwhile; reload it',
    );
    expect(words(refused('a new refusal', { code: 'not-yet-known', params: {} }))).toBe('a new refusal');
    expect(
      words(refused('only a case in review …', { code: 'wrong-status', params: { step: 'finalise' } })),
    ).toBe('only a case in review …');
    expect(words(refused('inherited', { code: 'toString', params: {} }))).toBe('inherited');
  });

  it('shows a step or status it has no word for as the server gives it', () => {
    expect(
      words(refused('x', { code: 'wrong-status', params: { step: 'archive', status: 'archived' } })),
    ).toBe('saken kan ikke archive når den har status «archived».');
  });
});
