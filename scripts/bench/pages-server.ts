// The page-bytes part's server, run by scripts/bench/index.mjs under tsx (the backend is TypeScript):
//   node --conditions=@relink/source --import tsx scripts/bench/pages-server.ts <dir> <connections>
// The reference backend on 127.0.0.1 (PGlite in memory, demo mode, the demo workspace grown by <connections>), with
// the demo's host routes around it (demo/host.ts: POST /host/session mints a session token with the workspace's
// secret key, as a product's backend does), and the built pages from <dir> on the same origin. Every page file is
// sent gzip -9, the compression `npm run size` counts, whatever else the browser accepts, and never cached.
// Prints `pages-server <url>` once it is ready; SIGTERM stops it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startNodeRelink } from '@relink/server';
import { hostListener } from '../../demo/host.js';
import { growWorkspace } from './grow-workspace.js';

const [dir = '', connections = '0'] = process.argv.slice(2);
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

process.once('SIGTERM', () => void relink.close().finally(() => process.exit(0)));
