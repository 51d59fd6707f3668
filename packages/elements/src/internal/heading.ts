import { html, type TemplateResult } from 'lit';

/**
 * The one way an element renders its heading: a native `<h1>`–`<h6>` at the element's `heading-level` (1–6, default
 * 2; anything else falls back to 2), so a host fits it into its page's outline. `tabindex="-1"` lets the element move
 * focus to it after an action removed the focused control. Six plain templates, not `lit/static-html.js`: smaller, and
 * no static-template lookup on each render.
 */
export function heading(level: number, { part, id }: { part: string; id: string }, content: unknown): TemplateResult {
  switch (Number.isInteger(level) && level >= 1 && level <= 6 ? level : 2) {
    case 1:
      return html`<h1 part=${part} id=${id} tabindex="-1">${content}</h1>`;
    case 3:
      return html`<h3 part=${part} id=${id} tabindex="-1">${content}</h3>`;
    case 4:
      return html`<h4 part=${part} id=${id} tabindex="-1">${content}</h4>`;
    case 5:
      return html`<h5 part=${part} id=${id} tabindex="-1">${content}</h5>`;
    case 6:
      return html`<h6 part=${part} id=${id} tabindex="-1">${content}</h6>`;
    default:
      return html`<h2 part=${part} id=${id} tabindex="-1">${content}</h2>`;
  }
}
