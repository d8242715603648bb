import { Command, InvalidArgumentError } from 'commander';
import { ROLES, type Role } from '../modules/access/model.ts';
import { loadConfig } from '../platform/config.ts';
import { migrate } from '../platform/db/migrate.ts';
import { openDatabase } from '../platform/db/open.ts';
import { Problem } from '../platform/http/problems.ts';
import { registerIngestCommand } from './ingest.ts';
import { registerKnowledgeImports } from './knowledgeImport.ts';
import { ProgressLine } from './progress.ts';
import { readSecret } from './secret.ts';

/**
 * The `genvei` command. Each subcommand reads the same environment as the server (see README).
 * A subcommand loads its modules when it runs: `vcf validate` or `ingest` need not load the web
 * server, which took a second of every command's start.
 */
const program = new Command('genvei')
  .description('genvei — precision-medicine diagnostics')
  .showHelpAfterError();

program
  .command('serve')
  .description('start the server and the web app (migrates, and seeds demo data on a first demo start)')
  .option('-p, --port <port>', 'port to listen on (overrides PORT)', (v) => {
    if (!/^\d+$/.test(v)) throw new InvalidArgumentError('a port is a number');
    return v;
  })
  .action(async (options: { port?: string }) => {
    const config = loadConfig({ ...process.env, ...(options.port ? { PORT: options.port } : {}) });
    const [{ startServer }, { seedDemo }, { seedDemoWork }] = await Promise.all([
      import('../platform/server.ts'),
      import('../demo/seed.ts'),
      import('../demo/workSeed.ts'),
    ]);
    const server = await startServer(config, (database) => seedDemo(database.db), seedDemoWork);
    process.stdout.write(
      `genvei is running at ${server.url} (${config.mode} mode, ${server.database.engine})\n`,
    );
    if (config.mode === 'demo') process.stdout.write('Demo users: see README (password genvei-demo)\n');
    const stop = async () => {
      await server.stop();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    const database = await openDatabase(loadConfig());
    try {
      const applied = await migrate(database);
      process.stdout.write(
        applied.length ? `applied: ${applied.join(', ')}\n` : 'the schema is up to date\n',
      );
    } finally {
      await database.close();
    }
  });

program
  .command('audit')
  .description('audit log tools')
  .command('verify')
  .description('re-compute the audit hash chain; exit 1 and name the first bad entry if it is broken')
  .option('--json', 'print the result as JSON')
  .action(async (options: { json?: boolean }) => {
    const { verifyAuditLog } = await import('../platform/audit/auditLog.ts');
    const database = await openDatabase(loadConfig());
    try {
      const result = await verifyAuditLog(database.db);
      if (options.json) process.stdout.write(`${JSON.stringify(result)}\n`);
      else if (result.ok) {
        const head = result.head ? ` head: entry ${result.head.seq}, hash ${result.head.hash}` : '';
        process.stdout.write(`audit log OK: ${result.entries} entries verified.${head}\n`);
      } else {
        process.stdout.write(
          `audit log BROKEN at entry ${result.firstBad.seq} (id ${result.firstBad.id}): ${result.firstBad.problem}. ${result.entries} entries before it verified.\n`,
        );
      }
      process.exitCode = result.ok ? 0 : 1;
    } finally {
      await database.close();
    }
  });

const importCommand = program.command('import').description('import reference data from files you provide');
for (const [kind, describe, importer] of [
  ['hgnc', 'HGNC complete-set TSV (hgnc_complete_set.txt)', 'importHgncFile'],
  ['oncotree', 'OncoTree release JSON (e.g. oncotree_2025_10_03.json)', 'importOncoTreeFile'],
] as const) {
  importCommand
    .command(kind)
    .description(`import the ${describe}; all or nothing, and a re-import of the same file changes nothing`)
    .argument('<file>')
    .action(async (file: string) => {
      const run = (await import('../modules/catalogue/referenceImport.ts'))[importer];
      const database = await openDatabase(loadConfig());
      try {
        await migrate(database);
        const progress = new ProgressLine(process.stderr, `${kind}: `);
        const summary = await run(database.db, file, (done, phase) => progress.update(`${phase} ${done}`));
        progress.done();
        process.stdout.write(
          `${kind}: ${summary.read} read, ${summary.added} added, ${summary.changed} changed, ${summary.unchanged} unchanged\n`,
        );
      } finally {
        await database.close();
      }
    });
}

registerKnowledgeImports(importCommand);
registerIngestCommand(program);

program
  .command('vcf')
  .description('VCF tools')
  .command('validate')
  .description(
    'check a whole VCF file (plain or bgzip) without a database; print a summary, or the first error (exit 1)',
  )
  .argument('<file>', 'VCF 4.1–4.3 file')
  .option('--json', 'print the result as JSON')
  .action(async (file: string, options: { json?: boolean }) => {
    const { validateVcf } = await import('../modules/genomics/vcf/validate.ts');
    const result = await validateVcf(file);
    if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else if (result.ok) {
      const s = result.summary;
      process.stdout.write(
        `${[
          `${file}: valid VCF ${s.fileformat}`,
          `  records:    ${s.records} (${s.alleles} alleles after splitting)`,
          `  samples:    ${s.samples.length ? s.samples.join(', ') : '(none)'}`,
          `  contigs:    ${s.contigs.length} with records, ${s.headerContigs} in the header`,
          `  assembly:   ${s.assembly ?? 'not stated'}`,
          `  annotation: ${s.annotation}`,
        ].join('\n')}\n`,
      );
    } else {
      const e = result.error;
      process.stderr.write(`${e.file}:${e.line}: ${e.field}: ${e.message}\n`);
    }
    process.exitCode = result.ok ? 0 : 1;
  });

program
  .command('hgvs')
  .description('HGVS nomenclature tools')
  .command('check')
  .description('parse an HGVS description; print the parse, or why it is not valid (exit 1)')
  .argument('<description>', 'e.g. "NM_004333.6:c.1799T>A"')
  .option('--json', 'print the result as JSON')
  .option('--no-reference', 'accept a description without a reference sequence (as SnpEff writes them)')
  .action(async (description: string, options: { json?: boolean; reference: boolean }) => {
    const { checkHgvs } = await import('../modules/genomics/hgvs/index.ts');
    const result = checkHgvs(description, { requireReference: options.reference });
    if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else if (result.valid) {
      process.stdout.write(`valid: ${result.normalised}\n${JSON.stringify(result.variant, null, 2)}\n`);
      for (const warning of result.warnings) process.stdout.write(`warning: ${warning}\n`);
    } else {
      process.stdout.write(
        `invalid: ${description}\n${' '.repeat(result.position + 8)}^\n${result.reason}\n`,
      );
    }
    process.exitCode = result.valid ? 0 : 1;
  });

program
  .command('user')
  .description('user accounts')
  .command('add')
  .description('create a user; the password is read from standard input (or prompted for on a terminal)')
  .requiredOption('--username <name>', 'login name')
  .requiredOption('--name <display name>', 'full name')
  .requiredOption('--org <organisation number>', 'organisation (9-digit organisation number)')
  .requiredOption('--role <role>', `one of: ${ROLES.join(', ')}`, (v) => {
    if (!(ROLES as readonly string[]).includes(v))
      throw new InvalidArgumentError(`choose one of ${ROLES.join(', ')}`);
    return v;
  })
  .option('--hpr <number>', 'HPR number (links an OIDC sign-in that carries it)')
  .option('--no-password', 'no local password: the user signs in through OIDC only')
  .action(
    async (options: {
      username: string;
      name: string;
      org: string;
      role: Role;
      hpr?: string;
      password: boolean;
    }) => {
      const database = await openDatabase(loadConfig());
      try {
        await migrate(database);
        const org = await database.db
          .selectFrom('organisation')
          .select('id')
          .where('org_number', '=', options.org)
          .executeTakeFirst();
        if (!org)
          throw new Problem(
            400,
            'validation',
            'Unknown organisation',
            `no organisation with number ${options.org}`,
          );
        const password = options.password ? await readSecret('Password: ') : undefined;
        const { createUser } = await import('../modules/access/service.ts');
        const user = await createUser(database.db, {
          username: options.username,
          displayName: options.name,
          password,
          hprNumber: options.hpr ?? null,
          memberships: [{ organisationId: org.id, role: options.role }],
        });
        process.stdout.write(`created user ${options.username} (${user.id}) as ${options.role}\n`);
      } finally {
        await database.close();
      }
    },
  );

program.parseAsync().catch((error: unknown) => {
  process.stderr.write('\n');
  const message =
    error instanceof Problem
      ? (error.errors?.map((e) => `${e.path}: ${e.message}`).join('\n') ?? error.message)
      : (error as Error).message;
  process.stderr.write(`genvei: ${message}\n`);
  process.exit(1);
});
