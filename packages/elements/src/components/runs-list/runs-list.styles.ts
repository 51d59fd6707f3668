import { css } from 'lit';
import componentStyles from '../../styles/component.styles.js';
import { colorBorder, colorFocusRing, colorScheme, colorSurface, colorText, colorTextMuted, fontSizeSmall, space1, space2, space3 } from '../../styles/tokens.js';
import controls from '../../internal/controls.styles.js';
import { runStatusStyles } from '../../internal/run-status.js';

export default [
  componentStyles,
  controls,
  runStatusStyles,
  css`
    /* The element is its own query container: the layout follows the room the host gives it, not the viewport. */
    :host { display: block; container: relink-runs-list / inline-size; color-scheme: ${colorScheme}; color: ${colorText}; }
    [part='base'] { display: grid; gap: ${space3}; }
    [part='chips'] { display: flex; flex-wrap: wrap; gap: ${space2}; }
    [part~='chip'] {
      padding: ${space1} ${space3};
      border: 1px solid ${colorBorder};
      border-radius: 999px;
      background: ${colorSurface};
      color: ${colorText};
      font: inherit;
      font-size: ${fontSizeSmall};
      font-weight: 500;
      cursor: pointer;
    }
    [part~='chip']:hover { background: color-mix(in srgb, currentColor 8%, ${colorSurface}); }
    [part~='chip-pressed'], [part~='chip-pressed']:hover {
      border-color: var(--relink-runs-list-chip-pressed-background, ${colorText});
      background: var(--relink-runs-list-chip-pressed-background, ${colorText});
      color: ${colorSurface};
    }
    .scroll { overflow-x: auto; }
    table { inline-size: 100%; border-collapse: collapse; }
    th, td {
      padding: var(--relink-runs-list-cell-padding, ${space2} ${space3});
      border-block-end: 1px solid ${colorBorder};
      text-align: start;
      vertical-align: top;
      /* Words wrap between words; only a word wider than its cell breaks (a table sizes columns to whole words). */
      overflow-wrap: break-word;
    }
    /* A status and a kind never break inside (Resume and Replay: run-actions.styles.ts). */
    [part='status'], [part~='row'] > :nth-child(3) { white-space: nowrap; }
    thead th { color: ${colorTextMuted}; font-size: ${fontSizeSmall}; font-weight: 600; white-space: nowrap; }
    tbody th { font-weight: 500; }
    a { color: var(--relink-runs-list-link-color, ${colorFocusRing}); }
    .status-cell { display: grid; gap: 2px; justify-items: start; }
    [part='reason'], [part='retried'], .blocked, time { color: ${colorTextMuted}; font-size: ${fontSizeSmall}; }
    time { white-space: nowrap; }
    /* Above page-threshold: ARIA table roles on a grid of divs (a virtualizer positions rows absolutely). */
    div[part='table'] { display: block; }
    [role='row'] {
      display: grid;
      grid-template-columns: minmax(0, 2fr) minmax(0, 2fr) minmax(0, 1fr) minmax(0, 1fr) minmax(0, 1fr) minmax(0, 2fr);
      inline-size: 100%;
    }
    [role='columnheader'], [role='rowheader'], [role='cell'] {
      padding: var(--relink-runs-list-cell-padding, ${space2} ${space3});
      border-block-end: 1px solid ${colorBorder};
      overflow-wrap: break-word;
    }
    [role='columnheader'] { color: ${colorTextMuted}; font-size: ${fontSizeSmall}; font-weight: 600; white-space: nowrap; }
    [role='rowheader'] { font-weight: 500; }
    .scroller { block-size: var(--relink-runs-list-max-height, 480px); }
    /* Until the virtualizer takes over (it makes the scroller scroll), the first rows past its height are cut off. */
    .scroller { overflow: hidden; }
    /* A scroller of placeholder rows holds nothing focusable: it takes focus itself so the keyboard can scroll it. */
    .scroller:focus-visible { outline-offset: -2px; }
    .placeholder .skeleton { inline-size: 70%; }
    /*
     * Narrow (a phone, a sidebar): each run becomes a card — workflow, status and why, then kind and the two times
     * (each named by its column's heading, \`data-label\`), then the actions. The header row is read by screen readers
     * only.
     */
    @container relink-runs-list (inline-size < 40rem) {
      .scroll { overflow: visible; }
      table, tbody { display: block; }
      thead { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); }
      /* Each row a card: the table's and the virtualized list's alike. */
      tbody > tr, .scroller [role='row'] {
        display: grid;
        grid-template-columns: auto auto minmax(0, 1fr);
        grid-template-areas: 'workflow workflow workflow' 'status status status' 'kind started updated' 'actions actions actions';
        align-items: baseline;
        gap: ${space1} ${space3};
        padding: ${space2} 0;
        border-block-end: 1px solid ${colorBorder};
      }
      tbody > tr > * { display: block; padding: 0; border: 0; }
      tbody > tr > :nth-child(1) { grid-area: workflow; }
      tbody > tr > :nth-child(2) { grid-area: status; }
      tbody > tr > :nth-child(3) { grid-area: kind; color: ${colorTextMuted}; font-size: ${fontSizeSmall}; }
      tbody > tr > :nth-child(4) { grid-area: started; }
      tbody > tr > :nth-child(5) { grid-area: updated; }
      tbody > tr > :nth-child(6) { grid-area: actions; padding-block-start: ${space1}; }
      [data-label]::before { content: attr(data-label) ' '; color: ${colorTextMuted}; font-size: ${fontSizeSmall}; }
      [role='rowgroup']:first-child { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); }
      .scroller [role='row'] > * { padding: 0; border: 0; }
      .scroller [role='row'] > :nth-child(1) { grid-area: workflow; }
      .scroller [role='row'] > :nth-child(2) { grid-area: status; }
      .scroller [role='row'] > :nth-child(3) { grid-area: kind; color: ${colorTextMuted}; font-size: ${fontSizeSmall}; }
      .scroller [role='row'] > :nth-child(4) { grid-area: started; }
      .scroller [role='row'] > :nth-child(5) { grid-area: updated; }
      .scroller [role='row'] > :nth-child(6) { grid-area: actions; }
    }
    @media (forced-colors: active) {
      [part~='chip-pressed'] { forced-color-adjust: none; background: Highlight; color: HighlightText; border-color: Highlight; }
    }
  `,
];
