import { css } from 'lit';
import controls from '../../internal/controls.styles.js';
import componentStyles from '../../styles/component.styles.js';
import { colorDanger, colorFocusRing, colorScheme, colorSuccess, colorText, space1, space2 } from '../../styles/tokens.js';

export default [componentStyles, controls, css`
  :host { display: block; color-scheme: ${colorScheme}; color: ${colorText}; }
  [part='problems'] { display: grid; gap: ${space1}; margin: 0; padding: 0; list-style: none; }
  [part='problem'], [part='ok'] { display: flex; flex-wrap: wrap; align-items: baseline; gap: ${space1} ${space2}; margin: 0; overflow-wrap: anywhere; }
  [part='icon'] { display: inline-flex; align-self: center; }
  [part='problem'] [part='icon'] { color: var(--relink-publish-check-problem-color, ${colorDanger}); }
  [part='ok'] [part='icon'] { color: var(--relink-publish-check-ok-color, ${colorSuccess}); }
  [part='message'] { font-weight: 500; }
  [part='fix'] { padding: 0; border: 0; background: none; color: ${colorFocusRing}; font: inherit; text-decoration: underline; cursor: pointer; }
`];
