import { css } from 'lit';
import componentStyles from '../../styles/component.styles.js';
import {
  colorBorder, colorDanger, colorFocusRing, colorScheme, colorSurface, colorText, colorTextMuted, fontSizeSmall, radius,
  space1, space2, space3,
} from '../../styles/tokens.js';
import controls from '../../internal/controls.styles.js';
import { monogramStyles } from '../../internal/monogram.js';

export default [
  componentStyles,
  controls,
  monogramStyles,
  css`
    :host { display: block; color-scheme: ${colorScheme}; }
    [part='base'] {
      border: 1px solid ${colorBorder};
      border-radius: var(--relink-connection-requests-radius, ${radius});
      background: var(--relink-connection-requests-background, ${colorSurface});
      color: ${colorText};
    }
    [part='heading'] { margin: 0; padding: ${space2} ${space3}; border-block-end: 1px solid ${colorBorder}; font-weight: 600; }
    [part='list'] { margin: 0; padding: 0; list-style: none; }
    [part='request'] { display: flex; flex-wrap: wrap; align-items: flex-start; gap: ${space2} ${space3}; padding: ${space2} ${space3}; }
    [part='request'] + [part='request'] { border-block-start: 1px solid ${colorBorder}; }
    .text { display: grid; flex: 1 1 12em; gap: 2px; min-inline-size: 0; overflow-wrap: anywhere; }
    [part='app'] { font-weight: 600; }
    [part='meta'], [part='note'] { color: ${colorTextMuted}; font-size: ${fontSizeSmall}; }
    [part='message'] { margin: ${space1} 0 0; color: ${colorDanger}; font-size: ${fontSizeSmall}; }
    .actions { display: flex; flex-wrap: wrap; gap: ${space2}; }
    .btn.primary { border-color: ${colorFocusRing}; background: ${colorFocusRing}; color: ${colorSurface}; }
    .btn.primary:hover { background: color-mix(in srgb, ${colorFocusRing} 88%, #000); }
  `,
];
