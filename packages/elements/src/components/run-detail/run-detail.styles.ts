import { css } from 'lit';
import componentStyles from '../../styles/component.styles.js';
import controls from '../../internal/controls.styles.js';
import { runStatusStyles } from '../../internal/run-status.js';
import {
  colorBorder, colorDanger, colorFocusRing, colorScheme, colorSurface, colorText, colorTextMuted, fontSizeSmall, radius, space1, space2, space3, space4,
} from '../../styles/tokens.js';

export default [
  componentStyles,
  controls,
  runStatusStyles,
  css`
    :host { display: block; color-scheme: ${colorScheme}; color: ${colorText}; }
    [part='base'] {
      display: grid;
      gap: ${space4};
      padding: var(--relink-run-detail-padding, ${space4});
      border: 1px solid ${colorBorder};
      border-radius: var(--relink-run-detail-radius, ${radius});
      background: var(--relink-run-detail-background, ${colorSurface});
      overflow-wrap: anywhere;
    }
    [part='header'] { min-inline-size: 0; }
    [part='title'] { margin: 0; font-size: 1.25em; font-weight: 600; }
    [part='status-line'] { display: flex; flex-wrap: wrap; align-items: center; gap: ${space2} ${space3}; }
    [part='reason'], [part='blocked'] { color: ${colorTextMuted}; }
    a { color: var(--relink-run-detail-link-color, ${colorFocusRing}); }
    [part='error-message'] {
      margin: 0;
      padding: ${space2} ${space3};
      border-inline-start: 3px solid ${colorDanger};
      background: color-mix(in srgb, ${colorDanger} 8%, ${colorSurface});
    }
    .label { font-weight: 600; }
    [part='facts'] { display: grid; grid-template-columns: max-content 1fr; gap: ${space1} ${space4}; margin: 0; }
    dt { color: ${colorTextMuted}; }
    dd { margin: 0; }
    .absolute { color: ${colorTextMuted}; font-size: ${fontSizeSmall}; }
    @media (max-width: 30em) {
      [part='facts'] { grid-template-columns: 1fr; }
      dd + dt { margin-block-start: ${space1}; }
    }
  `,
];
