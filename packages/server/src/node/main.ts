// `npm start`: the reference backend on 127.0.0.1 in demo mode, with the real OAuth provider under /provider and
// its data in embedded PGlite under `.relink/` at the repo root (or PostgreSQL when DATABASE_URL is set).
// Ctrl-C / SIGTERM stop it cleanly.
import { fileURLToPath } from 'node:url';
import { DEMO_AGENCY_ID, DEMO_CLIENT_ID, DEMO_SECRET_KEY, DEMO_WORKSPACE_ID } from '../demo/seed.js';
import { randomSecret } from '../internal/ids.js';
import { startNodeRelink, stopOnSignals, type DatabaseChoice } from './server.js';

const port = Number(process.env.PORT ?? 4000);
const hostname = process.env.HOST ?? '127.0.0.1';
const demo = process.env.RELINK_DEMO !== 'off';
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const dataDir = process.env.RELINK_DATA_DIR ?? `${repoRoot}.relink/pglite`;
const database: DatabaseChoice = process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir };

const relink = await startNodeRelink({
  port, hostname, database,
  ...(process.env.RELINK_PUBLIC_URL ? { publicUrl: process.env.RELINK_PUBLIC_URL } : {}),
  // Random per process unless pinned: tokens minted before a restart stop working, which is what short-lived means.
  // Several instances behind one URL must share it (it also derives the provider's client secrets and cookie keys).
  secretKey: process.env.RELINK_SIGNING_SECRET ?? randomSecret(),
  demo,
  ...(process.env.RELINK_ALLOWED_ORIGINS ? { allowedOrigins: process.env.RELINK_ALLOWED_ORIGINS.split(',').map((o) => o.trim()) } : {}),
  logger: {
    warn: (message, fields) => console.warn(`[relink] ${message}`, fields ?? ''),
    error: (message, fields) => console.error(`[relink] ${message}`, fields ?? ''),
  },
});
const { url: publicUrl } = relink;
const where = process.env.DATABASE_URL
  ? `PostgreSQL ${new URL(process.env.DATABASE_URL).host}${new URL(process.env.DATABASE_URL).pathname}`
  : `embedded PGlite in ${dataDir}`;

console.log(`Relink reference backend${demo ? ' (demo mode)' : ''}`);
console.log(`  API         ${publicUrl}/v1`);
console.log(`  OpenAPI     ${publicUrl}/v1/openapi.json`);
console.log(`  Provider    ${publicUrl}/provider (oidc-provider: authorization code + PKCE, rotating refresh tokens)`);
console.log(`              discovery ${publicUrl}/provider/.well-known/openid-configuration`);
console.log(`  Live events ${publicUrl}/v1/events`);
console.log(`  Data        ${where}`);
if (demo) {
  console.log(`  Workspace   ${DEMO_WORKSPACE_ID} — agency ${DEMO_AGENCY_ID}, client ${DEMO_CLIENT_ID}`);
  console.log('  Mint a session token:');
  console.log(`    TOKEN=$(curl -s -X POST ${publicUrl}/v1/sessions -H 'authorization: Bearer ${DEMO_SECRET_KEY}' \\`);
  console.log(`      -H 'content-type: application/json' -d '{"role":"agency","principalId":"${DEMO_AGENCY_ID}"}' | sed 's/.*"token":"\\([^"]*\\)".*/\\1/')`);
  console.log('  Consent at the provider (open the connectUrl it answers in a browser):');
  console.log(`    curl -s -X POST ${publicUrl}/v1/connections/con_hubspot/reconnect -H "authorization: Bearer $TOKEN"`);
  console.log(`  Reset the demo: POST ${publicUrl}/v1/demo/reset (agency token)`);
}
console.log('Ctrl-C to stop.');

stopOnSignals(() => relink.close());
