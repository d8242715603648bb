import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { conflict, forbidden, problemBody } from './problems.ts';

const request = { url: '/api/cases/c1/finalise?x=1', id: 'req-1' } as FastifyRequest;

describe('a problem body', () => {
  it('carries a refusal’s code and params as its `reason` member, next to the English detail', () => {
    const body = problemBody(
      conflict('finalising needs a second person', { code: 'second-person-required', params: {} }),
      request,
    );
    expect(body).toEqual({
      type: 'urn:genvei:problem:conflict',
      title: 'Conflict',
      status: 409,
      detail: 'finalising needs a second person',
      instance: '/api/cases/c1/finalise',
      requestId: 'req-1',
      reason: { code: 'second-person-required', params: {} },
    });
  });

  it('has no `reason` member when the problem has none', () => {
    expect(problemBody(conflict('the case changed meanwhile'), request)).not.toHaveProperty('reason');
    expect(problemBody(forbidden('no care relationship'), request)).not.toHaveProperty('reason');
  });
});
