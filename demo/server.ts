// `npm start`: the reference backend exactly as `relink-server` runs it (same settings, same entry: runRelink from
// @relink/server/program; see packages/server/src/node/config.ts for the variables), with the demo host app around it
// on the same origin and its own small backend:
//   /host/session  mints a Relink session token the way a product's backend would: POST /v1/sessions with the
//                  workspace's secret key, which never reaches the browser;
//   /host/config   tells the page whether demo levers may be shown;
//   everything else that is not /v1 or /provider is the built host app (demo/dist), with history-API fallback.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeRelink, readConfigOrExit, runRelink } from '@relink/server/program';
import { hostListener, sendJson, serveFile } from './host.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'demo/dist');

const config = readConfigOrExit('npm start', process.env, { dataDir: join(root, '.relink/pglite') });
if (!existsSync(join(dist, 'index.html'))) {
  console.error('npm start: the demo host app is not built: run `npm start` (it builds it) or `npx vite build`.');
  process.exit(1);
}

const relink = await runRelink(config, {
  around: (relink, url) =>
    hostListener(relink, url, (path, _req, res) => {
      if (path !== '/host/config') return serveFile(res, dist, path);
      sendJson(res, 200, { demo: config.demo });
      return true;
    }),
});

console.log(describeRelink(config, relink.url).join('\n'));
console.log(`  Agency console  ${relink.url}/`);
console.log(`  Client portal   ${relink.url}/portal/connections`);
if (config.demo) console.log('  Use the "Demo controls" panel in the console to break things on purpose.');
console.log('Ctrl-C to stop.');
