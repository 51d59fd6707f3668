#!/usr/bin/env node
/* eslint-disable no-console -- a command-line report */
// Marginal size of each element, measured on the built files a host installs (dist/, from `npm run build -w
// packages/elements`; the workspace's source condition is not used): esbuild bundle, minified, gzip -9. Three views:
// 1. over Lit (`lit`, `@lit/*`, `@lit-labs/*` external), each element alone — includes the shared base it needs;
// 2. marginal: what an element adds on top of the shared base and SDK (`all elements` minus `all but this one`),
//    the honest "cost of one more element" figure the budgets below are checked against;
// 3. the whole kit a host ships: these elements + @relink/sdk + lit + @lit/context + ky + zod/mini, nothing external
//    (the virtualizer is a separate on-demand chunk, reported on its own).
// The css`` templates are measured as the build ships them (collapsed by scripts/minify-css.mjs); license comments go
// to a separate file (`legalComments: 'none'` here), as a production build would ship them.
// Usage: node packages/elements/scripts/size.mjs [--raw]  (--raw: license comments inline)
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const raw = process.argv.includes('--raw');
if (!existsSync(`${pkg}/dist/index.js`)) {
  console.error('packages/elements/dist is not built: run `npm run build` first (sizes are measured on the published files).');
  process.exit(1);
}
const ELEMENTS = {
  'relink-status-badge': 'dist/components/status-badge/status-badge.js',
  'relink-toaster': 'dist/components/toaster/toaster.js',
  'relink-provider': 'dist/components/provider/provider.js',
  'relink-refresh-button': 'dist/components/refresh-button/refresh-button.js',
  'relink-revoke-dialog': 'dist/components/revoke-dialog/revoke-dialog.js',
  'relink-reconnect-button': 'dist/components/reconnect-button/reconnect-button.js',
  'relink-connection-detail': 'dist/components/connection-detail/connection-detail.js',
  'relink-connections-table': 'dist/components/connections-table/connections-table.js',
  'relink-reauth-banner': 'dist/components/reauth-banner/reauth-banner.js',
  'relink-notification-bell': 'dist/components/notification-bell/notification-bell.js',
  'relink-run-actions': 'dist/components/run-actions/run-actions.js',
  'relink-runs-list': 'dist/components/runs-list/runs-list.js',
  'relink-connection-requests': 'dist/components/connection-requests/connection-requests.js',
  'relink-publish-check': 'dist/components/publish-check/publish-check.js',
  'relink-run-detail': 'dist/components/run-detail/run-detail.js',
};
/** Budgets (KiB min+gzip) on the marginal figure, from issue 6. */
const BUDGETS = { 'relink-status-badge': 1.0, 'relink-refresh-button': 1.5, 'relink-revoke-dialog': 2.5, 'relink-connections-table': 3.0 };

const plugin = {
  name: 'languages-on-demand',
  setup(b) {
    // Shipped languages are on-demand chunks (the loader map's `import()`s): a page in English never fetches them.
    b.onResolve({ filter: /^\.\/(de|fr|es|ja|ar)\.js$/ }, ({ path, importer }) =>
      (importer.includes('/translations/') ? { path, external: true } : undefined));
  },
};

const LIT_EXTERNAL = ['lit', 'lit/*', '@lit/*', '@lit-labs/*'];
const SDK_EXTERNAL = ['@relink/sdk', '@relink/sdk/*', 'ky', 'zod', 'zod/*', 'eventsource-parser'];

/** Bundles `contents` (an inline module resolved from the package) and returns min and gzip bytes. */
async function measure(contents, external) {
  const result = await build({
    stdin: { contents, resolveDir: pkg, loader: 'ts' },
    bundle: true, format: 'esm', minify: true, write: false, target: 'es2022', platform: 'browser',
    external, conditions: ['browser'],
    legalComments: raw ? 'inline' : 'none', plugins: [plugin], logLevel: 'error',
  });
  const code = result.outputFiles[0].contents;
  return { min: code.length, gz: gzipSync(code, { level: 9 }).length };
}

await report();

async function report() {
const kib = (n) => (n / 1024).toFixed(2).padStart(6);
const importsOf = (names) => names.map((n) => `import './${ELEMENTS[n]}';`).join('\n');
const names = Object.keys(ELEMENTS);

console.log('Each element alone, over Lit and the SDK (shared base included):');
for (const name of names) {
  const { min, gz } = await measure(importsOf([name]), [...LIT_EXTERNAL, ...SDK_EXTERNAL]);
  console.log(`  ${name.padEnd(28)} ${kib(min)} KiB min  ${kib(gz)} KiB min+gzip`);
}

// Marginal: each element on top of the shared base, so an element's figure is its own code. Base 0 is everything in
// src/internal, src/controllers, src/context and src/events, kept whole (`export *`); the badge and the toaster are
// measured over base 0, every other element over base 0 + badge + toaster (which they render or toast through).
const base0 = ['internal/relink-element', 'internal/connection-element', 'internal/controls.styles', 'internal/monogram', 'internal/icon',
  'internal/format', 'internal/access', 'controllers/store-controller', 'context/client-context', 'context/store-context',
  'events/manage', 'events/refresh', 'events/revoke', 'events/reconnect', 'events/toast-show', 'events/toast-dismiss',
  'styles/tokens', 'internal/href', 'events/navigate', 'events/run-action', 'events/connection-request', 'internal/run-status'].map((m) => `export * from './dist/${m}.js';`).join('\n');
const base1 = `${base0}\nexport * from './${ELEMENTS['relink-status-badge']}';\nexport * from './${ELEMENTS['relink-toaster']}';`;
const external = [...LIT_EXTERNAL, ...SDK_EXTERNAL];
const [b0, b1] = [await measure(base0, external), await measure(base1, external)];
console.log(`\nShared base (internal, controllers, context, events, tokens): ${kib(b0.gz).trim()} KiB min+gzip`);
console.log('Marginal: what each element adds over the shared base (badge and toaster over base 0, the rest over base 0 + badge + toaster):');
let over = 0;
for (const name of names) {
  const base = ['relink-status-badge', 'relink-toaster'].includes(name) ? { src: base0, size: b0 } : { src: base1, size: b1 };
  const { gz } = await measure(`${base.src}\nexport * from './${ELEMENTS[name]}';`, external);
  const marginal = gz - base.size.gz;
  const budget = BUDGETS[name];
  const verdict = budget === undefined ? '' : marginal / 1024 <= budget ? `  budget ${budget.toFixed(1)}: ok` : `  budget ${budget.toFixed(1)}: OVER`;
  if (budget !== undefined && marginal / 1024 > budget) over++;
  console.log(`  ${name.padEnd(28)} ${kib(marginal)} KiB min+gzip${verdict}`);
}
const all = await measure(importsOf(names), external);
console.log(`  ${'all elements + base'.padEnd(28)} ${kib(all.gz)} KiB min+gzip (${kib(all.min).trim()} KiB min)`);
console.log('  (relink-connection-detail embeds refresh, revoke and reconnect; its figure includes them)');
console.log('  (relink-runs-list and relink-run-detail embed relink-run-actions)');

console.log('\nWhat a host ships (nothing external):');
const kit = await measure(importsOf(names), []);
const sdk = await measure(`export * from '@relink/sdk';`, []);
const lit = await measure(`export * from 'lit'; export * from '@lit/context';`, []);
const virtualizer = await measure(`export * from '@lit-labs/virtualizer/virtualize.js';`, ['lit', 'lit/*']);
console.log(`  ${'elements + sdk + lit + @lit/context + ky + zod/mini'.padEnd(52)} ${kib(kit.gz)} KiB min+gzip (${kib(kit.min).trim()} KiB min)`);
console.log(`  ${'  of which the SDK with ky and zod/mini alone'.padEnd(52)} ${kib(sdk.gz)} KiB min+gzip`);
console.log(`  ${'  of which lit + @lit/context alone'.padEnd(52)} ${kib(lit.gz)} KiB min+gzip`);
console.log(`  ${'@lit-labs/virtualizer (on-demand chunk, >threshold rows)'.padEnd(52)} ${kib(virtualizer.gz)} KiB min+gzip`);
if (over) console.log(`\n${over} element(s) over budget.`);

// A React page that wraps three elements: the per-element wrapper entries against the all-wrappers entry. A bundler
// that honours "sideEffects" drops the unused wrappers of the index too (the figures match); the per-element entries
// keep it that way for tools that do not (dev servers, import maps).
const reactExternal = ['react', 'react-dom', ...LIT_EXTERNAL, ...SDK_EXTERNAL];
const three = ['provider', 'connections-table', 'toaster'];
const perElement = await measure(three.map((n) => `export * from './dist/react/${n}.js';`).join('\n'), reactExternal);
const allWrappers = await measure(`export { RelinkProvider, RelinkConnectionsTable, RelinkToaster } from './dist/react/index.js';`, reactExternal);
console.log('\nA React page wrapping provider, connections table and toaster (React, lit and the SDK external):');
console.log(`  ${'@relink/elements/react/<element>.js, three entries'.padEnd(52)} ${kib(perElement.gz)} KiB min+gzip`);
console.log(`  ${'@relink/elements/react, all fifteen'.padEnd(52)} ${kib(allWrappers.gz)} KiB min+gzip`);
}
