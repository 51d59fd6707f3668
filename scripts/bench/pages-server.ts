// The page-bytes part's server, run by scripts/bench/index.mjs under tsx (the backend is TypeScript):
//   node --conditions=@relink/source --import tsx scripts/bench/pages-server.ts <dir> <connections> [<key> <cert>]
// The reference backend on 127.0.0.1 (PGlite in memory, demo mode, the demo workspace grown by <connections>), with
// the demo's host routes around it (demo/host.ts: POST /host/session mints a session token with the workspace's
// secret key, as a product's backend does), and the built pages from <dir> on the same origin. Every page file is
// sent gzip -9, the compression `npm run size` counts, whatever else the browser accepts, and never cached.
// Prints `pages-server <url>` once it is ready (plain HTTP/1.1), and with a TLS key and certificate (PEM files) also
// `pages-server-h2 <url>`: the same server behind an HTTP/2 proxy, as a CDN or reverse proxy serves a page's chunks
// (one connection, no six-request queue). SIGTERM stops it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { createSecureServer } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startNodeRelink } from '@relink/server';
import { hostListener } from '../../demo/host.js';
import { growWorkspace } from './grow-workspace.js';

const [dir = '', connections = '0', key, cert] = process.argv.slice(2);
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

/** Each file gzipped once: the pages are built before the server starts and never change. */
const gzipped = new Map<string, Buffer>();

const relink = await startNodeRelink({
  database: { pglite: 'memory' },
  demo: true,
  rateLimit: false,
  refresher: { autoStart: false },
  secretKey: 'bench-signing-secret-0123456789',
  around: (relink, url) =>
    hostListener(relink, url, (path, _req, res) => {
      const file = normalize(join(dir, path));
      if (!file.startsWith(dir + sep) || !(extname(file) in TYPES) || !existsSync(file) || !statSync(file).isFile()) return false;
      let body = gzipped.get(file);
      if (!body) gzipped.set(file, (body = gzipSync(readFileSync(file), { level: 9 })));
      res.writeHead(200, { 'content-type': TYPES[extname(file)]!, 'content-encoding': 'gzip', 'cache-control': 'no-store' });
      res.end(body);
      return true;
    }),
});
await growWorkspace(relink.store, Number(connections));
console.log(`pages-server ${relink.url}`);
if (key && cert) {
  // HTTP/2 terminated in front of the HTTP/1.1 server, as a CDN or nginx does: each request forwarded, and the
  // hop-by-hop headers HTTP/2 forbids dropped from the answer (the event stream's `transfer-encoding` among them).
  const upstream = new URL(relink.url);
  const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection']);
  const h2 = createSecureServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !name.startsWith(':')));
    const forward = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...headers, host: upstream.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !hopByHop.has(name))));
      answer.pipe(res);
    });
    forward.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end()));
    res.on('close', () => forward.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => h2.listen(0, '127.0.0.1', resolve));
  console.log(`pages-server-h2 https://127.0.0.1:${(h2.address() as AddressInfo).port}`);
  process.once('SIGTERM', () => h2.close());
}

process.once('SIGTERM', () => void relink.close().finally(() => process.exit(0)));
