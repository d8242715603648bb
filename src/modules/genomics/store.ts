import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { segmentCall } from './calls/copyNumberCalls.ts';
import { type PloidyEstimate, ploidyFor } from './calls/ploidy.ts';
import { isOneCopyRegion, type Sex } from './calls/sexChromosomes.ts';
import { MERGED_LINES_SHOWN } from './ingest/kinds.ts';

type Db = Kysely<DB>;

/** The order a specimen belongs to: access to its genomic data follows access to the order. */
export async function orderOfSpecimen(db: Db, specimenId: string): Promise<string | undefined> {
  return (await db.selectFrom('specimen').select('order_id').where('id', '=', specimenId).executeTakeFirst())
    ?.order_id;
}

/** A DRS id names a raw file or an ingested result file; both belong to an order. */
export async function drsSource(db: Db, id: string) {
  const raw = await db
    .selectFrom('raw_file')
    .select([
      'id',
      'order_id',
      'name',
      'uri',
      'size_bytes',
      'sha256',
      'registered_at as created_at',
      'access_zone',
      'format',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
  if (raw) return raw;
  return db
    .selectFrom('sequencing_file')
    .select([
      'drs_id as id',
      'order_id',
      'file_name as name',
      'uri',
      'size_bytes',
      'sha256',
      'ingested_at as created_at',
      'access_zone',
      'format',
    ])
    .where('drs_id', '=', id)
    .executeTakeFirst();
}

export function resultFilesOf(db: Db, specimenId: string) {
  return db
    .selectFrom('sequencing_file as f')
    .leftJoin('app_user as u', 'u.id', 'f.ingested_by')
    .select([
      'f.id',
      'f.file_name',
      'f.format',
      'f.size_bytes',
      'f.sha256',
      'f.drs_id',
      'f.uri',
      'f.access_zone',
      'f.pipeline',
      'f.pipeline_version',
      'f.reference_build',
      'f.caller',
      'f.annotation_source',
      'f.records',
      'f.ingested_at',
      'u.display_name as ingested_by',
      // Alleles merged into an earlier record of the file: how many, and the first lines.
      sql<number>`(select count(*)::integer from merged_allele m where m.file_id = f.id)`.as(
        'merged_alleles',
      ),
      sql<number[]>`array(
        select distinct m.line from merged_allele m where m.file_id = f.id order by m.line
        limit ${MERGED_LINES_SHOWN + 1}
      )`.as('merged_lines'),
    ])
    .where('f.specimen_id', '=', specimenId)
    .orderBy('f.ingested_at')
    .execute();
}

export function samplesOf(db: Db, specimenId: string) {
  return db
    .selectFrom('sequenced_sample as s')
    .leftJoin('sample_qc as q', 'q.sample_id', 's.id')
    .leftJoin('sample_metrics as m', 'm.sample_id', 's.id')
    .select([
      's.id',
      's.file_id',
      's.name_in_file',
      's.role',
      'q.records',
      'q.pass_fraction',
      'q.ti_tv',
      'q.depth_quantiles',
      'm.source as metrics_source',
      'm.tmb',
      'm.tmb_unit',
      'm.tmb_method',
      'm.tmb_callable_mb',
      'm.msi_status',
      'm.msi_score',
      'm.msi_method',
      'm.purity',
      'm.ploidy',
    ])
    .where('s.specimen_id', '=', specimenId)
    .orderBy('s.name_in_file')
    .execute();
}

/**
 * A specimen's copy-number segments, each with its call (segmentCall): the file's, or derived now
 * against the ploidy of the tumour's metrics (ploidyFor), whichever were ingested first.
 */
export async function segmentsOf(db: Db, specimenId: string) {
  const [segments, ploidies, sex, specimenBuild] = await Promise.all([
    db
      .selectFrom('copy_number_segment as c')
      .innerJoin('sequenced_sample as s', 's.id', 'c.sample_id')
      .select([
        'c.id',
        'c.file_id',
        'c.line',
        'c.chrom',
        'c.start_pos',
        'c.end_pos',
        'c.log2_ratio',
        'c.copy_number',
        'c.minor_copy_number',
        'c.genes',
        'c.file_call',
        's.name_in_file',
        's.role',
      ])
      .where('s.specimen_id', '=', specimenId)
      .orderBy('c.file_id')
      .orderBy('c.line')
      .execute(),
    tumourPloidies(db, specimenId),
    patientSexOf(db, specimenId),
    specimenBuildOf(db, specimenId),
  ]);
  return segments.map(({ file_call, name_in_file, role, ...segment }) => {
    const ploidy = role === 'tumor' ? ploidyFor(name_in_file, ploidies) : null;
    const oneCopy = isOneCopyRegion(
      { chrom: segment.chrom, start: segment.start_pos, end: segment.end_pos },
      sex,
      specimenBuild,
    );
    const {
      call,
      basis,
      ploidy: against,
    } = segmentCall(
      { fileCall: file_call, log2Ratio: segment.log2_ratio, copyNumber: segment.copy_number },
      ploidy,
      { oneCopy },
    );
    return {
      ...segment,
      call,
      call_basis: basis,
      call_ploidy: against,
      // Called against half the ploidy: a male's X or Y outside the PARs (sexChromosomes.ts).
      call_one_copy: basis === 'copy-number' && oneCopy,
    };
  });
}

/**
 * The reference build of the specimen's latest file that names one: a VCF does, whereas a
 * copy-number table (where every segment comes from) never does, so its segments take the VCF's.
 */
async function specimenBuildOf(db: Db, specimenId: string): Promise<string | null> {
  const row = await db
    .selectFrom('sequencing_file')
    .select('reference_build')
    .where('specimen_id', '=', specimenId)
    .where('reference_build', 'is not', null)
    .orderBy('ingested_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.reference_build ?? null;
}

/** The sex on the record of the patient the specimen was taken from. */
async function patientSexOf(db: Db, specimenId: string): Promise<Sex | null> {
  const row = await db
    .selectFrom('specimen as s')
    .innerJoin('clinical_order as o', 'o.id', 's.order_id')
    .innerJoin('patient as p', 'p.id', 'o.patient_id')
    .select('p.sex')
    .where('s.id', '=', specimenId)
    .executeTakeFirst();
  return row?.sex ?? null;
}

/** The ploidies the specimen's tumour metrics give, the latest ingested first. */
function tumourPloidies(db: Db, specimenId: string): Promise<PloidyEstimate[]> {
  return db
    .selectFrom('sample_metrics as m')
    .innerJoin('sequenced_sample as s', 's.id', 'm.sample_id')
    .innerJoin('sequencing_file as f', 'f.id', 'm.file_id')
    .select(['s.name_in_file', 'm.ploidy'])
    .where('s.specimen_id', '=', specimenId)
    .where('s.role', '=', 'tumor')
    .where('m.ploidy', 'is not', null)
    .$narrowType<{ ploidy: number }>()
    .orderBy('f.ingested_at', 'desc')
    .orderBy('f.id', 'desc')
    .execute();
}

export function fusionsOf(db: Db, specimenId: string) {
  return db
    .selectFrom('fusion_call as f')
    .innerJoin('sequenced_sample as s', 's.id', 'f.sample_id')
    .select([
      'f.file_id',
      'f.name',
      'f.gene5',
      'f.gene3',
      'f.chrom5',
      'f.pos5',
      'f.strand5',
      'f.chrom3',
      'f.pos3',
      'f.strand3',
      'f.transcript5',
      'f.transcript3',
      'f.spanning_reads',
      'f.junction_reads',
      'f.frame',
      'f.confidence',
      'f.caller',
    ])
    .where('s.specimen_id', '=', specimenId)
    .orderBy('f.file_id')
    .orderBy('f.line')
    .execute();
}

export function rawFilesOf(db: Db, specimenId: string) {
  return db
    .selectFrom('raw_file as r')
    .leftJoin('app_user as u', 'u.id', 'r.registered_by')
    .select([
      'r.id',
      'r.name',
      'r.uri',
      'r.format',
      'r.size_bytes',
      'r.sha256',
      'r.access_zone',
      'r.registered_at',
      'u.display_name as registered_by',
    ])
    .where('r.specimen_id', '=', specimenId)
    .orderBy('r.registered_at')
    .execute();
}

export function variantCountsOf(db: Db, specimenId: string) {
  return db
    .selectFrom('observation as o')
    .innerJoin('sequenced_sample as s', 's.id', 'o.sample_id')
    .select(['s.id as sample_id', (eb) => eb.fn.countAll<number>().as('observations')])
    .where('s.specimen_id', '=', specimenId)
    .groupBy('s.id')
    .execute();
}
