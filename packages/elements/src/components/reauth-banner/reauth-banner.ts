import { define } from '../../internal/relink-element.js';
import { RelinkReauthBanner } from './reauth-banner.component.js';

export * from './reauth-banner.component.js';

define('relink-reauth-banner', RelinkReauthBanner);

declare global {
  interface HTMLElementTagNameMap {
    'relink-reauth-banner': RelinkReauthBanner;
  }
}
