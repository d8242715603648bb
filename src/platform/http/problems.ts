import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ProblemReason } from './reasonCodes.ts';

/** One bad field: a JSON Pointer to it, the rule it broke, and a sentence for a person. */
export type FieldError = { path: string; rule: string; message: string };

export type { ProblemReason };

/**
 * An RFC 9457 problem. Throw one from anywhere in a request; the error handler turns it into
 * `application/problem+json` with the request id, so a user's screenshot finds the log line.
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly reason?: ProblemReason,
  ) {
    super(detail ?? title);
  }
}

export const badRequest = (errors: FieldError[]) =>
  new Problem(
    400,
    'validation',
    'The request is not valid',
    errors.map((e) => `${e.path}: ${e.message}`).join('; '),
    errors,
  );
/** A schema's issues (zod's) as field errors under `at` (a JSON Pointer such as `/querystring`). */
export const issueErrors = (
  at: string,
  issues: readonly { path: readonly PropertyKey[]; code: string; message: string }[],
): FieldError[] =>
  issues.map((issue) => ({
    path: `${at}/${issue.path.map(String).join('/')}`,
    rule: issue.code,
    message: issue.message,
  }));
export const notFound = (what: string) => new Problem(404, 'not-found', 'Not found', `${what} was not found`);
export const conflict = (detail: string, reason?: ProblemReason) =>
  new Problem(409, 'conflict', 'Conflict', detail, undefined, reason);
export const unauthorised = (detail = 'sign in first') =>
  new Problem(401, 'unauthenticated', 'Not signed in', detail);
export const forbidden = (detail: string, reason?: ProblemReason) =>
  new Problem(403, 'forbidden', 'Access refused', detail, undefined, reason);

export function problemBody(problem: Problem, request: FastifyRequest) {
  return {
    type: `urn:genvei:problem:${problem.slug}`,
    title: problem.title,
    status: problem.status,
    ...(problem.detail ? { detail: problem.detail } : {}),
    instance: request.url.split('?')[0],
    requestId: request.id,
    ...(problem.errors ? { errors: problem.errors } : {}),
    ...(problem.reason ? { reason: problem.reason } : {}),
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem) {
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .send(problemBody(problem, reply.request));
}

/** Turns whatever was thrown into a problem; anything unexpected becomes a 500 without internals. */
export function toProblem(error: unknown): Problem {
  if (error instanceof Problem) return error;
  const fastifyError = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fastifyError)) {
    const where = fastifyError.validationContext ?? 'body';
    return badRequest(
      fastifyError.validation.map((v) => ({
        path: `/${where}${v.instancePath === '/' ? '' : v.instancePath}`,
        rule: v.keyword,
        message: v.message ?? 'invalid',
      })),
    );
  }
  const code = fastifyError.code ?? '';
  if (
    code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    (fastifyError.statusCode === 400 && error instanceof SyntaxError)
  ) {
    return badRequest([
      { path: '/body', rule: 'json-syntax', message: `the body is not valid JSON (${fastifyError.message})` },
    ]);
  }
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return badRequest([{ path: '/body', rule: 'required', message: 'a JSON body is required' }]);
  }
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new Problem(415, 'unsupported-media-type', 'Unsupported media type', 'send application/json');
  }
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new Problem(413, 'too-large', 'Request body too large');
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new Problem(fastifyError.statusCode, 'bad-request', 'Bad request', fastifyError.message);
  }
  return new Problem(500, 'internal', 'Internal error', 'the error was logged with this request id');
}
