// `npm start`: the reference backend (real OAuth provider under /provider, embedded PGlite under .relink/ or
// PostgreSQL with DATABASE_URL) and, on the same origin, the demo host app with its own small backend:
//   /host/session  mints a Relink session token the way a product's backend would: POST /v1/sessions with the
//                  workspace's secret key, which never reaches the browser;
//   /host/config   tells the page whether demo levers may be shown;
//   everything else that is not /v1 or /provider is the built host app (demo/dist), with history-API fallback.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_WORKSPACE_ID, startNodeRelink, stopOnSignals } from '@relink/server';
import { hostListener, sendJson, serveFile } from './host.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'demo/dist');
const port = Number(process.env.PORT ?? 4000);
const hostname = process.env.HOST ?? '127.0.0.1';
const demo = process.env.RELINK_DEMO !== 'off';
const dataDir = process.env.RELINK_DATA_DIR ?? join(root, '.relink/pglite');

if (!existsSync(join(dist, 'index.html'))) {
  console.error('The demo host app is not built: run `npm start` (it builds it) or `npx vite build`.');
  process.exit(1);
}

const relink = await startNodeRelink({
  port,
  hostname,
  database: process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir },
  ...(process.env.RELINK_PUBLIC_URL ? { publicUrl: process.env.RELINK_PUBLIC_URL } : {}),
  // Random per process unless pinned: tokens minted before a restart stop working, which is what short-lived means.
  secretKey: process.env.RELINK_SIGNING_SECRET ?? randomBytes(32).toString('base64url'),
  demo,
  around: (relink, url) =>
    hostListener(relink, url, (path, _req, res) => {
      if (path !== '/host/config') return serveFile(res, dist, path);
      sendJson(res, 200, { demo });
      return true;
    }),
  logger: {
    warn: (message, fields) => console.warn(`[relink] ${message}`, fields ?? ''),
    error: (message, fields) => console.error(`[relink] ${message}`, fields ?? ''),
  },
});

const where = process.env.DATABASE_URL ? `PostgreSQL (${new URL(process.env.DATABASE_URL).host})` : `embedded PGlite in ${dataDir}`;
console.log(`Relink${demo ? ' (demo mode)' : ''} is running:`);
console.log(`  Agency console  ${relink.url}/`);
console.log(`  Client portal   ${relink.url}/portal/connections`);
console.log(`  API             ${relink.url}/v1   (contract: ${relink.url}/v1/openapi.json)`);
console.log(`  OAuth provider  ${relink.url}/provider   (oidc-provider; consent there when you reconnect)`);
console.log(`  Data            ${where}`);
if (demo) console.log(`  Demo workspace  ${DEMO_WORKSPACE_ID}: use the "Demo controls" panel in the console to break things on purpose.`);
console.log('Ctrl-C to stop.');

stopOnSignals(() => relink.close());
