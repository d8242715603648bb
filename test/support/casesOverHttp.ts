import { ONCOGENIC_BRAF_V600E } from '../../src/modules/interpretation/testing.ts';
import type { ApiSession } from './apiSession.ts';

/**
 * An order's interpretation case taken to finalised over HTTP, the way the lab does it: `lab` opens
 * the case, classifies BRAF p.V600E with `braf`, marks every other kept variant not relevant and
 * sends it for review; `reviewer` finalises it (the four-eyes rule wants a second person). Returns
 * the case, and the server's answers to the classification and to the finalising.
 */
export async function finaliseCase(
  lab: ApiSession,
  reviewer: ApiSession,
  orderId: string,
  braf: object = ONCOGENIC_BRAF_V600E,
) {
  const { id: caseId } = await lab.request<{ id: string }>('POST', `/api/orders/${orderId}/cases`);
  const list = await lab.request<{ kept: { id: number; label: string }[] }>(
    'GET',
    `/api/cases/${caseId}/worklist`,
  );
  const brafRow = list.kept.find((row) => row.label === 'BRAF p.V600E');
  if (!brafRow) throw new Error(`no BRAF p.V600E among the kept variants of case ${caseId}`);
  const classified = await lab.request<{ classification: string; points: number | null }>(
    'PUT',
    `/api/cases/${caseId}/variants/${brafRow.id}/assessment`,
    braf,
  );
  for (const row of list.kept.filter((row) => row !== brafRow))
    await lab.request('POST', `/api/cases/${caseId}/variants/${row.id}/not-relevant`, {
      reason: 'Ikke relevant',
    });
  await lab.request('POST', `/api/cases/${caseId}/submit`);
  const finalised = await reviewer.request<{ status: string; conflicts: number }>(
    'POST',
    `/api/cases/${caseId}/finalise`,
  );
  return { caseId, classified, finalised };
}
