/**
 * The shape of a language: what `registerTranslation()` takes and what each `translations/<code>.ts` default-exports.
 * English (`./en.ts`) decides the keys; every other language has exactly the same ones (the compiler and the
 * completeness test both check it), with its own plural forms where the language has them.
 */
import type { PluralForms } from '../internal/format.js';
import type * as en from './en.js';

/** String values stay strings, plural forms become every `Intl.PluralRules` category, maps keep their keys. */
export type Words<T> = {
  [K in keyof T]: T[K] extends string ? string : T[K] extends PluralForms ? PluralForms : Words<T[K]>;
};

/** Words several elements print, once: status words, error copy, server error codes, account mismatch, runs, … */
export type CommonMessages = Words<typeof en.common>;

/** Each element's own words, by its tag without `relink-`. */
export interface ElementMessages {
  'status-badge': Words<typeof en.statusBadge>;
  'connections-table': Words<typeof en.connectionsTable>;
  'connection-detail': Words<typeof en.connectionDetail>;
  'refresh-button': Words<typeof en.refreshButton>;
  'revoke-dialog': Words<typeof en.revokeDialog>;
  'reconnect-button': Words<typeof en.reconnectButton>;
  'reauth-banner': Words<typeof en.reauthBanner>;
  'notification-bell': Words<typeof en.notificationBell>;
  'connection-requests': Words<typeof en.connectionRequests>;
  'runs-list': Words<typeof en.runsList>;
  'run-actions': Words<typeof en.runActions>;
  'run-detail': Words<typeof en.runDetail>;
  'publish-check': Words<typeof en.publishCheck>;
  toaster: Words<typeof en.toaster>;
  provider: Words<typeof en.provider>;
  'app-catalog': Words<typeof en.appCatalog>;
  'connect-button': Words<typeof en.connectButton>;
  'remove-dialog': Words<typeof en.removeDialog>;
  'notification-settings': Words<typeof en.notificationSettings>;
}

export type Namespace = keyof ElementMessages | 'common';

/** A complete language: every key of English, in the language's words. */
export interface Translation extends ElementMessages {
  /** BCP 47 tag: `de`, `pt-BR`. An element whose `lang` is `de-AT` uses `de-AT`, then `de`, then English. */
  $code: string;
  /** The language's name in itself: "Deutsch". */
  $name: string;
  /** Its writing direction. The elements follow the page's `dir`; a host sets `dir` from this. */
  $dir: 'ltr' | 'rtl';
  common: CommonMessages;
}

type Partially<T> = { [K in keyof T]?: T[K] extends string | PluralForms ? T[K] : Partially<T[K]> };

/** Some of a language's words (a regional variant over its base language, a host's overrides). */
export type PartialTranslation = Partially<ElementMessages & { common: CommonMessages }>;

/** A language file that may still be incomplete: missing words fall back to the base language, then English. */
export type TranslationDraft = Pick<Translation, '$code'> & Partial<Pick<Translation, '$name' | '$dir'>> & PartialTranslation;
