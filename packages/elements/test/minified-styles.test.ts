// The build's css`` minifier (scripts/css-templates.mjs) against every stylesheet the kit ships, in the browser that
// applies them: each element's styles, minified, must parse to the same rules as written. The build rewrites dist
// with it, and the rest of the suite runs on the sources, so this is where a rule it breaks would show.
import { expect } from '@open-wc/testing';
import type { CSSResult, CSSResultOrNative } from 'lit';
import * as kit from '../src/index.js';
import credentialFormStyles from '../src/internal/credential-form.styles.js';
// @ts-expect-error -- a plain .mjs build script, no types
import { minifyCssTemplates } from '../scripts/css-templates.mjs';

const minify = minifyCssTemplates as (source: string) => string;

/** A stylesheet's rules as Chromium serializes them. */
const rules = (text: string): string[] => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return [...sheet.cssRules].map((rule) => rule.cssText);
};

const sheets = new Map<string, string>();
const add = (name: string, styles: readonly CSSResultOrNative[]) =>
  styles.forEach((s, i) => { if ('cssText' in s && typeof s.cssText === 'string') sheets.set(`${name} #${i}`, s.cssText); });
for (const [name, value] of Object.entries(kit)) {
  const element = value as { elementStyles?: CSSResultOrNative[]; finalize?: () => void };
  if (typeof value !== 'function' || typeof element.finalize !== 'function') continue;
  element.finalize();
  add(name, element.elementStyles ?? []);
}
add('credential form', [credentialFormStyles as CSSResult]);

it('finds the kit\'s stylesheets', () => {
  expect(sheets.size).to.be.greaterThan(20);
});

it('every shipped stylesheet, minified, parses to the same rules', () => {
  let written = 0;
  let shipped = 0;
  for (const [name, text] of sheets) {
    // The evaluated text stands in for the template: its interpolations are already in place.
    const minified = minify(`css \`${text}\``).slice('css `'.length, -1);
    written += text.length;
    shipped += minified.length;
    expect(rules(minified), name).to.deep.equal(rules(text));
  }
  expect(shipped, 'the minifier removed something').to.be.lessThan(written);
});
