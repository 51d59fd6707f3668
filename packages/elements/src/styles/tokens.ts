/**
 * Design tokens, tier 1 of 3: global `--relink-<category>-<name>` custom properties.
 *
 * Each export is a `var(--relink-…, <default>)` reference, so an element renders correctly with no stylesheet
 * at all and a host restyles any token by setting it on an ancestor (custom properties inherit into shadow roots):
 *
 *   relink-provider, .my-app { --relink-color-danger: #a40e26; --relink-radius: 4px; }
 *
 * Tier 2 is per component, `--relink-<component>-<prop>`, falling back to these; tier 3 is private `--_<prop>`
 * inside each shadow root. Exports are pure, one per token, so a bundle keeps only the tokens it uses.
 *
 * Colour defaults use `light-dark()`, resolved against the element's `color-scheme`:
 * - By default elements follow the user's `prefers-color-scheme` (`color-scheme: light dark` on each host).
 * - `theme="dark|light"` on `relink-provider` forces a scheme: its `:host([theme])` style sets `--relink-color-scheme`,
 *   which inherits into everything inside it.
 * - `data-relink-theme="dark|light"` on any ancestor (or the element) forces a scheme too. An ancestor lives in the
 *   host's tree, which no shadow style can match, so this one takes a rule in that tree: `themeRules`, adopted once
 *   into the document or shadow root the element is in (see `adoptThemeRules` in internal/relink-element.ts).
 * - A host may set `--relink-color-scheme: dark` (or `light`, or `light dark`) itself on any ancestor.
 *
 * Every default pair meets WCAG AA (4.5:1) for the tone as text on the surface and on the tone's 12% tint, in both
 * schemes (checked by test/tokens.test.ts). `forced-colors` and `prefers-reduced-motion` are handled per component.
 */
import { unsafeCSS, type CSSResult } from 'lit';

const token = (name: string, fallback: string): CSSResult => unsafeCSS(`var(--relink-${name}, ${fallback})`);

// Surfaces and text
export const colorSurface = /* @__PURE__ */ token('color-surface', 'light-dark(#fff, #0d1117)');
export const colorSurfaceRaised = /* @__PURE__ */ token('color-surface-raised', 'light-dark(#fff, #161b22)');
export const colorText = /* @__PURE__ */ token('color-text', 'light-dark(#1f2328, #e6edf3)');
export const colorTextMuted = /* @__PURE__ */ token('color-text-muted', 'light-dark(#59636e, #9198a1)');
export const colorBorder = /* @__PURE__ */ token('color-border', 'light-dark(#d1d9e0, #3d444d)');
export const colorFocusRing = /* @__PURE__ */ token('color-focus-ring', 'light-dark(#0969da, #4493f8)');

// Tones: used as text and icon colour, and mixed 12% over the surface for tinted backgrounds.
export const colorSuccess = /* @__PURE__ */ token('color-success', 'light-dark(#116329, #3fb950)');
export const colorDanger = /* @__PURE__ */ token('color-danger', 'light-dark(#b42318, #ff7b72)');
export const colorAttention = /* @__PURE__ */ token('color-attention', 'light-dark(#8a5300, #d29922)');
export const colorNeutral = /* @__PURE__ */ token('color-neutral', 'light-dark(#59636e, #9198a1)');
export const colorInfo = /* @__PURE__ */ token('color-info', 'light-dark(#0550ae, #4493f8)');

// Shape, space, type, motion
export const radius = /* @__PURE__ */ token('radius', '6px');
export const space1 = /* @__PURE__ */ token('space-1', '4px');
export const space2 = /* @__PURE__ */ token('space-2', '8px');
export const space3 = /* @__PURE__ */ token('space-3', '12px');
export const space4 = /* @__PURE__ */ token('space-4', '16px');
export const fontSizeSmall = /* @__PURE__ */ token('font-size-small', '0.875em');
export const shadow = /* @__PURE__ */ token('shadow', '0 4px 12px rgb(0 0 0 / 0.16)');
export const durationShort = /* @__PURE__ */ token('duration-short', '150ms');
export const zToaster = /* @__PURE__ */ token('z-toaster', '1000');

/** The scheme an element renders in; see the module comment. */
export const colorScheme = /* @__PURE__ */ token('color-scheme', 'light dark');

/**
 * Document-level rules (not shadow styles) that turn the theme attributes into `--relink-color-scheme`.
 * Zero specificity, so a host's own `--relink-color-scheme` always wins.
 */
export const themeRules =
  ':where([data-relink-theme=dark]){--relink-color-scheme:dark}' +
  ':where([data-relink-theme=light]){--relink-color-scheme:light}';
