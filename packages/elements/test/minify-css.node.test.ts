// The build's css`` minifier (scripts/minify-css.mjs) on what the shipped styles contain: it may drop only what CSS
// ignores, and must copy strings and `${…}` interpolations as they are and keep every line (source maps).
import { test } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error -- a plain .mjs build script, no types
import { minifyCssTemplates } from '../scripts/css-templates.mjs';

const minify = minifyCssTemplates as (source: string) => string;

test('indentation, comments and spaces around braces, semicolons, child combinators and colons go', () => {
  const source = 'export default css `\n  /* why */\n  :host { display: block; }\n  ul > li  a:hover { color: red; }\n`;\n';
  assert.equal(minify(source), 'export default css `\n\n:host{display:block;}\nul>li a:hover{color:red;}\n`;\n');
});

test('the line count is unchanged, blank lines and multi-line comments included', () => {
  const source = 'const a = css `\n\n  /* one\n     two */\n  p { margin: 0; }\n`;\nconst after = 1;\n';
  const out = minify(source);
  assert.equal(out.split('\n').length, source.split('\n').length);
  assert.match(out, /\nconst after = 1;\n$/);
});

test('quoted strings and interpolations are copied as they are', () => {
  const source = "css `[data-label]::before { content: attr(data-label) '  :  '; gap: ${space1} ${space3}; width: ${a > b ? '1px' : '2px'}; }`";
  assert.equal(minify(source), "css `[data-label]::before{content:attr(data-label) '  :  ';gap:${space1} ${space3};width:${a > b ? '1px' : '2px'};}`");
});

test('the space after a comma stays: a var() fallback keeps its tokens exactly', () => {
  assert.equal(minify('css `a { color: var(--x, var(--y, red)); }`'), 'css `a{color:var(--x, var(--y, red));}`');
});

test('a template it cannot read (a nested template in an interpolation) is left untouched', () => {
  const source = 'css `a { b: ${`x`}; }` + css `p { margin: 0; }`';
  assert.equal(minify(source), 'css `a { b: ${`x`}; }` + css `p{margin:0;}`');
});

test('code outside css templates is not touched', () => {
  const source = 'const t = html`<p class="a  b"> x </p>`; // css is nice\nconst s = "css `";\n';
  assert.equal(minify(source), source);
});

test('a template that merely ends in "css" is not a css tag: the code after it is not touched', () => {
  const source = 'const url = `${base}/theme.css`;\nconst re = /a ; b/;\nconst t = `x`;\n';
  assert.equal(minify(source), source);
});
