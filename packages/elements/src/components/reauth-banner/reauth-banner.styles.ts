import { css } from 'lit';
import componentStyles from '../../styles/component.styles.js';
import { colorDanger, colorScheme, colorSurface, colorText, radius, space1, space3, space4 } from '../../styles/tokens.js';

export default [componentStyles, css`
  :host {
    display: block;
    color-scheme: ${colorScheme};
  }
  [part='base'] {
    --_tone: var(--relink-reauth-banner-color, ${colorDanger});
    display: flex;
    align-items: flex-start;
    gap: ${space3};
    box-sizing: border-box;
    inline-size: 100%;
    padding: var(--relink-reauth-banner-padding, ${space3} ${space4});
    border: 1px solid var(--_tone);
    border-inline-start-width: 5px;
    border-radius: var(--relink-reauth-banner-radius, ${radius});
    background: var(--relink-reauth-banner-background, color-mix(in srgb, var(--_tone) 12%, ${colorSurface}));
    color: ${colorText};
    text-align: start;
    overflow-wrap: anywhere;
  }
  [part='icon'] { display: flex; flex: none; padding-block: 0.15em; color: var(--_tone); font-size: 1.25em; }
  [part='content'] { display: grid; gap: ${space1}; min-inline-size: 0; }
  p { margin: 0; }
  [part='title'] { font-weight: 700; }
  [part='link'] {
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    font-weight: 600;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }
  [part='link']:hover { text-decoration-thickness: 2px; }
  [part='link']:focus-visible { border-radius: 2px; }
  @media (forced-colors: active) {
    [part='base'] { border-color: CanvasText; }
    [part='icon'] { color: CanvasText; }
  }
`];
