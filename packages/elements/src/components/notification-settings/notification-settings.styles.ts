import { css } from 'lit';
import componentStyles from '../../styles/component.styles.js';
import { colorBorder, colorDanger, colorTextMuted, fontSizeSmall, radius, space1, space2, space3 } from '../../styles/tokens.js';

export default [
  componentStyles,
  css`
    :host { display: block; }
    fieldset { margin: 0; padding: 0; border: 0; min-inline-size: 0; }
    legend { padding: 0; font-weight: 600; }
    p { margin: 0; }
    [part='description'] { margin-block: ${space1} ${space3}; color: ${colorTextMuted}; }
    [part='list'] { list-style: none; margin: 0; padding: 0; display: grid; gap: ${space2}; }
    [part~='item'] {
      display: grid;
      grid-template-columns: auto 1fr;
      column-gap: ${space2};
      align-items: start;
      padding: ${space2} ${space3};
      border: 1px solid ${colorBorder};
      border-radius: var(--relink-notification-settings-item-radius, ${radius});
    }
    [part='checkbox'] { margin: 0.2em 0 0; inline-size: 1rem; block-size: 1rem; }
    [part='label'] { font-weight: 500; }
    [part~='locked'] [part='label'] { opacity: 1; }
    [part='kind-description'], [part='locked-reason'] { grid-column: 2; color: ${colorTextMuted}; font-size: ${fontSizeSmall}; }
    [part='status'] { margin-block-start: ${space2}; color: ${colorTextMuted}; font-size: ${fontSizeSmall}; min-block-size: 1lh; }
    [part='save-error'] { margin-block-start: ${space2}; color: ${colorDanger}; }
  `,
];
