import { css } from 'lit';
import componentStyles from '../../styles/component.styles.js';
import controls from '../../internal/controls.styles.js';
import { colorBorder, colorDanger, colorScheme, colorSurfaceRaised, colorText, colorTextMuted, radius, shadow, space1, space2, space3, space4 } from '../../styles/tokens.js';

export default [
  componentStyles,
  controls,
  css`
    :host { display: inline-block; color-scheme: ${colorScheme}; }
    dialog {
      --_width: var(--relink-remove-dialog-width, 30rem);
      inline-size: min(var(--_width), calc(100vw - 2 * ${space4}));
      box-sizing: border-box;
      padding: ${space4};
      border: 1px solid ${colorBorder};
      border-radius: var(--relink-remove-dialog-radius, ${radius});
      background: ${colorSurfaceRaised};
      color: ${colorText};
      box-shadow: ${shadow};
      font: inherit;
    }
    dialog::backdrop { background: var(--relink-remove-dialog-backdrop, rgb(0 0 0 / 0.4)); }
    [part='title'] { margin: 0 0 ${space2}; font-size: 1.125em; font-weight: 600; }
    [part='body'] { margin: 0; color: ${colorTextMuted}; line-height: 1.5; }
    [part='usage'] { margin: ${space3} 0 0; line-height: 1.5; }
    [part='usage'] ul { margin: ${space1} 0 0; padding-inline-start: 1.25em; }
    [part='error'] { margin: ${space3} 0 0; color: ${colorDanger}; }
    [part='actions'] { display: flex; flex-wrap: wrap; justify-content: flex-end; gap: ${space2}; margin-block-start: ${space4}; }
  `,
];
