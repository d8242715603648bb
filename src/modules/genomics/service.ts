import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { conflict, notFound } from '../../platform/http/problems.ts';
import { accessMethodType } from './drs.ts';
import { fusionsOf, rawFilesOf, resultFilesOf, samplesOf, segmentsOf, variantCountsOf } from './store.ts';

type Db = Kysely<DB>;

/** Everything genvei holds about one specimen's sequencing: what the sample page shows. */
export async function specimenGenomics(db: Db, specimenId: string) {
  const specimen = await db
    .selectFrom('specimen as s')
    .innerJoin('clinical_order as o', 'o.id', 's.order_id')
    .select([
      's.id',
      's.kind',
      's.accession_id',
      's.block_id',
      's.tumour_cell_percent',
      'o.id as order_id',
      'o.order_number',
    ])
    .where('s.id', '=', specimenId)
    .executeTakeFirst();
  if (!specimen) throw notFound(`specimen ${specimenId}`);
  const [files, samples, segments, fusions, rawFiles, counts] = await Promise.all([
    resultFilesOf(db, specimenId),
    samplesOf(db, specimenId),
    segmentsOf(db, specimenId),
    fusionsOf(db, specimenId),
    rawFilesOf(db, specimenId),
    variantCountsOf(db, specimenId),
  ]);
  const observations = new Map(counts.map((c) => [c.sample_id, Number(c.observations)]));
  return {
    specimen,
    files,
    samples: samples.map((s) => ({ ...s, observations: observations.get(s.id) ?? 0 })),
    segments,
    fusions,
    rawFiles,
  };
}

export const RAW_FILE_FORMATS = ['fastq', 'bam', 'cram', 'vcf', 'bcf', 'other'] as const;

export const rawFileSchema = z.object({
  name: z.string().trim().min(1).max(255),
  uri: z
    .string()
    .trim()
    .refine((uri) => accessMethodType(uri) !== null, {
      message: 'a URI with scheme s3, gs, ftp, https, file or htsget',
    }),
  format: z.enum(RAW_FILE_FORMATS),
  sizeBytes: z.number().int().nonnegative(),
  sha256: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[0-9a-f]{64}$/, 'a sha256 checksum is 64 hexadecimal digits'),
  accessZone: z.string().trim().min(1).max(100),
});
export type RawFileRegistration = z.infer<typeof rawFileSchema>;

/** A raw file is registered, never copied: genvei records where it is, its size and checksum. */
export async function registerRawFile(
  db: Db,
  specimenId: string,
  file: RawFileRegistration,
  userId: string | null,
) {
  const specimen = await db
    .selectFrom('specimen')
    .select('order_id')
    .where('id', '=', specimenId)
    .executeTakeFirst();
  if (!specimen) throw notFound(`specimen ${specimenId}`);
  const existing = await db
    .selectFrom('raw_file')
    .select(['id', 'sha256', 'size_bytes'])
    .where('specimen_id', '=', specimenId)
    .where('uri', '=', file.uri)
    .executeTakeFirst();
  if (existing) {
    if (existing.sha256 === file.sha256 && existing.size_bytes === file.sizeBytes)
      return { id: existing.id, created: false };
    // A different checksum for the same place means the file changed: that is never overwritten.
    throw conflict(
      `${file.uri} is already registered for this specimen with another checksum or size; register the new file under its own URI`,
    );
  }
  const id = randomUUID();
  await db
    .insertInto('raw_file')
    .values({
      id,
      order_id: specimen.order_id,
      specimen_id: specimenId,
      name: file.name,
      uri: file.uri,
      format: file.format,
      size_bytes: file.sizeBytes,
      sha256: file.sha256,
      access_zone: file.accessZone,
      registered_by: userId,
    })
    .execute();
  return { id, created: true };
}
