import type { Command } from 'commander';
import type { ImportSummary } from '../modules/knowledge/imports.ts';
import { loadConfig } from '../platform/config.ts';
import type { Database } from '../platform/db/connect.ts';
import { migrate } from '../platform/db/migrate.ts';
import { openDatabase } from '../platform/db/open.ts';
import { ProgressLine } from './progress.ts';

/** `genvei import civic|clinvar`: knowledge-source releases from files the operator provides. */
export function registerKnowledgeImports(importCommand: Command) {
  const run = async (
    label: string,
    work: (
      imports: typeof import('../modules/knowledge/imports.ts'),
      database: Database,
      progress: (n: number) => void,
    ) => Promise<ImportSummary>,
  ) => {
    const imports = await import('../modules/knowledge/imports.ts');
    const database = await openDatabase(loadConfig());
    try {
      await migrate(database);
      const progress = new ProgressLine(process.stderr, `${label}: `);
      const summary = await work(imports, database, (n) => progress.update(`${n} records`));
      progress.done();
      process.stdout.write(
        summary.status === 'already-imported'
          ? `${label}: release ${summary.release} is already imported (${summary.records} records): nothing changed\n`
          : `${label}: release ${summary.release} imported, ${summary.records} records\n`,
      );
    } finally {
      await database.close();
    }
  };
  importCommand
    .command('civic')
    .description(
      "import CIViC's nightly evidence TSV (and assertions); all or nothing; the same file again changes nothing",
    )
    .argument('<evidence>', 'nightly-ClinicalEvidenceSummaries.tsv')
    .option('--assertions <file>', 'nightly-AssertionSummaries.tsv')
    .option('--release <name>', 'the release name to record (default: the file name)')
    .action((evidence: string, options: { assertions?: string; release?: string }) =>
      run('civic', ({ importCivic }, database, progress) =>
        importCivic(database.db, { evidence, ...options }, progress),
      ),
    );
  importCommand
    .command('clinvar')
    .description('import a ClinVar GRCh38 VCF (CLNSIG, CLNREVSTAT → review stars); all or nothing')
    .argument('<file>', 'clinvar.vcf.gz')
    .action((file: string) =>
      run('clinvar', ({ importClinVar }, database, progress) => importClinVar(database.db, file, progress)),
    );
}
