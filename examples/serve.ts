// One server for the three examples, as a product would run it: the reference backend under /v1 (and its OAuth
// provider under /provider), the host's own backend route `POST /host/session` that mints session tokens with the
// secret key, and each example's static files under /examples/<name>/.
//
//   node --conditions=source --import tsx examples/serve.ts     # builds the examples, then serves on :4100
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEMO_AGENCY_ID, DEMO_CLIENT_ID, DEMO_SECRET_KEY, startNodeRelink, type NodeRelink, type RunningRelink } from '@relink/server';
import { EXAMPLES, buildExamples } from './build.js';

const here = fileURLToPath(new URL('.', import.meta.url));
/** Where each example's files are served from: the built apps, and the HTML page next to its bundle. */
const roots: Record<string, string> = {
  react: join(here, 'react/dist'),
  vue: join(here, 'vue/dist'),
  html: join(here, 'html'),
};
const principals = { agency: DEMO_AGENCY_ID, client: DEMO_CLIENT_ID } as const;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendHtml(res: ServerResponse, html: string): void {
  res.writeHead(200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-cache' });
  res.end(html);
}

function sendFile(res: ServerResponse, path: string): void {
  res.writeHead(200, { 'content-type': TYPES[extname(path)]!, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
  createReadStream(path).pipe(res);
}

/** The host's backend: it holds the secret key and hands the browser a short-lived session token. */
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

const index = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Relink examples</title><link rel="icon" href="data:,"></head>
<body><main><h1>Relink examples</h1><ul>${EXAMPLES.map((name) => `<li><a href="/examples/${name}/">${name}</a></li>`).join('')}</ul></main></body></html>`;

function host(relink: NodeRelink, url: string): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', url).pathname;
    if (path === '/v1' || path.startsWith('/v1/') || path === '/provider' || path.startsWith('/provider/')) return relink.listener(req, res);
    if (path === '/host/session' && req.method === 'POST') {
      const role = new URL(req.url ?? '/', url).searchParams.get('role') ?? '';
      void mintSession(relink, url, role, res).catch(() => sendJson(res, 500, { error: { code: 'internal', message: 'Could not start a session.' } }));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: { code: 'bad_request', message: 'Method not allowed.' } });
    if (path === '/' || path === '/examples' || path === '/examples/') return sendHtml(res, index);
    const match = /^\/examples\/(react|vue|html)(\/.*)?$/.exec(path);
    if (!match) return sendJson(res, 404, { error: { code: 'not_found', message: 'Not found.' } });
    const root = roots[match[1]!]!;
    const rest = decodeURIComponent(match[2] ?? '/');
    const file = normalize(join(root, rest));
    const servable = (candidate: string) => candidate.startsWith(root + sep) && existsSync(candidate) && statSync(candidate).isFile() && extname(candidate) in TYPES;
    if (servable(file)) return sendFile(res, file);
    // Client-side routes (/examples/react/connections/con_slack) get the app's page; missing files a 404.
    if (!extname(rest) && servable(join(root, 'index.html'))) return sendFile(res, join(root, 'index.html'));
    sendJson(res, 404, { error: { code: 'not_found', message: 'Not found.' } });
  };
}

/** The backend (in-memory demo workspace) with the host routes and the examples around it. Port 0 picks a free one. */
export async function startExamplesServer(options: { port?: number; hostname?: string } = {}): Promise<RunningRelink> {
  return startNodeRelink({
    port: options.port ?? 0,
    hostname: options.hostname ?? '127.0.0.1',
    database: 'memory',
    demo: true,
    secretKey: randomBytes(32).toString('base64url'),
    around: host,
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildExamples();
  const server = await startExamplesServer({ port: Number(process.env.PORT ?? 4100) });
  const lines = ['Relink examples are running:', ...EXAMPLES.map((name) => `  ${name.padEnd(6)} ${server.url}/examples/${name}/`), 'Ctrl-C to stop.'];
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = () => void server.close().then(() => process.exit(0), () => process.exit(1));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
