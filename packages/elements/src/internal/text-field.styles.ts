import { css } from 'lit';
import { colorBorder, colorSurface, colorText, radius, space1, space2 } from '../styles/tokens.js';

/**
 * The declarations of a text field (the catalog's search, the API-key form's inputs), to put inside a rule whose
 * selector each element scopes to its own fields.
 */
export const textFieldRules = css`
  box-sizing: border-box;
  inline-size: 100%;
  padding: ${space1} ${space2};
  border: 1px solid ${colorBorder};
  border-radius: ${radius};
  background: ${colorSurface};
  color: ${colorText};
  font: inherit;
`;
