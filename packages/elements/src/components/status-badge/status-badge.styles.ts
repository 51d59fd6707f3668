import { css } from 'lit';
import componentStyles from '../../styles/component.styles.js';
import {
  colorAttention, colorDanger, colorNeutral, colorScheme, colorSuccess, colorSurface, colorTextMuted, fontSizeSmall,
  radius, space1, space2,
} from '../../styles/tokens.js';

export default [componentStyles, css`
  :host {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${space1} ${space2};
    max-inline-size: 100%;
    color-scheme: ${colorScheme};
    vertical-align: middle;
  }
  [part='base'] {
    --_tone: ${colorNeutral};
    display: inline-flex;
    align-items: center;
    gap: ${space1};
    min-inline-size: 0;
    padding: 0 ${space2};
    border: 1px solid color-mix(in srgb, var(--_tone) 40%, transparent);
    border-radius: var(--relink-status-badge-radius, ${radius});
    background: color-mix(in srgb, var(--_tone) 12%, ${colorSurface});
    color: var(--_tone);
    font-size: var(--relink-status-badge-font-size, ${fontSizeSmall});
    font-weight: 500;
    line-height: 1.5;
    /*
     * A status never breaks inside a word (\`anywhere\` let a table squeeze "active" into "activ e"); a host's longer
     * label ("Reauthorization required by the provider…") still wraps between words rather than overflow its column.
     */
    overflow-wrap: break-word;
  }
  .active { --_tone: var(--relink-status-badge-active-color, ${colorSuccess}); }
  .error { --_tone: var(--relink-status-badge-error-color, ${colorDanger}); }
  .pending { --_tone: var(--relink-status-badge-pending-color, ${colorAttention}); }
  .revoked { --_tone: var(--relink-status-badge-revoked-color, ${colorNeutral}); }
  [part='icon'] { display: inline-flex; flex: none; }
  [part='description'],
  [part='hint'] { font-size: ${fontSizeSmall}; color: ${colorTextMuted}; }
  [part='hint'] { color: var(--relink-status-badge-hint-color, ${colorAttention}); }
  /* forced-colors: the border is forced to a system colour by the browser, so the badge keeps its outline. */
`];
