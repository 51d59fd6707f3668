import { css } from 'lit';
import componentStyles from '../../styles/component.styles.js';
import {
  colorBorder, colorDanger, colorFocusRing, colorScheme, colorSurface, colorText, colorTextMuted, fontSizeSmall, radius,
  space1, space2, space3,
} from '../../styles/tokens.js';
import controls from '../../internal/controls.styles.js';
import { mismatchStyles } from '../../internal/consent-outcome.js';
import { monogramStyles } from '../../internal/monogram.js';

export default [
  componentStyles,
  controls,
  mismatchStyles,
  monogramStyles,
  css`
    :host { display: block; container: relink-connection-requests / inline-size; color-scheme: ${colorScheme}; }
    [part='base'] {
      border: 1px solid ${colorBorder};
      border-radius: var(--relink-connection-requests-radius, ${radius});
      background: var(--relink-connection-requests-background, ${colorSurface});
      color: ${colorText};
    }
    [part='heading'] { margin: 0; padding: ${space2} ${space3}; border-block-end: 1px solid ${colorBorder}; font-weight: 600; }
    [part='list'] { margin: 0; padding: 0; list-style: none; }
    /* Logo, what is asked, and the buttons at the end; the account-mismatch prompt opens under the text. */
    [part='request'] {
      display: grid;
      grid-template-columns: auto minmax(0, 1fr) auto;
      align-items: start;
      gap: ${space2} ${space3};
      padding: ${space2} ${space3};
    }
    [part='request'] + [part='request'] { border-block-start: 1px solid ${colorBorder}; }
    /* Words wrap between words; only a word wider than the column (an id, a URL) breaks. */
    .text { display: grid; gap: 2px; min-inline-size: 0; overflow-wrap: break-word; }
    [part='app'] { font-weight: 600; }
    [part='meta'], [part='note'] { color: ${colorTextMuted}; font-size: ${fontSizeSmall}; }
    [part='message'] { margin: ${space1} 0 0; color: ${colorDanger}; font-size: ${fontSizeSmall}; }
    .actions { display: flex; flex-wrap: wrap; gap: ${space2}; }
    .actions .btn { white-space: nowrap; }
    /* Narrow: the buttons go under the text, lined up with it. */
    @container relink-connection-requests (inline-size < 26rem) {
      [part='request'] { grid-template-columns: auto minmax(0, 1fr); }
      .actions { grid-column: 2; }
    }
    .btn.primary { border-color: ${colorFocusRing}; background: ${colorFocusRing}; color: ${colorSurface}; }
    .btn.primary:hover { background: color-mix(in srgb, ${colorFocusRing} 88%, #000); }
  `,
];
