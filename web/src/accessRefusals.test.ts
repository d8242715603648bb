import { describe, expect, it } from 'vitest';
import { ACCESS_REFUSALS } from '../../src/modules/access/refusals.ts';
import { accessRefusalText } from './accessRefusals.ts';
import { ApiError, type Problem } from './api.ts';
import { problemText, setProblemWording } from './ErrorAlert.tsx';
import { dictionaries } from './i18n.tsx';
import { templatesCoverCodes } from './templateCoverage.ts';
import { fillTemplate } from './templates.ts';

const format = fillTemplate;

const refused = (detail: string, reason?: Problem['reason']): Problem => ({
  type: 'urn:genvei:problem:forbidden',
  title: 'Access refused',
  status: 403,
  detail,
  ...(reason ? { reason } : {}),
});

describe('access refusal templates', () => {
  templatesCoverCodes('refusal', ACCESS_REFUSALS, {
    nb: dictionaries.nb.accessRefusals,
    en: dictionaries.en.accessRefusals,
  });

  it.each(['nb', 'en'] as const)('%s words every action and kind of record the rules know', (lang) => {
    const t = dictionaries[lang];
    for (const action of [
      'read',
      'search',
      'create',
      'update',
      'verify',
      'approve',
      'publish',
      'process',
      'cancel',
    ])
      expect(t.accessActions[action], `${lang} ${action}`).toBeTypeOf('string');
    for (const resource of [
      'patient',
      'order',
      'report',
      'interpretation-case',
      'sequencing-data',
      'audit-log',
    ])
      expect(t.accessResources[resource], `${lang} ${resource}`).toBeTypeOf('string');
  });
});

describe('an access refusal', () => {
  const roleMayNot = refused('role bioinformatician may not approve report', {
    code: 'role-may-not',
    params: { role: 'bioinformatician', action: 'approve', resource: 'report' },
  });

  it('is worded in bokmål from its code, the role, verb and record in words', () => {
    expect(accessRefusalText(roleMayNot, dictionaries.nb, format)).toBe(
      'Ingen tilgang: rollen Bioinformatiker kan ikke godkjenne svarrapporter.',
    );
    expect(accessRefusalText(roleMayNot, dictionaries.en, format)).toBe(
      'Access refused: the role Bioinformatician may not approve reports.',
    );
  });

  it('words each permitted purpose', () => {
    const problem = refused('purpose research does not permit this', {
      code: 'purpose-not-permitted',
      params: { purpose: 'research', permitted: 'care, quality-assurance' },
    });
    expect(accessRefusalText(problem, dictionaries.nb, format)).toBe(
      'Ingen tilgang: formålet forskning gir ikke denne tilgangen (tillatte formål: helsehjelp, kvalitetssikring).',
    );
  });

  it('falls back to the English detail for a code this build does not know, or none', () => {
    const unknown = refused('something new', { code: 'new-rule', params: {} });
    expect(accessRefusalText(unknown, dictionaries.nb, format)).toBeNull();
    expect(accessRefusalText(refused('no code'), dictionaries.nb, format)).toBeNull();
  });

  it('is what every page shows through problemText, in the language set', () => {
    setProblemWording((problem) => accessRefusalText(problem, dictionaries.nb, format));
    try {
      expect(problemText(new ApiError(roleMayNot))).toMatch(/^Ingen tilgang: rollen Bioinformatiker/);
      expect(problemText(new ApiError(refused('no code')))).toBe('no code');
    } finally {
      setProblemWording(() => null);
    }
  });
});
