import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPersonId, withControlDigits } from './fodselsnummer.ts';
import { checkOrganisationNumber } from './organisationNumber.ts';
import { isUuid } from './uuid.ts';

const strict = { allowSynthetic: false };
const demo = { allowSynthetic: true };

describe('fødselsnummer and D-number', () => {
  it('accepts a well-formed fødselsnummer and derives the birth date', () => {
    expect(checkPersonId('15076500565', strict)).toEqual({
      ok: true,
      id: { kind: 'fodselsnummer', synthetic: false, birthDate: '1965-07-15' },
    });
  });

  it('reads the century from the individual number', () => {
    const result = checkPersonId('01010750160', strict);
    expect(result.ok && result.id.birthDate).toBe('2007-01-01');
  });

  it('recognises a D-number (day + 40)', () => {
    const dnumber = withControlDigits('550765123');
    expect(dnumber).not.toBeNull();
    const result = checkPersonId(dnumber as string, strict);
    expect(result).toMatchObject({ ok: true, id: { kind: 'd-number', birthDate: '1965-07-15' } });
  });

  it('accepts synthetic numbers (month + 80) only when allowed', () => {
    expect(checkPersonId('15888512389', demo)).toMatchObject({
      ok: true,
      id: { synthetic: true, birthDate: '1985-08-15' },
    });
    expect(checkPersonId('15888512389', strict)).toMatchObject({
      ok: false,
      problem: { rule: 'synthetic-not-allowed' },
    });
  });

  it.each([
    ['1507650056', 'format'],
    ['1507650056x', 'format'],
    ['32076500565', 'date'],
    ['29029012345', 'date'],
    ['15076500575', 'control-digit-1'],
    ['15076500566', 'control-digit-2'],
  ])('refuses %s by rule %s', (value, rule) => {
    expect(checkPersonId(value, demo)).toMatchObject({ ok: false, problem: { rule } });
  });

  it('refuses 29 February in a year that is not a leap year', () => {
    const number = withControlDigits('290201123') ?? withControlDigits('290201124');
    expect(number).not.toBeNull();
    expect(checkPersonId(number as string, strict)).toMatchObject({ ok: false, problem: { rule: 'date' } });
  });

  it('any completed number with a valid date verifies; any single-digit change in a control digit fails', () => {
    const prefix = fc
      .record({
        date: fc.date({ min: new Date('1900-01-01'), max: new Date('1999-12-31'), noInvalidDate: true }),
        individual: fc.integer({ min: 0, max: 499 }),
      })
      .map(({ date, individual }) => {
        const dd = String(date.getUTCDate()).padStart(2, '0');
        const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
        const yy = String(date.getUTCFullYear() % 100).padStart(2, '0');
        return `${dd}${mm}${yy}${String(individual).padStart(3, '0')}`;
      });
    fc.assert(
      fc.property(prefix, fc.integer({ min: 1, max: 9 }), (p, delta) => {
        const number = withControlDigits(p);
        if (number === null) return;
        expect(checkPersonId(number, strict).ok).toBe(true);
        const k2 = (Number(number[10]) + delta) % 10;
        expect(checkPersonId(number.slice(0, 10) + k2, strict).ok).toBe(false);
      }),
    );
  });
});

describe('organisation numbers', () => {
  it.each(['974760673', '923609016', '983974899'])('accepts %s', (value) => {
    expect(checkOrganisationNumber(value)).toBeNull();
  });

  it.each([
    ['97476067', 'format'],
    ['97476067a', 'format'],
    ['174760673', 'first-digit'],
    ['974760674', 'control-digit'],
  ])('refuses %s by rule %s', (value, rule) => {
    expect(checkOrganisationNumber(value)).toMatchObject({ rule });
  });
});

describe('UUIDs', () => {
  it('takes the 8-4-4-4-12 form of any version, in either case, and nothing else', () => {
    expect(isUuid('3de9250b-6e36-4756-872b-61997ecc494b')).toBe(true);
    expect(isUuid('00000000-0000-0000-0000-000000000000')).toBe(true);
    expect(isUuid('3DE9250B-6E36-4756-872B-61997ECC494B')).toBe(true);
    for (const text of [
      'not-a-uuid',
      '314159',
      '3de9250b6e364756872b61997ecc494b',
      ' 3de9250b-6e36-4756-872b-61997ecc494b',
    ])
      expect(isUuid(text), text).toBe(false);
  });
});
