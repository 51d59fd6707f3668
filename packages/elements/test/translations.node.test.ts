// Every shipped language against English, key by key: the same keys (none missing, none extra), strings where
// English has strings, the same `{placeholders}`, and plural messages with exactly the categories the language's
// `Intl.PluralRules` selects. Each problem is named by language and key path, all at once, so a translator fixes a
// file in one pass. A language file that is not in the loader map (so never loads) fails too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import en from '../src/translations/en.js';
import { loaders } from '../src/translations/loader.js';

const dir = new URL('../src/translations/', import.meta.url);
const PLURAL_CATEGORIES: readonly string[] = ['zero', 'one', 'two', 'few', 'many', 'other'];
/** Plural forms that may say the number in words instead of `{n}` ("one connection", Arabic's dual "اتصالان"). */
const NAMED_COUNTS = new Set(['zero', 'one', 'two']);

type Catalog = Record<string, unknown>;

const isObject = (value: unknown): value is Catalog => typeof value === 'object' && value !== null && !Array.isArray(value);

/** English marks a plural message as one template per category, `other` always among them. */
const isPlural = (value: unknown): value is Record<string, string> =>
  isObject(value) && 'other' in value && Object.keys(value).every((key) => PLURAL_CATEGORIES.includes(key));

const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

/** Every difference between `theirs` and English's `ours` under `path`, in words a translator can act on. */
function compare(code: string, ours: unknown, theirs: unknown, path: string, problems: string[]): void {
  if (typeof ours === 'string') {
    if (typeof theirs !== 'string') return void problems.push(`${path}: expected a string, found ${JSON.stringify(theirs)}`);
    if (!theirs.trim()) return void problems.push(`${path}: is empty`);
    const want = placeholders(ours);
    const have = placeholders(theirs);
    if (want.join() !== have.join()) problems.push(`${path}: placeholders ${fmt(have)} differ from English ${fmt(want)}`);
    // A sentence of several words that reads exactly as in English was not translated.
    if (theirs === ours && ours.split(/\s+/).length >= 4) problems.push(`${path}: is still the English text`);
    return;
  }
  if (isPlural(ours)) {
    if (!isObject(theirs)) return void problems.push(`${path}: expected plural forms, found ${JSON.stringify(theirs)}`);
    const categories = new Intl.PluralRules(code).resolvedOptions().pluralCategories as string[];
    const want = [...new Set(Object.values(ours).flatMap(placeholders))];
    for (const category of categories) {
      const form = theirs[category];
      if (form === undefined) problems.push(`${path}.${category}: is missing (Intl.PluralRules('${code}') selects ${categories.join(', ')})`);
      else if (typeof form !== 'string') problems.push(`${path}.${category}: expected a string, found ${JSON.stringify(form)}`);
      else {
        const have = placeholders(form);
        const needed = want.filter((name) => name !== 'n' || !NAMED_COUNTS.has(category));
        const missing = needed.filter((name) => !have.includes(name));
        const extra = have.filter((name) => !want.includes(name));
        if (missing.length || extra.length) problems.push(`${path}.${category}: placeholders ${fmt(have)} differ from English ${fmt(want)}`);
      }
    }
    for (const category of Object.keys(theirs)) {
      if (!categories.includes(category)) problems.push(`${path}.${category}: is extra (Intl.PluralRules('${code}') never selects it)`);
    }
    return;
  }
  if (!isObject(ours)) throw new Error(`English has an unexpected value at ${path}`);
  if (!isObject(theirs)) return void problems.push(`${path}: expected an object of messages, found ${JSON.stringify(theirs)}`);
  for (const key of Object.keys(ours)) {
    if (!(key in theirs)) problems.push(`${path}.${key}: is missing`);
    else compare(code, ours[key], theirs[key], `${path}.${key}`, problems);
  }
  for (const key of Object.keys(theirs)) if (!(key in ours)) problems.push(`${path}.${key}: is extra (English has no such key)`);
}

const fmt = (names: string[]) => (names.length ? names.map((n) => `{${n}}`).join(' ') : 'none');

/** All problems in one language's catalog (its loader's default export). */
export function problemsIn(code: string, catalog: Catalog): string[] {
  const problems: string[] = [];
  if (catalog.$code !== code) problems.push(`$code: is ${JSON.stringify(catalog.$code)}, its loader key is "${code}"`);
  if (typeof catalog.$name !== 'string' || !catalog.$name.trim()) problems.push('$name: must name the language in itself');
  const direction = (new Intl.Locale(code) as Intl.Locale & { textInfo?: { direction: string } }).textInfo?.direction ?? 'ltr';
  if (catalog.$dir !== direction) problems.push(`$dir: is ${JSON.stringify(catalog.$dir)}, ${code} is written ${direction}`);
  const { $code: _c, $name: _n, $dir: _d, ...messages } = catalog;
  const { $code: _ec, $name: _en, $dir: _ed, ...english } = en as unknown as Catalog;
  for (const key of Object.keys(english)) {
    if (!(key in messages)) problems.push(`${key}: is missing`);
    else compare(code, english[key], messages[key], key, problems);
  }
  for (const key of Object.keys(messages)) if (!(key in english)) problems.push(`${key}: is extra (English has no such part)`);
  return problems;
}

test('every language file in src/translations is in the loader map (one line beside its file)', () => {
  const files = readdirSync(dir).filter((name) => /^[a-z]{2,3}(-[A-Za-z0-9]+)*\.ts$/.test(name) && name !== 'en.ts').map((name) => name.replace(/\.ts$/, ''));
  assert.deepEqual(files.sort(), Object.keys(loaders).sort());
});

test('the kit ships German, French, Spanish, Japanese and Arabic', () => {
  assert.deepEqual(Object.keys(loaders).sort(), ['ar', 'de', 'es', 'fr', 'ja']);
});

for (const [code, load] of Object.entries(loaders)) {
  test(`${code}: every key of English, strings with the same placeholders, every plural category`, async () => {
    const { default: catalog } = await load();
    const problems = problemsIn(code, catalog as unknown as Catalog);
    if (problems.length) assert.fail(`src/translations/${code}.ts:\n  ${problems.join('\n  ')}`);
  });
}

test('the check names each kind of mistake by key: missing, extra, placeholder, non-string, plural category, untranslated', async () => {
  const { default: de } = await loaders.de!();
  const copy = structuredClone(de) as unknown as Catalog & Record<string, Catalog> & { common: Catalog & { codes: Catalog } };
  delete copy.common.codes.internal;
  copy.common.errorNetwork = en.common.errorNetwork;
  copy.toaster!.close = 'Schließen';
  copy['connection-requests']!.requestedBy = 'Angefragt von {who}';
  copy['connections-table']!.caption = 42;
  copy['reauth-banner']!.title = { other: '{n} Verbindungen müssen erneut autorisiert werden' };
  copy['notification-bell']!.labelUnread = { one: '{n} ungelesen', few: '{n} ungelesen', other: 'ungelesen' };
  assert.deepEqual(problemsIn('de', copy).sort(), [
    'common.codes.internal: is missing',
    'common.errorNetwork: is still the English text',
    'connection-requests.requestedBy: placeholders {who} differ from English {name}',
    'connections-table.caption: expected a string, found 42',
    "notification-bell.labelUnread.few: is extra (Intl.PluralRules('de') never selects it)",
    'notification-bell.labelUnread.other: placeholders none differ from English {n}',
    "reauth-banner.title.one: is missing (Intl.PluralRules('de') selects one, other)",
    'toaster.close: is extra (English has no such key)',
  ]);
});
