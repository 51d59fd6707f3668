/**
 * The one way copy gets its values: every `{name}` in `template` is replaced by `values[name]` (every occurrence;
 * an unknown name stays as written, so a typo shows instead of vanishing). Values are inserted as text.
 *
 * Bidi: where the sentence or the value is right-to-left, each value is isolated (U+2068 FIRST STRONG ISOLATE …
 * U+2069 POP DIRECTIONAL ISOLATE, invisible), so "HubSpot (EU)" in an Arabic sentence keeps its closing parenthesis
 * and an Arabic label does not reorder an English sentence around it. Left-to-right text with left-to-right values
 * cannot be reordered, and stays exactly as written.
 *
 * @example fill('{app} ({label}) is now {status}.', { app: 'Slack', label: 'Ops', status: 'error' })
 */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  const rtl = RTL.test(template);
  return substitute(template, values, (value) => (rtl || RTL.test(String(value)) ? isolate(value) : String(value)));
}

/**
 * A strong right-to-left character: Hebrew, Arabic, Syriac, Thaana, N'Ko and the other RTL scripts and their
 * presentation forms, but not Arabic-Indic digits and number signs (a count formatted for `ar` follows the sentence).
 */
const RTL = /[\u0590-\u05FF\u0606-\u065F\u066D-\u06EF\u06FA-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

/** `value` between U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE. */
export const isolate = (value: string | number): string => `\u2068${value}\u2069`;

/** `fill()` for what is not read as text (a URL template): the values exactly as given. */
export const fillPlain = (template: string, values: Readonly<Record<string, string | number>>): string => substitute(template, values, String);

function substitute(template: string, values: Readonly<Record<string, string | number>>, put: (value: string | number) => string): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (Object.hasOwn(values, name) ? put(values[name]!) : match));
}
