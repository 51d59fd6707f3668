import { css } from 'lit';
import componentStyles from '../../styles/component.styles.js';
import { colorScheme, space2 } from '../../styles/tokens.js';
import controls from '../../internal/controls.styles.js';

export default [
  componentStyles,
  controls,
  css`
    :host { display: inline-block; color-scheme: ${colorScheme}; }
    [part='base'] { display: inline-flex; flex-wrap: wrap; gap: ${space2}; }
    [part='base']:focus { outline: none; }
    [part='icon'] { display: inline-flex; }
    .btn { white-space: nowrap; }
  `,
];
