import { demoNationalIds } from '../../src/demo/seed.ts';
import type { NewOrderInput } from '../../src/modules/orders/model.ts';
import type { ApiSession } from './apiSession.ts';

/** An order as a browser test needs it: where it is, what it is called, and its one specimen. */
export type PlacedOrder = { id: string; orderNumber: string; specimenId: string };

/**
 * A requisition placed by the requester over the API, for a test whose subject comes after it: the
 * order form itself is the orders test's subject.
 */
export async function placeOrder(requester: ApiSession, requisition: NewOrderInput): Promise<PlacedOrder> {
  const placed = await requester.request<{ id: string; orderNumber: string }>(
    'POST',
    '/api/orders',
    requisition,
  );
  const order = await requester.request<{ specimens: { id: string }[] }>('GET', `/api/orders/${placed.id}`);
  return { ...placed, specimenId: (order.specimens[0] as { id: string }).id };
}

/**
 * A melanoma FFPE block sent for BRAF status, for one of the demo patients; the override reason
 * lets a test order again for a patient who already has an order testing the same genes.
 */
export const melanomaRequisition = (patient: number, analysis = 'fjordvik-lunge-ngs'): NewOrderInput => ({
  patient: { nationalId: demoNationalIds()[patient] as string },
  analysis,
  clinical: { diagnosis: { oncotree: 'MEL' }, question: 'BRAF-status før behandling?' },
  specimens: [
    {
      kind: 'ffpe-block',
      blockId: 'H2026-04711 A2',
      collectionDate: '2026-10-01',
      site: 'hud, rygg',
      tumourCellPercent: 70,
    },
  ],
  researchConsent: false,
  duplicateOverrideReason: 'Ny biopsi etter progresjon',
});
