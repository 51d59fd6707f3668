/**
 * The kit's one copy registry: the languages it knows, the host's own words, and how an element's words are chosen.
 * For each key, the first of these that has it (with the right type) wins:
 * 1. the element's `messages` (and what a composite element passes to the elements inside it);
 * 2. the host's words, `setMessages()`: for the element's language tag, its base language, then for every language;
 * 3. the registered language for the element's `locale`: the exact tag (`de-AT`), then its base language (`de`);
 * 4. English, built into the element.
 * Shipped languages load on demand: the first element that sees a `lang` with no registered language imports it
 * (`translations/loader.ts`) and English shows until it arrives. Any change re-renders every connected element.
 */
import { loaders } from '../translations/loader.js';
import type { PartialTranslation, TranslationDraft } from '../translations/translation.js';

type Words = Record<string, unknown>;

/** What an element prints: its namespace (tag without `relink-`), its own English words and the common ones it uses. */
export interface ElementCopy {
  readonly ns: string;
  readonly own: Words;
  readonly common: Words;
}

/** Declares an element's copy: `copyOf('status-badge', en.statusBadge, en.statusWords)`. */
export const copyOf = (ns: string, own: object, ...common: object[]): ElementCopy =>
  ({ ns, own: own as Words, common: Object.assign({}, ...common) as Words });

const languages = new Map<string, TranslationDraft>();
/** The host's words by lower-case tag; `''` holds those for every language. */
const hostWords = new Map<string, PartialTranslation>();
/** Shipped languages being (or done) loading, by tag. */
const loading = new Map<string, Promise<void>>();
const listeners = new Set<() => void>();
const warned = new Set<string>();
let version = 0;

function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`@relink/elements: ${message}`);
}

function changed(): void {
  version++;
  listeners.forEach((listener) => listener());
}

const isObject = (value: unknown): value is Words => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keeps the namespaces that are objects; warns once about any other. */
function namespaces(words: unknown, source: string): Words {
  if (!isObject(words)) {
    warnOnce(`${source} should be an object of namespaces ({ common: {...}, 'status-badge': {...} }); it is ignored.`);
    return {};
  }
  const kept: Words = {};
  for (const [ns, value] of Object.entries(words)) {
    if (ns.startsWith('$')) kept[ns] = value;
    else if (isObject(value)) kept[ns] = value;
    else warnOnce(`${source} "${ns}" should be an object of words; it is ignored.`);
  }
  return kept;
}

/**
 * Registers languages (or replaces one registered with the same `$code`): `registerTranslation(de)`. A partial one
 * (`de-CH` with a few words) falls back, key by key, to its base language and then English.
 */
export function registerTranslation(...translations: TranslationDraft[]): void {
  for (const translation of translations) {
    const code = String((translation as { $code?: unknown })?.$code ?? '').toLowerCase();
    if (!code) {
      warnOnce('registerTranslation() needs a translation with a $code; it is ignored.');
      continue;
    }
    languages.set(code, namespaces(translation, `The translation "${code}"`) as TranslationDraft);
  }
  changed();
}

/**
 * Sets the host's own words for the whole kit, over every language or, with `lang`, over one (`de`, `de-AT`):
 * `setMessages({ common: { error: 'Expired' } })`. Calling it again for the same language replaces its words;
 * `setMessages({})` removes them. A word of the wrong type is ignored with one console warning.
 */
export function setMessages(words: PartialTranslation, lang = ''): void {
  const kept = namespaces(words, lang ? `setMessages(…, '${lang}')` : 'setMessages()');
  if (Object.keys(kept).length) hostWords.set(lang.toLowerCase(), kept);
  else hostWords.delete(lang.toLowerCase());
  changed();
}

/** The registered language for `code` (exact tag), if any. */
export const translationFor = (code: string): TranslationDraft | undefined => languages.get(code.toLowerCase());

/** Calls `listener` whenever a language is registered or the host's words change; returns the unsubscribe. */
export function onCopyChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** `de-AT` → `['de-at', 'de']`. */
function tagsOf(locale: string): string[] {
  const tag = locale.toLowerCase();
  const base = tag.split('-')[0]!;
  return base === tag ? [tag] : [tag, base];
}

/**
 * Starts loading a shipped language the first time a locale needs it (once; a failed load warns and stays English).
 * Resolves when the locale's words are as good as they will get.
 */
function load(tags: string[]): Promise<void> {
  const pending = tags
    // A language the host registered itself is not fetched.
    .filter((tag) => Object.hasOwn(loaders, tag) && (loading.has(tag) || !languages.has(tag)))
    .map((tag) => {
      let promise = loading.get(tag);
      if (!promise) {
        promise = loaders[tag]!().then(
          (module) => registerTranslation(module.default),
          (error: unknown) => warnOnce(`the "${tag}" translation could not be loaded (${String(error)}); English is shown.`),
        );
        loading.set(tag, promise);
      }
      return promise;
    });
  return Promise.all(pending).then(() => undefined);
}

/** Resolves once the words for `locale` are loaded (at once for English or a registered language). */
export const languageReady = (locale: string): Promise<void> => load(tagsOf(locale));

/** A plural form: an object with a string `other` and only strings. */
const isPlural = (value: Words): boolean => typeof value.other === 'string';
const stringsOnly = (value: Words): boolean => Object.values(value).every((v) => typeof v === 'string');

/**
 * Picks one key's value from `layers` (highest priority first) over `english`, checking each against the English
 * value's type: a string for a string, plural forms for plural forms (replaced whole: forms do not mix across
 * languages), an object of strings for a map such as `codes` (merged entry by entry).
 */
function pick(key: string, english: unknown, layers: [Words | undefined, string][]): unknown {
  const plural = isObject(english) && isPlural(english);
  const map = isObject(english) && !plural;
  const merged: Words | undefined = map ? { ...(english as Words) } : undefined;
  let found: unknown;
  // Lowest priority first, so a map's entries from higher layers overwrite lower ones.
  for (let i = layers.length - 1; i >= 0; i--) {
    const [words, source] = layers[i]!;
    if (!words || !Object.hasOwn(words, key)) continue;
    const value = words[key];
    const ok = typeof english === 'string' ? typeof value === 'string' : isObject(value) && stringsOnly(value) && (!plural || isPlural(value));
    if (!ok) {
      const expected = typeof english === 'string' ? 'a string' : plural ? 'plural forms ({ one, other, … } of strings)' : 'an object of strings';
      warnOnce(`${source} "${key}" should be ${expected}; it is ignored.`);
      continue;
    }
    if (merged) Object.assign(merged, value);
    else found = value;
  }
  return merged ?? found ?? english;
}

const resolved = new WeakMap<ElementCopy, Map<string, { version: number; words: Words }>>();
const withMessages = new WeakMap<object, { base: Words; words: Words }>();

/** The words of `copy` in `locale` (without any element's `messages`), cached until the registry changes. */
function wordsFor(copy: ElementCopy, locale: string): Words {
  let byLocale = resolved.get(copy);
  if (!byLocale) resolved.set(copy, (byLocale = new Map()));
  const hit = byLocale.get(locale);
  if (hit?.version === version) return hit.words;
  const tags = tagsOf(locale);
  void load(tags);
  const hosts = [...tags, ''].map((tag) => [hostWords.get(tag), tag ? `setMessages(…, '${tag}')` : 'setMessages()'] as const);
  const langs = tags.map((tag) => [languages.get(tag), `the translation "${tag}"`] as const);
  const words: Words = {};
  for (const [ns, english] of [['common', copy.common], [copy.ns, copy.own]] as const) {
    const layers = [...hosts, ...langs].map(([t, source]): [Words | undefined, string] => [t?.[ns as keyof typeof t] as Words | undefined, `${source} ${ns}`]);
    for (const key of Object.keys(english)) words[key] = pick(key, english[key], layers);
  }
  byLocale.set(locale, { version, words });
  return words;
}

/** The words an element prints: `messages` over the registry's words for `copy` in `locale`. */
export function resolveCopy(copy: ElementCopy, locale: string, messages?: object): Words {
  const base = wordsFor(copy, locale);
  if (!messages || !Object.keys(messages).length) return base;
  const hit = withMessages.get(messages);
  if (hit?.base === base) return hit.words;
  const words: Words = {};
  for (const key of Object.keys(base)) words[key] = pick(key, base[key], [[messages as Words, `messages ${copy.ns}`]]);
  withMessages.set(messages, { base, words });
  return words;
}

const handedDown = new WeakMap<object, Map<ElementCopy, object>>();

/**
 * What a composite element's `messages` say to an element inside it (of copy `child`): the common words the child
 * prints, then the child's own namespace (`{ error: 'Expired', 'refresh-button': { label: 'Renew' } }`). The same
 * object for the same `messages`, so passing it down does not re-render the child.
 */
export function messagesFor(messages: object, child: ElementCopy): object {
  let byChild = handedDown.get(messages);
  if (!byChild) handedDown.set(messages, (byChild = new Map()));
  let words = byChild.get(child);
  if (!words) {
    const source = messages as Words;
    const own = source[child.ns];
    words = Object.fromEntries(Object.keys(child.common).filter((key) => Object.hasOwn(source, key)).map((key) => [key, source[key]]));
    if (isObject(own)) Object.assign(words, own);
    byChild.set(child, words);
  }
  return words;
}
