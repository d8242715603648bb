import { readFileSync } from 'node:fs';
import * as client from 'openid-client';
import type { OidcConfig } from '../../platform/config.ts';

/**
 * OpenID Connect sign-in as HelseID wants it: authorization code flow with PKCE, the client
 * authenticated by a signed JWT (private_key_jwt), and pushed authorization requests when the
 * provider offers them. Discovery is lazy, so genvei starts even while the provider is down.
 */
export type OidcIdentity = { issuer: string; subject: string; name: string | null; hprNumber: string | null };

export type OidcLogin = {
  label: string;
  begin(): Promise<{ url: string; state: string; codeVerifier: string; nonce: string }>;
  complete(
    callbackUrl: URL,
    flow: { state: string; codeVerifier: string; nonce: string },
  ): Promise<OidcIdentity>;
};

export function createOidcLogin(settings: OidcConfig, publicUrl: string): OidcLogin {
  const redirectUri = `${publicUrl}/api/auth/oidc/callback`;
  let configuration: Promise<client.Configuration> | undefined;

  const discover = () => {
    configuration ??= (async () => {
      const jwk = JSON.parse(readFileSync(settings.privateKeyFile, 'utf8')) as JsonWebKey & {
        kid?: string;
        alg?: string;
      };
      const key = await importSigningKey(jwk);
      const issuer = new URL(settings.issuer);
      return client.discovery(
        issuer,
        settings.clientId,
        { token_endpoint_auth_method: 'private_key_jwt' },
        client.PrivateKeyJwt({ key, kid: jwk.kid }),
        // Plain http is only for a provider on this machine (the test IdP).
        isLoopback(issuer) ? { execute: [client.allowInsecureRequests] } : undefined,
      );
    })().catch((error) => {
      configuration = undefined;
      throw error;
    });
    return configuration;
  };

  return {
    label: settings.label,
    async begin() {
      const config = await discover();
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const parameters = {
        redirect_uri: redirectUri,
        scope: settings.scopes,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      };
      const url = config.serverMetadata().pushed_authorization_request_endpoint
        ? await client.buildAuthorizationUrlWithPAR(config, parameters)
        : client.buildAuthorizationUrl(config, parameters);
      return { url: url.href, state, codeVerifier, nonce };
    },
    async complete(callbackUrl, flow) {
      const config = await discover();
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('the provider sent no ID token');
      const userinfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
      const all: Record<string, unknown> = { ...userinfo, ...claims };
      const hpr = all[settings.hprClaim];
      return {
        issuer: claims.iss,
        subject: claims.sub,
        name: typeof all.name === 'string' ? all.name : null,
        hprNumber: typeof hpr === 'string' || typeof hpr === 'number' ? String(hpr) : null,
      };
    },
  };
}

function isLoopback(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

async function importSigningKey(jwk: JsonWebKey & { alg?: string }): Promise<CryptoKey> {
  const algorithm =
    jwk.kty === 'EC'
      ? { name: 'ECDSA', namedCurve: jwk.crv ?? 'P-256' }
      : jwk.alg === 'PS256'
        ? { name: 'RSA-PSS', hash: 'SHA-256' }
        : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  return crypto.subtle.importKey('jwk', jwk, algorithm, false, ['sign']);
}
