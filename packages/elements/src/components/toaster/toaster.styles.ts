import { css } from 'lit';
import componentStyles from '../../styles/component.styles.js';
import {
  colorBorder, colorDanger, colorInfo, colorScheme, colorSuccess, colorSurfaceRaised, colorText,
  colorTextMuted, durationShort, fontSizeSmall, radius, shadow, space1, space2, space3, space4, zToaster,
} from '../../styles/tokens.js';

export default [componentStyles, css`
  :host {
    position: fixed;
    inset-block-end: ${space4};
    inset-inline-end: ${space4};
    z-index: ${zToaster};
    inline-size: var(--relink-toaster-width, 360px);
    max-inline-size: calc(100vw - 2 * ${space4});
    color-scheme: ${colorScheme};
  }
  [part='base'] {
    display: flex;
    flex-direction: column;
    gap: ${space2};
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part='toast'] {
    --_tone: ${colorInfo};
    display: flex;
    align-items: flex-start;
    gap: ${space2};
    padding: ${space3};
    border: 1px solid ${colorBorder};
    border-inline-start: 4px solid var(--_tone);
    border-radius: var(--relink-toaster-radius, ${radius});
    background: var(--relink-toaster-background, ${colorSurfaceRaised});
    box-shadow: ${shadow};
    color: ${colorText};
    overflow-wrap: anywhere;
  }
  .success { --_tone: var(--relink-toaster-success-color, ${colorSuccess}); }
  .error { --_tone: var(--relink-toaster-error-color, ${colorDanger}); }
  .info { --_tone: var(--relink-toaster-info-color, ${colorInfo}); }
  [part='icon'] { display: flex; padding-block: 0.2em; color: var(--_tone); }
  .body { display: grid; flex: 1; gap: ${space1}; min-inline-size: 0; }
  p { margin: 0; }
  [part='title'] { font-weight: 600; }
  [part='description'] { color: ${colorTextMuted}; font-size: ${fontSizeSmall}; }
  [part='action'] { justify-self: start; color: ${colorText}; font: inherit; font-weight: 600; }
  button { font: inherit; }
  button[part='action'] { padding: 0; border: 0; background: none; text-decoration: underline; cursor: pointer; }
  [part='close'] {
    display: flex;
    margin: -${space1};
    padding: ${space1};
    border: 0;
    border-radius: ${radius};
    background: none;
    color: ${colorTextMuted};
    cursor: pointer;
  }
  [part='close']:hover { color: ${colorText}; }
  @media (prefers-reduced-motion: no-preference) {
    [part='toast'] { animation: enter ${durationShort} ease-out; }
  }
  @keyframes enter {
    from { opacity: 0; translate: 0 ${space2}; }
  }
  @media (forced-colors: active) {
    [part='toast'] { border-color: CanvasText; }
  }
`];
