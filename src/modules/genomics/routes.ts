import { rm } from 'node:fs/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { badRequest, issueErrors, notFound, Problem } from '../../platform/http/problems.ts';
import { afterCommit, transactionOf } from '../access/guard.ts';
import type { Subject } from '../access/model.ts';
import { decide } from '../access/policy.ts';
import { accessThroughOrder, orderAccessFacts } from '../orders/service.ts';
import { INGEST_KINDS, type IngestKind, ingestResultFile } from './ingest/ingestResultFile.ts';
import type { SampleRole } from './ingest/resultFile.ts';
import { type IngestJobs, receiveUpload, UploadTooLarge } from './ingestJobs.ts';
import { rawFileSchema, registerRawFile, specimenGenomics } from './service.ts';
import { orderOfSpecimen } from './store.ts';
import type { ReferenceGenome } from './vrs/reference.ts';

const idParams = z.object({ id: z.uuid() });
const specimenOrder = (request: FastifyRequest, db: Kysely<DB>) =>
  orderOfSpecimen(db, (request.params as { id: string }).id);

type Upload = { file: string; bytes: number; taken: boolean };

const uploadQuery = z.object({
  kind: z.enum(INGEST_KINDS),
  fileName: z.string().trim().min(1).max(255),
  role: z.enum(['tumor', 'normal', 'germline']).optional(),
  /** NAME=role, repeated, for a multi-sample VCF. */
  sample: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : [v].flat())),
  pipeline: z.string().trim().max(200).optional(),
  pipelineVersion: z.string().trim().max(100).optional(),
  accessZone: z.string().trim().max(100).optional(),
});

function sampleRoles(pairs: string[]): Record<string, SampleRole> | undefined {
  if (pairs.length === 0) return undefined;
  const roles: Record<string, SampleRole> = {};
  for (const [i, pair] of pairs.entries()) {
    const match = /^([^=]+)=(tumor|normal|germline)$/.exec(pair);
    if (!match)
      throw badRequest([
        {
          path: `/querystring/sample/${i}`,
          rule: 'format',
          message: 'write NAME=tumor, NAME=normal or NAME=germline',
        },
      ]);
    roles[match[1] as string] = match[2] as SampleRole;
  }
  return roles;
}

/** Sequencing results per specimen: the sample page's data, raw files by reference, and uploads. */
export async function genomicsRoutes(
  app: FastifyInstance,
  options: {
    db: Kysely<DB>;
    jobs: IngestJobs;
    reference: ReferenceGenome | null;
    /** The largest upload taken (config.uploadMaxBytes). */
    uploadMaxBytes?: number;
  },
) {
  const { db, jobs, reference } = options;
  const uploadMaxBytes = options.uploadMaxBytes ?? Number.POSITIVE_INFINITY;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['genomics'];

  // The upload is streamed to a temporary file before the handler runs, once the request is
  // allowed and its query is good (the route's preParsing); one nobody took is removed.
  app.addContentTypeParser(
    'application/octet-stream',
    async (_request: FastifyRequest, payload: NodeJS.ReadableStream) => {
      try {
        return { ...(await receiveUpload(payload, uploadMaxBytes)), taken: false };
      } catch (error) {
        if (!(error instanceof UploadTooLarge)) throw error;
        throw new Problem(
          413,
          'upload-too-large',
          'The file is too large',
          `an upload may be at most ${error.maxBytes} bytes (GENVEI_UPLOAD_MAX_BYTES); register a larger file by reference`,
        );
      }
    },
  );
  app.addHook('onSend', async (request) => {
    const upload = request.body as Upload | undefined;
    if (upload && typeof upload === 'object' && 'taken' in upload && !upload.taken)
      await rm(upload.file, { force: true });
  });

  api.get('/api/specimens/:id/genomics', {
    schema: {
      tags,
      summary:
        "A specimen's sequencing: result files with provenance, samples with QC and metrics, copy number, fusions, raw files, running ingests",
      params: idParams,
    },
    config: { access: accessThroughOrder('sequencing-data', 'read', specimenOrder) },
    handler: async (request) => {
      // Inside the route's transaction: on PGlite the root handle would wait for it to end.
      const tx = transactionOf(request);
      const orderId = await orderOfSpecimen(tx, request.params.id);
      const facts = orderId ? await orderAccessFacts(tx, orderId) : undefined;
      // The page shows the upload and registration forms only to those the policy would let write.
      const mayAdd = decide({
        subject: request.subject,
        purpose: request.purpose,
        action: 'create',
        resource: 'sequencing-data',
        patient: request.patientContext,
        performingTrustId: facts?.performing_trust_id,
      }).allow;
      return {
        ...(await specimenGenomics(tx, request.params.id)),
        ingests: await jobs.forSpecimen(request.params.id, tx),
        mayAdd,
      };
    },
  });

  api.post('/api/specimens/:id/raw-files', {
    schema: {
      tags,
      summary: 'Register a raw file (FASTQ/BAM/CRAM/…) by URI, size, checksum and access zone — never copied',
      params: idParams,
      body: rawFileSchema,
    },
    config: { access: accessThroughOrder('sequencing-data', 'create', specimenOrder) },
    handler: async (request, reply) => {
      const registered = await registerRawFile(
        transactionOf(request),
        request.params.id,
        request.body,
        (request.subject as Subject).userId,
      );
      request.auditTarget = { resourceId: registered.id };
      reply.code(registered.created ? 201 : 200);
      return { ...registered, drsUri: `/ga4gh/drs/v1/objects/${registered.id}` };
    },
  });

  api.post('/api/specimens/:id/results', {
    schema: {
      tags,
      summary:
        'Upload a result file (VCF, copy-number TSV, fusion TSV, metrics JSON) as application/octet-stream; it is ingested in the background (202 with the job)',
      params: idParams,
      querystring: uploadQuery,
    },
    // Decided, and the query checked, before a byte of the file is received.
    config: {
      access: { ...accessThroughOrder('sequencing-data', 'create', specimenOrder), beforeBody: true },
    },
    preParsing: async (request, _reply, payload) => {
      const query = uploadQuery.safeParse(request.query);
      if (!query.success) throw badRequest(issueErrors('/querystring', query.error.issues));
      return payload;
    },
    handler: async (request, reply) => {
      const upload = request.body as Upload | undefined;
      if (!upload || typeof upload !== 'object' || !('file' in upload))
        throw badRequest([
          { path: '/body', rule: 'content-type', message: 'send the file as application/octet-stream' },
        ]);
      if (upload.bytes === 0)
        throw badRequest([{ path: '/body', rule: 'required', message: 'the uploaded file is empty' }]);
      const orderId = (await orderOfSpecimen(transactionOf(request), request.params.id)) as string;
      const subject = request.subject as Subject;
      const query = request.query;
      const samples = sampleRoles(query.sample);
      const job = await jobs.start(
        {
          orderId,
          specimenId: request.params.id,
          kind: query.kind,
          fileName: query.fileName,
          bytes: upload.bytes,
          startedBy: subject.username,
        },
        (progress) =>
          ingestResultFile(
            db,
            query.kind as IngestKind,
            {
              file: upload.file,
              fileName: query.fileName,
              // The upload is not kept: the file lives where the lab keeps it, so there is no URI.
              uri: null,
              accessZone: query.accessZone ?? null,
              orderId,
              specimenId: request.params.id,
              role: query.role,
              samples,
              reference,
              pipeline: query.pipeline ?? null,
              pipelineVersion: query.pipelineVersion ?? null,
              actor: {
                userId: subject.userId,
                username: subject.username,
                organisationId: subject.organisationId,
                role: subject.role,
                purpose: request.purpose,
                requestId: request.id,
              },
            },
            progress,
          ),
        () => rm(upload.file, { force: true }),
        {
          db: transactionOf(request),
          // The ingest starts once the job (and this request's audit entry) is committed; if that
          // fails, the uploaded file is removed instead.
          launch: (begin) => afterCommit(request, begin, () => void rm(upload.file, { force: true })),
        },
      );
      // From here the job owns the file (until now the request's end would remove it).
      upload.taken = true;
      request.auditTarget = { resourceId: job.id };
      reply.code(202);
      return job;
    },
  });

  api.get('/api/ingest-jobs/:id', {
    schema: { tags, summary: 'Progress and outcome of an ingest started by an upload', params: idParams },
    config: {
      access: accessThroughOrder(
        'ingest-job',
        'read',
        async (request) => (await jobs.get((request.params as { id: string }).id))?.orderId,
      ),
    },
    handler: async (request) => {
      const job = await jobs.get(request.params.id);
      if (!job) throw notFound(`ingest job ${request.params.id}`);
      return job;
    },
  });
}
