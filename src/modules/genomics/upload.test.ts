import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, lastAuditEntry, type TestApp, testApp } from '../../platform/testing/testApp.ts';
import { receiveUpload, UploadTooLarge } from './ingestJobs.ts';
import { lungOrder } from './testing.ts';

const LIMIT = 4096;

let t: TestApp;
let lab: Client;
let requester: Client;
let specimenId: string;

beforeAll(async () => {
  t = await testApp({ env: { GENVEI_UPLOAD_MAX_BYTES: String(LIMIT) } });
  requester = await t.login('rekvirent');
  lab = await t.login('bioinformatiker');
  specimenId = (await lungOrder(t)).specimenId;
});
afterAll(async () => {
  await t?.close();
});

const octets = { 'content-type': 'application/octet-stream' };
const uploads = () => readdirSync(tmpdir()).filter((f) => f.startsWith('genvei-upload-')).length;

/** A body that notes whether anyone began to read it. */
function watchedBody(bytes: number) {
  const body = { pulled: false, stream: null as unknown as Readable };
  let sent = false;
  body.stream = new Readable({
    read() {
      body.pulled = true;
      if (sent) this.push(null);
      else {
        sent = true;
        this.push(Buffer.alloc(bytes, 'A'));
      }
    },
  });
  return body;
}

describe('an upload is judged before its body is received', () => {
  it('refuses a user outside the performing lab without reading a byte, and audits the refusal', async () => {
    const body = watchedBody(100);
    const before = uploads();
    const response = await requester.request(
      'POST',
      `/api/specimens/${specimenId}/results?kind=vcf&fileName=x.vcf&role=tumor`,
      body.stream,
      octets,
    );
    expect(response.statusCode).toBe(403);
    expect(body.pulled).toBe(false);
    expect(uploads()).toBe(before);
    expect(await lastAuditEntry(t.database)).toMatchObject({
      resource_type: 'sequencing-data',
      action: 'create',
      outcome: 'deny',
    });
  });

  it('refuses a query without the file kind before reading the body, naming the field', async () => {
    const body = watchedBody(100);
    const response = await lab.request(
      'POST',
      `/api/specimens/${specimenId}/results?fileName=x.vcf&role=tumor`,
      body.stream,
      octets,
    );
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json())).toContain('/querystring/kind');
    expect(body.pulled).toBe(false);
  });

  it(`cuts off an upload beyond the limit (${LIMIT} bytes here) with 413 and keeps nothing of it`, async () => {
    const before = uploads();
    const response = await lab.request(
      'POST',
      `/api/specimens/${specimenId}/results?kind=vcf&fileName=big.vcf&role=tumor`,
      Buffer.alloc(LIMIT + 1, 'A'),
      octets,
    );
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ detail: expect.stringContaining('GENVEI_UPLOAD_MAX_BYTES') });
    expect(uploads()).toBe(before);
  });

  it('takes an allowed upload within the limit', async () => {
    const vcf =
      '##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\nchr1\t100\t.\tA\tG\t50\tPASS\t.\tGT\t0/1\n';
    const response = await lab.request(
      'POST',
      `/api/specimens/${specimenId}/results?kind=vcf&fileName=small.vcf&role=tumor`,
      Buffer.from(vcf),
      octets,
    );
    expect(response.statusCode).toBe(202);
  });
});

describe('receiving an upload', () => {
  it('writes it to a temporary file, and beyond the limit stops with UploadTooLarge and removes it', async () => {
    const kept = await receiveUpload(Readable.from([Buffer.alloc(10), Buffer.alloc(10)]), 20);
    expect(kept.bytes).toBe(20);
    expect(existsSync(kept.file)).toBe(true);
    const before = uploads();
    await expect(
      receiveUpload(Readable.from([Buffer.alloc(10), Buffer.alloc(11)]), 20),
    ).rejects.toBeInstanceOf(UploadTooLarge);
    expect(uploads()).toBe(before);
  });
});
