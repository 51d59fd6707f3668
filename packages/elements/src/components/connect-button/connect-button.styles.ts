import { css } from 'lit';
import componentStyles from '../../styles/component.styles.js';
import controls from '../../internal/controls.styles.js';
import { accountChoiceStyles } from '../../internal/account-choice.js';
import { colorBorder, colorDanger, colorSurface, colorText, colorTextMuted, radius, space1, space2, space3 } from '../../styles/tokens.js';

export default [
  componentStyles,
  controls,
  accountChoiceStyles,
  css`
    :host { display: inline-block; max-inline-size: 100%; }
    [part='form'] { display: grid; gap: ${space3}; margin-block-start: ${space2}; max-inline-size: 28rem; }
    .field { display: grid; gap: ${space1}; }
    label { font-weight: 500; }
    input {
      box-sizing: border-box;
      inline-size: 100%;
      padding: ${space1} ${space2};
      border: 1px solid ${colorBorder};
      border-radius: ${radius};
      background: ${colorSurface};
      color: ${colorText};
      font: inherit;
    }
    input[aria-invalid='true'] { border-color: ${colorDanger}; }
    .field-error, [part='error'] { margin: 0; color: ${colorDanger}; }
    [part='error'] { margin-block-start: ${space2}; }
    [part='message'] { margin: ${space2} 0 0; color: ${colorTextMuted}; }
    [part='message']:empty { display: none; }
    .row { display: flex; flex-wrap: wrap; gap: ${space2}; }
    p { margin: 0; }
  `,
];
