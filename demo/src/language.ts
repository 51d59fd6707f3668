import { html } from 'lit';
import { words } from './words.js';

/** The languages Relink ships (issue 15), each named in itself. */
const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'de', name: 'Deutsch' },
  { code: 'fr', name: 'Français' },
  { code: 'es', name: 'Español' },
  { code: 'ja', name: '日本語' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
] as const;

const STORAGE_KEY = 'relink-demo-lang';

/** Fired on `document` after the language changed: the host re-renders its own words (the elements follow by themselves). */
export const LANGUAGE_CHANGE = 'demo-language-change';

/**
 * Sets the page's language and direction the way a host does: `lang` and `dir` on <html>. Relink elements follow
 * the nearest `lang` (their copy) and `dir` (their layout mirrors with logical properties).
 */
export function setLanguage(code: string): void {
  const language = LANGUAGES.find((l) => l.code === code) ?? LANGUAGES[0];
  document.documentElement.lang = language.code;
  document.documentElement.dir = 'dir' in language ? language.dir : 'ltr';
  // A preference of the demo's visitor, not a secret: kept across reloads.
  localStorage.setItem(STORAGE_KEY, language.code);
  document.dispatchEvent(new Event(LANGUAGE_CHANGE));
}

setLanguage(new URLSearchParams(location.search).get('lang') ?? localStorage.getItem(STORAGE_KEY) ?? 'en');

/** The host's language selector, for the top bar. */
export const languagePicker = () => html`<label class="language">
  <span class="visually-hidden">${words().language}</span>
  <select @change=${(event: Event) => setLanguage((event.target as HTMLSelectElement).value)}>
    ${LANGUAGES.map((l) => html`<option value=${l.code} lang=${l.code} ?selected=${document.documentElement.lang === l.code}>${l.name}</option>`)}
  </select>
</label>`;
