/**
 * A demo user signed in to the API over HTTP, for a browser test that needs data in place before
 * the page it is about (an order placed, say) without driving every form that makes it.
 */
export type ApiSession = {
  /**
   * A body of bytes goes as application/octet-stream, as the lab's upload sends a file; any other
   * body as JSON. A status other than 2xx throws, with the server's answer in the message.
   */
  request<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
};

export async function signInToApi(base: string, username: string): Promise<ApiSession> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'genvei-demo' }),
  });
  if (!login.ok) throw new Error(`${username} could not sign in: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return {
    async request<T>(method: string, path: string, body?: unknown) {
      const bytes = body instanceof Uint8Array;
      const response = await fetch(`${base}${path}`, {
        method,
        headers: {
          cookie,
          accept: 'application/json',
          'x-csrf-token': csrfToken,
          ...(body === undefined
            ? {}
            : { 'content-type': bytes ? 'application/octet-stream' : 'application/json' }),
        },
        body: body === undefined ? undefined : bytes ? new Uint8Array(body) : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
}
