import type { TranslationDraft } from './translation.js';

/**
 * The languages the kit ships, each loaded the first time an element sees its `lang` (a bundler makes each one its
 * own chunk; a page that stays in English never fetches one). English is built into the elements. Adding a language
 * is adding its file and one line here.
 */
export const loaders: Record<string, () => Promise<{ default: TranslationDraft }>> = {
  de: () => import('./de.js'),
  fr: () => import('./fr.js'),
  es: () => import('./es.js'),
  ja: () => import('./ja.js'),
  ar: () => import('./ar.js'),
};
