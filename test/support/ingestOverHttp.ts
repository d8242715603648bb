/**
 * A result file sent the way the lab's upload sends it — the bytes as application/octet-stream to
 * POST /api/specimens/:id/results — and its background ingest followed to the end, for a browser
 * test that needs sequencing data in place before the page it is about.
 */
export async function ingestVcfOverHttp(
  base: string,
  username: string,
  specimenId: string,
  file: { name: string; bytes: Buffer | string; samples: Record<string, 'tumor' | 'normal' | 'germline'> },
): Promise<Record<string, unknown>> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'genvei-demo' }),
  });
  if (!login.ok) throw new Error(`${username} could not sign in: ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const query = new URLSearchParams({ kind: 'vcf', fileName: file.name });
  for (const [name, role] of Object.entries(file.samples)) query.append('sample', `${name}=${role}`);
  const started = await fetch(`${base}/api/specimens/${specimenId}/results?${query}`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(typeof file.bytes === 'string' ? Buffer.from(file.bytes) : file.bytes),
  });
  if (started.status !== 202)
    throw new Error(`upload of ${file.name}: ${started.status} ${await started.text()}`);
  const job = (await started.json()) as { id: string };
  for (let attempt = 0; attempt < 600; attempt++) {
    const response = await fetch(`${base}/api/ingest-jobs/${job.id}`, { headers: { cookie } });
    const state = (await response.json()) as {
      status: string;
      result: Record<string, unknown>;
      error: unknown;
    };
    if (state.status === 'done') return state.result;
    if (state.status === 'failed')
      throw new Error(`ingest of ${file.name} failed: ${JSON.stringify(state.error)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`ingest of ${file.name} did not finish in a minute`);
}
