#!/usr/bin/env node
/* eslint-disable no-console -- a build step reports what it did in one line */
// Part of `npm run build -w @relink/elements`, after tsc: collapses the whitespace and comments inside the css``
// templates of dist/**/*.js, as Lit's own production builds do (minify-html-literals), so the published files carry
// the rules without their indentation and comments. A host's bundler minifies the JavaScript around them but leaves a
// template's text alone, so this is the only place those bytes can go.
//
// Safe by construction: quoted strings and `${…}` interpolations are copied as they are, and a newline is kept
// wherever the source had one (the line count is unchanged, so tsc's source maps still point at the right lines).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minifyCssTemplates } from './css-templates.mjs';

const files = (dir) => readdirSync(dir, { withFileTypes: true })
  .flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : []));

const dist = fileURLToPath(new URL('../dist', import.meta.url));
let before = 0;
let after = 0;
// dist/bundle is vite's, built afterwards from these files.
for (const file of files(dist).filter((f) => !f.includes('/bundle/'))) {
  const source = readFileSync(file, 'utf8');
  const minified = minifyCssTemplates(source);
  before += source.length;
  after += minified.length;
  if (minified !== source) writeFileSync(file, minified);
}
console.log(`minify-css: dist/**/*.js ${before} → ${after} bytes`);
