// The code an element loads on demand after the user acts imports nothing of the page's own up front: only lit (and
// types, and another such module). A module of the page's up-front graph imported by an on-demand chunk is split out
// of the page's entry into a chunk shared with it, which costs more bytes up front than the chunk moved away
// (`npm run size`: the connections page went from 43.93 to 45.65 KiB when the redirect's code imported the toaster,
// the consent outcome and the error copy). The page's helpers are handed to these modules instead (flow-kit.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

/** Each on-demand module, and what it may import besides lit and types. */
const LEAVES: Record<string, string[]> = {
  'toast-list.ts': [],
  'credential-form.ts': [],
  'reconnect-flow.ts': ['./credential-form.js'],
  'refresh-failure.ts': [],
  'redirect-return.ts': [],
  'confirm-dialog-body.ts': [],
  'connection-detail-view.ts': [],
  // The bell's list: repeat is in the chunk lit's directives share with the virtualizer; the icons are only its own.
  'notification-list.ts': ['lit/directives/repeat.js', 'lucide/dist/esm/icons/circle-alert.mjs', 'lucide/dist/esm/icons/info.mjs', 'lucide/dist/esm/icons/triangle-alert.mjs'],
  // Only the long lists render rows through guard; the virtualizer is its own on-demand chunk.
  'window-view.ts': ['lit/directives/guard.js', '@lit-labs/virtualizer/virtualize.js'],
  '../components/connections-table/live-rows.ts': [],
};

/** The modules `source` imports for their values or effects (not `import type`), statically or with `import()`. */
const valueImports = (source: string): string[] =>
  [...source.matchAll(/^import\s+(?!type\b)(?:[^;]*?from\s+)?'([^']+)'|\bimport\('([^']+)'\)/gms)].map((match) => (match[1] ?? match[2])!);

test('on-demand modules import only lit (and each other), so no up-front module is split out of the page', () => {
  const problems = Object.entries(LEAVES).flatMap(([file, allowed]) => {
    // Without comments, which name modules too.
    const source = readFileSync(new URL(`../src/internal/${file}`, import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
    return valueImports(source)
      .filter((specifier) => specifier !== 'lit' && !allowed.includes(specifier))
      .map((specifier) => `${file} imports ${specifier}`);
  });
  assert.deepEqual(problems, []);
});
