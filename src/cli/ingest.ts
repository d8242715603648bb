import { userInfo } from 'node:os';
import { type Command, InvalidArgumentError, Option } from 'commander';
import {
  INGEST_KINDS,
  type IngestKind,
  kindFromFileName,
  shownLines,
} from '../modules/genomics/ingest/kinds.ts';
import type { SampleRole } from '../modules/genomics/ingest/resultFile.ts';
import { loadConfig } from '../platform/config.ts';
import { migrate } from '../platform/db/migrate.ts';
import { openDatabase } from '../platform/db/open.ts';
import { Problem } from '../platform/http/problems.ts';
import { isUuid } from '../platform/identifiers/uuid.ts';
import { ProgressLine } from './progress.ts';

type IngestOptions = {
  order: string;
  specimen: string;
  kind?: IngestKind;
  role?: SampleRole;
  sample?: string[];
  pipeline?: string;
  pipelineVersion?: string;
  accessZone?: string;
};

/** `genvei ingest`: a pipeline's result file into an order's specimen, all or nothing. */
export function registerIngestCommand(program: Command) {
  program
    .command('ingest')
    .description(
      "ingest a result file (VCF, copy-number TSV, fusion TSV, metrics JSON) into an order's specimen: all or nothing; the same file twice is a no-op",
    )
    .argument(
      '<file>',
      "VCF 4.1–4.3 (plain or bgzip), .cna.tsv or CNVkit .call.cns, .fusions.tsv (or Arriba's or STAR-Fusion's own names) or metrics .json (DRAGEN's tmb.json and msi.json are read with the TMB figure and MSI-H cut-off set for the order's analysis in the catalogue)",
    )
    .requiredOption('--order <id>', 'the order: its id or its order number (GV-…)')
    .requiredOption('--specimen <id>', 'the specimen on that order the data comes from', (value: string) => {
      if (!isUuid(value)) throw new InvalidArgumentError('a specimen is named by its id (a UUID)');
      return value;
    })
    .addOption(
      new Option('--kind <kind>', 'what the file holds (default: from its name)').choices([...INGEST_KINDS]),
    )
    .addOption(
      new Option('--role <role>', 'for a single-sample file (calls and metrics: default tumor)').choices([
        'tumor',
        'normal',
        'germline',
      ]),
    )
    .option(
      '--sample <name=role>',
      'a role for a sample of a multi-sample file; repeat it: --sample TUMOR=tumor --sample NORMAL=normal',
      (value: string, all: string[] = []) => {
        if (!/^[^=]+=(tumor|normal|germline)$/.test(value))
          throw new InvalidArgumentError('write NAME=tumor, NAME=normal or NAME=germline');
        const name = value.slice(0, value.lastIndexOf('='));
        if (all.some((given) => given.slice(0, given.lastIndexOf('=')) === name))
          throw new InvalidArgumentError(`sample ${name} is given a role twice`);
        return [...all, value];
      },
    )
    .option('--pipeline <name>', 'pipeline name (default: the file’s ##source)')
    .option('--pipeline-version <version>', 'pipeline version')
    .option('--access-zone <zone>', 'where the file is kept (for its DRS object)')
    .action(async (file: string, options: IngestOptions) => {
      const config = loadConfig();
      const [{ ingestResultFile }, { FastaReference }] = await Promise.all([
        import('../modules/genomics/ingest/ingestResultFile.ts'),
        import('../modules/genomics/vrs/fastaReference.ts'),
      ]);
      const database = await openDatabase(config);
      try {
        await migrate(database);
        const order = await database.db
          .selectFrom('clinical_order')
          .select('id')
          .where((eb) =>
            isUuid(options.order) ? eb('id', '=', options.order) : eb('order_number', '=', options.order),
          )
          .executeTakeFirst();
        if (!order) throw new Problem(400, 'validation', 'Unknown order', `no order ${options.order}`);
        const samples = options.sample
          ? Object.fromEntries(
              options.sample.map((pair) => {
                const at = pair.lastIndexOf('=');
                return [pair.slice(0, at), pair.slice(at + 1) as SampleRole];
              }),
            )
          : undefined;
        const kind = options.kind ?? kindFromFileName(file);
        const progress = new ProgressLine(process.stderr, `ingest ${kind}: `);
        const result = await ingestResultFile(
          database.db,
          kind,
          {
            file,
            orderId: order.id,
            specimenId: options.specimen,
            samples,
            role: options.role,
            reference: config.referenceFasta ? FastaReference.open(config.referenceFasta) : null,
            pipeline: options.pipeline,
            pipelineVersion: options.pipelineVersion,
            accessZone: options.accessZone,
            actor: { userId: null, username: `cli:${userInfo().username}` },
          },
          (records, fraction) => progress.update(`${records} records`, fraction),
        );
        progress.done();
        process.stdout.write(`${summaryOf(file, result)}\n`);
      } finally {
        await database.close();
      }
    });
}

function summaryOf(file: string, result: Record<string, unknown>): string {
  if (result.status === 'already-ingested')
    return `${file} (sha256 ${result.sha256}) was already ingested for this specimen: nothing changed`;
  const counts = ['records', 'alleles', 'variants', 'observations', 'annotations']
    .filter((key) => typeof result[key] === 'number')
    .map((key) => `${result[key]} ${key}`);
  const merged = typeof result.merged === 'number' ? result.merged : 0;
  const lines: number[] = Array.isArray(result.mergedLines) ? result.mergedLines : [];
  const { shown, more } = shownLines(lines);
  const listed = shown.join(', ') + (more ? ', …' : '');
  const mergedText =
    merged > 0
      ? `\n${merged === 1 ? '1 allele was' : `${merged} alleles were`} the same variant as an earlier record` +
        ` of the file (${lines.length === 1 ? 'line' : 'lines'} ${listed}):` +
        ' the earlier record is stored, these lines are not stored on their own'
      : '';
  return `${file}: ${counts.join(', ')} (DRS id ${result.drsId})${mergedText}`;
}
