import type { FastifyServerOptions } from 'fastify';

// Eleven digits in a row may be a fødselsnummer or D-number; they never reach a log line.
const PERSON_NUMBER = /(?<!\d)\d{11}(?!\d)/g;

export function scrubPersonNumbers(text: string): string {
  return text.replace(PERSON_NUMBER, '[fnr]');
}

function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubPersonNumbers(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    return {
      type: value.name,
      message: scrubPersonNumbers(value.message),
      stack: value.stack && scrubPersonNumbers(value.stack),
    };
  }
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  // Requests and replies are left to their serializers, which scrub the URL.
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, depth + 1)]));
}

/**
 * pino options for the server: structured JSON, cookies and credentials redacted, and every
 * string argument scrubbed of person numbers — wherever a number came from (a URL, a message,
 * an error), the scrub sits at the one place all log calls pass through.
 */
export function loggerOptions(level: string, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url?: string; id: string }) => ({
        method: req.method,
        url: scrubPersonNumbers(req.url ?? ''),
        id: req.id,
      }),
    },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => scrub(a)) as Parameters<typeof method>);
      },
    },
  };
}
