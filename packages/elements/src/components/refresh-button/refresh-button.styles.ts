import { css } from 'lit';
import controls from '../../internal/controls.styles.js';

export default [
  controls,
  css`
    :host { display: inline-block; }
    :host([hidden]) { display: none; }
  `,
];
