import { css } from 'lit';
import componentStyles from '../../styles/component.styles.js';
import controls from '../../internal/controls.styles.js';

export default [
  componentStyles,
  controls,
  css`
    :host { display: inline-block; }
    :host([hidden]) { display: none; }
  `,
];
