/**
 * Locale-aware formatting on `Intl`, with formatters cached per locale and options (building an `Intl`
 * formatter costs far more than using one). Nothing here knows about Lit.
 */
import { fill } from './fill.js';

/**
 * A message that depends on a count: one template per `Intl.PluralRules` category (`other` is required); `{n}` is the
 * formatted count, other `{name}`s are filled as in any message.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const cache = new Map<string, unknown>();

function cached<T>(kind: string, locale: string, options: object | undefined, make: () => T): T {
  const key = `${kind}|${locale}|${options ? JSON.stringify(options) : ''}`;
  let value = cache.get(key) as T | undefined;
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}

export const numberFormat = (locale: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat =>
  cached('n', locale, options, () => new Intl.NumberFormat(locale, options));

export const pluralRules = (locale: string): Intl.PluralRules =>
  cached('p', locale, undefined, () => new Intl.PluralRules(locale));

/** "A, B and C" in the locale's words. */
export const conjunction = (locale: string): Intl.ListFormat =>
  cached('list', locale, undefined, () => new Intl.ListFormat(locale, { type: 'conjunction' }));

/**
 * Languages whose default digits are Latin in every region (CLDR's default numbering system `latn`). Asking `Intl`
 * (`Intl.Locale#getNumberingSystems`, or a first `Intl.NumberFormat`) loads the locale's number data: 10-40 ms on a
 * page's first use, the bulk of a table's first render when one row shows "Reconnect within 5 days".
 */
const LATIN = new Set(['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'ja', 'zh', 'ko', 'ru', 'pl', 'sv', 'da', 'nb', 'fi', 'tr', 'cs', 'el', 'hu', 'ro', 'uk', 'id', 'vi', 'he']);

/** Whether `locale` writes numbers in Latin digits by default: known without `Intl` for the languages above. */
const latinDigits = (locale: string): boolean =>
  cached('l', locale, undefined, () => {
    const [language = ''] = locale.toLowerCase().split(/[-_]/);
    if (LATIN.has(language) && !/-u-(.+-)?nu-/i.test(locale)) return true;
    try {
      const tag = new Intl.Locale(locale) as Intl.Locale & { getNumberingSystems?(): string[]; numberingSystems?: string[] };
      return (tag.getNumberingSystems?.() ?? tag.numberingSystems)?.[0] === 'latn';
    } catch {
      return false; // a tag Intl.Locale refuses: let Intl.NumberFormat decide (and throw) as before
    }
  });

/** `n` as `Intl.NumberFormat(locale)` writes it: a small whole count in Latin digits needs no formatter. */
export const formatCount = (locale: string, n: number): string =>
  Number.isInteger(n) && n >= 0 && n < 1000 && latinDigits(locale) ? String(n) : numberFormat(locale).format(n);

/** Picks the plural form for `n` in `locale` and fills it: `plural('en', 2, forms)` → "… 2 days". */
export function plural(locale: string, n: number, forms: PluralForms, values: Readonly<Record<string, string | number>> = {}): string {
  const form = forms[pluralRules(locale).select(n)] ?? forms.other;
  return fill(form, { ...values, n: formatCount(locale, n) });
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 31_536_000],
  ['month', 2_592_000],
  ['week', 604_800],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

/** "3 hours ago", "in 2 days", "now" — the largest unit that fits. */
export function relativeTime(locale: string, date: Date | number | string, now: number = Date.now()): string {
  const seconds = (new Date(date).getTime() - now) / 1000;
  const format = cached('r', locale, undefined, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') return format.format(Math.round(seconds / size), unit);
  }
  return '';
}

/** An absolute date and time, e.g. "Mar 3, 2026, 4:05 PM" (medium date, short time by default). */
export function absoluteTime(
  locale: string,
  date: Date | number | string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  return cached('d', locale, options, () => new Intl.DateTimeFormat(locale, options)).format(new Date(date));
}
