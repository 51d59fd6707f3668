// `npm start`: the reference backend (real OAuth provider under /provider, embedded PGlite under .relink/ or
// PostgreSQL with DATABASE_URL) and, on the same origin, the demo host app with its own small backend:
//   /host/session  mints a Relink session token the way a product's backend would: POST /v1/sessions with the
//                  workspace's secret key, which never reaches the browser;
//   /host/config   tells the page whether demo levers may be shown;
//   everything else that is not /v1 or /provider is the built host app (demo/dist), with history-API fallback.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_AGENCY_ID, DEMO_CLIENT_ID, DEMO_SECRET_KEY, DEMO_WORKSPACE_ID, startNodeRelink, stopOnSignals, type NodeRelink } from '@relink/server';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'demo/dist');
const port = Number(process.env.PORT ?? 4000);
const hostname = process.env.HOST ?? '127.0.0.1';
const demo = process.env.RELINK_DEMO !== 'off';
const dataDir = process.env.RELINK_DATA_DIR ?? join(root, '.relink/pglite');
const principals = { agency: DEMO_AGENCY_ID, client: DEMO_CLIENT_ID } as const;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendFile(res: ServerResponse, path: string): void {
  const immutable = path.includes(`${join('dist', 'assets')}`);
  res.writeHead(200, {
    'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  createReadStream(path).pipe(res);
}

/** The host product's backend: it holds the secret key and hands the browser a short-lived session token. */
async function mintSession(relink: NodeRelink, url: string, role: string, res: ServerResponse): Promise<void> {
  if (role !== 'agency' && role !== 'client') return sendJson(res, 400, { error: { code: 'bad_request', message: 'role must be agency or client.' } });
  const answer = await relink.app.fetch(
    new Request(`${url}/v1/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEMO_SECRET_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role, principalId: principals[role], ttlSeconds: 900 }),
    }),
  );
  const body = (await answer.json()) as { token?: string; expiresAt?: string };
  sendJson(res, answer.status, answer.ok ? { token: body.token, expiresAt: body.expiresAt } : body);
}

function host(relink: NodeRelink, url: string) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', url).pathname;
    if (path === '/v1' || path.startsWith('/v1/') || path === '/provider' || path.startsWith('/provider/')) return relink.listener(req, res);
    if (path === '/host/config') return sendJson(res, 200, { demo });
    if (path === '/host/session' && req.method === 'POST') {
      const role = new URL(req.url ?? '/', url).searchParams.get('role') ?? '';
      void mintSession(relink, url, role, res).catch(() => sendJson(res, 500, { error: { code: 'internal', message: 'Could not start a session.' } }));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: { code: 'bad_request', message: 'Method not allowed.' } });
    const file = normalize(join(dist, decodeURIComponent(path)));
    if (file.startsWith(dist) && existsSync(file) && statSync(file).isFile()) return sendFile(res, file);
    if (extname(path)) return sendJson(res, 404, { error: { code: 'not_found', message: 'Not found.' } });
    sendFile(res, join(dist, 'index.html')); // client-side routes: /portal/connections, /connections/{id}, …
  };
}

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
  around: host,
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
