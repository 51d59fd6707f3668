import { css } from 'lit';
import componentStyles from '../../styles/component.styles.js';
import { colorBorder, colorFocusRing, colorScheme, colorSurface, colorText, colorTextMuted, fontSizeSmall, space1, space2, space3 } from '../../styles/tokens.js';
import controls from '../../internal/controls.styles.js';
import { runStatusStyles } from '../../internal/run-status.js';

export default [
  componentStyles,
  controls,
  runStatusStyles,
  css`
    :host { display: block; color-scheme: ${colorScheme}; color: ${colorText}; }
    [part='base'] { display: grid; gap: ${space3}; }
    [part='chips'] { display: flex; flex-wrap: wrap; gap: ${space2}; }
    [part~='chip'] {
      padding: ${space1} ${space3};
      border: 1px solid ${colorBorder};
      border-radius: 999px;
      background: ${colorSurface};
      color: ${colorText};
      font: inherit;
      font-size: ${fontSizeSmall};
      font-weight: 500;
      cursor: pointer;
    }
    [part~='chip']:hover { background: color-mix(in srgb, currentColor 8%, ${colorSurface}); }
    [part~='chip-pressed'], [part~='chip-pressed']:hover {
      border-color: var(--relink-runs-list-chip-pressed-background, ${colorText});
      background: var(--relink-runs-list-chip-pressed-background, ${colorText});
      color: ${colorSurface};
    }
    .scroll { overflow-x: auto; }
    table { inline-size: 100%; border-collapse: collapse; }
    th, td {
      padding: var(--relink-runs-list-cell-padding, ${space2} ${space3});
      border-block-end: 1px solid ${colorBorder};
      text-align: start;
      vertical-align: top;
      overflow-wrap: anywhere;
    }
    thead th { color: ${colorTextMuted}; font-size: ${fontSizeSmall}; font-weight: 600; white-space: nowrap; }
    tbody th { font-weight: 500; }
    a { color: var(--relink-runs-list-link-color, ${colorFocusRing}); }
    .status-cell { display: grid; gap: 2px; justify-items: start; }
    [part='reason'], .blocked, time { color: ${colorTextMuted}; font-size: ${fontSizeSmall}; }
    time { white-space: nowrap; }
    @media (forced-colors: active) {
      [part~='chip-pressed'] { forced-color-adjust: none; background: Highlight; color: HighlightText; border-color: Highlight; }
    }
  `,
];
