import { describe, expect, it } from 'vitest';
import { QUANTITY_INVARIANTS } from './invariants.ts';
import { SYSTEM } from './rules.ts';

describe('cnt-3', () => {
  const cnt3 = QUANTITY_INVARIANTS['cnt-3'];
  if (!cnt3) throw new Error('cnt-3 missing');

  it('holds for a whole count in UCUM 1, and for an empty quantity', () => {
    expect(cnt3.check({ value: 4, system: SYSTEM.UCUM, code: '1' })).toEqual([]);
    expect(cnt3.check({ value: 4, code: '1' })).toEqual([]);
    expect(cnt3.check({})).toEqual([]);
  });

  it('needs the code 1 once there is a value', () => {
    expect(cnt3.check({ value: 4 })).toEqual([{ clause: "a value needs the code '1'", severity: 'error' }]);
    expect(cnt3.check({ value: 4, code: 'copies' })).toMatchObject([{ severity: 'error' }]);
  });

  it('needs UCUM when a system is given', () => {
    expect(cnt3.check({ value: 4, system: 'urn:genvei:units', code: '1' })).toMatchObject([
      { severity: 'error' },
    ]);
  });

  it('only warns about a fraction, which the copy-number slice’s own comment allows', () => {
    expect(cnt3.check({ value: 2.5, system: SYSTEM.UCUM, code: '1' })).toEqual([
      { clause: 'value 2.5 is not a whole number', severity: 'warning' },
    ]);
  });
});
