// The small backend a host product runs next to Relink, shared by the demo (`npm start`) and the framework
// examples: it mints session tokens with the workspace's secret key (which never reaches the browser), and serves
// the host's built pages. Everything under /v1 and /provider is the reference backend's.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { DEMO_AGENCY_ID, DEMO_CLIENT_ID, DEMO_SECRET_KEY, type NodeRelink } from '@relink/server';

const principals = { agency: DEMO_AGENCY_ID, client: DEMO_CLIENT_ID } as const;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

export const notFound = (res: ServerResponse) => sendJson(res, 404, { error: { code: 'not_found', message: 'Not found.' } });

/**
 * Serve `path` from `root` (never above it). Extension-less paths that are no file get `index.html`: the page's
 * client-side routes (/portal/connections/con_slack). Answers false when there is nothing to serve.
 */
export function serveFile(res: ServerResponse, root: string, path: string): boolean {
  const servable = (file: string) => file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile() && extname(file) in TYPES;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return false; // `GET /%`: not a path any file has (and never an exception that ends the process)
  }
  if (decoded.includes('\0')) return false;
  let file = normalize(join(root, decoded));
  if (!servable(file)) {
    if (extname(path)) return false;
    file = join(root, 'index.html');
    if (!servable(file)) return false;
  }
  // Vite's hashed assets never change; everything else is revalidated.
  const immutable = file.includes(`${sep}assets${sep}`);
  const encoding = COMPRESSIBLE.has(extname(file)) ? pickEncoding(res.req?.headers['accept-encoding']) : undefined;
  res.writeHead(200, {
    'content-type': TYPES[extname(file)]!,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...(COMPRESSIBLE.has(extname(file)) ? { vary: 'accept-encoding' } : {}),
    ...(encoding ? { 'content-encoding': encoding } : {}),
    'x-content-type-options': 'nosniff',
    // The console and portal are never framed (clickjacking). No script-src yet: zod probes `new Function` at
    // load, which a strict policy reports as a console error, until the SDK configures zod as jitless.
    'content-security-policy': "frame-ancestors 'none'; object-src 'none'; base-uri 'self'",
    'x-frame-options': 'DENY',
  });
  if (encoding) res.end(res.req?.method === 'HEAD' ? undefined : compressed(file, encoding));
  else createReadStream(file).pipe(res);
  return true;
}

/** Text files are sent compressed when the browser accepts it: brotli first, then gzip. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.map', '.svg']);

function pickEncoding(accept: string | string[] | undefined): 'br' | 'gzip' | undefined {
  const offered = new Map(String(accept ?? '').split(',').map((part) => {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    return [name.trim(), q === undefined ? 1 : Number(q)] as const;
  }));
  if ((offered.get('br') ?? 0) > 0) return 'br';
  if ((offered.get('gzip') ?? 0) > 0) return 'gzip';
  return undefined;
}

// Each file is compressed once per version (its mtime), at the best ratio: the built files are few and fixed.
const compressedFiles = new Map<string, { mtimeMs: number; br?: Buffer; gzip?: Buffer }>();
function compressed(file: string, encoding: 'br' | 'gzip'): Buffer {
  const { mtimeMs } = statSync(file);
  let entry = compressedFiles.get(file);
  if (!entry || entry.mtimeMs !== mtimeMs) compressedFiles.set(file, (entry = { mtimeMs }));
  return (entry[encoding] ??= encoding === 'br'
    ? brotliCompressSync(readFileSync(file), { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } })
    : gzipSync(readFileSync(file), { level: 9 }));
}

/**
 * `POST /host/session?role=agency|client`: what a product's backend does — call `POST /v1/sessions` with the key.
 * DEMO ONLY: it mints agency tokens for anyone who asks. A real host mints a token only for its own signed-in user,
 * after its own authentication, and never exposes a route like this.
 */
async function mintSession(relink: NodeRelink, url: string, role: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (role !== 'agency' && role !== 'client') return sendJson(res, 400, { error: { code: 'bad_request', message: 'role must be agency or client.' } });
  const answer = await relink.app.fetch(
    new Request(`${url}/v1/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEMO_SECRET_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role, principalId: principals[role], ttlSeconds: 900 }),
    }),
    // The browser's socket: `POST /v1/sessions` limits attempts per client address.
    { incoming: req },
  );
  const body = (await answer.json()) as { token?: string; expiresAt?: string };
  sendJson(res, answer.status, answer.ok ? { token: body.token, expiresAt: body.expiresAt } : body);
}

/**
 * The host's listener around Relink's: /v1 and /provider go to Relink, `POST /host/session` mints a token, and
 * `pages(path, req, res)` answers the rest (static files, small JSON routes); a 404 when it answers nothing.
 */
export function hostListener(
  relink: NodeRelink,
  url: string,
  pages: (path: string, req: IncomingMessage, res: ServerResponse) => boolean,
): RequestListener {
  return (req, res) => {
    let parsed: URL;
    try {
      parsed = new URL(req.url ?? '/', url);
    } catch {
      return sendJson(res, 400, { error: { code: 'bad_request', message: 'The request URL is not valid.' } });
    }
    const { pathname: path, searchParams } = parsed;
    if (path === '/v1' || path.startsWith('/v1/') || path === '/provider' || path.startsWith('/provider/')) return relink.listener(req, res);
    if (path === '/host/session' && req.method === 'POST') {
      void mintSession(relink, url, searchParams.get('role') ?? '', req, res).catch(() =>
        sendJson(res, 500, { error: { code: 'internal', message: 'Could not start a session.' } }),
      );
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: { code: 'bad_request', message: 'Method not allowed.' } });
    if (!pages(path, req, res)) notFound(res);
  };
}
