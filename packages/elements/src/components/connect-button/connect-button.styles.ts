import { css } from 'lit';
import componentStyles from '../../styles/component.styles.js';
import controls from '../../internal/controls.styles.js';
import credentialFormStyles from '../../internal/credential-form.styles.js';
import accountChoiceStyles from '../../internal/account-choice.styles.js';
import { colorDanger, colorTextMuted, space2, space3 } from '../../styles/tokens.js';

export default [
  componentStyles,
  controls,
  credentialFormStyles,
  accountChoiceStyles,
  css`
    :host { display: inline-block; max-inline-size: 100%; }
    [part='form'] { display: grid; gap: ${space3}; margin-block-start: ${space2}; max-inline-size: 28rem; }
    [part='error'] { margin: 0; margin-block-start: ${space2}; color: ${colorDanger}; }
    [part='message'] { margin: ${space2} 0 0; color: ${colorTextMuted}; }
    [part='message']:empty { display: none; }
    p { margin: 0; }
  `,
];
