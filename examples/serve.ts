// One server for the three examples, as a product would run it: the reference backend under /v1 (and its OAuth
// provider under /provider), the host's own backend route `POST /host/session` that mints session tokens with the
// secret key, and each example's static files under /examples/<name>/.
//
//   node --conditions=@relink/source --import tsx examples/serve.ts     # builds the examples, then serves on :4100
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startNodeRelink, type RunningRelink } from '@relink/server';
import { hostListener, serveFile } from '../demo/host.js';
import { EXAMPLES, buildExamples } from './build.js';

const here = fileURLToPath(new URL('.', import.meta.url));
/** Where each example's files are served from: the built apps, and the HTML page next to its bundle. */
const roots: Record<string, string> = {
  react: join(here, 'react/dist'),
  vue: join(here, 'vue/dist'),
  html: join(here, 'html'),
};

const index = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Relink examples</title><link rel="icon" href="data:,"></head>
<body><main><h1>Relink examples</h1><ul>${EXAMPLES.map((name) => `<li><a href="/examples/${name}/">${name}</a></li>`).join('')}</ul></main></body></html>`;

/** The examples' pages: an index, and each example's files under /examples/<name>/. */
function pages(path: string, _req: unknown, res: ServerResponse): boolean {
  if (path === '/' || path === '/examples' || path === '/examples/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
    res.end(index);
    return true;
  }
  const match = /^\/examples\/(react|vue|html)(\/.*)?$/.exec(path);
  return match ? serveFile(res, roots[match[1]!]!, match[2] ?? '/') : false;
}

/** The backend (in-memory demo workspace) with the host routes and the examples around it. Port 0 picks a free one. */
export async function startExamplesServer(options: { port?: number; hostname?: string } = {}): Promise<RunningRelink> {
  return startNodeRelink({
    port: options.port ?? 0,
    hostname: options.hostname ?? '127.0.0.1',
    database: 'memory',
    demo: true,
    secretKey: randomBytes(32).toString('base64url'),
    around: (relink, url) => hostListener(relink, url, pages),
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
