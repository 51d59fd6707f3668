import { css } from 'lit';
import componentStyles from '../../styles/component.styles.js';
import controls from '../../internal/controls.styles.js';
import { monogramStyles } from '../../internal/monogram.js';
import { colorBorder, colorScheme, colorSurface, colorText, radius, space4 } from '../../styles/tokens.js';

export default [
  componentStyles,
  controls,
  monogramStyles,
  css`
    :host { display: block; container: relink-connection-detail / inline-size; color-scheme: ${colorScheme}; color: ${colorText}; }
    [part~='base'] {
      display: grid;
      gap: ${space4};
      padding: var(--relink-connection-detail-padding, ${space4});
      border: 1px solid ${colorBorder};
      border-radius: var(--relink-connection-detail-radius, ${radius});
      background: var(--relink-connection-detail-background, ${colorSurface});
      /* Words wrap between words; only a word wider than the card (an id, a URL) breaks. */
      overflow-wrap: break-word;
    }
  `,
];
