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

/** The CSS text between strings and interpolations: runs of spaces and comments shrink, newlines stay. */
const squeeze = (text) => text
  .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ''))
  .replace(/\s+/g, (run) => (run.includes('\n') ? run.replace(/[^\n]/g, '') : ' '))
  .replace(/ ?([{};>]) ?/g, '$1')
  .replace(/: /g, ':');

/**
 * The template literal starting after the backtick at `start`: its collapsed text and where it ends, or undefined
 * when it holds something this scanner does not read (a nested template, an unterminated comment or string).
 */
function collapseTemplate(source, start) {
  let out = '';
  let text = '';
  const flush = () => {
    out += squeeze(text);
    text = '';
  };
  for (let i = start; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      text += source.slice(i, i + 2);
      i++;
    } else if (ch === '`') {
      flush();
      return { text: out, end: i };
    } else if (ch === '/' && source[i + 1] === '*') {
      const close = source.indexOf('*/', i + 2);
      if (close < 0) return undefined;
      text += source.slice(i, close + 2);
      i = close + 1;
    } else if (ch === "'" || ch === '"') {
      const close = source.indexOf(ch, i + 1);
      if (close < 0 || source.slice(i, close).includes('\n')) return undefined;
      flush();
      out += source.slice(i, close + 1);
      i = close;
    } else if (ch === '$' && source[i + 1] === '{') {
      let depth = 0;
      let j = i + 1;
      for (; j < source.length; j++) {
        if (source[j] === '`') return undefined;
        if (source[j] === '{') depth++;
        if (source[j] === '}' && --depth === 0) break;
      }
      flush();
      out += source.slice(i, j + 1);
      i = j;
    } else {
      text += ch;
    }
  }
  return undefined;
}

/** Every css`…` (tsc writes `css \`…\``) of a module, collapsed; anything the scanner cannot read is left as it is. */
export function minifyCssTemplates(source) {
  let out = '';
  let from = 0;
  for (const match of source.matchAll(/\bcss ?`/g)) {
    if (match.index < from) continue;
    const start = match.index + match[0].length;
    const template = collapseTemplate(source, start);
    if (!template) continue;
    out += source.slice(from, start) + template.text;
    from = template.end;
  }
  return out + source.slice(from);
}

const files = (dir) => readdirSync(dir, { withFileTypes: true })
  .flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : []));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = fileURLToPath(new URL('../dist', import.meta.url));
  let before = 0;
  let after = 0;
  for (const file of files(dist).filter((f) => !f.includes('/bundle/'))) {
    const source = readFileSync(file, 'utf8');
    const minified = minifyCssTemplates(source);
    before += source.length;
    after += minified.length;
    if (minified !== source) writeFileSync(file, minified);
  }
  console.log(`minify-css: dist/**/*.js ${before} → ${after} bytes`);
}
