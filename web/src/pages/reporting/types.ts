import type { Adequacy, InadequacyReason, ReportContent } from '../../../../src/modules/reporting/content.ts';

/** The reporting API as the pages read it (src/modules/reporting/routes.ts and lifecycle.ts). */
export type { Adequacy, InadequacyReason, ReportContent };

export const ADEQUACIES: readonly Adequacy[] = ['adequate', 'limited', 'inadequate'];
export const INADEQUACY_REASONS: readonly InadequacyReason[] = [
  'too-few-tumour-cells',
  'too-little-dna',
  'poor-dna-quality',
  'other',
];

export type VersionStatus = 'draft' | 'signed';

export type SignatureRow = {
  signer_name: string;
  role: string;
  hpr_number: string | null;
  signed_at: string;
};

export type VersionSummary = {
  version: number;
  status: VersionStatus;
  amendment_reason: string | null;
  created_at: string;
  signed_at: string | null;
  signatures: SignatureRow[];
};

export type ReportSummary = {
  id: string;
  order_id: string;
  case_id: string;
  order_number: string;
  versions: VersionSummary[];
};

export type ReportVersion = {
  report_id: string;
  version: number;
  status: VersionStatus;
  content: ReportContent;
  amendment_reason: string | null;
  html: string;
};

/** One row of GET /api/orders/:id/reports: a version the reader may see. */
export type OrderReportRow = {
  id: string;
  version: number;
  status: VersionStatus;
  amendment_reason: string | null;
  signed_at: string | null;
  created_at: string;
};

export type SignResult = {
  status: VersionStatus;
  signatures: number;
  required: number;
  notified?: string[];
};

export const reportPath = (id: string, version?: number) =>
  version === undefined ? `/reports/${id}` : `/reports/${id}/versions/${version}`;

export const versionApi = (id: string, version: number, rest = '') =>
  `/api/reports/${id}/versions/${version}${rest}`;
