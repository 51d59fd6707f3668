import { css } from 'lit';
import { colorDanger, colorFocusRing, colorText, colorTextMuted, radius, space2, space3 } from './tokens.js';

/**
 * Rules every element's shadow root starts with (Shoelace's `componentStyles`), written once:
 * - headings without the browser's margins and sizes (`internal/heading.ts`);
 * - `.sr`: text for screen readers only;
 * - the focus ring on anything focused by keyboard (`--relink-color-focus-ring`, 2px, offset 2px);
 * - the load-state block of `internal/load-state.ts` (`.state`): `[part='loading']` (with a `.skeleton` bar),
 *   `[part='error']` holding its message and the `[part='retry']` button, `[part='empty']` with
 *   `[part='empty-title']` and `[part='empty-body']`. An element restyles them in its own sheet.
 */
export default css`
  /* Headings come from internal/heading.ts at the host's \`heading-level\`; each element sizes its own. */
  h1, h2, h3, h4, h5, h6 { margin: 0; font-size: inherit; }
  :is(h1, h2, h3, h4, h5, h6):focus { outline: none; }
  .sr { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  :focus-visible { outline: 2px solid ${colorFocusRing}; outline-offset: 2px; }
  .state {
    display: grid;
    justify-items: start;
    gap: ${space2};
    margin: 0;
    padding: ${space3};
    color: ${colorTextMuted};
  }
  .state > p { margin: 0; }
  .state[part~='error'] > p { color: ${colorDanger}; }
  [part~='empty-title'] { font-weight: 600; color: ${colorText}; }
  .skeleton { display: block; block-size: 1em; inline-size: 12em; max-inline-size: 100%; border-radius: ${radius}; background: color-mix(in srgb, currentColor 12%, transparent); }
  @media (forced-colors: active) {
    :focus-visible { outline-color: Highlight; }
  }
`;
