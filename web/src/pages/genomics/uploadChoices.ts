import { type IngestKind, RAW_FILE_FORMATS, type RawFileFormat, type SampleRole } from './types.ts';

/** The rule the `genvei ingest` command uses, shared with the server. */
export { kindFromFileName } from '../../../../src/modules/genomics/ingest/kinds.ts';

/** A raw file's format from its name (`tumour.cram` → cram), when the name says it. */
export function rawFormatFromName(name: string): RawFileFormat | null {
  const lower = name.toLowerCase().replace(/\.gz$/, '');
  if (/\.f(ast)?q$/.test(lower)) return 'fastq';
  const extension = lower.split('.').pop() ?? '';
  return RAW_FILE_FORMATS.find((f) => f !== 'other' && f === extension) ?? null;
}

const ROLE_WORDS: Record<string, SampleRole> = {
  tumor: 'tumor',
  tumour: 'tumor',
  normal: 'normal',
  germline: 'germline',
};

export type SampleRoles = { role?: SampleRole; samples: string[] };

/**
 * What the lab typed about the file's samples: nothing (the server's default), one role for a
 * single-sample file (`tumor`), or `NAME=role` pairs for a multi-sample VCF (`TUMOR=tumor,
 * NORMAL=normal`), sent as the upload's `role` or repeated `sample` parameters. Null when it is
 * neither.
 */
export function parseSampleRoles(text: string): SampleRoles | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (parts.length === 0) return { samples: [] };
  const only = parts.length === 1 ? ROLE_WORDS[(parts[0] as string).toLowerCase()] : undefined;
  if (only) return { role: only, samples: [] };
  const samples: string[] = [];
  for (const part of parts) {
    const match = /^([^=]+)=([^=]+)$/.exec(part);
    const role = match && ROLE_WORDS[(match[2] as string).toLowerCase()];
    if (!match || !role) return null;
    samples.push(`${match[1]}=${role}`);
  }
  return { samples };
}

/** The upload's query: what the file is, whose samples it holds, and which pipeline made it. */
export function uploadQuery(choice: {
  kind: IngestKind;
  fileName: string;
  roles: SampleRoles;
  pipeline: string;
  pipelineVersion: string;
}): string {
  const params = new URLSearchParams({ kind: choice.kind, fileName: choice.fileName });
  if (choice.roles.role) params.set('role', choice.roles.role);
  for (const sample of choice.roles.samples) params.append('sample', sample);
  if (choice.pipeline.trim()) params.set('pipeline', choice.pipeline.trim());
  if (choice.pipelineVersion.trim()) params.set('pipelineVersion', choice.pipelineVersion.trim());
  return params.toString();
}
