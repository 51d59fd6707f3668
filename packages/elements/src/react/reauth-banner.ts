// `@relink/elements/react/reauth-banner.js`: one element's React wrapper (`@lit/react`), so a page pays only for what it wraps.
import * as React from 'react';
import { createComponent } from '@lit/react';
import { RelinkReauthBanner as ReauthBannerElement } from '../components/reauth-banner/reauth-banner.js';
import { navigate } from './events.js';

/** `<relink-reauth-banner>`: `onNavigate` (cancelable). */
export const RelinkReauthBanner = createComponent({
  react: React,
  tagName: 'relink-reauth-banner',
  elementClass: ReauthBannerElement,
  displayName: 'RelinkReauthBanner',
  events: navigate,
});
