/**
 * The one way copy gets its values: every `{name}` in `template` is replaced by `values[name]` (every occurrence;
 * an unknown name stays as written, so a typo shows instead of vanishing). Values are inserted as text.
 *
 * @example fill('{app} ({label}) is now {status}.', { app: 'Slack', label: 'Ops', status: 'error' })
 */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : match));
}
