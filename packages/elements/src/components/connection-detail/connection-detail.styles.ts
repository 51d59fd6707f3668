import { css } from 'lit';
import componentStyles from '../../styles/component.styles.js';
import controls from '../../internal/controls.styles.js';
import { monogramStyles } from '../../internal/monogram.js';
import { colorBorder, colorDanger, colorScheme, colorSurface, colorText, colorTextMuted, radius, space1, space2, space3, space4 } from '../../styles/tokens.js';

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
    [part='header'] { display: flex; align-items: center; gap: ${space3}; min-inline-size: 0; }
    [part='header'] > div { min-inline-size: 0; }
    [part='title'] { margin: 0; font-size: 1.25em; font-weight: 600; }
    [part='label'] { margin: 0; color: ${colorTextMuted}; }
    /*
     * The badge and every action button sit on one wrapping line. The actions box and the reconnect button's host
     * are transparent to layout (\`display: contents\`), so the reconnect button's inline form (API-key fields, the
     * account-mismatch prompt) and its message become lines of their own below that row (reconnect-button.styles.ts
     * orders them last at full width): opening them never moves the badge or the buttons.
     */
    [part='status'] { display: flex; flex-wrap: wrap; align-items: center; gap: ${space2}; }
    [part='status'] > relink-status-badge { margin-inline-end: ${space1}; }
    [part='actions'], [part='actions'] > relink-reconnect-button { display: contents; }
    [part='facts'] { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: ${space1} ${space4}; margin: 0; }
    /* Narrow: each fact's name above its value, so an e-mail address keeps the card's width. */
    @container relink-connection-detail (inline-size < 24rem) {
      [part='facts'] { grid-template-columns: minmax(0, 1fr); }
      dd + dt { margin-block-start: ${space2}; }
    }
    dt { color: ${colorTextMuted}; }
    dd { margin: 0; }
    [part='last-error'] { margin: 0; color: ${colorDanger}; }
    [part='notice'] { margin: 0; padding: ${space2} ${space3}; border-inline-start: 3px solid ${colorBorder}; color: ${colorTextMuted}; }
    [part='auth-config'] { padding: ${space2} ${space3}; border-inline-start: 3px solid ${colorDanger}; }
    [part='auth-config'] p { margin: 0; }
    [part~='removed'] p { margin: 0; }
    [part='removed-body'] { color: ${colorTextMuted}; }
  `,
];
