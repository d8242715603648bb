/**
 * Follows a browser-style sign-in without a browser: redirects, cookies (one jar for the
 * loopback host, as a browser keeps them regardless of port) and the provider's HTML forms.
 */
export async function followSignIn(
  startUrl: string,
  fill: Record<string, string>,
  stopWhen: (url: URL) => boolean,
): Promise<{ url: URL; cookies: Map<string, string> }> {
  const cookies = new Map<string, string>();
  let url = new URL(startUrl);
  let method = 'GET';
  let body: URLSearchParams | undefined;
  for (let step = 0; step < 25; step++) {
    const response = await fetch(url, {
      method,
      body,
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, ...value] = (pair as string).split('=');
      if (/expires=Thu, 01 Jan 1970/i.test(header) || value.join('=') === '') cookies.delete(name as string);
      else cookies.set(name as string, value.join('='));
    }
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url);
      method = 'GET';
      body = undefined;
      if (stopWhen(url)) return { url, cookies };
      continue;
    }
    const html = await response.text();
    const form = /<form[^>]*action="([^"]+)"[^>]*method="post"/i.exec(html);
    if (!form)
      throw new Error(
        `step ${step}: ${response.status} at ${url} with no redirect and no form: ${html.slice(0, 300)}`,
      );
    const fields = new URLSearchParams();
    for (const input of html.matchAll(/<input[^>]*name="([^"]+)"[^>]*>/gi)) {
      const name = input[1] as string;
      const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? fill[name] ?? '';
      fields.set(name, fill[name] ?? value);
    }
    url = new URL(form[1] as string, url);
    method = 'POST';
    body = fields;
  }
  throw new Error('sign-in did not finish in 25 steps');
}

/** A port nobody listens on right now, for a server whose URL must be known before it starts. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
