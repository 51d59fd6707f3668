import { css, html } from 'lit';
import type { App } from '@relink/sdk';

const safeLogo = (url: string | undefined): boolean => !!url && /^(https?:|data:image\/)/i.test(url);

const hues = new Map<string, number>();

/** A stable hue per app key, so each app keeps its colour across pages (computed once per key: a table has many rows). */
function hue(key: string): number {
  let h = hues.get(key);
  if (h === undefined) {
    h = 0;
    for (const ch of key) h = (h * 31 + ch.charCodeAt(0)) % 360;
    hues.set(key, h);
  }
  return h;
}

/**
 * An app's logo: its `logo` image when it is an http(s) or data-image URL, else a letter tile (the first letter of
 * the name). Decorative: the app's name is always written beside it.
 */
export const monogram = (app: App) =>
  safeLogo(app.logo)
    ? html`<img part="logo" src=${app.logo!} alt="" width="24" height="24" />`
    : html`<span part="logo" aria-hidden="true" style="--_hue:${hue(app.key)}">${[...app.name.trim()][0]?.toUpperCase() ?? '?'}</span>`;

/** Styles of `monogram()`: a 24px rounded tile, white letter on a dark tint of the app's hue (AA on any hue). */
export const monogramStyles = css`
  [part~='logo'] {
    --_hue: 210;
    display: inline-grid;
    place-items: center;
    flex: none;
    inline-size: 24px;
    block-size: 24px;
    border-radius: 5px;
    background: hsl(var(--_hue) 45% 30%);
    color: #fff;
    font-size: 13px;
    font-weight: 600;
    line-height: 1;
    object-fit: contain;
  }
  img[part~='logo'] { background: none; }
  @media (forced-colors: active) { [part~='logo'] { border: 1px solid CanvasText; } }
`;
