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

/** Registered languages and the host's words (`''`: for every language), by lower-case tag. */
const languages = new Map<string, Words>();
const hostWords = new Map<string, Words>();
/** Shipped languages being (or done) loading, by tag. */
const loading = new Map<string, Promise<void>>();
const listeners = new Set<() => void>();
const warned = new Set<string>();
let version = 0;

function warnOnce(message: string): void {
  if (!warned.has(message)) console.warn(`@relink/elements: ${message}`);
  warned.add(message);
}

function changed(): void {
  version++;
  listeners.forEach((listener) => listener());
}

const isObject = (value: unknown): value is Words => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Registers languages (or replaces one registered with the same `$code`): `registerTranslation(de)`. A partial one
 * (`de-CH` with a few words) falls back, key by key, to its base language and then English.
 */
export function registerTranslation(...translations: TranslationDraft[]): void {
  for (const translation of translations) languages.set(String(translation.$code).toLowerCase(), translation as Words);
  changed();
}

/**
 * Sets the host's own words for the whole kit, over every language or, with `lang`, over one (`de`, `de-AT`):
 * `setMessages({ common: { error: 'Expired' } })`. Calling it again for the same language replaces its words;
 * `setMessages({})` removes them. A word of the wrong type is ignored with one console warning.
 */
export function setMessages(words: PartialTranslation, lang = ''): void {
  if (!isObject(words)) warnOnce('setMessages() is ignored: it takes an object of namespaces.');
  hostWords.set(lang.toLowerCase(), isObject(words) ? words : {});
  changed();
}

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
 * Loads the shipped languages a locale needs the first time (once; a failed load warns and stays English; a language
 * the host registered itself is not fetched). Resolves when the locale's words are as good as they will get.
 */
function load(tags: string[]): Promise<unknown> {
  return Promise.all(
    tags
      .filter((tag) => Object.hasOwn(loaders, tag) && (loading.has(tag) || !languages.has(tag)))
      .map((tag) => {
        if (!loading.has(tag)) {
          loading.set(tag, loaders[tag]!().then(
            (module) => registerTranslation(module.default),
            (error: unknown) => warnOnce(`the "${tag}" translation did not load (${String(error)}); English is shown.`),
          ));
        }
        return loading.get(tag);
      }),
  );
}

/** Resolves once the words for `locale` are loaded (at once for English or a registered language). */
export const languageReady = (locale: string): Promise<unknown> => load(tagsOf(locale));

/** `s` a string, `p` plural forms (strings with `other`), `m` a map of strings (`codes`), `''` anything else. */
const kind = (value: unknown): string =>
  typeof value === 'string' ? 's'
  : isObject(value) && Object.values(value).every((v) => typeof v === 'string') ? (typeof value.other === 'string' ? 'p' : 'm')
  : '';
const KINDS: Record<string, string> = { s: 'a string', p: 'plural forms', m: 'an object of strings' };

/**
 * One key's value from `layers` (highest priority first) over `english`, each of the English value's kind: a string
 * for a string; plural forms for plural forms, replaced whole (forms do not mix across languages); a map such as
 * `codes`, merged entry by entry. Anything else is ignored with one warning naming it.
 */
function pick(key: string, english: unknown, layers: [Words | undefined, string][]): unknown {
  const expected = kind(english);
  let found = expected === 'm' ? { ...(english as Words) } : english;
  for (let i = layers.length - 1; i >= 0; i--) {
    const [words, source] = layers[i]!;
    if (!words || !Object.hasOwn(words, key)) continue;
    const value = words[key];
    if (kind(value) !== expected) warnOnce(`${source}.${key} is ignored: it should be ${KINDS[expected]}.`);
    else found = expected === 'm' ? Object.assign(found as Words, value) : value;
  }
  return found;
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
  const sources: [Words | undefined, string][] = [
    ...[...tags, ''].map((tag): [Words | undefined, string] => [hostWords.get(tag), tag ? `setMessages(…, '${tag}')` : 'setMessages()']),
    ...tags.map((tag): [Words | undefined, string] => [languages.get(tag), `translation ${tag}`]),
  ];
  const words: Words = {};
  for (const [ns, english] of [['common', copy.common], [copy.ns, copy.own]] as const) {
    const layers = sources.map(([all, source]): [Words | undefined, string] => {
      const namespace = all?.[ns];
      if (namespace !== undefined && !isObject(namespace)) warnOnce(`${source} ${ns} is ignored: it should be an object of words.`);
      return [isObject(namespace) ? namespace : undefined, `${source} ${ns}`];
    });
    // English alone (no language or host words for this namespace): its words as they are, no key checked one by one.
    if (layers.every(([layer]) => !layer)) Object.assign(words, english);
    else for (const key of Object.keys(english)) words[key] = pick(key, english[key], layers);
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
