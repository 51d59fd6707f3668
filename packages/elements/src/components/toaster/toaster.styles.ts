import { css } from 'lit';
import componentStyles from '../../styles/component.styles.js';
import {
  colorBorder, colorDanger, colorInfo, colorScheme, colorSuccess, colorSurfaceRaised, colorText,
  colorTextMuted, durationShort, fontSizeSmall, radius, shadow, space1, space2, space3, space4, zToaster,
} from '../../styles/tokens.js';

// The toasts' own rules load with them (internal/toast-list.ts) and read the tokens through the private properties
// set here, so that chunk imports no module of the page's.
export default [componentStyles, css`
  :host {
    position: fixed;
    inset-block-end: ${space4};
    inset-inline-end: ${space4};
    z-index: ${zToaster};
    inline-size: var(--relink-toaster-width, 360px);
    max-inline-size: calc(100vw - 2 * ${space4});
    color-scheme: ${colorScheme};
    --_background: var(--relink-toaster-background, ${colorSurfaceRaised});
    --_toast-radius: var(--relink-toaster-radius, ${radius});
    --_success: var(--relink-toaster-success-color, ${colorSuccess});
    --_error: var(--relink-toaster-error-color, ${colorDanger});
    --_info: var(--relink-toaster-info-color, ${colorInfo});
    --_border: ${colorBorder};
    --_radius: ${radius};
    --_shadow: ${shadow};
    --_text: ${colorText};
    --_text-muted: ${colorTextMuted};
    --_font-size-small: ${fontSizeSmall};
    --_duration: ${durationShort};
    --_space-1: ${space1};
    --_space-2: ${space2};
    --_space-3: ${space3};
  }
  [part='base'] {
    display: flex;
    flex-direction: column;
    gap: ${space2};
    margin: 0;
    padding: 0;
    list-style: none;
  }
  /* A toast shown without its code (toaster.component.ts renderPlain): readable on any page. */
  .plain {
    padding: ${space3};
    border: 1px solid ${colorBorder};
    border-inline-start: 4px solid var(--_info);
    border-radius: var(--_toast-radius);
    background: var(--_background);
    color: ${colorText};
  }
  .plain.success { border-inline-start-color: var(--_success); }
  .plain.error { border-inline-start-color: var(--_error); }
  .plain p { margin: 0; }
`];
