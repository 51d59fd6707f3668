#!/usr/bin/env node
/* eslint-disable no-console -- a command-line report */
// Marginal size of each element over Lit: esbuild bundle with `lit` external, minified, gzip -9.
// Like Lit's own production builds (minify-html-literals), whitespace inside css`` templates is collapsed first;
// license comments go to a separate file (`legalComments: 'external'`), as a production build would ship them.
// Usage: node packages/elements/scripts/size.mjs [--raw]  (--raw: no CSS collapsing, license comments inline)
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const raw = process.argv.includes('--raw');
const entries = {
  'relink-status-badge': 'src/components/status-badge/status-badge.ts',
  'relink-toaster': 'src/components/toaster/toaster.ts',
  'both (shared code counted once)': 'src/index.ts',
};

/** Collapses whitespace inside css`…` templates (outside `${…}`), keeping the space before `:` (descendant selectors). */
export const collapseCss = (source) =>
  source.replace(/\bcss`([^`]*)`/g, (_, body) => 'css`' + body
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .trim() + '`');

const plugin = {
  name: 'collapse-css',
  setup(b) {
    b.onLoad({ filter: /packages\/elements\/src\/.*\.ts$/ }, async ({ path }) => ({
      contents: collapseCss(await readFile(path, 'utf8')), loader: 'ts',
    }));
  },
};

const sizes = {};
for (const [name, entry] of Object.entries(entries)) {
  const result = await build({
    entryPoints: [`${pkg}/${entry}`], bundle: true, format: 'esm', minify: true, write: false, target: 'es2022',
    external: ['lit', 'lit/*', '@lit/*'], conditions: ['source'], tsconfig: `${pkg}/../../tsconfig.json`,
    legalComments: raw ? 'inline' : 'none', plugins: raw ? [] : [plugin], logLevel: 'error',
  });
  const code = result.outputFiles[0].contents;
  const gz = gzipSync(code, { level: 9 }).length;
  sizes[name] = gz;
  console.log(`${name.padEnd(34)} ${(code.length / 1024).toFixed(2).padStart(6)} KiB min  ${(gz / 1024).toFixed(2).padStart(5)} KiB min+gzip`);
}
const [badge, toaster, both] = Object.values(sizes);
console.log(`status badge on top of the toaster (shared base paid once): ${((both - toaster) / 1024).toFixed(2)} KiB min+gzip`);
console.log(`shared base (RelinkElement, tokens, icon, format):          ${((badge + toaster - both) / 1024).toFixed(2)} KiB min+gzip`);
