import './lit-warnings.js';
import type { CSSResultGroup, LitElement } from 'lit';

/** WCAG contrast ratio of two computed CSS colours (`rgb(…)`, `rgba(…)` or `color(srgb …)`). */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

function luminance(color: string): number {
  const srgb = color.startsWith('color(srgb');
  const channels = color.match(/[\d.]+/g)!.map(Number).slice(0, 3).map((c) => (srgb ? c : c / 255));
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** All CSS text of an element class's static styles. */
export function cssText(ctor: typeof LitElement): string {
  const flat = (group: CSSResultGroup | undefined): string =>
    !group ? '' : Array.isArray(group) ? group.map(flat).join('\n') : 'cssText' in group ? group.cssText : '';
  return flat(ctor.styles);
}

/**
 * Private tokens (`--_name`) of a stylesheet: those read with `var(--_name` and those defined with `--_name:`.
 * Material's createTokenTests idea: a token read but never defined silently falls back to nothing.
 */
export function privateTokens(css: string): { used: Set<string>; defined: Set<string> } {
  return {
    used: new Set([...css.matchAll(/var\(\s*(--_[\w-]+)/g)].map((m) => m[1]!)),
    defined: new Set([...css.matchAll(/(--_[\w-]+)\s*:/g)].map((m) => m[1]!)),
  };
}

export const part = (el: Element, name: string): HTMLElement | null =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~='${name}']`);
