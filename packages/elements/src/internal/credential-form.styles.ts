import { css } from 'lit';
import { colorDanger, space1, space2 } from '../styles/tokens.js';
import { textFieldRules } from './text-field.styles.js';

/**
 * The API-key credential form's fields and button row (`internal/credential-form.ts`, whose template loads on demand):
 * static (its own module, so elements without the form do not carry it), so the form is styled the moment it appears. The element styles `[part='form']` and `[part='error']` itself.
 */
export default css`
  .field { display: grid; gap: ${space1}; }
  .field label { font-weight: 500; }
  /* Only the form's own fields: the account chooser's checkboxes share the element's shadow root. */
  .field input { ${textFieldRules} }
  .field input[aria-invalid='true'] { border-color: ${colorDanger}; }
  .field-error { margin: 0; color: ${colorDanger}; }
  .row { display: flex; flex-wrap: wrap; gap: ${space2}; }
`;
