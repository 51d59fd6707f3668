import { css } from 'lit';
import componentStyles from '../../styles/component.styles.js';
import { monogramStyles } from '../../internal/monogram.js';
import { textFieldRules } from '../../internal/text-field.styles.js';
import { colorBorder, colorTextMuted, radius, space1, space2, space3 } from '../../styles/tokens.js';

export default [
  componentStyles,
  monogramStyles,
  css`
    :host { display: block; }
    [part='search'] { display: grid; gap: ${space1}; margin-block-end: ${space3}; max-inline-size: 24rem; }
    [part='search'] label { font-weight: 500; }
    input { ${textFieldRules} }
    [part='list'] { list-style: none; margin: 0; padding: 0; display: grid; gap: ${space2}; }
    [part~='item'] {
      display: grid;
      grid-template-columns: auto 1fr auto;
      align-items: center;
      gap: ${space3};
      padding: ${space2} ${space3};
      border: 1px solid ${colorBorder};
      border-radius: var(--relink-app-catalog-item-radius, ${radius});
    }
    [part='name'] { font-weight: 600; overflow-wrap: anywhere; }
    [part='auth-mode'] { color: ${colorTextMuted}; font-size: 0.875em; }
    p { margin: 0; }
  `,
];
