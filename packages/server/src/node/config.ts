// The reference backend's settings, read from the environment once at start and checked before anything opens:
// a bad value stops the program with one line naming the variable (see bin.ts), never a stack trace mid-start.
//
//   PORT                     port to listen on (default 4000; 0 picks a free one)
//   HOST                     interface to bind (default 127.0.0.1; 0.0.0.0 for every interface)
//   RELINK_PUBLIC_URL        the URL browsers reach this server at (default http://HOST:PORT); the OAuth issuer and
//                            callback are built from it
//   RELINK_DEMO              on | off (default on): seed the demo workspace and enable /v1/demo/*
//   RELINK_SIGNING_SECRET    signs session tokens and derives the provider's keys; required when demo is off
//                            (at least 32 characters; every instance behind one URL shares it). In demo mode
//                            without it, one is generated once and kept in the database, so tokens survive restarts
//   RELINK_ENCRYPTION_KEYS   seals provider tokens and API keys at rest (AES-256-GCM): `kid:key,kid:key`, the
//                            current key first, each 32 bytes in base64 (`openssl rand -base64 32`). Without it a
//                            key is generated and kept in the database (a warning outside demo mode). Rotate with
//                            `relink-server rotate-secrets` (see the server README)
//   RELINK_ALLOWED_ORIGINS   comma-separated origins whose pages may call the API (CORS) and start consent flows,
//                            e.g. https://app.example.com,https://admin.example.com; `*` only in demo mode
//                            (default: `*` in demo mode, none otherwise)
//   DATABASE_URL             postgres://… for PostgreSQL; otherwise embedded PGlite in RELINK_DATA_DIR
//   RELINK_DATA_DIR          PGlite's directory (default ./.relink/pglite under the working directory)
//   RELINK_PREPARED_STATEMENTS  on | off (default on): PostgreSQL runs list pages as named prepared statements; off
//                            behind a pooler in transaction mode that cannot carry them
//
// A new setting is one more field in `RelinkConfig` and one more line in `readConfig`, with a parser below if it
// needs one.
import { resolve } from 'node:path';
import { parseEncryptionKeys, SecretBox, type EncryptionKeys } from '../store/secret-box.js';

/** A setting the program cannot start with. Its message is the one line printed. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface RelinkConfig {
  port: number;
  hostname: string;
  publicUrl: string | undefined;
  demo: boolean;
  /** `undefined` (demo mode only): the server generates one once and keeps it in its database. */
  secretKey: string | undefined;
  /** `undefined`: the server generates a key and keeps it in its database. */
  encryptionKeys: EncryptionKeys | undefined;
  /** `undefined`: any origin (`*`, demo mode only); `[]`: same-origin pages only. */
  allowedOrigins: string[] | undefined;
  database: { url: string; preparedStatements: boolean } | { dataDir: string };
  /** For the start-up banner: where the data lives, without credentials. */
  databaseLabel: string;
}

export interface ConfigDefaults {
  /** PGlite's directory when neither DATABASE_URL nor RELINK_DATA_DIR is set. Default `./.relink/pglite`. */
  dataDir?: string;
}

export const MIN_SECRET_LENGTH = 32;

type Env = Record<string, string | undefined>;

/** Reads and checks every setting; throws a `ConfigError` naming the first bad one. */
export function readConfig(env: Env = process.env, defaults: ConfigDefaults = {}): RelinkConfig {
  const demo = parseSwitch('RELINK_DEMO', env.RELINK_DEMO, true);
  const port = parsePort(env.PORT);
  const hostname = nonEmpty(env.HOST) ?? '127.0.0.1';
  const publicUrl = env.RELINK_PUBLIC_URL === undefined ? undefined : parsePublicUrl(env.RELINK_PUBLIC_URL);
  const secret = nonEmpty(env.RELINK_SIGNING_SECRET);
  if (secret === undefined && !demo) {
    throw new ConfigError(`RELINK_SIGNING_SECRET is required when RELINK_DEMO=off (at least ${MIN_SECRET_LENGTH} random characters, e.g. \`openssl rand -base64 32\`).`);
  }
  if (secret !== undefined && secret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`RELINK_SIGNING_SECRET is ${secret.length} characters long; it needs at least ${MIN_SECRET_LENGTH}.`);
  }
  const allowedOrigins = parseOrigins(env.RELINK_ALLOWED_ORIGINS, demo);
  const encryptionKeys = env.RELINK_ENCRYPTION_KEYS === undefined ? undefined : parseKeys(env.RELINK_ENCRYPTION_KEYS);
  const databaseUrl = nonEmpty(env.DATABASE_URL);
  const dataDir = resolve(nonEmpty(env.RELINK_DATA_DIR) ?? defaults.dataDir ?? '.relink/pglite');
  const preparedStatements = parseSwitch('RELINK_PREPARED_STATEMENTS', env.RELINK_PREPARED_STATEMENTS, true);
  const database: RelinkConfig['database'] = databaseUrl ? { url: parseDatabaseUrl(databaseUrl), preparedStatements } : { dataDir };
  return {
    port, hostname, publicUrl, demo, allowedOrigins, database, encryptionKeys,
    secretKey: secret,
    databaseLabel: databaseUrl ? `PostgreSQL ${describeDatabaseUrl(databaseUrl)}` : `embedded PGlite in ${dataDir}`,
  };
}

/**
 * Settings from `env`, or exit: a bad one prints one line naming the variable and ends the process with code 2.
 * `program` prefixes the line (`relink-server: PORT must be …`).
 */
export function readConfigOrExit(program: string, env: Env = process.env, defaults: ConfigDefaults = {}): RelinkConfig {
  try {
    return readConfig(env, defaults);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`${program}: ${error.message}`);
    process.exit(2);
  }
}

const nonEmpty = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim());

function parseSwitch(name: string, value: string | undefined, fallback: boolean): boolean {
  const v = nonEmpty(value)?.toLowerCase();
  if (v === undefined) return fallback;
  if (['on', 'true', '1', 'yes'].includes(v)) return true;
  if (['off', 'false', '0', 'no'].includes(v)) return false;
  throw new ConfigError(`${name} must be on or off, not "${value}".`);
}

function parseKeys(value: string): EncryptionKeys {
  try {
    const keys = parseEncryptionKeys(value);
    new SecretBox(keys); // checks every key's length
    return keys;
  } catch (error) {
    throw new ConfigError(`RELINK_ENCRYPTION_KEYS: ${(error as Error).message}`);
  }
}

function parsePort(value: string | undefined): number {
  const v = nonEmpty(value);
  if (v === undefined) return 4000;
  const port = /^\d+$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isInteger(port) || port > 65_535) throw new ConfigError(`PORT must be a whole number from 0 to 65535, not "${value}".`);
  return port;
}

function parsePublicUrl(value: string): string {
  const url = parseUrl(value.trim());
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) {
    throw new ConfigError(`RELINK_PUBLIC_URL must be an http(s) URL such as https://relink.example.com, not "${value}".`);
  }
  return url.href.replace(/\/+$/, '');
}

/** `a,b` → each an exact origin (scheme://host[:port], nothing after it); `*` alone, in demo mode only. */
function parseOrigins(value: string | undefined, demo: boolean): string[] | undefined {
  const v = nonEmpty(value);
  if (v === undefined) return demo ? undefined : [];
  if (v === '*') {
    if (demo) return undefined;
    throw new ConfigError('RELINK_ALLOWED_ORIGINS=* (any origin) is allowed only in demo mode; list the origins of your pages, comma-separated.');
  }
  return v.split(',').map((raw) => {
    const entry = raw.trim();
    const url = parseUrl(entry);
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== entry.replace(/\/$/, '')) {
      throw new ConfigError(`RELINK_ALLOWED_ORIGINS must be comma-separated origins such as https://app.example.com (scheme and host, no path); "${entry}" is not one.`);
    }
    return url.origin;
  });
}

function parseDatabaseUrl(value: string): string {
  const url = parseUrl(value);
  if (!url || (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') || !url.hostname) {
    throw new ConfigError('DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/relink; the one given does not parse as one.');
  }
  return value;
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** Host and database, never the password. */
function describeDatabaseUrl(value: string): string {
  const url = new URL(value);
  return `${url.host}${url.pathname}`;
}
