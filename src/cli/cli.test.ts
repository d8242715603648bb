import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoNationalIds, seedDemo } from '../demo/seed.ts';
import { verifyPassword } from '../modules/access/passwords.ts';
import { newOrderSchema } from '../modules/orders/model.ts';
import { placeOrder } from '../modules/orders/service.ts';
import type { Database } from '../platform/db/connect.ts';
import { migrate } from '../platform/db/migrate.ts';
import { openDatabase } from '../platform/db/open.ts';
import { freshDatabase } from '../platform/testing/testDatabase.ts';

/** The genvei command as an operator runs it, on PGlite or on the test PostgreSQL server. */
let env: NodeJS.ProcessEnv;
let dataDir: string;
let reopen: () => Promise<Database>;
let release: () => Promise<void> = async () => {};

function genvei(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['bin/genvei.js', ...args], { env }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input ?? '');
  });
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'genvei-cli-'));
  if (process.env.GENVEI_TEST_DATABASE_URL) {
    const database = await freshDatabase();
    await seedDemo(database.db);
    env = { ...process.env, DATABASE_URL: database.url };
    reopen = async () => ({ ...database, close: async () => {} });
    release = () => database.close();
  } else {
    env = { ...process.env, GENVEI_DATA: dataDir, DATABASE_URL: '' };
    const database = await openDatabase({ dataDir, databaseUrl: undefined });
    await migrate(database);
    await seedDemo(database.db);
    await database.close();
    reopen = () => openDatabase({ dataDir, databaseUrl: undefined });
  }
});
afterAll(async () => {
  await release();
  rmSync(dataDir, { recursive: true, force: true });
});

async function fjordvikNumber(): Promise<string> {
  const database = await reopen();
  try {
    const org = await database.db
      .selectFrom('organisation')
      .select('org_number')
      .where('name', '=', 'Fjordvik HF')
      .executeTakeFirstOrThrow();
    return org.org_number;
  } finally {
    await database.close();
  }
}

describe('genvei CLI', () => {
  it('import oncotree imports a file with a summary, and refuses a broken one naming the problem', async () => {
    const file = 'test/fixtures/catalogue/oncotree_small.json';
    const first = await genvei(['import', 'oncotree', file]);
    // The demo seed already holds some of these cancer types: those count as changed, not added.
    expect(first).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/oncotree: \d+ read, \d+ added, \d+ changed, 0 unchanged/),
    });
    const read = first.stdout.match(/(\d+) read/)?.[1];
    const again = await genvei(['import', 'oncotree', file]);
    expect(again.stdout).toMatch(new RegExp(`${read} read, 0 added, 0 changed, ${read} unchanged`));
    const broken = path.join(dataDir, 'broken.json');
    writeFileSync(broken, '{"TISSUE": {"code": "TISSUE", "children": {"X": {"code": "X"}}}}');
    const refused = await genvei(['import', 'oncotree', broken]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/OncoTree: TISSUE: name: /);
  }, 30_000);

  it('ingest puts a VCF on an order’s specimen with a summary, and says so when it has it already', async () => {
    const database = await reopen();
    let orderNumber: string;
    let specimenId: string;
    try {
      const user = await database.db
        .selectFrom('app_user')
        .selectAll()
        .where('username', '=', 'rekvirent')
        .executeTakeFirstOrThrow();
      const membership = await database.db
        .selectFrom('membership')
        .selectAll()
        .where('user_id', '=', user.id)
        .executeTakeFirstOrThrow();
      const subject = {
        userId: user.id,
        username: user.username,
        displayName: user.display_name,
        hprNumber: user.hpr_number,
        organisationId: membership.organisation_id,
        trustId: null,
        role: membership.role,
        patientId: null,
      };
      const [nationalId] = demoNationalIds();
      const placed = await placeOrder(
        database.db,
        newOrderSchema.parse({
          patient: { nationalId },
          analysis: 'fjordvik-lunge-ngs',
          clinical: { diagnosis: { oncotree: 'LUAD' }, question: 'Behandlingsrettede varianter?' },
          specimens: [{ kind: 'ffpe-block', collectionDate: '2026-10-01', site: 'lunge' }],
          researchConsent: false,
        }),
        subject,
        { allowSynthetic: true, duplicateWindowMonths: 12 },
      );
      orderNumber = placed.orderNumber;
      specimenId = (
        await database.db
          .selectFrom('specimen')
          .select('id')
          .where('order_id', '=', placed.id)
          .executeTakeFirstOrThrow()
      ).id;
    } finally {
      await database.close();
    }
    const args = [
      'ingest',
      '--order',
      orderNumber,
      '--specimen',
      specimenId,
      '--sample',
      'TUMOR=tumor',
      '--sample',
      'NORMAL=normal',
      'test/fixtures/vcf/tumour-normal.vep.vcf',
    ];
    const first = await genvei(args);
    expect(first).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(
        /4 records, 5 alleles, 5 variants, 10 observations, \d+ annotations \(DRS id [0-9a-f-]{36}\)/,
      ),
    });
    const again = await genvei(args);
    expect(again.stdout).toMatch(/was already ingested for this specimen: nothing changed/);
  }, 60_000);

  it('ingest refuses a wrong role, a specimen that is no id and a sample given two roles, naming the option', async () => {
    const specimen = '3de9250b-6e36-4756-872b-61997ecc494b';
    const cases: [string[], RegExp][] = [
      [['--specimen', specimen, '--role', 'tumour'], /--role.*'tumour' is invalid.*tumor, normal, germline/],
      [['--specimen', 'not-a-uuid', '--role', 'tumor'], /--specimen.*'not-a-uuid' is invalid.*UUID/],
      [['--specimen', specimen, '--sample', 'S1=tumor', '--sample', 'S1=normal'], /S1 is given a role twice/],
    ];
    for (const [options, message] of cases) {
      const result = await genvei(['ingest', '--order', 'GV-1', ...options, 'x.vcf']);
      expect(result.code, options.join(' ')).not.toBe(0);
      expect(result.stderr).toMatch(message);
    }
  }, 30_000);

  it('a process killed mid-ingest leaves nothing behind, and the ingest can simply run again', async () => {
    const database = await reopen();
    let target: { order_id: string; id: string };
    try {
      target = await database.db
        .selectFrom('specimen')
        .select(['order_id', 'id'])
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
    } finally {
      await database.close();
    }
    // A single-sample VCF large enough to be killed half-way.
    const big = path.join(dataDir, 'large.vcf');
    const lines = [
      '##fileformat=VCFv4.2',
      '##contig=<ID=chr1,length=248956422,assembly=GRCh38>',
      '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
      '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read depth">',
      '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR',
    ];
    for (let i = 0; i < 60_000; i++)
      lines.push(`chr1\t${1000 + i * 10}\t.\tA\t${'CGT'[i % 3]}\t50\tPASS\t.\tGT:DP\t0/1:80`);
    // Line 60,006 repeats the first record: one variant, so the summary names the merged line.
    lines.push('chr1\t1000\t.\tA\tC\t50\tPASS\t.\tGT:DP\t0/1:81');
    writeFileSync(big, `${lines.join('\n')}\n`);
    const args = ['ingest', '--order', target.order_id, '--specimen', target.id, '--role', 'tumor', big];

    const killed = await new Promise<{ signal: NodeJS.Signals | null }>((resolve) => {
      const child = spawn(process.execPath, ['bin/genvei.js', ...args], { env });
      child.stderr.on('data', (chunk: Buffer) => {
        // The first progress line comes after the first batch is written inside the transaction.
        if (/ingest vcf: .*\d+ records/.test(String(chunk))) child.kill('SIGKILL');
      });
      child.on('exit', (_code, signal) => resolve({ signal }));
    });
    expect(killed.signal).toBe('SIGKILL');
    const after = await reopen();
    try {
      const files = await after.db
        .selectFrom('sequencing_file')
        .select('id')
        .where('file_name', '=', 'large.vcf')
        .execute();
      expect(files).toEqual([]);
    } finally {
      await after.close();
    }
    const again = await genvei(args);
    expect(again).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(
        /60001 records, 60001 alleles, 60000 variants[\s\S]*\n1 allele was the same variant as an earlier record of the file \(line 60006\)/,
      ),
    });
  }, 180_000);

  it('vcf validate summarises a valid file and names file, line and field of an error', async () => {
    const valid = await genvei(['vcf', 'validate', 'test/fixtures/vcf/tumour-normal.vep.vcf']);
    expect(valid).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/valid VCF 4\.\d[\s\S]*annotation: VEP/),
    });
    const bad = path.join(dataDir, 'bad.vcf');
    writeFileSync(
      bad,
      '##fileformat=VCFv4.2\n##INFO=<ID=DP,Number=1,Type=Integer,Description="Depth">\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n1\t100\t.\tA\tT\t.\tPASS\tDP=abc\n',
    );
    const invalid = await genvei(['vcf', 'validate', bad]);
    expect(invalid).toMatchObject({ code: 1, stderr: expect.stringMatching(/bad\.vcf:4: INFO\/DP: /) });
    const json = JSON.parse((await genvei(['vcf', 'validate', '--json', bad])).stdout);
    expect(json).toMatchObject({ ok: false, error: { line: 4, field: 'INFO/DP' } });
  });

  it('hgvs check prints a parse, or the position and reason it is invalid', async () => {
    const valid = await genvei(['hgvs', 'check', 'NP_004324.2:p.V600E']);
    expect(valid).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^valid: NP_004324.2:p.Val600Glu/),
    });
    const invalid = await genvei(['hgvs', 'check', 'NM_004333.6:c.1799T>U']);
    expect(invalid).toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/position 21: expected a nucleotide/),
    });
  });

  it('migrate reports an up-to-date schema', async () => {
    expect(await genvei(['migrate'])).toMatchObject({ code: 0, stdout: 'the schema is up to date\n' });
  });

  it('user add creates a user whose password (read from stdin) verifies', async () => {
    const org = await fjordvikNumber();
    const result = await genvei(
      [
        'user',
        'add',
        '--username',
        'ny.patolog',
        '--name',
        'Ny Patolog',
        '--org',
        org,
        '--role',
        'pathologist',
        '--hpr',
        '9177700',
      ],
      'et-langt-passord\n',
    );
    expect(result).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/created user ny.patolog .* as pathologist/),
    });
    const database = await reopen();
    try {
      const user = await database.db
        .selectFrom('app_user')
        .selectAll()
        .where('username', '=', 'ny.patolog')
        .executeTakeFirstOrThrow();
      expect(user.hpr_number).toBe('9177700');
      expect(await verifyPassword(user.password_hash as string, 'et-langt-passord')).toBe(true);
    } finally {
      await database.close();
    }
  }, 30_000);

  it('user add refuses an unknown role, an unknown organisation and a short password, saying which', async () => {
    const org = await fjordvikNumber();
    const badRole = await genvei(
      ['user', 'add', '--username', 'x1', '--name', 'X', '--org', org, '--role', 'wizard'],
      'et-langt-passord\n',
    );
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toMatch(/choose one of requester/);
    const badOrg = await genvei(
      ['user', 'add', '--username', 'x2', '--name', 'X', '--org', '974760673', '--role', 'curator'],
      'et-langt-passord\n',
    );
    expect(badOrg).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/no organisation with number 974760673/),
    });
    const shortPassword = await genvei(
      ['user', 'add', '--username', 'x3', '--name', 'X', '--org', org, '--role', 'curator'],
      'kort\n',
    );
    expect(shortPassword).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/password: a password has at least 10 characters/),
    });
  }, 30_000);

  // The lock is PGlite's alone: a PostgreSQL server takes many clients.
  const embedded = !process.env.GENVEI_TEST_DATABASE_URL;
  (embedded ? it : it.skip)('refuses to open an embedded database another process holds', async () => {
    const held = await openDatabase({ dataDir, databaseUrl: undefined });
    try {
      const result = await genvei(['audit', 'verify']);
      expect(result).toMatchObject({ code: 1, stderr: expect.stringMatching(/is in use by process \d+/) });
    } finally {
      await held.close();
    }
  });
});
