import { css } from 'lit';
import {
  colorBorder, colorDanger, colorSurface, colorSurfaceRaised, colorText, durationShort, radius, space1, space3,
} from '../styles/tokens.js';

/** Buttons shared by the elements: `.btn`, `.btn.danger`, busy state and spinner (focus ring: `component.styles.ts`). */
export default css`
  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: ${space1};
    min-block-size: 2em;
    padding: ${space1} ${space3};
    border: 1px solid ${colorBorder};
    border-radius: var(--relink-button-radius, ${radius});
    background: var(--relink-button-background, ${colorSurfaceRaised});
    color: var(--relink-button-color, ${colorText});
    font: inherit;
    font-weight: 500;
    line-height: 1.25;
    cursor: pointer;
    text-decoration: none;
    transition: background-color ${durationShort};
  }
  .btn:hover { background: color-mix(in srgb, currentColor 8%, ${colorSurface}); }
  .btn.danger { border-color: ${colorDanger}; background: ${colorDanger}; color: ${colorSurface}; }
  .btn.danger:hover { background: color-mix(in srgb, ${colorDanger} 88%, #000); }
  .btn[aria-disabled='true'] { cursor: progress; opacity: 0.7; }
  .spin { display: inline-flex; }
  /* The busy button's own icon: a busy table or list around buttons (loading its rows) spins none of theirs. */
  [aria-busy='true'] > .spin { animation: relink-spin 1s linear infinite; }
  @keyframes relink-spin { to { transform: rotate(1turn); } }
  @media (prefers-reduced-motion: reduce) {
    .btn { transition: none; }
    [aria-busy='true'] > .spin { animation: none; }
  }
  @media (forced-colors: active) {
    .btn.danger { border-color: ButtonText; }
  }
`;
