#!/usr/bin/env node
// `npm start`: builds the demo host app (Vite, about a second), then runs demo/server.ts — the reference backend
// with its real OAuth provider and embedded database, and the host app on the same origin — from source through
// tsx with the `@relink/source` export condition. Ctrl-C stops it. RELINK_SKIP_BUILD=1 reuses an existing demo/dist.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
if (!(process.env.RELINK_SKIP_BUILD && existsSync(`${root}demo/dist/index.html`))) {
  const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const child = spawn(process.execPath, ['--conditions=@relink/source', '--import', 'tsx', 'demo/server.ts'], { cwd: root, stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
