/**
 * GA4GH DRS 1.x objects for the files genvei knows by reference: raw data (FASTQ/BAM/CRAM) that
 * stays in the lab's storage, and the result files that were ingested. Pure: rows in, JSON out.
 */
export const DRS_VERSION = '1.5.0';

export type DrsSource = {
  id: string;
  name: string;
  uri: string | null;
  sizeBytes: number;
  sha256: string;
  createdAt: Date;
  accessZone: string | null;
  format: string;
};

export type AccessMethodType = 's3' | 'gs' | 'ftp' | 'gsiftp' | 'globus' | 'htsget' | 'https' | 'file';

const SCHEMES: Record<string, AccessMethodType> = {
  's3:': 's3',
  'gs:': 'gs',
  'ftp:': 'ftp',
  'https:': 'https',
  'file:': 'file',
  'htsget:': 'htsget',
};

/** The DRS access method type for a URI, or null when DRS has none for its scheme. */
export function accessMethodType(uri: string): AccessMethodType | null {
  try {
    return SCHEMES[new URL(uri).protocol] ?? null;
  } catch {
    return null;
  }
}

const MIME_TYPES: Record<string, string> = {
  vcf: 'text/x-vcf',
  bcf: 'application/octet-stream',
  bam: 'application/octet-stream',
  cram: 'application/octet-stream',
  fastq: 'text/x-fastq',
  'copy-number-tsv': 'text/tab-separated-values',
  'fusion-tsv': 'text/tab-separated-values',
  'metrics-json': 'application/json',
};

/**
 * Where a client fetches the bytes: the registered URI, except that an `htsget://host/path`
 * registration is served as the htsget ticket URL `https://host/path` (DRS wants a URL a client
 * can resolve; the htsget type says how to read it).
 */
function accessUrl(uri: string, type: AccessMethodType): string {
  return type === 'htsget' ? `https://${uri.slice('htsget://'.length)}` : uri;
}

export function drsObject(source: DrsSource, publicUrl: string) {
  // A hostname-based DRS URI has no port (DRS 1.x: it resolves to https on the default port).
  const host = new URL(publicUrl).hostname;
  const type = source.uri ? accessMethodType(source.uri) : null;
  const name = drsName(source.name);
  return {
    id: source.id,
    name,
    // The file's own name, when DRS's characters could not hold it.
    ...(name !== source.name ? { aliases: [source.name] } : {}),
    self_uri: `drs://${host}/${encodeURIComponent(source.id)}`,
    size: source.sizeBytes,
    created_time: source.createdAt.toISOString(),
    mime_type: MIME_TYPES[source.format] ?? 'application/octet-stream',
    checksums: [{ checksum: source.sha256, type: 'sha-256' }],
    // A file with no reachable location (an upload genvei did not keep) has no access method.
    ...(source.uri && type
      ? {
          access_methods: [
            {
              type,
              access_url: { url: accessUrl(source.uri, type) },
              ...(source.accessZone ? { region: source.accessZone } : {}),
            },
          ],
        }
      : {}),
    description: `${source.format} file${source.accessZone ? ` in access zone ${source.accessZone}` : ''}`,
  };
}

/**
 * A file name in the characters DRS 1.x allows in `name` (letters A–Z and a–z, digits, `.`, `-`,
 * `_`): any other character — a space, æ, ø, å — becomes `_`. The name as given goes to
 * `aliases`, so a client can still find the file by it.
 */
export function drsName(name: string): string {
  const portable = name.replace(/[^A-Za-z0-9._-]/g, '_');
  return portable.length > 0 ? portable : 'object';
}

export function drsServiceInfo(publicUrl: string) {
  return {
    id: `no.genvei.${new URL(publicUrl).hostname}.drs`,
    name: 'genvei DRS',
    type: { group: 'org.ga4gh', artifact: 'drs', version: DRS_VERSION },
    description:
      'Sequencing data files known to genvei, served by reference: genvei keeps their location, size and checksum, never a copy.',
    organization: { name: 'genvei', url: publicUrl },
    version: '0.1.0',
    // DrsService requires it. This service has no bulk routes (they answer 404), so no bulk request
    // of any length is served.
    maxBulkRequestLength: 0,
  };
}
