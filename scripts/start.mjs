#!/usr/bin/env node
// `npm start`: the Relink reference backend (packages/server/src/node/main.ts) in demo mode on 127.0.0.1:$PORT
// (default 4000), run from source through tsx with the `source` export condition. Signals pass through to it.
import { spawn } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'packages/server/src/node/main.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
