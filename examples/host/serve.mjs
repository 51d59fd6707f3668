#!/usr/bin/env node
// The host app's own small backend, as a product runs one next to its pages (no dependencies, plain Node):
//   POST /host/session?role=agency|client  mints a short-lived Relink session token: it calls the Relink backend's
//                                          POST /v1/sessions with the workspace's secret key, which never reaches
//                                          the browser (the page keeps the token in memory only);
//   everything else                        a file from the app's folder (index.html for unknown paths), with
//                                          %RELINK_API_URL% in HTML replaced by the API the page talks to.
// Usage: node serve.mjs <folder>   Settings: PORT (default 5173), HOST (127.0.0.1), RELINK_URL (the Relink backend,
// default http://127.0.0.1:4000), RELINK_SECRET_KEY (default: the demo workspace's key), RELINK_AGENCY_ID and
// RELINK_CLIENT_ID (default: the demo workspace's principals).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const root = resolve(process.argv[2] ?? '.');
const port = Number(process.env.PORT ?? 5173);
const host = process.env.HOST ?? '127.0.0.1';
const relinkUrl = (process.env.RELINK_URL ?? 'http://127.0.0.1:4000').replace(/\/+$/, '');
const secretKey = process.env.RELINK_SECRET_KEY ?? 'sk_demo_northwind_relink';
const principals = { agency: process.env.RELINK_AGENCY_ID ?? 'prn_agency', client: process.env.RELINK_CLIENT_ID ?? 'prn_client' };

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.map': 'application/json', '.json': 'application/json', '.svg': 'image/svg+xml',
};

async function mintSession(role, res) {
  if (!(role in principals)) return send(res, 400, JSON.stringify({ error: { code: 'bad_request', message: 'role must be agency or client.' } }), '.json');
  const answer = await fetch(`${relinkUrl}/v1/sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ role, principalId: principals[role], ttlSeconds: 900 }),
  });
  const { token, expiresAt } = await answer.json();
  if (!answer.ok) return send(res, 502, JSON.stringify({ error: { code: 'session_failed', message: 'Relink did not start a session.' } }), '.json');
  send(res, 200, JSON.stringify({ token, expiresAt }), '.json');
}

async function file(path) {
  const full = normalize(join(root, decodeURIComponent(path)));
  if (!full.startsWith(root + sep) && full !== root) return undefined;
  const info = await stat(full).catch(() => undefined);
  if (info?.isFile() && extname(full) in TYPES) return full;
  return undefined;
}

function send(res, status, body, ext) {
  res.writeHead(status, { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', 'http://host');
    if (url.pathname === '/host/session' && req.method === 'POST') return await mintSession(url.searchParams.get('role'), res);
    const found = (await file(url.pathname)) ?? (extname(url.pathname) ? undefined : await file('/index.html'));
    if (!found) return send(res, 404, 'Not found', '.txt');
    let body = await readFile(found);
    if (extname(found) === '.html') body = body.toString().replaceAll('%RELINK_API_URL%', `${relinkUrl}/v1`);
    send(res, 200, body, extname(found));
  } catch (error) {
    console.error(error);
    send(res, 500, 'Server error', '.txt');
  }
}).listen(port, host, () => console.log(`Host app on http://${host}:${port}/ (Relink at ${relinkUrl})`));
