// The reference backend as a program: settings from the environment (config.ts), then the API, the OAuth provider
// under /provider and the store (embedded PGlite or PostgreSQL) on one port. `relink-server` (bin.ts) and the repo's
// `npm start` (demo/server.ts, which adds the demo host app around it) both start it through `runRelink`.
import { DEMO_AGENCY_ID, DEMO_CLIENT_ID, DEMO_SECRET_KEY, DEMO_WORKSPACE_ID } from '../demo/seed.js';
import type { RelinkConfig } from './config.js';
import { startNodeRelink, stopOnSignals, type NodeRelink, type RunningRelink } from './server.js';
import type { RequestListener } from 'node:http';

export { ConfigError, readConfig, readConfigOrExit, type ConfigDefaults, type RelinkConfig } from './config.js';

export interface RunOptions {
  /** Wrap the listener, e.g. to serve a host app's own routes and pages next to the API (the demo does). */
  around?: (relink: NodeRelink, url: string) => RequestListener;
}

/** Starts the backend with checked settings; Ctrl-C / SIGTERM stop it cleanly. */
export async function runRelink(config: RelinkConfig, options: RunOptions = {}): Promise<RunningRelink> {
  const relink = await startNodeRelink({
    port: config.port,
    hostname: config.hostname,
    database: config.database,
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
    ...(config.secretKey ? { secretKey: config.secretKey } : {}),
    ...(config.encryptionKeys ? { encryptionKeys: config.encryptionKeys } : {}),
    demo: config.demo,
    ...(config.allowedOrigins ? { allowedOrigins: config.allowedOrigins } : {}),
    ...(options.around ? { around: options.around } : {}),
    logger: {
      warn: (message, fields) => console.warn(`[relink] ${message}`, fields ?? ''),
      error: (message, fields) => console.error(`[relink] ${message}`, fields ?? ''),
    },
  });
  stopOnSignals(() => relink.close());
  return relink;
}

/** What the backend serves and how to try it, for the terminal. */
export function describeRelink(config: RelinkConfig, url: string): string[] {
  const origins = config.allowedOrigins === undefined ? '* (any origin: demo mode)' : config.allowedOrigins.length ? config.allowedOrigins.join(', ') : 'none (same origin only)';
  const lines = [
    `Relink reference backend${config.demo ? ' (demo mode)' : ''}`,
    `  API         ${url}/v1   (contract: ${url}/v1/openapi.json)`,
    `  Provider    ${url}/provider   (oidc-provider: authorization code + PKCE, rotating refresh tokens)`,
    `  Live events ${url}/v1/events`,
    `  Data        ${config.databaseLabel}`,
    `  CORS        ${origins}`,
  ];
  if (!config.secretKey) lines.push('  Secret      generated once and kept in the database (set RELINK_SIGNING_SECRET to choose it)');
  if (!config.encryptionKeys) lines.push('  Secrets     sealed with a generated key kept in the database (set RELINK_ENCRYPTION_KEYS to hold it yourself)');
  if (config.demo) {
    lines.push(
      `  Workspace   ${DEMO_WORKSPACE_ID}: agency ${DEMO_AGENCY_ID}, client ${DEMO_CLIENT_ID}`,
      '  Mint a session token as your backend would (the secret key stays on the server):',
      `    curl -s -X POST ${url}/v1/sessions -H 'authorization: Bearer ${DEMO_SECRET_KEY}' \\`,
      `      -H 'content-type: application/json' -d '{"role":"agency","principalId":"${DEMO_AGENCY_ID}"}'`,
      `  Reset the demo: POST ${url}/v1/demo/reset (agency token)`,
    );
  }
  return lines;
}
