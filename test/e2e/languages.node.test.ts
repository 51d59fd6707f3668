// Issue 15's "Done when", as a user sees it on `npm start`: switching the demo's language to each shipped language
// leaves no English word in any Relink element (app names and user data aside), Arabic pages are right to left, and
// the one call a host makes (`setMessages({ common: { error: 'Expired' } })`, the demo controls' "your word" field)
// relabels every visible "error" status on the console.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import en from '../../packages/elements/src/translations/en.js';
import de from '../../packages/elements/src/translations/de.js';
import fr from '../../packages/elements/src/translations/fr.js';
import es from '../../packages/elements/src/translations/es.js';
import ja from '../../packages/elements/src/translations/ja.js';
import ar from '../../packages/elements/src/translations/ar.js';
import { launchBrowser, startDemo, watch, type Demo } from './harness.js';

let demo: Demo;
let browser: Browser;
const errors: string[] = [];
const TIMEOUT = 15_000;

/** Every string in a translation (plural forms and maps included), placeholders taken out. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value.replace(/\{\w+\}/g, ' ')];
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

/** Words of two letters or more, lower case (`\p{L}`: any script, so "Verbindung" and "接続" are words too). */
const wordsOf = (text: string): string[] => (text.match(/\p{L}{2,}/gu) ?? []).map((w) => w.toLowerCase());

const ENGLISH = new Set(stringsOf(en).flatMap(wordsOf));
const LANGUAGES = { de, fr, es, ja, ar } as const;
type Lang = keyof typeof LANGUAGES;

/**
 * The English words that would betray an untranslated string in `lang`: every word of `en.ts`'s values, minus the
 * words the language's own file uses too ("Status", "App" and "Workflow" are German as well, "info" is French,
 * "error" is Spanish; "API" and "OAuth" are written as such in Japanese and Arabic). What is left cannot appear on a
 * correctly translated page, except inside user data, which is taken out of the text first (`dataOf`).
 */
function englishOnly(lang: Lang): Set<string> {
  const own = new Set(stringsOf(LANGUAGES[lang]).flatMap(wordsOf));
  return new Set([...ENGLISH].filter((w) => !own.has(w)));
}

/** API fields that hold names and user data rather than the kit's words: taken out of the page text before checking. */
const DATA_FIELDS = new Set(['name', 'label', 'appName', 'workflowName', 'email', 'externalAccountEmail', 'note', 'connectionLabel']);

async function apiData(role: 'agency' | 'client'): Promise<string[]> {
  const { token } = (await (await fetch(`${demo.url}/host/session?role=${role}`, { method: 'POST' })).json()) as { token: string };
  const found: string[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (typeof v === 'string' && DATA_FIELDS.has(key)) found.push(v);
        else collect(v);
      }
    }
  };
  for (const path of ['connections?limit=100', 'runs?limit=100', 'connection-requests?limit=100', 'apps?limit=100', 'notifications?limit=100', 'me']) {
    const response = await fetch(`${demo.url}/v1/${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (response.ok) collect(await response.json());
  }
  return found;
}

/**
 * The text every Relink element renders: text nodes and spoken attributes of its shadow root, nested elements'
 * shadow roots included. `relink-provider` wraps the host's page and renders nothing itself: it is skipped, the
 * elements inside it are not.
 */
function renderedText(page: Page): Promise<string[]> {
  // Loops, not inner functions: tsx names functions with a helper the page does not have.
  return page.evaluate(() => {
    const out: string[] = [];
    const roots: Node[] = [...document.querySelectorAll('*')]
      .filter((el) => el.localName.startsWith('relink-') && el.localName !== 'relink-provider' && el.shadowRoot)
      .map((el) => el.shadowRoot!);
    for (let root = roots.pop(); root; root = roots.pop()) {
      for (const node of root.childNodes) {
        if (node.nodeType === Node.TEXT_NODE) out.push(node.textContent ?? '');
        if (!(node instanceof Element) || ['STYLE', 'SCRIPT', 'TEMPLATE'].includes(node.tagName)) continue;
        for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
          const value = node.getAttribute(name);
          if (value) out.push(value);
        }
        if (node.shadowRoot) roots.push(node.shadowRoot);
        roots.push(node);
      }
    }
    return out;
  });
}

/** The English words left in the Relink elements' text, each with the text it was found in. */
async function englishLeft(page: Page, lang: Lang, data: string[]): Promise<string[]> {
  const english = englishOnly(lang);
  const longestFirst = [...data].sort((a, b) => b.length - a.length);
  const left: string[] = [];
  for (const text of await renderedText(page)) {
    let rest = text;
    for (const d of longestFirst) rest = rest.split(d).join(' ');
    for (const word of wordsOf(rest)) if (english.has(word)) left.push(`"${word}" in "${text.trim().slice(0, 120)}"`);
  }
  return [...new Set(left)];
}

/** Retries `check` until it returns nothing or time runs out (languages load on demand), then returns its last answer. */
async function settle<T>(check: () => Promise<T[]>, ms = 10_000): Promise<T[]> {
  const end = Date.now() + ms;
  let last = await check();
  while (last.length && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    last = await check();
  }
  return last;
}

async function open(path: string): Promise<Page> {
  const page = await browser.newPage();
  page.setDefaultTimeout(TIMEOUT);
  watch(page, errors);
  await page.goto(`${demo.url}${path}`);
  return page;
}

/** Switches language with the demo's select, as a visitor does. */
async function switchTo(page: Page, lang: string): Promise<void> {
  await page.locator('label.language select').first().selectOption(lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/** The page's loaded state: the table's rows (and the bell's list, opened so its items render). */
async function loaded(page: Page, bell: boolean): Promise<void> {
  await page.locator('relink-connections-table [part~=manage], relink-connection-detail relink-status-badge').first().waitFor();
  if (bell) {
    await page.locator('relink-notification-bell [part=button]').click();
    await page.locator('relink-notification-bell [part~=item]').first().waitFor();
    await page.keyboard.press('Escape');
  }
}

const PAGES = [
  { name: 'agency console', path: '/', role: 'agency', bell: true },
  { name: 'client portal', path: '/portal/connections', role: 'client', bell: false },
  { name: 'connection detail', path: '/connections/con_hubspot', role: 'agency', bell: true },
] as const;

describe('languages in the demo (issue 15)', { timeout: 600_000 }, () => {
  const data: Record<'agency' | 'client', string[]> = { agency: [], client: [] };
  before(async () => {
    demo = await startDemo();
    browser = await launchBrowser();
    data.agency = await apiData('agency');
    data.client = await apiData('client');
  });
  after(async () => {
    await browser?.close();
    await demo?.stop();
  });

  for (const { name, path, role, bell } of PAGES) {
    test(`${name}: no English word left in any Relink element in de, fr, es, ja, ar; Arabic right to left`, async () => {
      const page = await open(path);
      await loaded(page, bell);
      // The check can fail: in English it finds English.
      assert.ok((await englishLeft(page, 'de', data[role])).length > 5, 'the English page has English words');
      for (const lang of Object.keys(LANGUAGES) as Lang[]) {
        await switchTo(page, lang);
        if (bell) await loaded(page, bell);
        assert.deepEqual(await settle(() => englishLeft(page, lang, data[role])), [], `English left on the ${name} in ${lang}`);
        const directions = await page.evaluate(() => [
          document.documentElement.dir,
          ...[...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('relink-')).map((el) => getComputedStyle(el).direction),
        ]);
        assert.deepEqual(new Set(directions), new Set([lang === 'ar' ? 'rtl' : 'ltr']), `direction in ${lang}`);
      }
      await switchTo(page, 'en');
      await page.close();
      assert.deepEqual(errors, []);
    });
  }

  test('one setMessages call relabels every visible "error" status on the console as "Expired"', async () => {
    const page = await open('/');
    await loaded(page, true);
    // The status words a user sees: visible leaves of the Relink elements' shadow trees, and the filter's options.
    const statusWords = (word: string) => page.evaluate((w) => {
      const seen: string[] = [];
      const roots: [ParentNode, string][] = [...document.querySelectorAll('*')]
        .filter((el) => el.localName.startsWith('relink-') && el.shadowRoot)
        .map((el) => [el.shadowRoot!, el.localName]);
      for (let next = roots.pop(); next; next = roots.pop()) {
        const [root, host] = next;
        for (const el of root.querySelectorAll('*')) {
          const text = el.textContent?.trim();
          const leaf = [...el.children].every((child) => child.textContent?.trim() !== text);
          if (text === w && leaf && (el.localName === 'option' || el.checkVisibility())) seen.push(`${host} ${el.localName}`);
          if (el.shadowRoot) roots.push([el.shadowRoot, el.localName]);
        }
      }
      return seen.sort();
    }, word);
    const before = await statusWords('error');
    assert.ok(before.some((s) => s.startsWith('relink-status-badge') || s.startsWith('relink-connections-table')), `a table badge says "error": ${before}`);
    assert.ok(before.includes('relink-connections-table option'), `the filter offers "error": ${before}`);

    await page.getByText('Demo controls').click();
    await page.getByLabel('Your word for the “error” status').fill('Expired');
    await page.getByRole('button', { name: 'Apply' }).click();

    assert.deepEqual(await settle(() => statusWords('error')), [], 'no "error" left');
    assert.deepEqual(await statusWords('Expired'), before, 'each one now says "Expired"');
    // Not a word of it anywhere in the elements' text (spoken labels and announcements included).
    const said = (await renderedText(page)).filter((t) => /\berror\b/i.test(t));
    assert.deepEqual(said, []);
    await page.close();
    assert.deepEqual(errors, []);
  });
});
