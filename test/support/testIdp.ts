import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Provider from 'oidc-provider';

/**
 * A real OpenID Connect provider (oidc-provider) on loopback, set up the way HelseID treats
 * genvei: a confidential client that authenticates with private_key_jwt, PKCE required, PAR
 * offered, and the HPR number as a claim. Its dev login form takes any login name as the
 * account id; accounts listed in `hprNumbers` get that HPR number.
 */
export type TestIdp = {
  issuer: string;
  clientId: string;
  /** The client's private JWK, written where GENVEI_OIDC_PRIVATE_KEY_FILE can point. */
  privateKeyFile: string;
  env(): Record<string, string>;
  stop(): Promise<void>;
};

export const HPR_CLAIM = 'helseid://claims/hpr/hpr_number';
const HPR_SCOPE = 'helseid://scopes/identity/hpr_number';

export async function startTestIdp(options: {
  redirectUri: string;
  hprNumbers: Record<string, string>;
}): Promise<TestIdp> {
  const clientKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicJwk = {
    ...clientKeys.publicKey.export({ format: 'jwk' }),
    kid: 'genvei-test',
    alg: 'RS256',
    use: 'sig',
  };
  const privateJwk = { ...clientKeys.privateKey.export({ format: 'jwk' }), kid: 'genvei-test', alg: 'RS256' };
  const signingKey = {
    ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
    kid: 'idp',
    alg: 'RS256',
    use: 'sig',
  };

  const dir = mkdtempSync(path.join(tmpdir(), 'genvei-idp-'));
  const privateKeyFile = path.join(dir, 'client.jwk.json');
  writeFileSync(privateKeyFile, JSON.stringify(privateJwk), { mode: 0o600 });

  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const issuer = `http://127.0.0.1:${port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'genvei',
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'RS256',
        jwks: { keys: [publicJwk] },
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: ['genvei-test-idp-cookie-key'] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true }, pushedAuthorizationRequests: { enabled: true } },
    scopes: ['openid', 'profile', HPR_SCOPE],
    claims: { openid: ['sub'], profile: ['name'], [HPR_SCOPE]: [HPR_CLAIM] },
    async findAccount(_ctx, id) {
      return {
        accountId: id,
        async claims() {
          const hpr = options.hprNumbers[id];
          return { sub: id, name: `Test ${id}`, ...(hpr ? { [HPR_CLAIM]: hpr } : {}) };
        },
      };
    },
  });
  server.on('request', provider.callback());

  return {
    issuer,
    clientId: 'genvei',
    privateKeyFile,
    env: () => ({
      GENVEI_OIDC_ISSUER: issuer,
      GENVEI_OIDC_CLIENT_ID: 'genvei',
      GENVEI_OIDC_PRIVATE_KEY_FILE: privateKeyFile,
      GENVEI_OIDC_LABEL: 'Test-HelseID',
    }),
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
