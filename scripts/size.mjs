#!/usr/bin/env node
// `npm run size`: what each shipped entry costs a host page. Bundles it with esbuild the way an app bundler would
// (ESM, minified, browser, every dependency included unless `external`), gzips at level 9, prints a table and exits 1
// when an entry is over its budget. `--why <name>` lists that entry's biggest inputs from esbuild's metafile.
// Add a row to `entries` for each new package entry point; `contents` bundles an inline module instead of a file.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;

/** @type {{ name: string, entry?: string, contents?: string, budget: number, external?: string[] }[]} budget in KiB gzip */
const entries = [
  { name: '@relink/sdk', entry: 'packages/sdk/src/index.ts', budget: 10.5 },
  // A host that only uses the client (no store, events or consent flow) should pay only for that.
  { name: '@relink/sdk (client only)', contents: "export { createRelinkClient } from '@relink/sdk';", budget: 10.5 },
];

const kib = (bytes) => bytes / 1024;
const why = process.argv.includes('--why') ? process.argv[process.argv.indexOf('--why') + 1] : undefined;

async function measure({ entry, contents, external = [] }) {
  const result = await build({
    ...(entry ? { entryPoints: [entry] } : { stdin: { contents, resolveDir: root, loader: 'ts' } }),
    absWorkingDir: root,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    write: false,
    metafile: true,
    external,
    // Resolve workspace packages to their TypeScript sources, as the repo's tsconfig and test runner do.
    conditions: ['@relink/source'],
    legalComments: 'none',
    logLevel: 'error',
  });
  const code = result.outputFiles[0].contents;
  return { min: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength, metafile: result.metafile };
}

const rows = [];
let over = false;
for (const item of entries) {
  const { min, gzip, metafile } = await measure(item);
  const ok = kib(gzip) <= item.budget;
  over ||= !ok;
  rows.push([item.name, kib(min).toFixed(1), kib(gzip).toFixed(2), `${item.budget.toFixed(1)}${ok ? '' : '  ✗ over'}`]);
  if (why === item.name) {
    const inputs = Object.values(metafile.outputs)[0].inputs;
    const top = Object.entries(inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).slice(0, 25);
    const byPackage = {};
    for (const [file, { bytesInOutput }] of Object.entries(inputs)) {
      const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? 'own code';
      byPackage[name] = (byPackage[name] ?? 0) + bytesInOutput;
    }
    console.log(`\nMinified bytes of ${item.name} by package:`);
    for (const [name, bytes] of Object.entries(byPackage).sort((a, b) => b[1] - a[1])) console.log(`${String(bytes).padStart(8)}  ${name}`);
    console.log(`\nBiggest inputs of ${item.name} (minified bytes, before gzip):`);
    for (const [file, { bytesInOutput }] of top) console.log(`${String(bytesInOutput).padStart(8)}  ${file}`);
    console.log('');
  }
}

const header = ['name', 'min KiB', 'gzip KiB', 'budget'];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
const line = (cells) => `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((width, column) => (column === 0 ? ` ${'-'.repeat(width)} ` : ` ${'-'.repeat(width - 1)}: `)).join('|')}|`);
for (const row of rows) console.log(line(row));
if (over) {
  console.error('\nOver budget. Run `npm run size -- --why "<name>"` to see what costs.');
  process.exit(1);
}
