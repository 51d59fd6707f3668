import { css } from 'lit';
import controls from '../../internal/controls.styles.js';
import componentStyles from '../../styles/component.styles.js';
import {
  colorAttention, colorBorder, colorDanger, colorFocusRing, colorInfo, colorScheme, colorSurface, colorSurfaceRaised,
  colorText, colorTextMuted, fontSizeSmall, radius, shadow, space1, space2, space3,
} from '../../styles/tokens.js';

export default [componentStyles, controls, css`
  :host {
    display: inline-block;
    color-scheme: ${colorScheme};
  }
  [part='base'] { position: relative; display: inline-block; }
  [part='button'] {
    anchor-name: --relink-bell;
    position: relative;
    display: inline-grid;
    place-items: center;
    inline-size: 2.25em;
    block-size: 2.25em;
    padding: 0;
    border: 1px solid ${colorBorder};
    border-radius: ${radius};
    background: ${colorSurfaceRaised};
    color: ${colorText};
    font: inherit;
    font-size: 1em;
    cursor: pointer;
  }
  [part='button'] svg { font-size: 1.15em; }
  [part='button']:hover { background: color-mix(in srgb, currentColor 8%, ${colorSurface}); }
  [part='badge'] {
    position: absolute;
    inset-block-start: -0.5em;
    inset-inline-end: -0.5em;
    min-inline-size: 1.5em;
    padding: 0 0.35em;
    box-sizing: border-box;
    border: 2px solid ${colorSurface};
    border-radius: 999px;
    background: var(--relink-notification-bell-badge-background, ${colorDanger});
    color: ${colorSurface};
    font-size: 0.75em;
    font-weight: 700;
    line-height: 1.3;
    text-align: center;
  }
  [part='panel'] {
    position-anchor: --relink-bell;
    position-area: block-end span-inline-start;
    position-try-fallbacks: flip-inline, flip-block, flip-block flip-inline;
    inset: auto;
    margin: 0;
    margin-block-start: ${space1};
    box-sizing: border-box;
    inline-size: min(var(--relink-notification-bell-width, 360px), calc(100vw - 2 * ${space2}));
    max-block-size: min(var(--relink-notification-bell-max-height, 480px), 80vh);
    overflow: auto;
    padding: 0;
    border: 1px solid ${colorBorder};
    border-radius: ${radius};
    background: var(--relink-notification-bell-background, ${colorSurfaceRaised});
    box-shadow: ${shadow};
    color: ${colorText};
    color-scheme: ${colorScheme};
    font: inherit;
    text-align: start;
  }
  [part='heading'] { margin: 0; padding: ${space2} ${space3}; border-block-end: 1px solid ${colorBorder}; font-weight: 600; }
  [part='list'] { margin: 0; padding: 0; list-style: none; }
  [part~='item'] + [part~='item'] { border-block-start: 1px solid ${colorBorder}; }
  [part~='item'] { --_tone: ${colorInfo}; }
  .critical { --_tone: ${colorDanger}; }
  .warning { --_tone: ${colorAttention}; }
  [part='item-link'] {
    display: flex;
    gap: ${space2};
    align-items: flex-start;
    box-sizing: border-box;
    inline-size: 100%;
    padding: ${space2} ${space3};
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    text-decoration: none;
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  [part='item-link']:hover { background: color-mix(in srgb, currentColor 6%, transparent); }
  [part='item-icon'] { display: flex; flex: none; padding-block: 0.2em; color: var(--_tone); }
  .text { display: grid; flex: 1; gap: 2px; min-inline-size: 0; }
  [part='item-title'] { font-weight: 500; }
  [part~='unread'] [part='item-title'] { font-weight: 700; }
  [part='item-body'], [part='item-time'] { color: ${colorTextMuted}; font-size: ${fontSizeSmall}; }
  .dot { flex: none; inline-size: 8px; block-size: 8px; margin-block-start: 0.45em; border-radius: 50%; background: ${colorFocusRing}; }
  /* Items sit edge to edge in the panel: their ring goes inside. */
  [part~='item-link']:focus-visible, [part='panel']:focus-visible { outline-offset: -2px; }
  @media (forced-colors: active) {
    [part='badge'] { border-color: CanvasText; forced-color-adjust: none; background: Mark; color: MarkText; }
    .dot { background: CanvasText; }
  }
`];
