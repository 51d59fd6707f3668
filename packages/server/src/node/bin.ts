#!/usr/bin/env node
// `relink-server` (`npx @relink/server`): the reference backend, configured by environment variables (config.ts).
// A bad setting or a failed start (port taken, database unreachable) ends it with one line and a non-zero code.
// The settings are checked before the server's modules load, so nothing else is printed first.
// `relink-server rotate-secrets` re-seals every stored secret with the first key of RELINK_ENCRYPTION_KEYS.
import { readConfigOrExit } from './config.js';

const command = process.argv[2];
if (command !== undefined && command !== 'rotate-secrets') {
  console.error(`relink-server: unknown command "${command}" (the only one is rotate-secrets; without one it serves).`);
  process.exit(2);
}
const config = readConfigOrExit('relink-server');

if (command === 'rotate-secrets') {
  if (!config.encryptionKeys) {
    console.error('relink-server: rotate-secrets needs RELINK_ENCRYPTION_KEYS, the new key first: "new:<key>,old:<key>".');
    process.exit(2);
  }
  const { rotateSecrets } = await import('./rotate-secrets.js');
  try {
    const count = await rotateSecrets({ database: config.database, encryptionKeys: config.encryptionKeys });
    console.log(`relink-server: re-sealed ${count} record(s) with key "${config.encryptionKeys.current}".`);
  } catch (error) {
    console.error(`relink-server: could not rotate: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
} else {
  const { describeRelink, runRelink } = await import('./main.js');
  try {
    const relink = await runRelink(config);
    console.log([...describeRelink(config, relink.url), 'Ctrl-C to stop.'].join('\n'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`relink-server: could not start: ${reason}`);
    process.exit(1);
  }
}
