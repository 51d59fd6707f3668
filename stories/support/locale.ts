// The catalog's languages, and the check that every story also holds up in Arabic and Japanese. Stories reach their
// state in English (their play functions assert English copy); the page is then switched to each checked language
// the way a host would switch it (`lang` and `dir` on an ancestor), the elements re-render in place, and axe runs on
// what a reader of that language gets. One render, three axe runs: far cheaper than rendering every story three times.
import axe from 'axe-core';
import type { StoryContext } from '@storybook/web-components-vite';
import en from '../../packages/elements/src/translations/en.js';
import { loaders } from '../../packages/elements/src/translations/loader.js';

export interface StoryLocale {
  code: string;
  /** The language's own name, as the toolbar lists it. */
  name: string;
  dir: 'ltr' | 'rtl';
}

/** The languages the kit ships (packages/elements/src/translations), English first. */
export const LOCALES: readonly StoryLocale[] = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'de', name: 'Deutsch', dir: 'ltr' },
  { code: 'fr', name: 'Français', dir: 'ltr' },
  { code: 'es', name: 'Español', dir: 'ltr' },
  { code: 'ja', name: '日本語', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
];

/** Every story is also checked by axe in these: the right-to-left script and the one without word spaces. */
export const CHECKED_LOCALES = ['ar', 'ja'] as const;

export const localeOf = (code: string | undefined): StoryLocale | undefined => LOCALES.find((l) => l.code === code);

/** Marks the element the decorator (preview.ts) renders around each story, so the checks find it again. */
export const STORY_ROOT = 'data-relink-story-root';

/**
 * Sets `lang` and `dir` on the story root and on `<html>`: the toaster the elements append to `<body>` follows the
 * page's language as a host's would. Returns a function that puts back what was there.
 */
export function applyLocale(root: Element, locale: StoryLocale): () => void {
  const nodes = [root, document.documentElement];
  const saved = nodes.map((node) => [node.getAttribute('lang'), node.getAttribute('dir')] as const);
  for (const node of nodes) {
    node.setAttribute('lang', locale.code);
    node.setAttribute('dir', locale.dir);
  }
  return () =>
    nodes.forEach((node, i) => {
      const [lang, dir] = saved[i]!;
      for (const [name, value] of [['lang', lang], ['dir', dir]] as const) {
        if (value === null) node.removeAttribute(name);
        else node.setAttribute(name, value);
      }
    });
}

interface Updating extends Element {
  isUpdatePending: boolean;
  updateComplete: Promise<unknown>;
}

/** Every Relink element in the page, through shadow roots (the page, not just the story root: toasts live in body). */
function relinkElements(root: ParentNode = document, found: Updating[] = []): Updating[] {
  for (const el of root.querySelectorAll('*')) {
    if (el.localName.startsWith('relink-') && 'updateComplete' in el) found.push(el as Updating);
    if (el.shadowRoot) relinkElements(el.shadowRoot, found);
  }
  return found;
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/**
 * Waits until the elements have re-rendered in the new language: no element has an update pending for two frames in
 * a row (the catalog loads on demand, so the re-render that shows it comes a module load after the attribute change).
 */
export async function languageSettled(timeoutMs = 10_000): Promise<void> {
  const until = performance.now() + timeoutMs;
  for (let quiet = 0; quiet < 2 && performance.now() < until; ) {
    await frame();
    const elements = relinkElements();
    const pending = elements.filter((el) => el.isUpdatePending);
    await Promise.all(elements.map((el) => el.updateComplete));
    quiet = pending.length ? 0 : quiet + 1;
  }
  await Promise.all(relinkElements().flatMap((el) => (el.shadowRoot ?? el).getAnimations().map((a) => a.finished.catch(() => undefined))));
}

/** Storybook's own nodes, never part of the story (as addon-a11y leaves them out). */
const EXCLUDE = ['.sb-wrapper', '#storybook-docs', '#storybook-highlights-root'];

/** Runs axe over the page as addon-a11y does (its rule settings, `region` off for components shown alone). */
async function axeViolations(parameters: StoryContext['parameters']): Promise<axe.Result[]> {
  const { config = {}, options = {} } = (parameters.a11y ?? {}) as { config?: axe.Spec; options?: axe.RunOptions };
  axe.reset();
  axe.configure({ ...config, rules: [{ id: 'region', enabled: false }, ...(config.rules ?? [])] });
  // Only violations are read here: axe then skips the details of passing and incomplete checks, which is most of its time.
  const results = await axe.run({ include: [document.body], exclude: EXCLUDE.map((s) => [s]) }, { resultTypes: ['violations'], ...options });
  return results.violations;
}

const describe = (violations: axe.Result[]) =>
  violations.map((v) => `  ${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n')}`).join('\n');

/** Every string of a catalog by key path (plural forms as `path.category`), `$` keys left out. */
function strings(catalog: unknown, path = '', found = new Map<string, string>()): Map<string, string> {
  if (typeof catalog === 'string') found.set(path, catalog);
  else if (typeof catalog === 'object' && catalog !== null) {
    for (const [key, value] of Object.entries(catalog)) if (!key.startsWith('$')) strings(value, path ? `${path}.${key}` : key, found);
  }
  return found;
}

/**
 * The English copy a reader of `translation` must not meet: each English string's text between its placeholders,
 * where the language says it differently. Single words count only when the language never uses them itself (German
 * says "Status" and "Workflow" too), so what is left is English that should have been translated.
 */
function englishPhrases(translation: unknown): string[] {
  const theirs = strings(translation);
  const ownWords = new Set([...theirs.values()].flatMap((text) => text.toLowerCase().split(/[^\p{L}]+/u)));
  const phrases = new Set<string>();
  for (const [path, text] of strings(en)) {
    if (theirs.get(path) === text) continue;
    for (const fragment of text.split(/\{\w+\}/)) {
      const phrase = fragment.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
      const words = phrase.split(/\s+/);
      if (phrase.length < 4 || (words.length === 1 && ownWords.has(phrase.toLowerCase()))) continue;
      phrases.add(phrase);
    }
  }
  return [...phrases];
}

/**
 * Text said once, in the language of the moment it was said, and rightly not re-said when the page's language
 * changes: the toasts (raised while the play function ran, in English) and visually hidden live regions (an
 * announcement already read out). What stays on screen is checked.
 */
function saidBefore(el: Element): boolean {
  if (el.localName === 'relink-toaster') return true;
  const live = el.hasAttribute('aria-live') || ['status', 'alert', 'log'].includes(el.getAttribute('role') ?? '');
  if (!live) return false;
  const box = el.getBoundingClientRect();
  return box.width <= 1 || box.height <= 1;
}

/** The text a reader meets in the story (through shadow roots and slots), and its accessible names, minus `saidBefore`. */
function readerText(root: Element): string {
  const parts: string[] = [];
  const walk = (n: Node): void => {
    if (n.nodeType === Node.TEXT_NODE) return void parts.push(n.textContent ?? '');
    if (n instanceof HTMLStyleElement || n instanceof HTMLScriptElement) return;
    if (n instanceof Element) {
      if (saidBefore(n)) return;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = n.getAttribute(name);
        if (value) parts.push(` ${value} `);
      }
    }
    if (n instanceof HTMLSlotElement) return n.assignedNodes({ flatten: true }).forEach(walk);
    const children = n instanceof Element && n.shadowRoot ? n.shadowRoot.childNodes : n.childNodes;
    parts.push(' ');
    children.forEach(walk);
    parts.push(' ');
  };
  walk(root);
  return parts.join('').replace(/\s+/g, ' ');
}

/** The English phrases (of `phrases`) in `text`, matched as whole words. */
const leftIn = (text: string, phrases: string[]): string[] =>
  phrases.filter((phrase) => new RegExp(`(?<![\\p{L}])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(text));

/** Whether this render is a test run (addon-vitest in Vitest's browser mode), not someone browsing the catalog. */
const underTest = () => '__vitest_browser__' in globalThis;

/**
 * Preview `afterEach`: after the play function, switches the page to each of CHECKED_LOCALES, waits for the
 * re-render, runs axe, and puts the page back (addon-a11y then checks the original language, as before). Every
 * violation of every language is reported at once, named by language. Runs under test only, and only where the
 * story's own axe check would (not for `a11y.test: 'off'` or `a11y.disable`).
 */
export async function checkLocales(context: StoryContext): Promise<void> {
  const { parameters, globals, canvasElement, viewMode } = context;
  const a11y = parameters.a11y as { test?: string; disable?: boolean } | undefined;
  if (!underTest() || viewMode !== 'story' || a11y?.disable || a11y?.test === 'off' || parameters.relink?.localeChecks === false) return;
  const root = canvasElement.querySelector(`[${STORY_ROOT}]`) ?? canvasElement;
  const failures: string[] = [];
  for (const code of CHECKED_LOCALES) {
    if (globals.locale === code) continue;
    const restore = applyLocale(root, localeOf(code)!);
    try {
      // The elements load the catalog themselves on seeing the new `lang`; waiting for the same module here means the
      // quiet frames below cannot pass while it is still on its way.
      const translation = (await loaders[code]!()).default;
      await languageSettled();
      const violations = await axeViolations(parameters);
      if (violations.length) failures.push(`axe in ${localeOf(code)!.name} (lang=${code}):\n${describe(violations)}`);
      const english = leftIn(readerText(root), englishPhrases(translation));
      const left = `English left in ${localeOf(code)!.name} (lang=${code}): ${english.map((p) => JSON.stringify(p)).join(', ')}`;
      if (english.length) failures.push(left);
    } finally {
      restore();
    }
  }
  await languageSettled();
  if (failures.length) throw new Error(`After switching the story's language:\n${failures.join('\n')}`);
}
