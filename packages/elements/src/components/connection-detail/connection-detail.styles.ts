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
    :host { display: block; color-scheme: ${colorScheme}; color: ${colorText}; }
    [part='base'] {
      display: grid;
      gap: ${space4};
      padding: var(--relink-connection-detail-padding, ${space4});
      border: 1px solid ${colorBorder};
      border-radius: var(--relink-connection-detail-radius, ${radius});
      background: var(--relink-connection-detail-background, ${colorSurface});
      overflow-wrap: anywhere;
    }
    [part='header'] { display: flex; align-items: center; gap: ${space3}; min-inline-size: 0; }
    [part='title'] { margin: 0; font-size: 1.25em; font-weight: 600; }
    [part='label'] { margin: 0; color: ${colorTextMuted}; }
    [part='status'] { display: flex; flex-wrap: wrap; align-items: center; gap: ${space2} ${space3}; }
    [part='actions'] { display: flex; flex-wrap: wrap; align-items: flex-start; gap: ${space2}; }
    [part='facts'] { display: grid; grid-template-columns: max-content 1fr; gap: ${space1} ${space4}; margin: 0; }
    dt { color: ${colorTextMuted}; }
    dd { margin: 0; }
    [part='last-error'] { margin: 0; color: ${colorDanger}; }
    [part='notice'] { margin: 0; padding: ${space2} ${space3}; border-inline-start: 3px solid ${colorBorder}; color: ${colorTextMuted}; }
    [part='auth-config'] { padding: ${space2} ${space3}; border-inline-start: 3px solid ${colorDanger}; }
    [part='auth-config'] p { margin: 0; }
  `,
];
