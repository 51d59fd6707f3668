// The copy registry's public surface: set a word for the whole kit, register a language, and the types a language
// file is written against.
export { registerTranslation, setMessages } from '../internal/registry.js';
export type { CommonMessages, ElementMessages, PartialTranslation, Translation, TranslationDraft } from './translation.js';
