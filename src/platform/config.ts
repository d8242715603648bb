import path from 'node:path';

/**
 * Everything an operator can set, read once from the environment. Every variable here is
 * documented in the README's operator section; add it there when you add it here.
 */
export type Mode = 'demo' | 'test' | 'production';

export type OidcConfig = {
  issuer: string;
  clientId: string;
  /** Path to the client's private JWK (JSON) used for private_key_jwt client authentication. */
  privateKeyFile: string;
  scopes: string;
  hprClaim: string;
  label: string;
};

export type Config = {
  mode: Mode;
  host: string;
  port: number;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: string;
  sessionTtlMinutes: number;
  lockoutAttempts: number;
  lockoutMinutes: number;
  cookieSecure: boolean;
  /** How far back an earlier test of the same genes makes a new order a duplicate. */
  duplicateWindowMonths: number;
  webDist: string;
  oidc: OidcConfig | undefined;
  /** A bgzip FASTA (with .fai and .gzi) to justify variants against and give them VRS ids. */
  referenceFasta: string | undefined;
  /** An assessment older than this many days must be re-reviewed before a new case reuses it. */
  assessmentMaxAgeDays: number;
  /** The largest result file an upload may send (raw files are registered by reference instead). */
  uploadMaxBytes: number;
};

export class ConfigError extends Error {}

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable counts as unset, as it does in most shells' configuration files.
  const env = Object.fromEntries(
    Object.entries(environment).filter(([, v]) => v !== ''),
  ) as NodeJS.ProcessEnv;
  const mode = (env.GENVEI_MODE ?? 'demo') as Mode;
  if (!['demo', 'test', 'production'].includes(mode)) {
    throw new ConfigError(`GENVEI_MODE must be demo, test or production, not "${mode}"`);
  }
  const port = integer(env, 'PORT', 8080);
  const host = env.HOST ?? '127.0.0.1';
  const publicUrl = (env.GENVEI_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  return {
    mode,
    host,
    port,
    publicUrl,
    dataDir: path.resolve(env.GENVEI_DATA ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    logLevel: env.GENVEI_LOG_LEVEL ?? (mode === 'test' ? 'warn' : 'info'),
    sessionTtlMinutes: integer(env, 'GENVEI_SESSION_TTL_MINUTES', 480),
    lockoutAttempts: integer(env, 'GENVEI_LOCKOUT_ATTEMPTS', 5),
    lockoutMinutes: integer(env, 'GENVEI_LOCKOUT_MINUTES', 15),
    duplicateWindowMonths: integer(env, 'GENVEI_DUPLICATE_WINDOW_MONTHS', 12),
    cookieSecure: env.GENVEI_COOKIE_SECURE
      ? env.GENVEI_COOKIE_SECURE === 'true'
      : publicUrl.startsWith('https:'),
    webDist: path.resolve(env.GENVEI_WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname),
    oidc: oidcConfig(env),
    assessmentMaxAgeDays: integer(env, 'GENVEI_ASSESSMENT_MAX_AGE_DAYS', 365),
    // A whole genome's annotated VCF is a few gigabytes.
    uploadMaxBytes: integer(env, 'GENVEI_UPLOAD_MAX_BYTES', 16 * 1024 ** 3),
    referenceFasta: env.GENVEI_REFERENCE ? path.resolve(env.GENVEI_REFERENCE) : undefined,
  };
}

function oidcConfig(env: NodeJS.ProcessEnv): OidcConfig | undefined {
  const issuer = env.GENVEI_OIDC_ISSUER;
  if (!issuer) return undefined;
  const clientId = env.GENVEI_OIDC_CLIENT_ID;
  const privateKeyFile = env.GENVEI_OIDC_PRIVATE_KEY_FILE;
  if (!clientId || !privateKeyFile) {
    throw new ConfigError(
      'GENVEI_OIDC_ISSUER needs GENVEI_OIDC_CLIENT_ID and GENVEI_OIDC_PRIVATE_KEY_FILE too',
    );
  }
  return {
    issuer,
    clientId,
    privateKeyFile,
    scopes: env.GENVEI_OIDC_SCOPES ?? 'openid profile helseid://scopes/identity/hpr_number',
    hprClaim: env.GENVEI_OIDC_HPR_CLAIM ?? 'helseid://claims/hpr/hpr_number',
    label: env.GENVEI_OIDC_LABEL ?? 'HelseID',
  };
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new ConfigError(`${name} must be a non-negative integer, not "${raw}"`);
  return value;
}

/** Synthetic identities (month + 80) belong in demo and test instances only. */
export function allowsSyntheticIdentities(config: Pick<Config, 'mode'>): boolean {
  return config.mode !== 'production';
}
