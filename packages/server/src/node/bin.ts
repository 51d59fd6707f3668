#!/usr/bin/env node
// `relink-server` (`npx @relink/server`): the reference backend, configured by environment variables (config.ts).
// A bad setting or a failed start (port taken, database unreachable) ends it with one line and a non-zero code.
// The settings are checked before the server's modules load, so nothing else is printed first.
import { readConfigOrExit } from './config.js';

const config = readConfigOrExit('relink-server');
const { describeRelink, runRelink } = await import('./main.js');
try {
  const relink = await runRelink(config);
  console.log([...describeRelink(config, relink.url), 'Ctrl-C to stop.'].join('\n'));
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  console.error(`relink-server: could not start: ${reason}`);
  process.exit(1);
}
