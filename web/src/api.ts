import type { ProblemReason } from '../../src/platform/http/reasonCodes.ts';
import { placeholders } from './templates.ts';

/** The one way the web app talks to the server: JSON in, JSON or a problem out. */

/** Why the server refused a request, as data (the server's type; its codes are listed per module). */
export type { ProblemReason };

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { path: string; rule: string; message: string }[];
  reason?: ProblemReason;
};

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
}

/**
 * A reason — a problem's, or a filter's — in the reader's language: the template for its code filled in with its params,
 * each worded by `word` first (a status, a role). Null when the problem has no reason, this build
 * has no template for its code, or the template needs a param the server did not give: the page
 * then shows the server's English `detail`.
 */
export function reasonWords(
  reason: Problem['reason'] | null,
  templates: Record<string, string>,
  format: (text: string, values: Record<string, string | number>) => string,
  word: (name: string, value: string | number) => string | number = (_, value) => value,
): string | null {
  if (!reason || typeof reason.code !== 'string' || typeof reason.params !== 'object' || !reason.params)
    return null;
  if (!Object.hasOwn(templates, reason.code)) return null;
  const template = templates[reason.code] as string;
  const values: Record<string, string | number> = {};
  for (const name of placeholders(template)) {
    const value = Object.hasOwn(reason.params, name) ? reason.params[name] : undefined;
    if (typeof value !== 'string' && typeof value !== 'number') return null;
    values[name] = word(name, value);
  }
  return format(template, values);
}

/** A value in words from a dictionary of terms (a role, a status), or as given when it has none. */
export function termOf(terms: Record<string, string>, value: string | number): string | number {
  return Object.hasOwn(terms, value) ? (terms[value] as string) : value;
}

let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

export async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken && method !== 'GET') headers['x-csrf-token'] = csrfToken;
  const response = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (response.status === 204) return undefined as T;
  const data = await response.json().catch(() => ({ title: response.statusText, status: response.status }));
  if (!response.ok) throw new ApiError({ type: 'about:blank', ...data, status: response.status });
  return data as T;
}

/**
 * A file sent as the request body, with upload progress (fetch cannot report it): the same
 * CSRF header and the same problem on failure as `api`.
 */
export function upload<T>(
  url: string,
  file: Blob,
  onProgress: (loaded: number, total: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.setRequestHeader('accept', 'application/json');
    request.setRequestHeader('content-type', 'application/octet-stream');
    if (csrfToken) request.setRequestHeader('x-csrf-token', csrfToken);
    request.upload.onprogress = (event) =>
      onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    request.onload = () => {
      let data: unknown;
      try {
        data = JSON.parse(request.responseText);
      } catch {
        data = { title: request.statusText, status: request.status };
      }
      if (request.status >= 200 && request.status < 300) return resolve(data as T);
      const problem = data as Partial<Problem>;
      reject(
        new ApiError({
          ...problem,
          type: problem.type ?? 'about:blank',
          title: problem.title ?? request.statusText,
          status: request.status,
        }),
      );
    };
    request.onerror = () =>
      reject(new ApiError({ type: 'about:blank', title: 'The upload was interrupted', status: 0 }));
    request.send(file);
  });
}

export type Membership = {
  organisationId: string;
  organisationName: string;
  organisationKind: string;
  role: string;
};
export type Session = {
  user: { id: string; username: string; displayName: string; hprNumber: string | null };
  csrfToken: string;
  authMethod: string;
  organisationId: string | null;
  role: string | null;
  purpose: string | null;
  patientId: string | null;
  memberships: Membership[];
};
