import type { ColumnType } from 'kysely';
import type { CreatedAt } from './schema.ts';

/** Structured reports in signed versions (migration 0007). */
export interface ReportingTables {
  report: ReportTable;
  report_version: ReportVersionTable;
  report_signature: ReportSignatureTable;
  report_notification: ReportNotificationTable;
}

export interface ReportTable {
  id: string;
  order_id: string;
  case_id: string;
  lab_id: string;
  created_at: CreatedAt;
  created_by: string | null;
}

export interface ReportVersionTable {
  report_id: string;
  version: number;
  status: 'draft' | 'signed';
  content: ColumnType<unknown, string, string>;
  amendment_reason: string | null;
  created_at: CreatedAt;
  created_by: string | null;
  signed_at: Date | null;
}

export interface ReportSignatureTable {
  report_id: string;
  version: number;
  signer_id: string;
  signer_name: string;
  role: string;
  hpr_number: string | null;
  signed_at: CreatedAt;
}

export interface ReportNotificationTable {
  report_id: string;
  version: number;
  recipient: string;
  kind: 'signed' | 'amended';
  notified_at: CreatedAt;
}
