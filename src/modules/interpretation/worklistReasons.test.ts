import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../platform/testing/testApp.ts';
import { FILTER_REASON_CODES } from './filters/index.ts';
import { melanomaOrder } from './testing.ts';

type Row = {
  gene: string | null;
  reason: string | null;
  reasonCode: string | null;
  reasonParams: Record<string, string | number> | null;
  overrode: { reason: string; reasonCode: string; reasonParams: Record<string, string | number> } | null;
};

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t?.close();
});

describe('the work-list gives each filter reason as a code with params next to the English words', () => {
  it('on removed rows, null on kept ones, and on the filter a kept variant overrode', async () => {
    const lab = await t.login('bioingenior');
    const created = await lab.request('POST', `/api/orders/${await melanomaOrder(t)}/cases`);
    expect(created.statusCode).toBe(201);
    const list = (await lab.request('GET', `/api/cases/${created.json().id}/worklist`)).json();

    const kras = list.removed.find((v: Row) => v.gene === 'KRAS');
    expect(kras).toMatchObject({
      reason: 'FILTER weak_evidence not allowed',
      reasonCode: 'filter-not-allowed',
      reasonParams: { filters: 'weak_evidence' },
    });
    for (const row of list.removed as Row[]) {
      expect(FILTER_REASON_CODES).toContain(row.reasonCode);
      expect(row.reasonParams).not.toBeNull();
    }
    for (const row of list.kept as Row[]) {
      expect(row).toMatchObject({ reason: null, reasonCode: null, reasonParams: null });
      if (row.overrode) {
        expect(FILTER_REASON_CODES).toContain(row.overrode.reasonCode);
        expect(row.overrode.reasonParams).toEqual(expect.any(Object));
      }
    }
  });
});
