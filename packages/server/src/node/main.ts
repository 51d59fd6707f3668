// `npm start`: the reference backend on 127.0.0.1 in demo mode. Ctrl-C / SIGTERM stop it cleanly.
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createRelinkServer } from '../app.js';
import { DEMO_AGENCY_ID, DEMO_CLIENT_ID, DEMO_SECRET_KEY, DEMO_WORKSPACE_ID } from '../demo/seed.js';
import { randomSecret } from '../internal/ids.js';

const port = Number(process.env.PORT ?? 4000);
const hostname = process.env.HOST ?? '127.0.0.1';
const publicUrl = (process.env.RELINK_PUBLIC_URL ?? `http://${hostname}:${port}`).replace(/\/+$/, '');
const demo = process.env.RELINK_DEMO !== 'off';

const app = createRelinkServer({
  publicUrl,
  // Random per process unless pinned: tokens minted before a restart stop working, which is what short-lived means.
  secretKey: process.env.RELINK_SIGNING_SECRET ?? randomSecret(),
  demo,
  ...(process.env.RELINK_ALLOWED_ORIGINS ? { allowedOrigins: process.env.RELINK_ALLOWED_ORIGINS.split(',').map((o) => o.trim()) } : {}),
  logger: {
    warn: (message, fields) => console.warn(`[relink] ${message}`, fields ?? ''),
    error: (message, fields) => console.error(`[relink] ${message}`, fields ?? ''),
  },
});
await app.relink.ready;

const server = serve({ fetch: app.fetch, port, hostname }, () => {
  console.log(`Relink reference backend${demo ? ' (demo mode)' : ''}`);
  console.log(`  API         ${publicUrl}/v1`);
  console.log(`  OpenAPI     ${publicUrl}/v1/openapi.json`);
  console.log(`  Provider    ${publicUrl}/provider/authorize (in-process OAuth: consent page, PKCE S256)`);
  console.log(`  Live events ${publicUrl}/v1/events`);
  if (demo) {
    console.log(`  Workspace   ${DEMO_WORKSPACE_ID} — agency ${DEMO_AGENCY_ID}, client ${DEMO_CLIENT_ID}`);
    console.log('  Mint a session token:');
    console.log(`    curl -s -X POST ${publicUrl}/v1/sessions -H 'authorization: Bearer ${DEMO_SECRET_KEY}' \\`);
    console.log(`      -H 'content-type: application/json' -d '{"role":"agency","principalId":"${DEMO_AGENCY_ID}"}'`);
    console.log(`  Reset the demo: POST ${publicUrl}/v1/demo/reset (agency token)`);
  }
  console.log('Ctrl-C to stop.');
}) as Server;

let stopping = false;
function stop(signal: string): void {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping Relink…`);
  app.relink.close();
  // Open event streams would hold close() forever: end them, then let the server finish.
  server.closeAllConnections?.();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 3_000).unref();
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
