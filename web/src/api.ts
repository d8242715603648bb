/** The one way the web app talks to the server: JSON in, JSON or a problem out. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { path: string; rule: string; message: string }[];
};

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
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
