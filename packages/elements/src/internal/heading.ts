import { html, literal, type StaticValue } from 'lit/static-html.js';
import type { TemplateResult } from 'lit';

const TAGS: readonly StaticValue[] = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

/**
 * The one way an element renders its heading: a native `<h1>`–`<h6>` at the element's `heading-level` (1–6, default
 * 2; anything else falls back to 2), so a host fits it into its page's outline. `tabindex="-1"` lets the element move
 * focus to it after an action removed the focused control.
 */
export function heading(level: number, attributes: { part: string; id: string }, content: unknown): TemplateResult {
  const tag = TAGS[(Number.isInteger(level) && level >= 1 && level <= 6 ? level : 2) - 1]!;
  return html`<${tag} part=${attributes.part} id=${attributes.id} tabindex="-1">${content}</${tag}>`;
}
