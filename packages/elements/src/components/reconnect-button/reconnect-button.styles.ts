import { css } from 'lit';
import componentStyles from '../../styles/component.styles.js';
import controls from '../../internal/controls.styles.js';
import credentialFormStyles from '../../internal/credential-form.styles.js';
import { mismatchStyles } from '../../internal/consent-outcome.js';
import accountChoiceStyles from '../../internal/account-choice.styles.js';
import { colorDanger, colorTextMuted, space2, space3 } from '../../styles/tokens.js';

export default [
  componentStyles,
  controls,
  credentialFormStyles,
  mismatchStyles,
  accountChoiceStyles,
  css`
    :host { display: inline-block; max-inline-size: 100%; }
    [part='base'] { white-space: nowrap; }
    [part='form'] { display: grid; gap: ${space3}; margin-block-start: ${space2}; }
    /*
     * When a container lays the host out as \`display: contents\` (connection-detail's status row), the form, the
     * prompt and the message are items of that row: each takes a line of its own after every button.
     */
    [part='form'], [part='confirm'], [part='message'] { order: 1; flex-basis: 100%; }
    /* Full width as items (a narrower item could share the buttons' line), 28rem of content as before. */
    [part='form'], [part='confirm'] { max-inline-size: none; grid-template-columns: minmax(0, 28rem); }
    [part='error'] { margin: 0; color: ${colorDanger}; }
    [part='message'] { margin: ${space2} 0 0; color: ${colorTextMuted}; }
    [part='message']:empty { display: none; }
    p { margin: 0; }
  `,
];
